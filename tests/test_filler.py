"""Where filler findings fall and what is not filler, beyond the examples each construction
declares (`tests/test_editorial_constructions.py` runs those)."""

from __future__ import annotations

import pytest

from sourcescore.editorial.filler import find_filler, listed


def _found(analyse, text: str) -> list[tuple[str, str]]:
    analysis = analyse(text)
    return [(f.construction.name, text[f.start:f.end])
            for sentence in analysis.sentences for f in find_filler(analysis, sentence)]


@pytest.mark.parametrize("name", ["cliches.txt", "editorial_adverbs.txt",
                                  "editorial_adjectives.txt"])
def test_word_lists_have_no_duplicates(name):
    entries = [entry.lower() for entry in listed(name)]
    assert entries and len(entries) == len(set(entries))


@pytest.mark.model
@pytest.mark.parametrize(("text", "words"), [
    ("Only time will tell whether the talks resume.", "Only time will tell"),
    ("The senator couldn’t be more different from her rival.", "couldn’t be more different"),
    ("It’s no secret that the two men dislike each other.", "It’s no secret"),
    ("The verdict cast a dark cloud over the campaign.", "cast a dark cloud over"),
    ("The ruling opened the floodgates for new lawsuits.", "opened the floodgates"),
    ("Woefully, the mission failed.", "Woefully"),
])
def test_the_finding_marks_the_filler(analyse, text, words):
    assert [found for _, found in _found(analyse, text)] == [words]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "At the end of the day's session, the senate adjourned.",  # literal
    "Jane Doe, the chief negotiator, said the stakes are high for both sides.",  # hers
    "The decision helped pave the way for super PACs in 2010.",  # a causal fact, not a forecast
    "These negotiations will be crucial to the 2,000 workers at the plant.",  # a figure
    "Smith & Co.\nEditor: Jane Doe",  # not prose
    "Fellow Republicans are urging him to make the debate a game-changer.",  # theirs, if vague
])
def test_what_is_not_filler(analyse, text):
    assert _found(analyse, text) == []
