"""SRC101 named-source-ratio: should-flag and should-pass sentences."""

from sourcescore.testing import article, attribution, flagged_texts, run_rule


def test_flags_unnamed_source():
    text = "Senior officials said the ceasefire talks had collapsed."
    analysis = article(text, attribution(text, source="Senior officials", cue="said",
                                         content="the ceasefire talks had collapsed",
                                         source_type="anonymous"))
    outcome = run_rule("SRC101", analysis)
    assert flagged_texts(outcome, analysis) == ["Senior officials"]
    assert outcome.score == 0


def test_named_source_passes():
    text = "Foreign Minister Jane Doe said the ceasefire talks had collapsed."
    analysis = article(text, attribution(text, source="Foreign Minister Jane Doe", cue="said",
                                         content="the ceasefire talks had collapsed"))
    outcome = run_rule("SRC101", analysis)
    assert outcome.flags == ()
    assert outcome.score == 100


def test_anonymous_key_claim_costs_more_than_anonymous_background():
    """Prominence: a quoted figure from an unnamed source weighs more than a background line."""
    named = "Jane Doe said it worked.\nBob Roe said it worked.\nAnn Poe said it worked.\n"
    key = named + "“The strikes killed 300 people,” officials said."
    background = named + "Officials said the plan failed."

    def score(text, content):
        parts = [attribution(text, source="fficials", cue="said", content=content,
                             source_type="anonymous", after=len(named))]
        for name in ("Jane Doe", "Bob Roe", "Ann Poe"):
            parts.append(attribution(text, source=name, cue="said", content="it worked",
                                     after=text.index(name)))
        return run_rule("SRC101", article(text, *parts)).score

    assert score(key, "“The strikes killed 300 people,”") < \
        score(background, "the plan failed") < 100


def test_no_attributions_does_not_apply():
    assert run_rule("SRC101", article("Snow fell in the city.")).score is None
