"""Every attribution construction finds its examples and not its counterexamples.

The examples are data declared on each construction (`sourcescore.analysis.attribution`), so a
new construction is tested the moment it is declared; the meta-test requires at least one of
each.
"""

from __future__ import annotations

import typing

import pytest

from sourcescore.analysis.attribution import REGISTRY, extract
from sourcescore.model import Pattern

EXAMPLES = [(c, e) for c in REGISTRY for e in c.examples]
COUNTEREXAMPLES = [(c, text) for c in REGISTRY for text in c.counterexamples]


def _found(analyse, construction, text):
    analysis = analyse(text)
    candidates = extract(analysis.doc, analysis.quotations)

    def spans(candidate):
        content = text[candidate.content[0][0]:candidate.content[-1][1]]
        cue = text[candidate.cue[0]:candidate.cue[1]] if candidate.cue else None
        source = text[candidate.source[0]:candidate.source[1]] if candidate.source else None
        return {"cue": cue, "source": source, "content": content}
    return [spans(c) for c in candidates if c.construction is construction]


def test_every_construction_has_examples_and_counterexamples():
    for construction in REGISTRY:
        assert construction.examples, f"{construction.name} has no example"
        assert construction.counterexamples, f"{construction.name} has no counterexample"


def test_construction_names_are_unique_and_patterns_are_the_report_s():
    assert len({c.name for c in REGISTRY}) == len(REGISTRY)
    produced = {c.pattern for c in REGISTRY} | {c.quoted_pattern for c in REGISTRY} - {None}
    assert produced == set(typing.get_args(Pattern))


@pytest.mark.model
@pytest.mark.parametrize("construction, example", EXAMPLES,
                         ids=[f"{c.name}: {e.text[:40]}" for c, e in EXAMPLES])
def test_construction_finds_its_example(analyse, construction, example):
    found = _found(analyse, construction, example.text)
    expected = {k: v for k, v in (("cue", example.cue), ("source", example.source),
                                  ("content", example.content)) if v is not None}
    assert any(all(f[k] == v for k, v in expected.items()) for f in found), found


@pytest.mark.model
@pytest.mark.parametrize("construction, text", COUNTEREXAMPLES,
                         ids=[f"{c.name}: {t[:40]}" for c, t in COUNTEREXAMPLES])
def test_construction_ignores_its_counterexample(analyse, construction, text):
    assert _found(analyse, construction, text) == []
