"""SRC401 loaded-verbs: attribution verbs that take sides, in their loaded sense only."""

import pytest

from sourcescore.testing import article, attribution, flagged_texts, parse, run_rule


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


@pytest.mark.parametrize("text", [
    "Canada wanted to admit 250,000 Syrians.",  # let in
    "She insisted on a vote.",  # a demand
    "She insisted that any package include a freeze.",  # a demand, in the subjunctive
    "He admitted that he had lied to investigators.",  # a real admission
    "The hacker pleaded guilty, admitting that he was behind the break-ins.",  # in a plea
    "She conceded defeat on Tuesday.",
    "He hopes to claim the nomination in June.",  # to win it
    "Trump's claim that the judge was biased drew criticism.",  # a noun
    "“The deal is dead,” the minister said.",
    # Written for the generalisation issue: the words need their sense and someone to speak.
    "The storm ripped into the coast on Monday.",  # no one attacks anything
    "Protesters said the senator “bashed the poor” in his speech.",  # inside a quotation
    "The crew ripped the old carpet out.",  # "rip" without "into"
    "Clinton boasts a 45-point lead among black voters.",  # has, not brags
])
def test_words_that_are_not_loaded_attribution(text):
    assert run_rule("SRC401", parse(text)).flags == ()


@pytest.mark.parametrize(("text", "verb"), [
    ("Trump claimed that the judge was biased.", "claimed"),
    ("She insisted the plan was working.", "insisted"),
    ("“It was rigged,” she insisted.", "insisted"),
    ("He admitted the plan was late.", "admitted"),
    ("Trump slammed the media for asking.", "slammed"),
    ("Davis lashed out at the nominee on Facebook.", "lashed out"),
    # Verbs of attack in the reporter's voice that no attribution cue carries.
    ("On Wednesday, Clinton bashed Trump's proposal to ban new arrivals.", "bashed"),
    ("Bill Clinton unloaded on Sanders in a speech on Sunday.", "unloaded"),
    ("He rails against the trade deal at every stop.", "rails"),
    ("And he boasts about them on the campaign trail.", "boasts"),
])
def test_loaded_attribution_read_by_the_parse(text, verb):
    analysis = parse(text)
    assert flagged_texts(run_rule("SRC401", analysis), analysis) == [verb]
