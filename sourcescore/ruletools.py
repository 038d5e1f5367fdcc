"""Helpers for rule authors (built-in and third-party): prominence, context, phrase matching."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources

from sourcescore.model import Analysis, Attribution, Flag, RuleOutcome, Sentence


def prominence(analysis: Analysis, attribution: Attribution) -> float:
    """How much an attribution carries the story: early paragraphs and quotes weigh more.

    Lead paragraphs hold the key claims (the inverted pyramid), so weight decays with paragraph
    position, from 2.0 in the first paragraph towards 1.0; direct or mixed quotes add 20%.
    """
    sentence = analysis.sentences[attribution.sentence] if analysis.sentences else None
    paragraph = sentence.paragraph if sentence else 0
    weight = 1.0 + 1.0 / (1.0 + paragraph / 2.0)
    return weight * (1.2 if attribution.kind in ("direct", "mixed") else 1.0)


def attributions_near(analysis: Analysis, sentence: Sentence) -> list[Attribution]:
    """Attributions in the sentence's paragraph (its sourcing context)."""
    return [a for a in analysis.attributions
            if _paragraph_of(analysis, a) == sentence.paragraph]


def _paragraph_of(analysis: Analysis, attribution: Attribution) -> int:
    if not analysis.sentences:
        return 0
    return analysis.sentences[attribution.sentence].paragraph


def covers(attribution: Attribution, start: int, end: int) -> bool:
    """True when the attribution's content, source or cue overlaps [start, end)."""
    return any(span is not None and span.start < end and start < span.end
               for span in (attribution.content, attribution.source, attribution.cue))


def per_thousand_words(count: int, analysis: Analysis) -> float:
    """Occurrences per 1,000 words; short texts count as 250 words so one hit is not a flood."""
    return 1000.0 * count / max(analysis.word_count, 250)


def decay_score(density: float, scale: float) -> float:
    """100 at zero density, 100/e at `scale` occurrences per 1,000 words."""
    return 100.0 * math.exp(-density / scale)


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One case-insensitive, word-bounded pattern for a list of phrases (regex allowed)."""
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


@lru_cache(maxsize=None)
def packaged_phrases(package: str, name: str) -> tuple[str, ...]:
    """Phrases from a data file shipped in a package: one per line, `#` starts a comment."""
    text = resources.files(package).joinpath(name).read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


def outcome(score: float | None, flags: list[Flag], summary: str, **metrics) -> RuleOutcome:
    """Build a RuleOutcome with metrics in a stable order."""
    return RuleOutcome(score, tuple(flags), summary, tuple(sorted(metrics.items())))
