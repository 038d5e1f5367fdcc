"""A rule's documentation is a specification: its examples run, its options are its options.

Every rule's docstring (what `sourcescore explain CODE` prints) has the sections "Example
(flagged):", "Not flagged:" and "Options:". The examples are story text run through the real
pipeline and the rule; a "Story:" / "Reference:" pair runs with the reference as `--against`
copy. The options listed are exactly the fields of the rule's `Options` (or "none").
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


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_every_rule_documents_its_examples_and_options(rule):
    found = sections(rule.doc)
    for header in ("What it flags", "Why it matters", "Example (flagged)", "Not flagged",
                   "Options"):
        assert found.get(header), f"{rule.code} lacks a {header!r} section"


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_documented_options_are_the_rule_s_options(rule):
    fields = [f.name for f in dataclasses.fields(rule.options_type)]
    assert documented_options(rule.doc) == fields


def _run(checker, rule, example: str):
    """The rule's flags on an example: story text, or a Story/Reference pair."""
    from sourcescore.api import Checker

    story, _, reference = example.partition("\nReference:")
    story = story.removeprefix("Story:").strip()
    local = Checker(use_config_file=False, select=(rule.code,), nlp=checker.nlp)
    if reference:
        local.set_references([("reference.txt", reference.strip())])
    report = local.check_text(story.strip() + "\n")
    assert report.status == "ok" and not report.errors, report
    return [f.text for f in report.findings if f.code == rule.code]


@pytest.mark.model
@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_the_flagged_example_is_flagged(checker, rule):
    assert _run(checker, rule, sections(rule.doc)["Example (flagged)"])


@pytest.mark.model
@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_the_example_not_flagged_is_not(checker, rule):
    assert _run(checker, rule, sections(rule.doc)["Not flagged"]) == []
