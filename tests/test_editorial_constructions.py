"""Every editorial construction finds its examples and leaves its counterexamples alone.

Claims, vague attribution and filler are families of constructions (`sourcescore.editorial`),
each declared with the sentences it finds and the sentences it leaves alone; this one runner
reads them all, so a construction is tested the moment it is declared, whatever its family.
"""

from __future__ import annotations

import pytest

from sourcescore.editorial.claims import CLAIMS
from sourcescore.editorial.constructions import Family
from sourcescore.editorial.filler import FILLER
from sourcescore.editorial.vague import VAGUE

FAMILIES: tuple[Family, ...] = (CLAIMS, VAGUE, FILLER)
EXAMPLES = [(f, c, text) for f in FAMILIES for c in f.constructions for text in c.examples]
COUNTEREXAMPLES = [(f, c, text) for f in FAMILIES for c in f.constructions
                   for text in c.counterexamples]


def _names(analyse, family: Family, text: str) -> list[str]:
    analysis = analyse(text)
    return [found.name for sentence in analysis.sentences
            for found in family.find(analysis, sentence)]


def test_every_construction_is_declared_once_with_examples_and_counterexamples():
    for family in FAMILIES:
        assert len(set(family.names)) == len(family.names), family.name
        for construction in family.constructions:
            assert construction.examples and construction.counterexamples, construction.name
            assert construction.summary and 0 < construction.confidence <= 1


@pytest.mark.model
@pytest.mark.parametrize("family, construction, text", EXAMPLES,
                         ids=[f"{f.name}/{c.name}: {t[:40]}" for f, c, t in EXAMPLES])
def test_construction_finds_its_example(analyse, family, construction, text):
    assert construction.name in _names(analyse, family, text)


@pytest.mark.model
@pytest.mark.parametrize("family, construction, text", COUNTEREXAMPLES,
                         ids=[f"{f.name}/{c.name}: {t[:40]}" for f, c, t in COUNTEREXAMPLES])
def test_construction_leaves_its_counterexample(analyse, family, construction, text):
    """A counterexample is clean of the whole family: a sentence written to show what a
    construction must not take is no example of a sibling either."""
    assert _names(analyse, family, text) == []


@pytest.mark.model
def test_the_editorial_rules_share_one_reading_of_the_story(monkeypatch):
    """SRC301, SRC302 and SRC402 read the same per-article reading: each vague-attribution
    and filler construction runs once per sentence, not once per rule that asks."""
    import dataclasses

    from sourcescore.editorial import reading as reading_module
    from sourcescore.testing import parse, run_rule

    calls: dict[str, int] = {}

    def counted(construction):
        def find(sentence, analysis):
            calls[construction.name] = calls.get(construction.name, 0) + 1
            return construction.find(sentence, analysis)
        return dataclasses.replace(construction, find=find)

    for name in ("VAGUE", "FILLER"):
        family = getattr(reading_module, name)
        monkeypatch.setattr(reading_module, name, dataclasses.replace(
            family, constructions=tuple(counted(c) for c in family.constructions)))
    analysis = parse("Critics say the plan is doomed. Prices will rise 20 percent next year. "
                     "In a dramatic turn of events, the talks collapsed.")
    for code in ("SRC301", "SRC302", "SRC402"):
        assert run_rule(code, analysis).flags, code
    body = sum(s.role == "body" for s in analysis.sentences)
    assert calls["group-says"] == body and calls["cliche"] == len(analysis.sentences)


@pytest.mark.model
@pytest.mark.parametrize(("code", "text", "decided_by"), [
    ("SRC301", "Prices will rise 20 percent next year.", "figure"),
    ("SRC302", "The governor is widely seen as the front-runner.", "agentless-passive"),
    ("SRC402", "In a dramatic turn of events, the talks collapsed.", "cliche"),
    ("SRC201", "The mayor told CNN that the plan had failed.", "citing-words"),
    ("SRC401", "The mayor insisted that the plan had worked.", "loaded-cue"),
])
def test_each_finding_names_the_construction_that_decided_it(checker, code, text, decided_by):
    """As CoreNLP records the sieve that decided a quotation's speaker, each editorial
    finding records the construction that made it, in the report an editor and a benchmark
    read."""
    report = checker.check_text(text)
    assert [f.decided_by for f in report.findings if f.code == code] == [decided_by]
    assert all(f.to_dict()["decided_by"] == f.decided_by for f in report.findings)
