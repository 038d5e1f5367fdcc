"""SRC102 anonymous-source-reason."""

from sourcescore.testing import article, attribution, run_rule


def anonymous(text, source="A senior official"):
    return article(text, attribution(text, source=source, cue="said",
                                     content="the deal was dead", source_type="anonymous"))


def test_flags_anonymity_without_reason_or_basis():
    outcome = run_rule("SRC102", anonymous("A senior official said the deal was dead."))
    assert len(outcome.flags) == 1
    assert outcome.flags[0].severity is None  # the rule's configured severity: a warning
    assert outcome.score == 0


def test_reason_and_basis_pass():
    text = ("A senior official, who spoke on condition of anonymity because the talks are private "
            "and who attended them, said the deal was dead.")
    outcome = run_rule("SRC102", anonymous(text))
    assert outcome.flags == ()
    assert outcome.score == 100


def test_basis_without_reason_is_a_suggestion():
    text = "A senior official familiar with the talks said the deal was dead."
    outcome = run_rule("SRC102", anonymous(text))
    assert [f.severity for f in outcome.flags] == ["suggestion"]
    assert 0 < outcome.score < 100


def test_extra_reason_option():
    text = "A senior official, citing embassy rules, said the deal was dead."
    outcome = run_rule("SRC102", anonymous(text), extra_reasons=("citing embassy rules",))
    assert [f.severity for f in outcome.flags] == ["suggestion"]


def test_no_anonymous_sources_does_not_apply():
    text = "Jane Doe said the deal was dead."
    analysis = article(text, attribution(text, source="Jane Doe", cue="said",
                                         content="the deal was dead"))
    assert run_rule("SRC102", analysis).score is None
