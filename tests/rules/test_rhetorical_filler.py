"""SRC402 rhetorical-filler: the rule around `sourcescore.editorial.filler` (its constructions are
tested in tests/test_filler.py)."""

import pytest

from sourcescore.testing import article, flagged_texts, parse, run_rule


@pytest.mark.parametrize("phrase", ["As the world watches", "only time will tell",
                                    "with bated breath", "The stakes are high",
                                    "it remains to be seen", "hangs in the balance"])
def test_cliches_are_flagged_without_a_parse(phrase):
    text = f"{phrase[0].upper()}{phrase[1:]}, and the talks resume on Monday."
    analysis = article(text)
    assert [t.lower() for t in flagged_texts(run_rule("SRC402", analysis), analysis)] == [
        phrase.lower()]


def test_findings_say_what_kind_of_filler():
    analysis = parse("Woefully, the mission failed. This underscores the deep mistrust "
                     "between the two sides.")
    messages = [f.message for f in run_rule("SRC402", analysis).flags]
    assert messages == ["editorialising adverb \u201cWoefully\u201d",
                        "empty gloss \u201cThis underscores the deep mistrust between the two "
                        "sides\u201d"]


def test_quoted_filler_is_not_flagged():
    assert run_rule("SRC402", article("“Only time will tell,” the minister said.")).flags == ()


def test_plain_reporting_passes():
    outcome = run_rule("SRC402", parse("The talks resume on Monday in Riyadh."))
    assert outcome.flags == () and outcome.score == 100


def test_newsroom_can_extend_and_silence_phrases():
    analysis = article("At this point in time, only time will tell.")
    outcome = run_rule("SRC402", analysis, extra_phrases=("at this point in time",),
                       ignore_phrases=("only time will tell",))
    assert flagged_texts(outcome, analysis) == ["At this point in time"]


def test_constructions_option_selects_what_is_checked():
    analysis = parse("Woefully, only time will tell.")
    assert len(run_rule("SRC402", analysis).flags) == 2
    assert flagged_texts(run_rule("SRC402", analysis, constructions=("cliche",)), analysis) \
        == ["only time will tell"]


def test_density_lowers_the_score():
    one = run_rule("SRC402", article("Only time will tell. " + "The talks went on. " * 60))
    many = run_rule("SRC402", article("Only time will tell. The stakes are high. " * 3
                                      + "The talks went on. " * 40))
    assert many.score < one.score < 100
