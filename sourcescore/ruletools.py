"""Helpers for rule authors (built-in and third-party): prominence, context, phrase matching."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from importlib import resources

from sourcescore.editorial.sourcing import story_facts
from sourcescore.model import Analysis, Attribution, Flag, RuleOutcome


def prominence(analysis: Analysis, attribution: Attribution) -> float:
    """How much of the story an attribution carries, from 1.0 (a background line) to 2.5.

    Direct or mixed quotes add 0.5, content that makes a figure or causal claim adds 0.5, and
    substantial content (15 words or more) adds 0.5. Position in the article is deliberately not
    used, so the score is stable when paragraphs are reordered.
    """
    weight = 1.0
    if attribution.kind in ("direct", "mixed"):
        weight += 0.5
    content = attribution.content.text if attribution.content else ""
    sentence = analysis.sentences[attribution.sentence] if attribution.sentence < len(
        analysis.sentences) else None
    if sentence is not None and (sentence.entity_labels & FIGURE_LABELS
                                 or CAUSAL_PATTERN.search(content)):
        weight += 0.5
    if len(content.split()) >= 15:
        weight += 0.5
    return weight


#: Entity labels that make a sentence a figure claim.
FIGURE_LABELS = frozenset({"CARDINAL", "PERCENT", "MONEY", "QUANTITY"})
#: Connectives that make a sentence a causal claim.
CAUSAL_PATTERN = re.compile(r"\b(?:because of|due to|led to|leads to|lead to|caused|causing"
                            r"|as a result|resulted in|results in|thanks to|prompted|triggered"
                            r"|fuel(?:ed|ing|s)?)\b", re.IGNORECASE)


def in_lede(analysis: Analysis, sentence_index: int) -> bool:
    """The sentence is in the lede: the story's first paragraph of body text, what a reader
    (and an editor) takes as what the story says."""
    first = story_facts(analysis).lede_paragraph
    return first is not None and sentence_index < len(analysis.sentences) and \
        analysis.sentences[sentence_index].paragraph == first


def at_lede(analysis: Analysis, offset: int, severity: str) -> tuple[str | None, str]:
    """The severity (None: the rule's own) and a note for the message, for a finding at
    `offset`: in the lede a problem is what the story stands on, and `severity` applies."""
    sentence = analysis.sentence_at(offset)
    if severity and sentence is not None and in_lede(analysis, sentence.index):
        return severity, " in the lede"
    return None, ""


def paragraph_text(analysis: Analysis, sentence_index: int) -> str:
    """The text of the paragraph holding sentence `sentence_index` (the whole text if unknown)."""
    if sentence_index >= len(analysis.sentences):
        return analysis.text
    paragraph = analysis.sentences[sentence_index].paragraph
    if paragraph >= len(analysis.paragraphs):
        return analysis.text
    span = analysis.paragraphs[paragraph]
    return analysis.text[span.start:span.end]


def per_thousand_words(count: int, analysis: Analysis) -> float:
    """Occurrences per 1,000 words; short texts count as 250 words so one hit is not a flood."""
    return 1000.0 * count / max(analysis.word_count, 250)


def decay_score(density: float, scale: float) -> float:
    """100 at zero density, 100/e at `scale` occurrences per 1,000 words."""
    return 100.0 * math.exp(-density / scale)


def density_outcome(flags: list[Flag], analysis: Analysis, scale: float, noun: str) -> RuleOutcome:
    """Score phrase-list findings by density: 100 at none, 100/e at `scale` per 1,000 words."""
    density = per_thousand_words(len(flags), analysis)
    return outcome(decay_score(density, scale), sorted(flags, key=lambda f: f.start),
                   f"{plural(len(flags), noun)} ({density:.1f} per 1,000 words)",
                   count=len(flags), per_1000_words=round(density, 2))


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive, word-bounded pattern for a list of phrases (regex allowed)."""
    return _compiled(tuple(phrases))


@lru_cache(maxsize=64)
def _compiled(phrases: tuple[str, ...]) -> re.Pattern[str] | None:
    # Rules call phrase_pattern once per article; build each distinct list's pattern once.
    parts = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    if not parts:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


def find_unquoted(pattern: re.Pattern[str] | None, analysis: Analysis) -> Iterator[re.Match]:
    """Matches of `pattern` outside quotation marks (the reporter's own words)."""
    if pattern is None:
        return
    for match in pattern.finditer(analysis.text):
        if not analysis.in_quotation(match.start(), match.end()):
            yield match


@cache
def packaged_phrases(package: str, name: str) -> tuple[str, ...]:
    """Phrases from a data file shipped in a package: one per line, `#` starts a comment."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """"1 finding", "2 findings"; irregular plurals given as `nouns`."""
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


def outcome(score: float | None, flags: list[Flag], summary: str, **metrics) -> RuleOutcome:
    """Build a RuleOutcome with metrics in a stable order."""
    return RuleOutcome(score, tuple(flags), summary, tuple(sorted(metrics.items())))
