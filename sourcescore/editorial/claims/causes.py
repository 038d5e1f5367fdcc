"""Causes and motives stated by the reporter: "because ...", "intended as", "prompted"."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sourcescore.model import Analysis, Sentence

#: Not "designed to": "a system designed to distribute cables" says what a thing is for, not
#: why someone acted. Nor a purpose clause ("in a bid to", "in an effort to", "in order to",
#: "intended to"): it narrates what an act was for, as the actor made it plain, and editors
#: leave it alone where they query a "because".
_CAUSE = re.compile(
    r"\b(?:because\b(?!\s+of\s+(?:the\s+)?(?:rain|weather|time))|intended\s+as\b"
    r"|as\s+a\s+result\b|result(?:ed|s)\s+in\b|thanks\s+to\b"
    r"|in\s+the\s+aftermath\s+of\b"
    r"|helped\s+(?:to\s+)?(?:legitimi[sz]e|propel|fuel|drive|bring|usher|spark|create|cause)"
    r"|to\s+avoid\b)", re.IGNORECASE)


#: Verbs that make one thing the cause of another: "prompted Sirius XM to suspend Beck".
#: Not "led to" or "sparked by": causal chains of public events are background, not claims.
_CAUSING = frozenset({"prompt", "cause", "fuel"})


def cause(sentence: Sentence, analysis: Analysis) -> Iterable[tuple[int, int]]:
    for match in _CAUSE.finditer(sentence.text):
        yield sentence.start + match.start(), sentence.start + match.end()
    words = sentence.words
    for word in words:  # verbs, by the parse: "focused on causes" is a noun
        if word.pos == "VERB" and word.lemma in _CAUSING and \
                word.dep not in ("amod", "compound"):  # not "faith-driven"
            yield word.start, word.end
    for index in range(len(words) - 2):  # "due to the storm", not "due to meet"
        if words[index].lemma == "due" and words[index + 1].lemma == "to" and \
                not words[index + 2].tag.startswith("VB"):
            yield words[index].start, words[index + 1].end
