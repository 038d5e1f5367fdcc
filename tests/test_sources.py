"""Source typing from a mention and the document's entities (no model needed)."""

from sourcescore.analysis.sources import source_type
from sourcescore.model import Entity, Span


def _span(text: str, mention: str) -> Span:
    start = text.index(mention)
    return Span(start, start + len(mention), mention)


def test_a_named_person_modifying_an_institution_is_an_organisation():
    text = "The Trump administration is confident."
    entities = (Entity(4, 9, "Trump", "PERSON"),)
    assert source_type(_span(text, "The Trump administration"), entities) == "organization"
    assert source_type(_span(text, "Trump"), entities) == "person"


def test_a_surname_the_model_calls_an_organisation_is_the_person_named_before():
    text = "Steve Witkoff met Putin. Witkoff said the talks went well."
    later = text.index("Witkoff said")
    entities = (Entity(0, 13, "Steve Witkoff", "PERSON"),
                Entity(later, later + 7, "Witkoff", "ORG"))
    assert source_type(Span(later, later + 7, "Witkoff"), entities) == "person"
    # without the earlier full name, the model's label stands
    assert source_type(Span(later, later + 7, "Witkoff"), entities[1:]) == "organization"


def test_a_nationality_before_a_title_is_not_an_organisation():
    text = "the Russian president said"
    entities = (Entity(4, 11, "Russian", "NORP"),)
    assert source_type(_span(text, "the Russian president"), entities) == "unknown"
    white_house = "the White House said"
    assert source_type(_span(white_house, "the White House"),
                       (Entity(4, 15, "White House", "ORG"),)) == "organization"


def test_a_title_before_a_name_is_a_person_but_a_place_after_a_preposition_is_not():
    titled = "economist Jane Roe said"
    assert source_type(_span(titled, "economist Jane Roe"), ()) == "person"
    placed = "Her critics in the Ohio Senate argue"
    entities = (Entity(placed.index("the Ohio"), placed.index(" argue"), "the Ohio Senate",
                       "ORG"),)
    assert source_type(_span(placed, "Her critics in the Ohio Senate"), entities) != "person"


def test_a_role_named_in_apposition_is_that_person():
    from sourcescore.analysis.sources import resolve_sources
    from sourcescore.testing import attribution

    for text, name in (("Dow's chief executive, Andrew Liveris, said it was unrelated.",
                        "Andrew Liveris"),
                       ("A spokeswoman (Jane Roe) said it was unrelated.", "Jane Roe")):
        role = text.split(",")[0].split(" (")[0]
        start = text.index(name)
        found = attribution(text, source=role, cue="said", content="it was unrelated",
                            source_type="anonymous")
        (resolved,) = resolve_sources([found], text, (Entity(start, start + len(name), name,
                                                              "PERSON"),))
        assert (resolved.source_type, resolved.source_name) == ("person", name)


def test_a_role_followed_by_something_else_stays_unnamed():
    from sourcescore.analysis.sources import resolve_sources
    from sourcescore.testing import attribution

    text = "A senior official, speaking to Jane Roe, said the talks stalled."
    found = attribution(text, source="A senior official", cue="said", content="the talks stalled",
                        source_type="anonymous")
    start = text.index("Jane Roe")
    (resolved,) = resolve_sources([found], text, (Entity(start, start + 8, "Jane Roe", "PERSON"),))
    assert resolved.source_type == "anonymous"
