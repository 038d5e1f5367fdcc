"""SRC101 named-source-ratio: the share of sourcing that is named (a measure, no findings)."""

from sourcescore.testing import article, attribution, run_rule


def test_unnamed_sourcing_scores_low_and_leaves_the_finding_to_src102():
    text = "Senior officials said the ceasefire talks had collapsed."
    analysis = article(text, attribution(text, source="Senior officials", cue="said",
                                         content="the ceasefire talks had collapsed",
                                         source_type="anonymous"))
    outcome = run_rule("SRC101", analysis)
    assert outcome.score == 0 and outcome.flags == ()
    assert dict(outcome.metrics) == {"named": 0, "unnamed": 1}
    assert len(run_rule("SRC102", analysis).flags) == 1


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


def test_vague_groups_are_left_out_of_the_ratio():
    text = "Critics said it failed. Jane Doe said it worked."
    analysis = article(text,
                       attribution(text, source="Critics", cue="said", content="it failed",
                                   source_type="group"),
                       attribution(text, source="Jane Doe", cue="said", content="it worked"))
    assert run_rule("SRC101", analysis).score == 100


def test_counts_as_unnamed_exactly_the_sources_src102_asks_for_a_reason():
    """One decision of who is anonymous: a source the story names elsewhere, or one inside
    another source's words, lowers neither SRC101 nor draws SRC102."""
    from sourcescore.testing import parse

    story = ("Talks stall\n\n"
             "A veteran diplomat said the talks had stalled.\n\n"
             "Wendy Sherman, a veteran diplomat, led the American team.")
    for text, unnamed in ((story, 0),
                          (story.replace("Wendy Sherman, a veteran diplomat,", "The team"), 1)):
        analysis = parse(text)
        assert dict(run_rule("SRC101", analysis).metrics).get("unnamed", 0) == unnamed
        assert len(run_rule("SRC102", analysis).flags) == unnamed
