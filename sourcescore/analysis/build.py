"""Build the shared `Analysis` from one spaCy parse of an article."""

from __future__ import annotations

import bisect
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace

from sourcescore.analysis.attribution import Candidate, extract, text_of
from sourcescore.analysis.genre import detect_genre
from sourcescore.analysis.paragraphs import split_paragraphs
from sourcescore.analysis.publisher import find_house
from sourcescore.analysis.quotes import find_quotations
from sourcescore.analysis.sources import resolve_sources, source_type
from sourcescore.analysis.units import assign_roles
from sourcescore.analysis.wire import find_wire_credits
from sourcescore.model import (
    DOC_NOT_KEPT,
    Analysis,
    Attribution,
    Entity,
    Paragraph,
    Quotation,
    Sentence,
    Span,
    Word,
)

_HEADING_END = tuple(".!?:\"”’'")


def analyse_many(texts: Iterable[str], nlp, references=None, batch_size: int = 16,
                 keep_docs: bool = False) -> Iterator[Analysis]:
    """Analyses of many texts, in order, from one `nlp.pipe` stream.

    A long text arrives in pieces (see `sourcescore.nlp.parse_pieces`); each piece is analysed
    as soon as it is parsed, and the pieces' analyses are joined with their offsets shifted.
    With `keep_docs` (a running rule declared `needs_doc`), the pieces' Docs are kept without
    their tensors (the pipeline's working memory) and joined into one `Doc` of the whole text,
    whose token offsets index it; otherwise each is dropped once analysed, so memory follows the
    analysis, not the parse, and `Analysis.doc` is `DOC_NOT_KEPT`. What crosses a piece
    boundary is lost to the parse: a pronoun whose name is in the previous piece stays
    unresolved (pieces are at most `CHUNK_CHARS`, cut at paragraphs).
    """
    from sourcescore.nlp import parse_pieces

    pending: dict[int, str] = {}

    def remembered():
        for index, text in enumerate(texts):
            pending[index] = text
            yield text

    parts: list[tuple[int, Analysis]] = []
    docs: list = []
    for index, offset, doc, is_last in parse_pieces(nlp, remembered(), batch_size):
        if offset == 0 and is_last:
            del pending[index]
            yield analysis_from_doc(doc, references=references)
            continue
        parts.append((offset, analysis_from_doc(doc, keep_doc=False)))
        if keep_docs:
            docs.append(_without_tensor(doc))
        if is_last:
            whole = _joined_doc(docs) if keep_docs else DOC_NOT_KEPT
            yield joined(pending.pop(index), parts, references, whole)
            parts, docs = [], []


def _without_tensor(doc):
    """The Doc without the pipeline's per-token vectors, which nothing reads after parsing and
    which are most of a Doc's memory."""
    import numpy

    doc.tensor = numpy.zeros((0,), dtype="float32")
    doc.user_data.pop("sourcescore_text", None)  # a cache of the piece's text, not the whole's
    return doc


def _joined_doc(docs: list):
    """One Doc of a text parsed in pieces; the pieces are contiguous slices of the text, so
    the joined Doc's text is the text and its offsets index it."""
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=False)


def analysis_from_doc(doc, paragraphs: tuple[Paragraph, ...] | None = None,
                      references=None, keep_doc: bool = True) -> Analysis:
    """Derive the analysis from an already parsed `Doc` (as `nlp.pipe` yields them)."""
    text = text_of(doc)
    paragraphs = paragraphs if paragraphs is not None else split_paragraphs(text)
    entities = tuple(Entity(e.start_char, e.end_char, e.text, e.label_) for e in doc.ents)
    sentences = assign_roles(text, paragraphs, _sentences(doc, paragraphs, entities))
    quotations = find_quotations(text, paragraphs)
    candidates = extract(doc, quotations)
    attributions = _attributions(text, candidates, quotations, sentences, entities)
    return with_story_facts(Analysis(
        text=text,
        paragraphs=paragraphs,
        sentences=sentences,
        entities=entities,
        quotations=quotations,
        attributions=attributions,
        wire_credits=find_wire_credits(text, paragraphs),
        word_count=_word_count(doc),
        references=references,
        doc=doc if keep_doc else None,
    ))


