"""What happened out of public view: "privately", "behind closed doors"."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sourcescore.model import Sentence

_PRIVATE = re.compile(
    r"\b(?:privately|behind\s+closed\s+doors|in\s+private|behind\s+the\s+scenes"
    r"|in\s+(?:a\s+|the\s+)?private\s+(?:meeting|conversation|call|session|dinner)s?"
    r"|told\s+(?:his\s+|her\s+|their\s+)?(?:associates|aides|allies|friends|donors|advisers)"
    r"|worked\s+to\s+(?:ensure|make\s+sure)"
    r"|(?:phoned|called)\s+(?:[\w.,'’-]+\s+){1,8}?and\s+(?:urged|encouraged|pressed|asked|told))",
    re.IGNORECASE)


def private(sentence: Sentence) -> Iterable[tuple[int, int]]:
    for match in _PRIVATE.finditer(sentence.text):
        yield sentence.start + match.start(), sentence.start + match.end()
