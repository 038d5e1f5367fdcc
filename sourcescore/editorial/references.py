"""Reference copy for `--against`: which passages of wire stories, releases or other outlets'
versions carry a credit, indexed so a story can be compared with hundreds of them quickly.

Each reference is analysed once (the same single parse as a story). A *credited unit* is a
reference sentence whose credit is explicit: the whole reference when it is agency copy
(dateline, byline, credit line), a sentence citing an agency in the text, or a sentence whose
attribution's source is an agency or an outlet. Units are indexed by content lemma (an inverted
index), so matching a story sentence touches only units that share words with it, never every
sentence pair.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sourcescore.analysis.lexicon import AGENCIES
from sourcescore.model import COPY_FORMS, Analysis

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset("""
a an the and or but of to in on at for with by from as that this these those is are was were be
been being has have had do does did will would can could may might shall should it its he she they
them his her their we our you your i me my there here which who whom what when where why how not no
than then so such also just about into over after before while said say says
""".split())


@dataclass(frozen=True)
class CreditedUnit:
    """A reference sentence and the credit it carries."""

    reference: str
    line: int
    text: str
    credit: str  # canonical agency or outlet name
    evidence: str  # the text that gives the credit
    words: frozenset[str]
    quotes: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    """A story passage that reproduces a credited reference unit."""

    unit: CreditedUnit
    shared_quote: str | None


def content_words(lemmas: Iterable[str]) -> frozenset[str]:
    return frozenset(w for lemma in lemmas for w in _WORD.findall(lemma.lower())
                     if w not in _STOP and len(w) > 2)


def normalise_quote(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


class ReferenceIndex:
    """Credited units of all references, with an inverted index by content word."""

    def __init__(self, units: list[CreditedUnit]) -> None:
        self.units = units
        self._by_word: dict[str, list[int]] = defaultdict(list)
        for index, unit in enumerate(units):
            for word in unit.words:
                self._by_word[word].append(index)

    @classmethod
    def build(cls, named: Iterable[tuple[str, Analysis]]) -> ReferenceIndex:
        units: list[CreditedUnit] = []
        for name, analysis in named:
            units.extend(_credited_units(name, analysis))
        return cls(units)

    def __len__(self) -> int:
        return len(self.units)

    def find(self, words: frozenset[str], text: str, min_shared: int = 3,
             min_overlap: float = 0.6) -> list[Match]:
        """Units a passage reproduces: a shared quotation, or close paraphrase."""
        counts = Counter(i for w in words for i in self._by_word.get(w, ()))
        normal = normalise_quote(text)
        matches = []
        for index, shared in counts.most_common():
            if shared < min_shared:
                break
            unit = self.units[index]
            quote = next((q for q in unit.quotes if q and f" {q} " in f" {normal} "), None)
            overlap = shared / max(1, min(len(words), len(unit.words)))
            if quote or (overlap >= min_overlap and shared >= 6):
                matches.append(Match(unit, quote))
        return matches


def _credits_by_sentence(analysis: Analysis) -> dict[int, tuple[str, str]]:
    """(credit, evidence) for each sentence that cites an agency or attributes to an outlet."""
    found: dict[int, tuple[str, str]] = {}
    for wire in analysis.wire_credits:
        sentence = analysis.sentence_at(wire.start)
        if sentence is not None and wire.form == "in_text":
            found[sentence.index] = (wire.agency, wire.text)
    for attribution in analysis.attributions:
        if attribution.source_type in ("agency", "media") and attribution.source:
            found.setdefault(attribution.sentence,
                             (attribution.source.text, attribution.source.text))
    return found


def _credited_units(name: str, analysis: Analysis) -> list[CreditedUnit]:
    copy = [c for c in analysis.wire_credits if c.form in COPY_FORMS]
    credit_by_sentence = _credits_by_sentence(analysis)
    units = []
    for sentence in analysis.sentences:
        credit = credit_by_sentence.get(sentence.index)
        if credit is None and copy:
            credit = (copy[0].agency, copy[0].text)
        if credit is None or sentence.is_heading:
            continue
        quotes = tuple(q for q in (normalise_quote(analysis.text[x.inner_start:x.inner_end])
                                   for x in analysis.quotations
                                   if sentence.start <= x.start < sentence.end)
                       if len(q.split()) >= 2)
        units.append(CreditedUnit(name, analysis.text.count("\n", 0, sentence.start) + 1,
                                  sentence.text, credit[0], credit[1],
                                  content_words(sentence.lemmas), quotes))
    return units


def credit_aliases(credit: str) -> tuple[str, ...]:
    """Names by which a story may keep a credit: the agency's aliases, or the outlet itself."""
    return AGENCIES.get(credit, (credit,)) + (credit,)
