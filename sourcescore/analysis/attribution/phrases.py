"""Constructions cued by a fixed phrase: `according to X`, `as reported by X`."""

from __future__ import annotations

from sourcescore.analysis.attribution.constructions import (
    Candidate,
    Construction,
    Example,
    always,
)
from sourcescore.analysis.attribution.grammar import Token
from sourcescore.analysis.attribution.spans import Span, end_of, span, text_of, trimmed
from sourcescore.analysis.lexicon import PHRASE_CUES

_MATCHERS: dict[int, object] = {}


def _phrase_matcher(vocab):
    """One spaCy PhraseMatcher over `PHRASE_CUES` per vocabulary, matching case-insensitively."""
    matcher = _MATCHERS.get(id(vocab))
    if matcher is None:
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        matcher = PhraseMatcher(vocab, attr="LOWER")
        matcher.add("PHRASE_CUE", [Doc(vocab, words=phrase.split()) for phrase in PHRASE_CUES])
        _MATCHERS[id(vocab)] = matcher
    return matcher


def from_phrases(doc, quoted) -> list[Candidate]:
    """`according to X`, `as reported by X`: source after the phrase, content the clause."""
    candidates = []
    for _, start, end in _phrase_matcher(doc.vocab)(doc):
        token, last = doc[start], doc[end - 1]
        if quoted(token):
            continue
        pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
        if pobj is None and end < len(doc):
            pobj = doc[end]
        if pobj is None:
            continue
        content = _phrase_content(token, span(pobj)[1])
        if not content:
            continue
        candidates.append(Candidate((token.idx, end_of(last)), span(pobj, cut_clauses=True),
                                    content, doc[start:end].text.lower(), ACCORDING_TO,
                                    ACCORDING_TO.confidence_for(None)))
    return candidates


def _phrase_content(first: Token, phrase_end: int) -> list[Span]:
    """The clause an `according to X` phrase qualifies: its sentence on both sides of the phrase."""
    sent = first.sent
    text = text_of(sent.doc)
    start, end = trimmed(text, sent.start_char, sent.end_char)
    pieces = [trimmed(text, start, first.idx), trimmed(text, phrase_end, end)]
    return [(a, b) for a, b in pieces if b - a > 3]


ACCORDING_TO = Construction(
    "according-to", "phrases", "according-to",
    "a source named after a fixed phrase: according to X, as reported by X",
    frozenset(PHRASE_CUES), always, (0.9, 0.9),
    examples=(Example("The plan would cost $4 billion, according to the budget office.",
                      cue="according to", source="the budget office",
                      content="The plan would cost $4 billion"),),
    counterexamples=('"Everything is going according to plan," the coach said.',),
    find=from_phrases)
