"""SRC301 unattributed-claims."""

from sourcescore.testing import article, attribution, flagged_texts, run_rule


def test_unsourced_figure_is_flagged():
    text = "The strikes killed 1,300 people last week."
    analysis = article(text)
    assert flagged_texts(run_rule("SRC301", analysis), analysis) == [text]


def test_sourced_figure_passes():
    text = "The strikes killed 1,300 people last week, the health ministry said."
    analysis = article(text, attribution(text, source="the health ministry", cue="said",
                                         content="The strikes killed 1,300 people last week",
                                         source_type="organization"))
    assert run_rule("SRC301", analysis).flags == ()


def test_unsourced_causal_claim_is_flagged():
    text = "The collapse of the deal led to a sharp rise in fighting."
    assert len(run_rule("SRC301", article(text)).flags) == 1


def test_neighbouring_sentence_counts_as_sourcing():
    text = "Jane Doe said the plan was ready. It will cost 200 million dollars."
    analysis = article(text, attribution(text, source="Jane Doe", cue="said",
                                         content="the plan was ready"))
    assert run_rule("SRC301", analysis).flags == ()
    assert len(run_rule("SRC301", analysis, context_sentences=0).flags) == 1


def test_distant_sentence_in_a_long_paragraph_does_not_source_a_claim():
    text = ("Jane Doe said the plan was ready. The plan is large. The plan is old. "
            "It will cost 200 million dollars.")
    analysis = article(text, attribution(text, source="Jane Doe", cue="said",
                                         content="the plan was ready"))
    assert len(run_rule("SRC301", analysis).flags) == 1


def test_headlines_and_questions_are_skipped():
    text = "Deal costs 5 billion\nWill it cost 5 billion?"
    assert run_rule("SRC301", article(text)).score is None


def test_smoothing_keeps_one_claim_from_zeroing_a_brief():
    outcome = run_rule("SRC301", article("The fire destroyed 40 homes."))
    assert 0 < outcome.score < 100


def test_intention_ascribed_by_the_reporter_is_a_claim():
    text = "Putin wants to keep the land he has seized."
    analysis = article(text, attribution(text, source="Putin", cue="wants", cue_lemma="want",
                                         content="to keep the land he has seized",
                                         is_speech=False))
    flags = run_rule("SRC301", analysis).flags
    assert [f.message for f in flags] == ["unattributed claim about intentions or beliefs"]
