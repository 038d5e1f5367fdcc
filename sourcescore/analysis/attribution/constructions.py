"""What an attribution construction is: a named, declared way the text ties content to a source.

Each construction (`Construction`) names the report's `pattern` it yields, the words that can
trigger it, the function that finds it on the parse, whether what it finds is reported speech or
a stance the reporter ascribes, its confidence with and without a source, and sentences it must
find (`examples`) and must not (`counterexamples`); the test suite runs every one. The ordered
registry is `sourcescore.analysis.attribution.REGISTRY`: within a family the first construction
that finds content for a cue wins, as CoreNLP's quote-attribution sieves do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sourcescore.analysis.lexicon import COGNITION_VERBS, SPEECH_NOUNS, SPEECH_VERBS
from sourcescore.model import Pattern

Span = tuple[int, int]
#: Decides from the cue's lemma whether a construction's attribution is reported speech.
SpeechRule = Callable[[str | None], bool]


def always(lemma: str | None) -> bool:
    """Reported speech or writing, whatever the cue ("according to X", a poll's finding)."""
    return True


def never(lemma: str | None) -> bool:
    """A stance or inference the reporter ascribes ("X seemed unperturbed", "X is wary of")."""
    return False


def unless_cognition(lemma: str | None) -> bool:
    """Speech unless the cue reports a belief or intention ("said" yes, "believes" no)."""
    return lemma not in COGNITION_VERBS


def if_speech_verb(lemma: str | None) -> bool:
    """Speech when the cue is a speech verb ("denied the report"), not a stance ("backs")."""
    return lemma in SPEECH_VERBS


def if_speech_noun(lemma: str | None) -> bool:
    """Speech when the noun reports something said ("his claim that"), not felt ("fears")."""
    return lemma in SPEECH_NOUNS


@dataclass(frozen=True)
class Example:
    """A sentence a construction must find, and what it must find there (exact texts)."""

    text: str
    cue: str | None = None
    content: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class Construction:
    """One way the text attributes content; see the module docstring."""

    name: str
    family: str
    pattern: Pattern
    summary: str
    triggers: frozenset[str]
    speech: SpeechRule
    #: confidence of an attribution with a source, and without one
    confidence: tuple[float, float]
    examples: tuple[Example, ...] = ()
    counterexamples: tuple[str, ...] = ()
    #: the pattern reported instead when the content turns out to be a quotation
    quoted_pattern: Pattern | None = None
    find: Callable[..., Any] | None = field(default=None, compare=False, repr=False)

    def confidence_for(self, source: Span | None) -> float:
        return self.confidence[0] if source is not None else self.confidence[1]

    def is_speech(self, cue_lemma: str | None, quoted: bool) -> bool:
        """Content in quotation marks is always someone's words; otherwise the rule decides."""
        return quoted or self.speech(cue_lemma)

    def pattern_for(self, quoted: bool) -> Pattern:
        return self.quoted_pattern if quoted and self.quoted_pattern else self.pattern


@dataclass
class Candidate:
    """An attribution under construction (mutable while quotations are linked to it)."""

    cue: Span | None
    source: Span | None
    content: list[Span]
    cue_lemma: str | None
    construction: Construction
    confidence: float
    quotes: list[int] = field(default_factory=list)
    hugged: bool = False  # a quotation sits right against the cue: kept however short
    antecedent: Span | None = None  # what a relative pronoun source ("who") means

    @property
    def pattern(self) -> Pattern:
        return self.construction.pattern_for(bool(self.quotes))

    @property
    def is_speech(self) -> bool:
        return self.construction.is_speech(self.cue_lemma, bool(self.quotes))