def with_story_facts(analysis: Analysis) -> Analysis:
    """The analysis with what the story shows of itself: its genre
    (`sourcescore.analysis.genre`) and its house (`sourcescore.analysis.publisher`)."""
    genre, evidence = detect_genre(analysis.text, analysis.paragraphs, analysis.sentences,
                                   analysis.attributions, analysis.in_quotation)
    house, house_evidence = find_house(analysis.text, analysis.sentences,
                                       analysis.wire_credits)
    return replace(analysis, genre=genre, genre_evidence=evidence, house=house,
                   house_evidence=house_evidence)


def _word_count(doc) -> int:
    """Alphabetic tokens, counted on the Doc's attribute array (no Token objects)."""
    from spacy.attrs import IS_ALPHA

    return int(doc.to_array(IS_ALPHA).sum()) if len(doc) else 0


def joined(text: str, parts: list[tuple[int, Analysis]], references=None,
           doc=None) -> Analysis:
    """One analysis of `text` from the analyses of its consecutive pieces (offset, analysis).

    Paragraphs, quotations and wire credits are found again on the whole text (they are plain
    string scans), so a quotation that runs across a piece boundary is still one quotation.
    """
    paragraphs = split_paragraphs(text)
    paragraph_starts = [p.start for p in paragraphs]
    sentences: list[Sentence] = []
    entities: list[Entity] = []
    attributions: list[Attribution] = []
    for offset, part in parts:
        base = len(sentences)
        for s in part.sentences:
            start = s.start + offset
            sentences.append(replace(
                s, index=base + s.index, start=start, end=s.end + offset,
                paragraph=max(0, bisect.bisect_right(paragraph_starts, start) - 1),
                words=tuple(replace(w, start=w.start + offset, end=w.end + offset)
                            for w in s.words)))
        entities.extend(replace(e, start=e.start + offset, end=e.end + offset)
                        for e in part.entities)
        attributions.extend(_shifted_attribution(a, offset, base) for a in part.attributions)
    return with_story_facts(Analysis(
        text=text,
        paragraphs=paragraphs,
        sentences=assign_roles(text, paragraphs, tuple(sentences)),
        entities=tuple(entities),
        quotations=find_quotations(text, paragraphs),
        attributions=tuple(attributions),
        wire_credits=find_wire_credits(text, paragraphs),
        word_count=sum(part.word_count for _, part in parts),
        references=references,
        doc=doc,
    ))


def _shifted_attribution(a: Attribution, offset: int, sentence_base: int) -> Attribution:
    def span(s: Span | None) -> Span | None:
        return replace(s, start=s.start + offset, end=s.end + offset) if s else None

    return replace(a, content=span(a.content), source=span(a.source), cue=span(a.cue),
                   sentence=a.sentence + sentence_base,
                   fragments=tuple((s + offset, e + offset) for s, e in a.fragments))


def _sentences(doc, paragraphs: tuple[Paragraph, ...], entities) -> tuple[Sentence, ...]:
    # Span.ents rebuilds the document's entity list on every call, so bucket entities once.
    entity_starts = [e.start for e in entities]
    full_text = text_of(doc)
    sentences: list[Sentence] = []
    para_index = 0
    for sent in doc.sents:
        tokens = [t for t in sent if not t.is_space]
        if not tokens:
            continue
        start = tokens[0].idx
        while para_index + 1 < len(paragraphs) and paragraphs[para_index].end <= start:
            para_index += 1
        para = paragraphs[para_index] if paragraphs else None
        sentences.append(_sentence(len(sentences), tokens, para, full_text,
                                   _labels_between(entities, entity_starts, start,
                                                   tokens[-1].idx + len(tokens[-1].text))))
    return tuple(sentences)


