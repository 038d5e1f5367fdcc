"""The editorial wing's reading of a story: every family's findings, sentence by sentence,
gathered once per article and shared by the rules that need them.

SRC301 must not flag a claim that SRC302 already reports as vaguely sourced, nor a word inside
SRC402's filler; rather than call each other's detectors, all three read this one reading, so
each construction runs once per sentence however many rules ask.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sourcescore.editorial.claims import CLAIMS
from sourcescore.editorial.constructions import Family, Found
from sourcescore.editorial.coverage import needs_cover
from sourcescore.editorial.filler import FILLER
from sourcescore.editorial.vague import VAGUE
from sourcescore.model import Analysis

PerSentence = tuple[tuple[Found, ...], ...]


@dataclass(frozen=True)
class Reading:
    """Per sentence index: the claims in the reporter's own body text (`CLAIMS`), the vague
    attributions (`VAGUE`) and the filler (`FILLER`), each with the construction that found
    it."""

    claims: PerSentence
    vague: PerSentence
    filler: PerSentence


def reading(analysis: Analysis) -> Reading:
    """The story's reading, gathered once per analysis."""
    return analysis.remembered(_read)


def _read(analysis: Analysis) -> Reading:
    sentences = analysis.sentences
    return Reading(
        claims=tuple(tuple(CLAIMS.find(analysis, s)) if needs_cover(s, analysis) else ()
                     for s in sentences),
        vague=tuple(tuple(VAGUE.find(analysis, s)) for s in sentences),
        filler=tuple(tuple(FILLER.find(analysis, s)) for s in sentences))


def found_by(analysis: Analysis, family: Family, per_sentence: PerSentence,
             enabled: Iterable[str]) -> PerSentence:
    """A family's findings with only the `enabled` constructions. With all of them, the shared
    reading; with some, found again: in a family that gives a stretch of text to the first
    construction that finds it, dropping one can let another take the words."""
    wanted = tuple(enabled)
    if set(wanted) >= set(family.names):
        return per_sentence
    if not family.exclusive:
        return tuple(tuple(f for f in found if f.name in wanted) for found in per_sentence)
    return tuple(tuple(family.find(analysis, s, wanted)) for s in analysis.sentences)
