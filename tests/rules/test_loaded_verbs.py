"""SRC401 loaded-verbs."""

from sourcescore.testing import article, attribution, run_rule


def with_cue(verb, lemma):
    text = f"The minister {verb} the talks had gone well."
    return article(text, attribution(text, source="The minister", cue=verb, cue_lemma=lemma,
                                     content="the talks had gone well"))


def test_loaded_verb_is_flagged():
    outcome = run_rule("SRC401", with_cue("claimed", "claim"))
    assert len(outcome.flags) == 1 and "implies doubt" in outcome.flags[0].message


def test_said_passes():
    outcome = run_rule("SRC401", with_cue("said", "say"))
    assert outcome.flags == () and outcome.score == 100


def test_verb_list_is_configurable():
    assert run_rule("SRC401", with_cue("claimed", "claim"), verbs=("insist",)).flags == ()


def test_beliefs_and_inferences_are_not_counted_as_attribution_verbs():
    text = "The minister claimed the talks went well. The deal seems close."
    analysis = article(
        text,
        attribution(text, source="The minister", cue="claimed", cue_lemma="claim",
                    content="the talks went well"),
        attribution(text, source=None, cue="seems", cue_lemma="seem",
                    content="The deal seems close", is_speech=False))
    outcome = run_rule("SRC401", analysis)
    assert dict(outcome.metrics)["cues"] == 1 and outcome.score == 0
