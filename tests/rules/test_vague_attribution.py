"""SRC302 vague-attribution."""

import pytest

from sourcescore.testing import article, flagged_texts, run_rule


@pytest.mark.parametrize("text, phrase", [
    ("The administration is reportedly confident of a deal.", "reportedly"),
    ("Critics say the plan will fail.", "Critics say"),
    ("It is believed that the minister will resign.", "It is believed"),
    ("Many fear the war will spread.", "Many fear"),
    ("Observers note that turnout fell.", "Observers note"),
])
def test_weasel_phrases_are_flagged(text, phrase):
    analysis = article(text)
    assert flagged_texts(run_rule("SRC302", analysis), analysis) == [phrase]


def test_named_source_passes():
    outcome = run_rule("SRC302", article("Two officials, Jane Doe and Bob Roe, said so."))
    assert outcome.flags == () and outcome.score == 100


def test_inside_quotation_is_not_flagged():
    assert run_rule("SRC302", article("“Critics say I am wrong,” Jane Doe said.")).flags == ()


def test_extra_phrases_option():
    analysis = article("Word on the street is that the deal is off.")
    outcome = run_rule("SRC302", analysis, extra_phrases=("word on the street",))
    assert flagged_texts(outcome, analysis) == ["Word on the street"]
