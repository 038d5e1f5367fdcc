"""SRC201 agency-attribution."""

from sourcescore.testing import article, attribution, run_rule


def test_relayed_statement_is_second_hand():
    text = "Peskov expressed optimism about the talks, according to the Interfax news agency."
    analysis = article(text, attribution(text, source="the Interfax news agency",
                                         cue="according to",
                                         content="Peskov expressed optimism about the talks",
                                         source_type="agency"))
    outcome = run_rule("SRC201", analysis)
    assert len(outcome.flags) == 1 and "second-hand" in outcome.flags[0].message
    assert outcome.score == 60


def test_told_an_outlet_is_second_hand():
    text = "Mike Waltz told ABC’s This Week that a deal was close."
    analysis = article(text, attribution(text, source="Mike Waltz", cue="told",
                                         content="a deal was close"))
    assert len(run_rule("SRC201", analysis).flags) == 1


def test_first_hand_statement_passes():
    text = "Peskov told reporters in Moscow that he felt optimistic."
    analysis = article(text, attribution(text, source="Peskov", cue="told",
                                         content="he felt optimistic"))
    outcome = run_rule("SRC201", analysis)
    assert outcome.flags == () and outcome.score == 100


def test_credited_wire_copy_is_reported():
    text = "Headline\n\nLONDON (Reuters) - Jane Doe said markets fell."
    analysis = article(text, attribution(text, source="Jane Doe", cue="said",
                                         content="markets fell"))
    outcome = run_rule("SRC201", analysis)
    assert dict(outcome.metrics)["agency_copy"] == "Reuters"
