"""Helpers for testing rules without a spaCy model (used by our tests; offered to plugin authors).

    from sourcescore.testing import article, attribution, run_rule

    text = "Officials said the talks had failed."
    analysis = article(text, attribution(text, source="Officials", cue="said",
                                         content="the talks had failed",
                                         source_type="anonymous"))
    outcome = run_rule("SRC101", analysis)

`article` splits sentences and paragraphs with simple rules and takes lemmas to be the lower-cased
words, which is enough for rules that read the shared analysis; use `Checker().analyse(text)` when a
test needs the real parse.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache, lru_cache

from sourcescore.analysis.build import with_story_facts
from sourcescore.analysis.paragraphs import split_paragraphs
from sourcescore.analysis.quotes import find_quotations
from sourcescore.analysis.units import assign_roles
from sourcescore.analysis.wire import find_wire_credits
from sourcescore.model import Analysis, Attribution, Entity, RuleOutcome, Sentence, Span

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"”’']?|$)")
_WORD = re.compile(r"[A-Za-z0-9’'-]+")
_NUMBER = re.compile(r"\d")


def span(text: str, needle: str, after: int = 0) -> Span:
    """The span of the first `needle` in `text` at or after `after`."""
    start = text.index(needle, after)
    return Span(start, start + len(needle), needle)


def attribution(text: str, *, content: str, source: str | None = None, cue: str | None = None,
                source_type: str = "person", kind: str | None = None,
                source_name: str | None = None, cue_lemma: str | None = None,
                is_speech: bool = True, after: int = 0) -> Attribution:
    """An attribution located by its parts' text (first occurrence of each at or after `after`)."""
    content_span = span(text, content, after)
    source_span = span(text, source, after) if source else None
    cue_span = span(text, cue, after) if cue else None
    anchor = (cue_span or content_span).start
    sentences = _split_sentences(text, split_paragraphs(text))
    index = next((s.index for s in sentences if s.start <= anchor < s.end), 0)
    quoted = content.strip()[:1] in "\"“‘'"
    return Attribution(content_span, source_span, cue_span, kind or ("direct" if quoted else
                                                                     "indirect"),
                       source_type, index, source_name=source_name,
                       cue_lemma=cue_lemma or (cue.lower() if cue else None),
                       is_speech=is_speech)


def article(text: str, *attributions: Attribution, entities: tuple[Entity, ...] = ()) -> Analysis:
    """A model-free `Analysis` of `text` with the given attributions."""
    paragraphs = split_paragraphs(text)
    sentences = assign_roles(text, paragraphs, _split_sentences(text, paragraphs))
    return with_story_facts(Analysis(
        text=text, paragraphs=paragraphs, sentences=sentences, entities=entities,
        quotations=find_quotations(text, paragraphs), attributions=tuple(attributions),
        wire_credits=find_wire_credits(text, paragraphs),
        word_count=len(_WORD.findall(text)),
    ))


def _split_sentences(text: str, paragraphs) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    for para in paragraphs:
        for m in _SENTENCE.finditer(text, para.start, para.end):
            start, end = m.start(), m.end()
            while start < end and text[start].isspace():
                start += 1
            if start >= end:
                continue
            body = text[start:end]
            words = tuple(w.lower() for w in _WORD.findall(body))
            sentences.append(Sentence(
                index=len(sentences), start=start, end=end, text=body, paragraph=para.index,
                lemmas=words,
                entity_labels=frozenset({"CARDINAL"}) if _NUMBER.search(body) else frozenset(),
                is_heading=len(words) < 12 and not body.rstrip().endswith(tuple(".!?\"”’")),
                is_question=body.rstrip("\"”’ ").endswith("?")))
    return tuple(sentences)


@cache
def _rules(plugin: object | None = None):
    from sourcescore.plugins import load_plugins

    plugins = load_plugins(extra=(plugin,) if plugin is not None else (), autoload=False)
    if plugins.errors:
        raise AssertionError("; ".join(map(str, plugins.errors)))
    return plugins.rules


def run_rule(code: str, analysis: Analysis, *, plugin: object | None = None,
             **options) -> RuleOutcome:
    """Run one rule on `analysis` with its default options, overridden by `options`.

    Built-in rules are found by code; a plugin's rules when its module (or hook object) is
    given as `plugin`, registered exactly as the entry point would register it.
    """
    rule = _rules(plugin).get(code)
    if rule is None:
        raise KeyError(f"no rule {code}")
    outcome = rule.check(analysis, dataclasses.replace(rule.options_type(), **options))
    from sourcescore.engine import malformed_outcome

    problem = malformed_outcome(outcome, len(analysis.text))
    if problem:  # the check the engine makes on every run, made here so a test fails first
        raise AssertionError(f"{code} {problem}")
    return outcome


def parse(text: str) -> Analysis:
    """The real analysis of `text` (spaCy parse included, as `analysis.doc`): for rules that read
    tokens or for tests that want the true sentence split and attributions. Loads the pipeline
    once per process."""
    return _checker().analyse(text)


@lru_cache(maxsize=1)
def _checker():
    from sourcescore.api import Checker

    return Checker(use_config_file=False)


def assert_flags(outcome: RuleOutcome, analysis: Analysis, expected: list[str]) -> None:
    """Assert that the rule flagged exactly `expected` (the flagged texts, in order)."""
    found = flagged_texts(outcome, analysis)
    assert found == expected, f"flagged {found!r}, expected {expected!r}"


def flagged_texts(outcome: RuleOutcome, analysis: Analysis) -> list[str]:
    """The text under each flag, in order: handy for asserting what a rule found."""
    return [analysis.text[f.start:f.end] for f in outcome.flags]
