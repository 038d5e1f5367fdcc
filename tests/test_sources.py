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
