"""Where vague findings fall and what is not vague, beyond the examples each construction
declares (`tests/test_editorial_constructions.py` runs those)."""

from __future__ import annotations

import pytest

from sourcescore.editorial.vague import find_vague


def _found(analyse, text: str) -> list[tuple[str, str]]:
    analysis = analyse(text)
    return [(v.construction.name, text[v.start:v.end])
            for sentence in analysis.sentences for v in find_vague(analysis, sentence)]


@pytest.mark.model
@pytest.mark.parametrize(("text", "words"), [
    ("Critics say the plan is doomed.", "Critics say"),
    ("The central bank is not expected to change rates.", "is not expected to"),
    ("The governor is widely seen as the front-runner.", "is widely seen as"),
    ("The proposal has drawn criticism.", "drawn criticism"),
    ("Hopes remain for a ceasefire.", "Hopes remain"),
    ("Polls show high levels of voter discontent.", "Polls show"),
    ("Sources say the deal is off.", "Sources say"),
])
def test_the_finding_marks_the_words_that_are_vague(analyse, text, words):
    assert [found for _, found in _found(analyse, text)] == [words]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "“Critics say I am wrong,” Jane Doe said.",  # a speaker's words
    "Jane Doe, the party's treasurer, said critics expect the bill to fail.",  # hers
    "People briefed on the talks say the deal is off.",  # a basis: SRC102's, not vague
    "Republicans have portrayed the plan as a danger to security.",  # a party's public line
    "Polls show the race tied\nCritics say the plan is doomed",  # headlines
    "The agency, which is controversial because of its budget, met on Monday.",  # an aside
    "The plan can be seen as a test of the new rules.",  # the reporter's reading
])
def test_what_is_not_vague_attribution(analyse, text):
    assert _found(analyse, text) == []


@pytest.mark.model
def test_experts_named_in_the_story_are_not_vague(analyse):
    story = ("Leave plan is vague\n\n"
             "The plan is vague about who would be eligible, experts say.\n\n"
             "Jane Tanner, an analyst at the Cato Institute, said the language was unclear.")
    assert _found(analyse, story) == []
    assert _found(analyse, story.replace("an analyst", "a neighbour")) == \
        [("group-says", "experts say")]


@pytest.mark.model
def test_they_carries_a_vague_group_to_the_next_sentence(analyse):
    story = ("Several Democrats said the vote was a warning. "
             "They also said voters were angry about the economy.")
    assert [name for name, _ in _found(analyse, story)] == ["group-says", "group-says"]


@pytest.mark.model
def test_allegedly_is_standard_in_crime_reporting(analyse):
    assert _found(analyse, "The man allegedly stole a car and was arrested on Friday.") == []
    assert _found(analyse, "The senator allegedly favoured the plan.") == \
        [("hedge-adverb", "allegedly")]