def _sentence(index: int, tokens: list, para: Paragraph | None, full_text: str,
              entity_labels: frozenset[str]) -> Sentence:
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    text = full_text[start:end]
    whole_paragraph = para is not None and para.start == start and para.end == end
    return Sentence(
        index=index, start=start, end=end, text=text, paragraph=para.index if para else 0,
        lemmas=tuple(t.lemma_.lower() for t in tokens if not t.is_punct),
        entity_labels=entity_labels,
        is_heading=whole_paragraph and not text.endswith(_HEADING_END) and len(tokens) < 20,
        is_question=text.rstrip("\"”’' ").endswith("?"),
        words=_words(tokens),
    )


def _words(tokens: list) -> tuple[Word, ...]:
    """The sentence's tokens as `Word`s; a head outside the sentence (the parser's root
    across a forced paragraph start) counts as the word's own."""
    position = {t.i: n for n, t in enumerate(tokens)}
    intern = sys.intern
    return tuple(Word(t.idx, t.idx + len(t.text), t.text, t.lemma_.lower(), intern(t.pos_),
                      intern(t.tag_), intern(t.dep_), position.get(t.head.i, n),
                      intern(t.ent_type_))
                 for n, t in enumerate(tokens))


def _labels_between(entities, starts: list[int], start: int, end: int) -> frozenset[str]:
    lo, hi = bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)
    return frozenset(e.label for e in entities[lo:hi])


def _attributions(text, candidates: list[Candidate], quotations: tuple[Quotation, ...],
                  sentences: tuple[Sentence, ...], entities) -> tuple[Attribution, ...]:
    starts = [s.start for s in sentences]
    proper = frozenset(w.start for s in sentences for w in s.words if w.pos == "PROPN")
    quoted = sorted(p for q in quotations for p in (q.fragments or ((q.start, q.end),)))
    quoted_starts = [p[0] for p in quoted]
    built = []
    for c in candidates:
        content = _cover(text, c.content)
        source = Span(c.source[0], c.source[1], text[c.source[0]:c.source[1]]) if c.source else None
        cue = Span(c.cue[0], c.cue[1], text[c.cue[0]:c.cue[1]]) if c.cue else None
        anchor = c.cue[0] if c.cue else c.content[0][0]
        # A relative pronoun ("who said") is typed and named by what it stands for.
        referent = source
        if c.antecedent and source:
            referent = Span(c.antecedent[0], c.antecedent[1],
                            text[c.antecedent[0]:c.antecedent[1]])
        built.append(Attribution(
            content=content,
            source=source,
            cue=cue,
            kind=_kind(c.content, quoted, quoted_starts),
            source_type=source_type(referent, entities, proper),
            source_name=referent.text if c.antecedent and referent else None,
            sentence=_sentence_index(starts, anchor),
            confidence=c.confidence,
            fragments=tuple(c.content) if len(c.content) > 1 else (),
            cue_lemma=c.cue_lemma,
            pattern=c.pattern,
            is_speech=c.is_speech,
        ))
    return tuple(resolve_sources(built, text, entities))


def _cover(text: str, pieces: list[tuple[int, int]]) -> Span:
    start, end = pieces[0][0], max(e for _, e in pieces)
    return Span(start, end, text[start:end])


def _kind(pieces: list[tuple[int, int]], quoted: list[tuple[int, int]], starts: list[int]) -> str:
    """direct: the content is (almost) all inside quotation marks; mixed: partly; else indirect."""
    size = sum(e - s for s, e in pieces)
    inside = 0
    for s, e in pieces:
        at = max(0, bisect.bisect_right(starts, s) - 1)
        while at < len(quoted) and quoted[at][0] < e:
            qs, qe = quoted[at]
            inside += max(0, min(e, qe) - max(s, qs))
            at += 1
    if size and inside >= 0.9 * size:
        return "direct"
    return "mixed" if inside else "indirect"


def _sentence_index(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)
