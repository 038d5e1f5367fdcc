"""SRC402 rhetorical-filler."""

import pytest

from sourcescore.testing import article, flagged_texts, run_rule


@pytest.mark.parametrize("phrase", ["As the world watches", "only time will tell",
                                    "with bated breath", "The stakes are high",
                                    "it remains to be seen", "hangs in the balance"])
def test_filler_is_flagged(phrase):
    text = f"{phrase[0].upper()}{phrase[1:]}, and the talks resume on Monday."
    analysis = article(text)
    assert [t.lower() for t in flagged_texts(run_rule("SRC402", analysis), analysis)] == [
        phrase.lower()]


def test_editorialising_adverb_is_a_suggestion():
    outcome = run_rule("SRC402", article("Woefully, the mission failed."))
    assert [f.severity for f in outcome.flags] == ["suggestion"]


def test_quoted_filler_is_not_flagged():
    assert run_rule("SRC402", article("“Only time will tell,” the minister said.")).flags == ()


def test_plain_reporting_passes():
    outcome = run_rule("SRC402", article("The talks resume on Monday in Riyadh."))
    assert outcome.flags == () and outcome.score == 100


def test_newsroom_can_extend_and_silence_phrases():
    analysis = article("At this point in time, only time will tell.")
    outcome = run_rule("SRC402", analysis, extra_phrases=("at this point in time",),
                       ignore_phrases=("only time will tell", "time will tell"))
    assert flagged_texts(outcome, analysis) == ["At this point in time"]


def test_density_lowers_the_score():
    one = run_rule("SRC402", article("Only time will tell. " + "The talks went on. " * 60))
    many = run_rule("SRC402", article("Only time will tell. The stakes are high. " * 3
                                      + "The talks went on. " * 40))
    assert many.score < one.score < 100
