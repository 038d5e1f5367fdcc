"""The one shape of every editorial construction, and the one loop that finds them.

A construction is a named grammatical shape an editor recognises ("critics say", "is widely
seen as", "in a dramatic turn of events", a figure with no one counting it), declared with
the sentences it finds and the sentences it leaves alone. Claims, vague attribution and filler
are each a family of constructions (`claims`, `vague`, `filler`); a family is its
constructions plus the test every finding of it must pass (outside quotation marks, not in
what a checkable source said ...). `tests/test_editorial_constructions.py` runs every
family's examples, so a construction is tested the moment it is declared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sourcescore.model import Analysis, Sentence

#: What a construction finds in a sentence: the (start, end) of the words that make it.
Finder = Callable[[Sentence, Analysis], Iterable[tuple[int, int]]]
#: Whether a stretch a construction found counts (the family's test).
Keep = Callable[[Analysis, Sentence, int, int], bool]
#: Whether a sentence can hold the family's problem at all (body text, prose ...).
Applies = Callable[[Analysis, Sentence], bool]


def anywhere(analysis: Analysis, sentence: Sentence) -> bool:
    return True


@dataclass(frozen=True)
class Construction:
    """One named shape, with sentences it finds and sentences it leaves alone.

    `summary` is what a finding's message calls the words ("a view in the passive, held by
    nobody named", "editorialising adverb"); `confidence` is how sure a finding of it is."""

    name: str
    summary: str
    find: Finder
    examples: tuple[str, ...]
    counterexamples: tuple[str, ...] = ()
    confidence: float = 0.7


@dataclass(frozen=True)
class Found:
    """Words a construction found: the construction that decided it, and where."""

    construction: Construction
    sentence: int
    start: int
    end: int

    @property
    def name(self) -> str:
        return self.construction.name


@dataclass(frozen=True)
class Family:
    """Constructions of one kind of problem and the test each finding of them must pass.

    `exclusive`: one finding per stretch of text, the first construction to find it naming
    it (a vague attribution is one problem, however many shapes it fits); otherwise every
    construction reports what it finds (a sentence can make a figure claim and a causal one
    in the same words)."""

    name: str
    constructions: tuple[Construction, ...]
    keep: Keep
    applies: Applies = anywhere
    exclusive: bool = True

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.constructions)

    def find(self, analysis: Analysis, sentence: Sentence,
             enabled: Iterable[str] | None = None) -> list[Found]:
        """What the family's constructions (all, or those `enabled`) find in a sentence, in
        text order."""
        if not self.applies(analysis, sentence):
            return []
        wanted = None if enabled is None else set(enabled)
        found: list[Found] = []
        for construction in self.constructions:
            if wanted is not None and construction.name not in wanted:
                continue
            for start, end in construction.find(sentence, analysis):
                if start < end and self.keep(analysis, sentence, start, end) and not (
                        self.exclusive and any(f.start < end and start < f.end for f in found)):
                    found.append(Found(construction, sentence.index, start, end))
        order = {c.name: i for i, c in enumerate(self.constructions)}
        return sorted(found, key=lambda f: (f.start, order[f.name]))
