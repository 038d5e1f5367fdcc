"""SRC102 anonymous-source-reason: an unnamed source needs a reason for anonymity or a basis."""

import pytest

from sourcescore.testing import article, attribution, flagged_texts, parse, run_rule


def anonymous(text, source="A senior official", content="the deal was dead"):
    return article(text, attribution(text, source=source, cue="said", content=content,
                                     source_type="anonymous"))


def test_flags_anonymity_without_reason_or_basis():
    text = "Talks stall in Geneva.\n\nThe delegations met on Monday.\n\n" \
           "A senior official said the deal was dead."
    outcome = run_rule("SRC102", anonymous(text))
    assert len(outcome.flags) == 1
    assert outcome.flags[0].severity is None  # the rule's configured severity: a warning
    assert "neither why anonymity was granted nor how the source knows" in \
        outcome.flags[0].message
    assert outcome.score == 0  # the story's only sourcing


def test_an_unexplained_anonymous_source_in_the_lede_is_an_error():
    outcome = run_rule("SRC102", anonymous("A senior official said the deal was dead."))
    assert [f.severity for f in outcome.flags] == ["error"]
    assert "in the lede" in outcome.flags[0].message and outcome.score == 0
    assert run_rule("SRC102", anonymous("A senior official said the deal was dead."),
                    lede_severity="").flags[0].severity is None


@pytest.mark.parametrize("text", [
    "A senior official, who spoke on condition of anonymity because the talks are private, "
    "said the deal was dead.",  # a reason
    "A senior official familiar with the talks said the deal was dead.",  # a basis
    "A senior official said the deal was dead. He was not authorized to discuss the talks.",
])
def test_a_reason_or_a_basis_in_the_paragraph_is_enough(text):
    outcome = run_rule("SRC102", anonymous(text))
    assert outcome.flags == () and outcome.score == 100


def test_extra_reason_option():
    text = "A senior official, citing embassy rules, said the deal was dead."
    assert len(run_rule("SRC102", anonymous(text)).flags) == 1
    assert run_rule("SRC102", anonymous(text), extra_reasons=("citing embassy rules",)).flags \
        == ()


def test_a_source_quoted_again_is_one_finding():
    text = "A senior official said the deal was dead.\n\nThe senior official said talks were over."
    analysis = article(
        text,
        attribution(text, source="A senior official", cue="said", content="the deal was dead",
                    source_type="anonymous"),
        attribution(text, source="The senior official", cue="said", content="talks were over",
                    source_type="anonymous"))
    assert flagged_texts(run_rule("SRC102", analysis), analysis) == ["A senior official"]


def test_a_source_the_story_names_elsewhere_is_not_anonymous():
    story = ("Talks stall\n\n"
             "A veteran diplomat said the talks had stalled.\n\n"
             "Wendy Sherman, a veteran diplomat, led the American team.")
    assert run_rule("SRC102", parse(story)).flags == ()
    assert len(run_rule("SRC102", parse(story.replace("Wendy Sherman, a veteran diplomat,",
                                                      "The team"))).flags) == 1


def test_vague_groups_and_polls_are_not_anonymous_sources():
    for text in ("Critics said the deal was dead.",
                 "Fifty-five percent of voters said the deal was dead, a Quinnipiac poll found."):
        assert run_rule("SRC102", parse(text)).flags == ()


def test_no_anonymous_sources_does_not_apply():
    text = "Jane Doe said the deal was dead."
    analysis = article(text, attribution(text, source="Jane Doe", cue="said",
                                         content="the deal was dead"))
    assert run_rule("SRC102", analysis).score is None


def test_an_unnamed_source_inside_a_named_sources_account_is_hers_to_answer_for():
    text = ("The talks stalled.\n\nJane Roe said a senior official had told her the deal was "
            "dead.")
    relayed = attribution(text, source="a senior official", cue="told",
                          content="the deal was dead", source_type="anonymous")
    hers = attribution(text, source="Jane Roe", cue="said",
                       content="a senior official had told her the deal was dead")
    assert run_rule("SRC102", article(text, hers, relayed)).flags == ()
    alone = article(text, relayed)  # nobody named relays it: the reporter's own source
    assert len(run_rule("SRC102", alone).flags) == 1


def test_a_public_post_is_on_the_record():
    text = "The talks stalled.\n\nOne user tweeted that the deal was dead."
    posted = attribution(text, source="One user", cue="tweeted", cue_lemma="tweet",
                         content="the deal was dead",
                         source_type="anonymous")
    assert run_rule("SRC102", article(text, posted)).flags == ()


@pytest.mark.parametrize(("text", "flagged"), [
    ("Federal prosecutors wrote in a court filing that the fund was empty.", []),
    ("Officials said in a statement that the plant would close.", []),
    # Speech in a setting nobody can read afterwards is still an unnamed source's.
    ("Officials said in an interview that the plant would close.", ["Officials"]),
])
def test_an_unnamed_source_speaking_through_a_public_record_is_on_the_record(text, flagged):
    """A filing or a statement is the source, there for anyone to read; no confidence was
    granted, so there is no reason for anonymity to ask for."""
    analysis = parse(f"Plant to close\n\n{text}")
    assert flagged_texts(run_rule("SRC102", analysis), analysis) == flagged


def test_an_unnamed_source_inside_another_unnamed_sources_account_is_one_finding():
    text = ("The talks stalled.\n\nAides were furious, according to people close to the "
            "campaign.")
    inner = attribution(text, source="Aides", cue="were furious", content="furious",
                        source_type="anonymous")
    outer = attribution(text, source="people close to the campaign", cue="according to",
                        content="Aides were furious", source_type="anonymous")
    flags = run_rule("SRC102", article(text, inner, outer)).flags
    assert [text[f.start:f.end] for f in flags] == ["people close to the campaign"]


@pytest.mark.parametrize("source", ["attorneys for the family", "Clinton's lawyers",
                                    "their attorneys"])
def test_a_clients_lawyers_speak_on_the_record(source):
    text = f"The talks stalled.\n\nThe deal was dead, {source} said."
    found = attribution(text, source=source, cue="said", content="The deal was dead",
                        source_type="anonymous")
    assert run_rule("SRC102", article(text, found)).flags == ()


def test_a_reason_given_later_covers_the_same_source_where_it_first_spoke():
    text = ("Israeli officials said the meeting would go ahead.\n\n"
            "The officials said it was set two weeks ago.\n\n"
            "An Israeli official, speaking on condition of anonymity because the schedule is "
            "private, said the date had not moved.\n\n"
            "Arab lawmakers said the meeting was a mistake.")
    analysis = article(text, *(attribution(text, source=source, cue="said", content=content,
                                           source_type="anonymous", after=text.index(source))
                               for source, content in [
        ("Israeli officials", "the meeting would go ahead"),
        ("The officials", "it was set two weeks ago"),
        ("An Israeli official", "the date had not moved"),
        ("Arab lawmakers", "the meeting was a mistake")]))
    # the lede's source and its echo are the official given a reason; other sources are not
    assert flagged_texts(run_rule("SRC102", analysis), analysis) == ["Arab lawmakers"]
