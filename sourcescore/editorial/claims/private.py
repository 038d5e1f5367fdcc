"""What happened out of public view: "privately", "behind closed doors"."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sourcescore.model import Analysis, Sentence, Word
from sourcescore.wordtree import dependents, word_at

_PRIVATE = re.compile(
    r"\b(?:privately|behind\s+closed\s+doors|in\s+private|behind\s+the\s+scenes"
    r"|in\s+(?:a\s+|the\s+)?private\s+(?:meeting|conversation|call|session|dinner)s?"
    r"|told\s+(?:his\s+|her\s+|their\s+)?(?:associates|aides|allies|friends|donors|advisers)"
    r"|worked\s+to\s+(?:ensure|make\s+sure)"
    r"|(?:phoned|called)\s+(?:[\w.,'’-]+\s+){1,8}?and\s+(?:urged|encouraged|pressed|asked|told))",
    re.IGNORECASE)


#: "takes you behind the scenes": access the story offers, not an event it asserts.
_TOUR = re.compile(r"\b(?:take|takes|taking|took|go|goes|going|went)\s+(?:\w+\s+)?$", re.IGNORECASE)


def private(sentence: Sentence, analysis: Analysis) -> Iterable[tuple[int, int]]:
    for match in _PRIVATE.finditer(sentence.text):
        start = sentence.start + match.start()
        if _TOUR.search(sentence.text[max(0, match.start() - 30):match.start()]):
            continue
        if not _hypothetical(sentence.words, start):
            yield start, sentence.start + match.end()


def _hypothetical(words: tuple[Word, ...], start: int) -> bool:
    """"The committee would meet behind closed doors": a procedure or a supposition, not
    something that happened out of view."""
    at = word_at(words, start)
    for _ in range(4):
        if at is None or not 0 <= at < len(words):
            return False
        if words[at].pos in ("VERB", "AUX"):
            return any(w.dep == "aux" and w.tag == "MD" for w in dependents(words, at))
        at = None if words[at].head == at else words[at].head
    return False
