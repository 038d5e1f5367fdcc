"""What is and is not the reporter's own claim, beyond the examples each kind declares
(`tests/test_editorial_constructions.py` runs those)."""

from __future__ import annotations

import pytest

from sourcescore.editorial.claims import claims_in


def _kinds(analyse, text: str) -> list[str]:
    analysis = analyse(text)
    return [c.name for sentence in analysis.sentences for c in claims_in(sentence, analysis)]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "If Republicans plan to move judges in order, the vote will slip.",  # a condition
    "Trump got in trouble by saying that the judge was biased because of his heritage.",
    "Romney's warning that the country would suffer drew applause.",  # a speech noun's content
    "“Prices will rise by 40 percent,” the minister said.",  # a quotation
    "Party leaders issued a stark warning: any leaked emails may contain forgeries.",
    "But I would not count on a deal before the election.",  # the writer's declared view
    "The men let their bosses think that all the assistants welcome the attention.",  # belief
])
def test_what_someone_else_says_or_supposes_is_no_claim_of_the_reporter(analyse, text):
    assert _kinds(analyse, text) == []


@pytest.mark.model
def test_a_colon_after_plain_narration_introduces_the_reporters_own_claim(analyse):
    assert _kinds(analyse, "Prices rose sharply last year: the index may rise again.") == \
        ["prediction"]
