"""Constructions cued by a label and a colon at the start of a line: `Q: ...`, `SMITH: ...`,
`Trump: 'We will win'` (transcripts, interviews, headlines)."""

from __future__ import annotations

from sourcescore.analysis.attribution.constructions import (
    Candidate,
    Construction,
    Example,
    always,
)
from sourcescore.analysis.attribution.frames import FINDING_SOURCES
from sourcescore.analysis.attribution.grammar import Token
from sourcescore.analysis.attribution.spans import text_of, tokens_with, trimmed

_COLON = frozenset({":"})
_LABEL_MAX_WORDS = 6
#: Labels of editorial furniture, never a speaker: "CORRECTION:", "Editor's note:".
_EDITORIAL_LABELS = frozenset("""
correction corrections clarification update updated note editor editor's related photo photos
video source sources readers reader stat week watch read more see also tip tips disclosure
""".split())


def from_labels(doc, quoted) -> list[Candidate]:
    """A paragraph opening `Label: text` - `Q: ...`, `SMITH: ...`, `Trump: 'We will win'`.

    The label is at most six words, starts with a capital, holds no verb of its own and names
    a person (or is an interview's `Q`/`A`): market tables ("Dow: UP 0.4 percent") and notes
    ("Correction: ...") are not attributions.
    """
    candidates = []
    for token in tokens_with(doc, _COLON):
        if token.text != ":" or quoted(token):
            continue
        found = _labelled_line(doc, token)
        if found is not None:
            candidates.append(found)
    return candidates


def _labelled_line(doc, colon: Token) -> Candidate | None:
    text = text_of(doc)
    line_start = _label_start(text, colon.idx)
    label = text[line_start:colon.idx]
    label_tokens = [t for t in doc[max(0, colon.i - 12):colon.i] if t.idx >= line_start]
    if not _label_shape(label, label_tokens):
        return None
    line_end = text.find("\n", colon.idx)
    line_end = len(text) if line_end < 0 else line_end
    start, end = trimmed(text, colon.idx + 1, line_end)
    if len(text[start:end].split()) < 3:
        return None
    content_tokens = [t for t in doc[colon.i + 1:colon.i + 80] if t.idx < line_end]
    if not (_speaker_label(label, label_tokens) or _headline_label(label, content_tokens)):
        return None
    source = trimmed(text, line_start, colon.idx)
    return Candidate((colon.idx, colon.idx + 1), source, [(start, end)], ":", LABEL_COLON,
                     LABEL_COLON.confidence_for(source))


def _label_shape(label: str, tokens) -> bool:
    """Capitalised, no verb of its own, at most six words - or eight when it ends in a name:
    "Former senator Jo Ann Lee:"."""
    words = label.split()
    if not words or len(words) > _LABEL_MAX_WORDS + 2 or not words[0][:1].isupper():
        return False
    if any(t.pos_ == "VERB" for t in tokens):
        return False
    return len(words) <= _LABEL_MAX_WORDS or bool(tokens and tokens[-1].ent_type_ == "PERSON")


def _label_start(text: str, colon: int) -> int:
    """Where the label begins: its line's start, or after "HEADLINE - " before a name."""
    line_start = text.rfind("\n", 0, colon) + 1
    dash = max(text.rfind(f" {mark} ", line_start, colon) for mark in "-–—")
    return dash + 3 if dash >= 0 else line_start


def _speaker_label(label: str, tokens) -> bool:
    """A person's name, a transcript's capitalised speaker (`TAPPER`) or an interview's Q/A."""
    words = label.split()
    if label.strip() in ("Q", "A"):
        return True
    if editorial(words):
        return False
    if len(words) <= 3 and all(w.isalpha() and w.isupper() for w in words):
        return True
    if len(words) == 1 and words[0].lower() in FINDING_SOURCES:
        return True  # a headline's "Poll: ..."
    return any(t.ent_type_ == "PERSON" for t in tokens)


def editorial(words: list[str]) -> bool:
    """Whether a label is editorial furniture ("Correction", "Editor's note")."""
    return any(w.lower().removesuffix("'s").removesuffix("’s") in _EDITORIAL_LABELS
               for w in words)


def _headline_label(label: str, content_tokens) -> bool:
    """A headline's short capitalised name before a clause: "Sanders: Brexit could help Trump".

    The small model often tags a headline's first name as a common noun, so the spelling
    decides; the clause after the colon must have a verb (a market table's "Dow: DOWN 0.4
    percent" has none).
    """
    words = [w.removesuffix("'s").removesuffix("’s") for w in label.split()]
    return len(words) <= 3 and not editorial(words) and all(
        w[:1].isupper() and w.isalpha() for w in words) and any(
        t.pos_ in ("VERB", "AUX") for t in content_tokens)


LABEL_COLON = Construction(
    "label-colon", "labels", "colon",
    "a line opening with a speaker's label and a colon: Q: ..., SMITH: ..., Sanders: ...",
    _COLON, always, (0.5, 0.5),
    examples=(Example("TAPPER: Do you think the senator will endorse the nominee?", cue=":",
                      source="TAPPER",
                      content="Do you think the senator will endorse the nominee?"),),
    counterexamples=("Correction: An earlier version misstated the date of the vote.",
                     "Dow: DOWN 0.4 percent"),
    find=from_labels)
