"""The values that cross boundaries: the shared analysis rules read, and what rules hand back.

Everything here is a frozen dataclass holding plain Python values, so a rule can be tested on an
`Analysis` built by hand (see `sourcescore.testing`) without loading a spaCy model.
Offsets are Python `str` indices into the article text, end exclusive.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any, Literal, TypeVar

T = TypeVar("T")

#: How the extractor tied an attribution together (`Attribution.pattern`); each comes from one or
#: more named constructions in `sourcescore.analysis.attribution` (a test keeps the two equal).
Pattern = Literal["clause", "inverted", "object", "prep", "label", "according-to", "quote",
                  "colon", "finding", "evidential", "attitude", "noun"]

#: Source types an attribution can carry, from most to least accountable.
SOURCE_TYPES = (
    "person",  # a named person: "Kremlin spokesman Dmitry Peskov"
    "organization",  # a named organisation or government body: "the State Department"
    "agency",  # a wire agency: "Reuters", "the Interfax news agency"
    "media",  # another news outlet or its show: "CNN", "The Washington Post", "Meet the Press"
    "document",  # a report, statement, filing, release, ad, social-media post
    "poll",  # a poll or pollster: "a Quinnipiac poll", "64 percent who say"
    "pronoun",  # "he", "she", "they" that could not be resolved to a name
    "anonymous",  # an unnamed person or role: "a senior official", "her advisers"
    "group",  # a vague collective: "critics", "many", "some Republicans", "observers"
    "unknown",  # a source the extractor cannot type
    "none",  # no source at all: the reporter's inference, "it is believed that ..."
)

#: Source types that name who is speaking, so a reader can weigh the source.
NAMED_SOURCE_TYPES = frozenset({"person", "organization", "agency", "media", "document",
                                "poll"})

#: Wire-credit forms that mean the story is the agency's own copy (not merely citing it).
COPY_FORMS = frozenset({"dateline", "byline", "credit_line"})
SEVERITIES = ("suggestion", "warning", "error")


@dataclass(frozen=True)
class Span:
    """A stretch of the article text."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: one line of a story, or a blank-line separated block of hard-wrapped text."""

    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Word:
    """One token of a sentence as the parse read it: what rules read instead of spaCy's tokens,
    so they stay testable without a model (`sourcescore.testing` builds these by hand).

    `lemma` is lower case; `pos` the coarse part of speech (NOUN, VERB, ADJ, ...), `tag` the
    fine one (NNS, VBD, JJS, MD, ...); `head` the index in the sentence's `words` of the word
    this one depends on (its own index for the root), `dep` the relation; `entity` the named
    entity label the word is part of ("" when none).
    """

    start: int
    end: int
    text: str
    lemma: str
    pos: str = ""
    tag: str = ""
    dep: str = ""
    head: int = -1
    entity: str = ""


#: What kind of piece a story is; each has its profile of rules in the configuration.
GENRES = ("news", "analysis", "opinion", "transcript", "list")

#: What a sentence is in the story: a `body` sentence makes claims; the others do not.
ROLES = ("body", "headline", "byline", "caption", "boilerplate", "list")


@dataclass(frozen=True)
class Sentence:
    """A sentence with the parse features rules need, so rules stay model-free.

    `lemmas` are the lower-cased lemmas of its words (punctuation left out), in order;
    `words` every token with its tags and dependencies (`Word`); `entity_labels` the spaCy
    labels of the named entities it contains; `role` what it is in the story (`ROLES`:
    headlines and subheads, bylines and credit lines, captions, boilerplate and list rows are
    not claims); `is_heading` marks a title or subhead line.
    """

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    lemmas: tuple[str, ...] = ()
    entity_labels: frozenset[str] = frozenset()
    is_heading: bool = False
    is_question: bool = False
    words: tuple[Word, ...] = ()
    role: str = "body"


@dataclass(frozen=True)
class Entity:
    """A named entity found by the pipeline."""

    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True)
