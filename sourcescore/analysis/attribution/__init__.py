"""Extract attributions (content, source, cue) from one parsed article.

Attribution is found by named constructions (`REGISTRY`), each a declared object with its
triggers, the function that finds it, whether it reports speech or a stance, its confidence and
the example sentences it must and must not find (`constructions.Construction`). They come in
families, tried cheapest evidence first, all on the one spaCy parse:

1. `verbs` — a cue verb with its clause, object, preposition or label: `X said (that) ...`,
   `..., X said`, `X backs the bill`, `X called for a ban`, `called the plan "a disaster"`.
   For each cue verb the first construction that finds content wins.
2. `phrases` — `according to X`, `as reported by X`.
3. `frames` — no cue verb: `X seemed unperturbed`, `In a CBS poll, X leads`, `X is wary of`,
   `his claim that ...`, `X made clear that ...`.
4. `labels` — `SMITH: ...`, `Q: ...` at the start of a line.
5. `quotations` — each quotation is tied to the cue whose content holds it, the verb hugging
   it, or the introduction before its colon; one continuing an attributed quotation joins it.

Sources are found on the parse (`speakers`) and typed and resolved in
`sourcescore.analysis.sources`. Adding a construction means writing its find function and
declaration in its family's module (with examples), adding words to the lexicon if it needs
them, and listing it in its family's tuple; the registry, the `pattern` values, the speech rule
and the tests follow from the declaration.
"""

from __future__ import annotations

from collections.abc import Iterable

from sourcescore.analysis.attribution.constructions import Candidate, Construction, Example
from sourcescore.analysis.attribution.frames import FRAME_CONSTRUCTIONS
from sourcescore.analysis.attribution.frames import TRIGGERS as FRAME_TRIGGERS
from sourcescore.analysis.attribution.indexes import QuoteMap
from sourcescore.analysis.attribution.labels import LABEL_COLON, from_labels
from sourcescore.analysis.attribution.phrases import ACCORDING_TO, from_phrases
from sourcescore.analysis.attribution.quotations import (
    COLON_INTRODUCTION,
    QUOTATION_CUE,
    attach_quotations,
    substantial,
)
from sourcescore.analysis.attribution.spans import text_of, tokens_with
from sourcescore.analysis.attribution.verbs import TRIGGERS as VERB_TRIGGERS
from sourcescore.analysis.attribution.verbs import (
    VERB_CONSTRUCTIONS,
    from_verb,
    is_cue_verb,
)
from sourcescore.model import Quotation

__all__ = ["REGISTRY", "Candidate", "Construction", "Example", "extract", "text_of"]

#: Every construction, in the order the extractor applies them.
REGISTRY: tuple[Construction, ...] = (*VERB_CONSTRUCTIONS, ACCORDING_TO, *FRAME_CONSTRUCTIONS,
                                      LABEL_COLON, QUOTATION_CUE, COLON_INTRODUCTION)


def extract(doc, quotations: tuple[Quotation, ...],
            enabled: Iterable[str] | None = None) -> list[Candidate]:
    """Candidate attributions for `doc`, in text order, one per cue.

    `enabled` names the constructions to apply (default: all); the others are switched off, as
    for measuring what each contributes.
    """
    names = frozenset(enabled) if enabled is not None else frozenset(c.name for c in REGISTRY)
    inside = QuoteMap(text_of(doc), quotations)
    candidates = _from_verbs_and_phrases(doc, inside.token_quoted, names)
    taken = {c.cue for c in candidates}
    candidates += [c for c in _from_frames_and_labels(doc, inside.token_quoted, names, taken)
                   if c.cue not in taken]
    attach_quotations(doc, quotations, candidates, inside, names)
    text = text_of(doc)
    candidates = [c for c in candidates if substantial(text, c)]
    candidates.sort(key=lambda c: (c.content[0][0], c.cue or (0, 0)))
    return candidates


def _from_verbs_and_phrases(doc, quoted, names: frozenset[str]) -> list[Candidate]:
    candidates = []
    for token in tokens_with(doc, VERB_TRIGGERS, attr="LEMMA"):
        if is_cue_verb(token, quoted):
            candidate = from_verb(token, names)
            if candidate is not None:
                candidates.append(candidate)
    if ACCORDING_TO.name in names:
        candidates += from_phrases(doc, quoted)
    return candidates


def _from_frames_and_labels(doc, quoted, names: frozenset[str], taken: set) -> list[Candidate]:
    """Each frame construction on each trigger token, in order; then the label lines."""
    frames = [c for c in FRAME_CONSTRUCTIONS if c.name in names]
    found = []
    for token in tokens_with(doc, FRAME_TRIGGERS):
        if quoted(token):
            continue
        for construction in frames:
            assert construction.find is not None
            candidate = construction.find(token, taken)
            if candidate is not None:
                found.append(candidate)
    if LABEL_COLON.name in names:
        found += from_labels(doc, quoted)
    return found
