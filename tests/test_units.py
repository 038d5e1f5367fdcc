"""What each sentence is in the story (`sourcescore.analysis.units`): body text that makes
claims, or the furniture around it."""

from __future__ import annotations

from sourcescore.testing import article


def _roles(text: str) -> dict[str, str]:
    return {s.text: s.role for s in article(text).sentences}


def test_a_head_in_capitals_is_a_headline_alone_or_over_its_item():
    roles = _roles("Morning digest\n\n"
                   "BANKING.\n\n"
                   "The bank cut rates on Monday.\n\n"
                   "TEN KILLED IN CITY BLAST. The blast hit a market on Monday, police said. "
                   "[NYT.]")
    assert roles["BANKING."] == "headline"
    assert roles["TEN KILLED IN CITY BLAST."] == "headline"  # over its item, same paragraph
    assert roles["The blast hit a market on Monday, police said."] == "body"
    assert roles["[NYT."] == "body"  # a credit closing the item is not a head


def test_a_sentence_that_only_opens_in_capitals_stays_body_text():
    roles = _roles("Morning digest\n\nWASHINGTON — The senate passed the bill on Monday.")
    assert roles["WASHINGTON — The senate passed the bill on Monday."] == "body"
