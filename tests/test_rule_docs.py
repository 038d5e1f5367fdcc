"""A rule's documentation is a specification: its examples run, its options are its options.

Every rule's docstring (what `sourcescore explain CODE` prints) has the sections "Example
(flagged):", "Not flagged:" and "Options:" - or, for a rule that measures without flagging,
"What it measures:", "Example (scores low):" and "Scores full marks:". The examples are story
text run through the real pipeline and the rule; a "Story:" / "Reference:" pair runs with the
reference as `--against` copy. The options listed are exactly the fields of the rule's
`Options` (or "none").
"""

from __future__ import annotations

import dataclasses
import re
import textwrap

import pytest

from sourcescore.plugins import load_plugins

RULES = list(load_plugins(autoload=False).rules)
_HEADER = re.compile(r"^([A-Z][\w ()]*):\s*$", re.M)


def sections(doc: str) -> dict[str, str]:
    """The docstring's sections, by header ("Example (flagged)", "Options", ...)."""
    found = {}
    headers = list(_HEADER.finditer(doc))
    for header, following in zip(headers, [*headers[1:], None], strict=True):
        body = doc[header.end():following.start() if following else len(doc)]
        found[header.group(1)] = textwrap.dedent(body).strip()
    return found


def documented_options(doc: str) -> list[str]:
    body = sections(doc).get("Options", "")
    return [] if body.lower().startswith("none") else re.findall(r"^(\w+) \(", body, re.M)


FLAGGING = ("What it flags", "Why it matters", "Example (flagged)", "Not flagged", "Options")
MEASURING = ("What it measures", "Why it matters", "Example (scores low)", "Scores full marks",
             "Options")
FLAGGING_RULES = [r for r in RULES if "What it flags" in sections(r.doc)]
MEASURING_RULES = [r for r in RULES if "What it measures" in sections(r.doc)]


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_documents_its_examples_and_options(rule):
    found = sections(rule.doc)
    headers = MEASURING if "What it measures" in found else FLAGGING
    for header in headers:
        assert found.get(header), f"{rule.code} lacks a {header!r} section"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_documented_options_are_the_rule_s_options(rule):
    fields = [f.name for f in dataclasses.fields(rule.options_type)]
    assert documented_options(rule.doc) == fields


def _report(checker, rule, example: str):
    """The report on an example with only the rule selected: story text, or a
    Story/Reference pair."""
    from sourcescore.api import Checker

    story, _, reference = example.partition("\nReference:")
    story = story.removeprefix("Story:").strip()
    local = Checker(use_config_file=False, select=(rule.code,), nlp=checker.nlp)
    if reference:
        local.set_references([("reference.txt", reference.strip())])
    report = local.check_text(story.strip() + "\n")
    assert report.status == "ok" and not report.errors, report
    return report


def _run(checker, rule, example: str) -> list[str]:
    return [f.text for f in _report(checker, rule, example).findings if f.code == rule.code]


def _score(checker, rule, example: str) -> float | None:
    scores = [s.score for s in _report(checker, rule, example).rules
              if s.code == rule.code]
    return scores[0] if scores else None


@pytest.mark.model
@pytest.mark.parametrize("rule", FLAGGING_RULES, ids=[r.code for r in FLAGGING_RULES])
def test_the_flagged_example_is_flagged(checker, rule):
    assert _run(checker, rule, sections(rule.doc)["Example (flagged)"])


@pytest.mark.model
@pytest.mark.parametrize("rule", FLAGGING_RULES, ids=[r.code for r in FLAGGING_RULES])
def test_the_example_not_flagged_is_not(checker, rule):
    assert _run(checker, rule, sections(rule.doc)["Not flagged"]) == []


@pytest.mark.model
@pytest.mark.parametrize("rule", MEASURING_RULES, ids=[r.code for r in MEASURING_RULES])
def test_a_measuring_rule_scores_its_examples_apart_and_flags_neither(checker, rule):
    low, full = (sections(rule.doc)[h] for h in ("Example (scores low)", "Scores full marks"))
    assert _score(checker, rule, full) == 100
    low_score = _score(checker, rule, low)
    assert low_score is not None and low_score < 50
    assert _run(checker, rule, low) == [] == _run(checker, rule, full)


def test_every_rule_is_documented_as_flagging_or_measuring():
    assert len(FLAGGING_RULES) + len(MEASURING_RULES) == len(RULES)