class Quotation:
    """Text between paired quotation marks; `fragments` hold each paragraph of a multi-paragraph
    quotation.

    `start`/`end` include the marks; `inner_start`/`inner_end` exclude them.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    fragments: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Attribution:
    """Who said (or believes) what: the content, its source (speaker) and the cue linking them.

    `source_name` is the name a pronoun or a title refers to when it could be resolved.
    `fragments` lists the content's pieces when the attribution interrupts it ("A," he said. "B.").
    `sentence` is the index of the sentence holding the cue (or the content when there is no cue).
    `pattern` says how the extractor linked them: `clause` (cue verb + clausal complement),
    `inverted` ("..., he said"), `object` / `prep` (a stance verb's object: "backs the bill",
    "called for a ban", "accused X of lying", "a plan criticized by Y"), `label` ("called it 'a
    disaster'", "sees X as Y"), `according-to`, `quote` (a quotation tied to its sentence's verb),
    `colon` ("Smith: '...'", "Q: ..."), `finding` ("In a CBS poll, X leads"), `evidential` ("X
    seemed unperturbed": the reporter's inference, no source), `attitude` ("X is confident
    that ...", "X is wary of ..."), `noun` ("his claim that ...", "fears that ..."). `is_speech`
    is False for beliefs and stances the reporter ascribes ("Putin wants ...", "X backs the
    bill", "X is confident"): those are claims, not sourcing, and the sourcing rules skip them.
    """

    content: Span | None
    source: Span | None
    cue: Span | None
    kind: str
    source_type: str
    sentence: int
    confidence: float = 1.0
    source_name: str | None = None
    fragments: tuple[tuple[int, int], ...] = ()
    cue_lemma: str | None = None
    pattern: Pattern = "clause"
    is_speech: bool = True

    @property
    def is_named(self) -> bool:
        return self.source_type in NAMED_SOURCE_TYPES

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": self.kind,
            "content": self.content.to_dict() if self.content else None,
            "source": self.source.to_dict() if self.source else None,
            "cue": self.cue.to_dict() if self.cue else None,
            "source_type": self.source_type,
            "source_name": self.source_name,
            "confidence": round(self.confidence, 3),
            "sentence": self.sentence,
            "pattern": self.pattern,
            "is_speech": self.is_speech,
        }
        if self.fragments:
            data["fragments"] = [list(f) for f in self.fragments]
        return data


@dataclass(frozen=True)
class WireCredit:
    """An agency credit: the story is the agency's copy (dateline, byline, credit line) or
    cites it."""

    agency: str
    form: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"agency": self.agency, "form": self.form, "start": self.start, "end": self.end,
                "text": self.text}


class DocNotKept:
    """`Analysis.doc` of a long text whose parse was not kept: using it raises, with the fix.

    A text over `sourcescore.nlp.CHUNK_CHARS` characters is parsed in pieces, and the pieces'
    Docs are joined into one only when a running rule declares `needs_doc=True` (joining keeps
    every token of the text in memory). A rule that reads tokens without declaring it gets this
    placeholder instead of a Doc, and an error instead of silently finding nothing.
    """

    MESSAGE = ("Analysis.doc was not kept for this long text (parsed in pieces); a rule that "
               "reads tokens must be registered with Rule(..., needs_doc=True)")

    def __getattr__(self, name: str) -> Any:
        raise AttributeError(self.MESSAGE)

    def __iter__(self):
        raise TypeError(self.MESSAGE)

    def __len__(self) -> int:
        raise TypeError(self.MESSAGE)

    def __getitem__(self, index):
        raise TypeError(self.MESSAGE)

    def __bool__(self) -> bool:
        return False

    def __repr__(self) -> str:
        return "DocNotKept()"


#: The placeholder for a long text's parse that was not kept.
DOC_NOT_KEPT = DocNotKept()


@dataclass(frozen=True)
class Analysis:
    """Everything known about one article after its single parse; every rule reads this.

    `doc` is the spaCy `Doc` for rules that read tokens, with offsets into `text`: always for a
    text parsed in one piece; for a long text parsed in pieces, the pieces joined into one Doc
    when a running rule declares `needs_doc=True`, else `DOC_NOT_KEPT`, which raises when used.
    It is `None` for hand-built analyses (`sourcescore.testing.article`). Treat it as read-only.
    `references` holds the reference copy given with `--against` (`editorial.references`).
    """

    text: str
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    quotations: tuple[Quotation, ...] = ()
    attributions: tuple[Attribution, ...] = ()
    wire_credits: tuple[WireCredit, ...] = ()
    word_count: int = 0
    #: news, analysis, opinion, transcript or list (`GENRES`), and why it was taken for one
    genre: str = "news"
    genre_evidence: str = ""
    #: the outlet and agencies whose own reporting the story is (`analysis.publisher`), and why
    house: tuple[str, ...] = ()
    house_evidence: str = ""
    references: Any = field(default=None, compare=False, repr=False)
    doc: Any = field(default=None, compare=False, repr=False)
    _readings: dict[Any, Any] = field(default_factory=dict, init=False, compare=False,
                                      repr=False)  # see `remembered`

    # Look-ups rules make per sentence or match are indexed once (cached on the instance).

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing `offset`, if any."""
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None

    def in_quotation(self, start: int, end: int) -> bool:
        """True when [start, end) lies inside quotation marks."""
        starts, pieces = self._quotation_pieces
        index = bisect.bisect_right(starts, start) - 1
        return index >= 0 and pieces[index][0] <= start and end <= pieces[index][1]

    def attributions_in_sentence(self, index: int) -> tuple[Attribution, ...]:
        """Attributions whose cue (or content, without a cue) is in sentence `index`."""
        return self._attributions_by("sentence").get(index, ())

    def attributions_in_paragraph(self, index: int) -> tuple[Attribution, ...]:
        """Attributions anchored in paragraph `index`."""
        return self._attributions_by("paragraph").get(index, ())

    def attributions_touching(self, index: int) -> tuple[Attribution, ...]:
        """Attributions whose content, source or cue overlaps sentence `index`, wherever they
        are anchored (a quotation running over several sentences touches each of them)."""
        return self._attributions_by("touching").get(index, ())

    def paragraph_lemmas(self, index: int) -> tuple[str, ...]:
        """The lemmas of paragraph `index`'s sentences, in order."""
        return self._lemmas_by_paragraph.get(index, ())

    @cached_property
    def _lemmas_by_paragraph(self) -> Mapping[int, tuple[str, ...]]:
        found: dict[int, list[str]] = {}
        for sentence in self.sentences:
            found.setdefault(sentence.paragraph, []).extend(sentence.lemmas)
        return MappingProxyType({k: tuple(v) for k, v in found.items()})

    # Look-up tables are tuples and read-only mappings: nothing a rule reads can be changed.
    def remembered(self, compute: Callable[[Analysis], T]) -> T:
        """`compute(self)`, once, shared by every rule's view of this analysis (a reading
        several rules need); `dataclasses.replace` starts a new analysis with none."""
        readings = self._readings
        if compute not in readings:
            readings[compute] = compute(self)
        return readings[compute]

    @cached_property
    def _sentence_starts(self) -> tuple[int, ...]:
        return tuple(s.start for s in self.sentences)

    @cached_property
    def _quotation_pieces(self) -> tuple[tuple[int, ...], tuple[tuple[int, int], ...]]:
        pieces = tuple(sorted(p for q in self.quotations
                              for p in (q.fragments or ((q.start, q.end),))))
        return tuple(p[0] for p in pieces), pieces

    @cached_property
    def _attribution_index(self) -> Mapping[str, Mapping[int, tuple[Attribution, ...]]]:
        by_sentence: dict[int, list[Attribution]] = {}
        by_paragraph: dict[int, list[Attribution]] = {}
        touching: dict[int, list[Attribution]] = {}
        for attribution in self.attributions:
            by_sentence.setdefault(attribution.sentence, []).append(attribution)
            paragraph = self.sentences[attribution.sentence].paragraph if \
                attribution.sentence < len(self.sentences) else 0
            by_paragraph.setdefault(paragraph, []).append(attribution)
            for index in self._sentences_overlapping(attribution):
                touching.setdefault(index, []).append(attribution)
        return MappingProxyType({
            name: MappingProxyType({k: tuple(v) for k, v in table.items()})
            for name, table in (("sentence", by_sentence), ("paragraph", by_paragraph),
                                ("touching", touching))})

    def _sentences_overlapping(self, attribution: Attribution) -> set[int]:
        found: set[int] = set()
        for span in (attribution.content, attribution.source, attribution.cue):
            if span is None:
                continue
            index = max(0, bisect.bisect_right(self._sentence_starts, span.start) - 1)
            while index < len(self.sentences) and self.sentences[index].start < span.end:
                if self.sentences[index].end > span.start:
                    found.add(index)
                index += 1
        return found

    def _attributions_by(self, key: str) -> Mapping[int, tuple[Attribution, ...]]:
        return self._attribution_index[key]


@dataclass(frozen=True)
class Flag:
    """What a rule reports: a place in the text and why it matters.

    `confidence` (0-1) says how sure the rule is that an editor would agree; `decided_by`
    names the construction or feature that decided it. None when the rule does not say.
    """

    start: int
    end: int
    message: str
    suggestion: str | None = None
    severity: str | None = None  # None: the rule's configured severity
    confidence: float | None = None
    decided_by: str | None = None


@dataclass(frozen=True)
class RuleOutcome:
    """A rule's verdict on one article.

    `score` is the rule's sub-score from 0 to 100, or `None` when the rule does not apply to this
    article (its weight is then shared among the rules that do); `summary` explains the number.
    """

    score: float | None
    flags: tuple[Flag, ...] = ()
    summary: str = ""
    metrics: tuple[tuple[str, Any], ...] = ()
