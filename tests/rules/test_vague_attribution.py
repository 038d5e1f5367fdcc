"""SRC302 vague-attribution: the rule around `sourcescore.editorial.vague` (its constructions are
tested in tests/test_vague.py)."""

from sourcescore.testing import article, flagged_texts, parse, run_rule


def test_findings_name_the_construction_and_carry_its_confidence():
    analysis = parse("Critics say the plan will fail.")
    (flag,) = run_rule("SRC302", analysis).flags
    assert flag.message == ("vague attribution \u201cCritics say\u201d: speech or belief put "
                            "to a vague group")
    assert flag.confidence == 0.8


def test_named_sources_score_full_marks():
    outcome = run_rule("SRC302", parse("Jane Doe, the party's treasurer, said the plan failed."))
    assert outcome.flags == () and outcome.score == 100


def test_constructions_option_selects_what_is_checked():
    analysis = parse("Critics say the plan will fail. The minister is expected to resign.")
    assert len(run_rule("SRC302", analysis).flags) == 2
    only = run_rule("SRC302", analysis, constructions=("agentless-passive",))
    assert flagged_texts(only, analysis) == ["is expected to"]


def test_extra_phrases_option_works_without_a_parse():
    analysis = article("Word on the street is that the deal is off.")
    outcome = run_rule("SRC302", analysis, extra_phrases=("word on the street",))
    assert flagged_texts(outcome, analysis) == ["Word on the street"]


def test_score_falls_with_density():
    short = parse("Critics say the plan will fail.")
    padded = parse("Critics say the plan will fail. " + "The council met on Monday. " * 60)
    assert run_rule("SRC302", short).score < run_rule("SRC302", padded).score < 100
