"""SRC301 unattributed-claims: the claims an editor wants sourced, and what sources them.

The detectors read the parse (`Sentence.words`), so most of these tests parse real text.
"""

import pytest

from sourcescore.testing import article, flagged_texts, parse, run_rule


def messages(text: str, **options) -> list[str]:
    return [flag.message for flag in run_rule("SRC301", parse(text), **options).flags]


@pytest.mark.parametrize(("text", "kind"), [
    ("The strikes killed 1,300 people last week.", "figure"),
    ("The strikes killed 40 people last week.", "figure"),  # a toll is always someone's count
    ("The senator met donors behind closed doors on Tuesday.", "private"),
    ("Voters are furious about the tax.", "group mind"),
    ("Prices would rise next year.", "prediction"),
    ("The governor vetoed the bill because he feared a primary challenge.", "cause"),
])
def test_claims_in_the_reporters_voice_are_flagged_by_kind(text, kind):
    found = messages(text)
    assert len(found) == 1 and found[0].startswith(f"unattributed {kind} ")


@pytest.mark.parametrize("text", [
    "The strikes killed 1,300 people last week, the health ministry said.",
    "According to the health ministry, the strikes killed 1,300 people last week.",
    "Labor Department figures showed the economy added 200,000 jobs in May.",
    "He was born in 1962 and has three children.",
    "The committee will meet on Tuesday to vote on the bill.",  # a schedule, not a forecast
    # "according to" vouches for the whole sentence, not only the quotation beside it
    "“She can win,” the mayor told aides behind closed doors, according to Jane Roe, her "
    "former deputy.",
])
def test_sourced_claims_and_plain_facts_pass(text):
    assert messages(text) == []


def test_a_speakers_running_paraphrase_carries_the_source_to_the_next_sentence():
    carried = "Jane Doe said the plan was ready. It will also cost 200 million dollars."
    fresh = "Jane Doe said the plan was ready. The plan will cost 200 million dollars."
    assert messages(carried) == []
    assert len(messages(fresh)) == 1


def test_a_paragraph_lead_in_sources_the_figures_that_follow():
    text = ("The tally is based on an Associated Press count of delegates.\n\n"
            "According to the count, Clinton has 2,200 delegates. Sanders has 1,500 delegates.")
    assert messages(text) == []


def test_the_finding_marks_the_words_that_make_the_claim():
    text = "Officials met on Monday. The storm destroyed 4,000 homes in the valley."
    analysis = parse(text)
    assert flagged_texts(run_rule("SRC301", analysis), analysis) == ["4,000"]


def test_the_shipped_opinion_profile_checks_figures_only(checker):
    column = ("OPINION | The mayor is failing us\n\n"
              "Voters are furious about the tax, and they should be. "
              "The tax will drive families away. It takes 4,000 dollars from each household.")
    report = checker.check_text(column)
    assert report.genre.name == "opinion"
    found = [f.message for f in report.findings if f.code == "SRC301"]
    assert found and all(m.startswith("unattributed figure") for m in found)
    # the same text declared news (front matter) is checked for every kind of claim
    news = checker.check_text("---\ngenre: news\n---\n" + column.replace("OPINION | ", ""),
                              "column.md")
    assert news.genre.name == "news"
    assert {f.message.split()[1] for f in news.findings if f.code == "SRC301"} > {"figure"}


def test_kinds_option_limits_what_is_checked():
    text = "Prices could rise next year. The strikes killed 1,300 people."
    assert len(messages(text)) == 2
    assert [m.split("“")[0] for m in messages(text, kinds=("figure",))] == \
        ["unattributed figure "]


def test_headlines_questions_and_quotations_are_not_claims():
    assert run_rule("SRC301", article("Deal costs 5 billion\nWill it cost 5 billion?")).score \
        is None
    assert messages("“Prices will rise by 40 percent next year,” the minister said.") == []


def test_smoothing_keeps_one_claim_from_zeroing_a_brief():
    outcome = run_rule("SRC301", parse("The fire destroyed 4,000 homes."))
    assert len(outcome.flags) == 1 and 0 < outcome.score < 100
    assert run_rule("SRC301", parse("The fire destroyed 4,000 homes."), prior=0).score == 0


def test_a_claim_put_to_a_vague_source_is_left_to_src302():
    assert messages("Critics say prices will rise by 40 percent next year.") == []


def test_a_word_inside_filler_is_left_to_src402_but_a_claim_it_frames_is_not():
    assert messages("In a dramatic turn of events, the talks collapsed on Monday.") == []
    assert messages("Only time will tell what the talks bring.") == []
    framed = messages("It's no secret that the two sides distrust each other.")
    assert len(framed) == 1 and framed[0].startswith("unattributed")


def test_a_tally_whose_opening_names_its_count_is_sourced(checker):
    tally = ("Delegate tally\n\n"
             "The delegate count for the nomination, based on an Associated Press count of "
             "delegates won in primaries and caucuses.\n\n"
             "Clinton: 1,769\n\nSanders: 1,321\n\nNeeded to win: 2,383\n\nStates left: 14\n")
    report = checker.check_text(tally)
    assert report.genre.name == "list"
    assert [f for f in report.findings if f.code == "SRC301"] == []
    assert report.score >= 85  # ready: a credited tally is a sourced story


def _severities(text: str, **options) -> list[str | None]:
    return [flag.severity for flag in run_rule("SRC301", parse(text), **options).flags]


def test_a_fact_stated_unsourced_in_the_lede_holds_the_story_a_forecast_does_not():
    lede = "Plant cuts jobs\n\nThe plant laid off 4,000 workers this year.\n\nThe mayor spoke."
    assert _severities(lede) == ["error"]
    forecast = "Plant in trouble\n\nThe plant could lose money next year.\n\nThe mayor spoke."
    assert _severities(forecast) == [None]  # the rule's own severity, a warning
    assert "in the lede" in messages(forecast)[0]
    assert _severities(forecast, lede_kinds=("prediction",)) == ["error"]
    later = "Plant cuts jobs\n\nThe mayor spoke.\n\nThe plant laid off 4,000 workers this year."
    assert _severities(later) == [None]


def test_claim_kinds_are_checked_when_the_configuration_loads(tmp_path):
    from sourcescore.api import Checker
    from sourcescore.errors import ConfigError

    config = tmp_path / "rules.toml"
    config.write_text('[rules.SRC301]\nlede_kinds = ["figures"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"rules\.SRC301\.lede_kinds\[0\]: must be 'figure'"):
        Checker(config)


def _far_from_its_report(last: str) -> str:
    """A report named in the fourth paragraph, and `last` seven paragraphs on: too far for the
    report to carry over, so only the words they share can tie them."""
    quiet = ["The council met on Monday.", "Members debated the agenda for an hour.",
             "The mayor thanked the volunteers.", "The library extended its hours.",
             "The parade route was announced.", "A new bakery opened downtown.",
             "The school board chose a new principal."]
    report = ("According to a report by the state energy office, coal plants across the region "
              "employ skilled miners.")
    return "Energy in the region\n\n" + "\n\n".join([*quiet[:3], report, *quiet[3:], last])


@pytest.mark.model
def test_a_far_report_covers_a_figure_only_on_its_own_subject():
    # five content words shared (coal, plant, employ, skilled, miner): the report's subject
    assert messages(_far_from_its_report("Coal plants employ 4,000 skilled miners.")) == []
    # three (coal, plant, employ): any figure of a long story would share as much
    assert messages(_far_from_its_report("Coal plants employ 4,000 people.")) == \
        ["unattributed figure \u201c4,000\u201d"]
