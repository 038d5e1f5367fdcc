"""SRC201 agency-attribution: credited wire copy, and claims relayed from another outlet."""

import dataclasses

import pytest

from sourcescore.testing import article, attribution, flagged_texts, parse, run_rule


def test_relayed_statement_is_second_hand():
    text = "Peskov expressed optimism about the talks, according to the Interfax news agency."
    analysis = article(text, attribution(text, source="the Interfax news agency",
                                         cue="according to",
                                         content="Peskov expressed optimism about the talks",
                                         source_type="agency"))
    outcome = run_rule("SRC201", analysis)
    assert len(outcome.flags) == 1 and "second-hand" in outcome.flags[0].message
    assert outcome.score == 30  # a second-hand attribution counts second_hand_credit (0.3)


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


@pytest.mark.parametrize(("text", "cited"), [
    ("Sessions said the deal was dead, he told CNN on Sunday.", "told CNN"),
    ("Trump said in an interview with ITV that the ties were strong.", "in an interview with ITV"),
    ("News of the move was first reported by the Miami Herald.",
     "first reported by the Miami Herald"),
    ("The Times newspaper also reported that the talks had failed.",
     "The Times newspaper also reported"),
    ("Trump spoke in Ohio on Monday.\n\n(h/t Mediaite.)", "h/t Mediaite"),
    # Written for the generalisation issue: the citing words may open the sentence, an
    # appearance on a network's show, and a report or article in another paper.
    ("Appearing on CBS on Sunday, the senator said the bill was dead.", "Appearing on CBS"),
    ("The governor went on CNN to defend the budget.", "went on CNN"),
    ("In a late appearance on Fox News, the mayor denied the charge.",
     "a late appearance on Fox News"),
    ("Budget worries grew after a report in the Miami Herald on Monday.",
     "report in the Miami Herald"),
    ("The senator told a Politico reporter that he would run again.", "told a Politico"),
    ("Mayor vetoes budget\n\nThe mayor has twice vetoed the budget this year, council "
     "members said on Monday. [WaPo.]", "[WaPo.]"),
    # The present tense of reporting, and a columnist writing at another paper.
    ("CBS News reports that the letter was sent from Boston.", "CBS News reports"),
    ("Bonuses were paid every quarter, The Wall Street Journal is reporting.",
     "The Wall Street Journal is reporting"),
    ("Politico reveals that the county backed the winner in every race.", "Politico reveals"),
    ("Nate Cohn, writing in The New York Times, found the gap had closed.",
     "writing in The New York Times"),
    ("Council under fire\n\nFrom Jane Roe writing at The New York Post:\n\n\"The council "
     "has spent the year arguing about parking.\"", "writing at The New York Post"),
    # A broadcast named by its host or its kind; a paper known by its masthead's shape; an
    # outlet that noted what the story relays.
    ("The senator told host Jane Roe that the bill was dead.", "told host Jane Roe"),
    ("Speaking on radio show Morning Drive, the mayor said taxes would rise.",
     "Speaking on radio show Morning Drive"),
    ("The mill closed in May, as the Springfield Gazette noted.", "the Springfield Gazette noted"),
    ("“It was cordial,” she said during a call to ABC’s “Good Morning America.”",
     "during a call to ABC’s “Good Morning America.”"),
    ("Sunday, on CNN’s “State of the Union,” the governor defended the budget.",
     "on CNN’s “State of the Union,”"),
    # An interview named by its subject's determiner; an outlet reporting in words the
    # patterns do not reach, found by the extractor as a source typed `media`.
    ("The mayor, during her interview with CNN, said the budget was sound.",
     "during her interview with CNN"),
    ("The senator said in another interview with NPR that the bill was dead.",
     "in another interview with NPR"),
    ("The Springfield Gazette, citing court papers, reported that the fund was empty.",
     "The Springfield Gazette, citing court papers, reported"),
    ("The Boston Globe later reported that the council had met in secret.",
     "The Boston Globe later reported"),
    # Remarks, comments or a statement given to an outlet are that outlet's material.
    ("The governor's remarks to CNN focused on the budget.", "remarks to CNN"),
    ("In comments to NPR, the senator said the bill was dead.", "comments to NPR"),
    ("The company said in a statement to CBS News that it would appeal.",
     "statement to CBS News"),
    # "tell" in any form; a record another outlet obtained; an outlet that noted a point,
    # however far the verb stands from its name.
    ("The mayor did tell NPR that the talks had stalled.", "tell NPR"),
    ("“We will win,” the chairman said in a letter obtained by The Boston Globe.",
     "obtained by The Boston Globe"),
    ("The Boston Globe, for one, noted the gap between the two budgets.",
     "The Boston Globe, for one, noted"),
    ("During a CNN panel on Sunday, the senator said the bill was dead.", "CNN panel"),
])
def test_citations_of_another_outlet_are_flagged_at_the_citing_words(text, cited):
    analysis = parse(text)
    assert flagged_texts(run_rule("SRC201", analysis), analysis) == [cited]


@pytest.mark.parametrize("text", [
    "A national poll released Sunday by The Washington Post and ABC News shows him ahead.",
    "A USA TODAY analysis of campaign-finance reports shows donations surging.",
    "“There is no spine in him,” reads a Wednesday editorial in The Des Moines Register.",
    "Fallon said the AP report is misleading because it leaves out most meetings.",
    "Trump sparred with Rubio at the CNN debate in Miami on Thursday.",
    "The senator said the Miami Herald investigation was unfair to her staff.",
    "The mayor met the host of the radio show on Monday.",
])
def test_an_outlets_poll_analysis_editorial_debate_or_mere_mention_is_not_second_hand(text):
    assert run_rule("SRC201", parse(text)).flags == ()


def test_the_houses_own_interviews_are_not_second_hand():
    wire = ("Talks stall\n\n"
            "LONDON (Reuters) - Jane Doe told Reuters on Tuesday that talks had failed.")
    assert run_rule("SRC201", parse(wire)).flags == ()
    byline = ("Talks stall\n\nBy Jane Roe | The Washington Post\n\n"
              "Jane Doe told The Washington Post that talks had failed.")
    assert run_rule("SRC201", parse(byline)).flags == ()
    plain = "Jane Doe told The Washington Post that talks had failed."
    assert len(run_rule("SRC201", parse(plain)).flags) == 1
    house = dataclasses.replace(parse(plain), house=("The Washington Post",))  # configured
    assert run_rule("SRC201", house).flags == ()


def test_a_later_reference_back_to_another_outlets_interview_is_a_citation():
    story = ("Leave plan\n\n"
             "Ivanka Trump described the plan in an interview with Cosmopolitan last week.\n\n"
             "She noted the rule in the interview, saying fathers would not be eligible.")
    analysis = parse(story)
    assert flagged_texts(run_rule("SRC201", analysis), analysis) == [
        "in an interview with Cosmopolitan", "the interview"]


def test_another_outlets_record_that_carries_the_sentence_is_relied_on_and_referred_back_to():
    story = ("Audit urged\n\n"
             "The Miami Herald’s investigation into the contracts has renewed calls for an "
             "audit.\n\n"
             "The investigation also documented payments to two of the mayor’s donors.")
    analysis = parse(story)
    assert flagged_texts(run_rule("SRC201", analysis), analysis) == [
        "The Miami Herald’s investigation", "The investigation"]
