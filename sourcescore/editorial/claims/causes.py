"""Causes and motives stated by the reporter: "because ...", "intended as", "prompted"."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sourcescore.model import Analysis, Sentence, Word
from sourcescore.wordtree import ancestors, word_at

#: Not "designed to": "a system designed to distribute cables" says what a thing is for, not
#: why someone acted. Nor a purpose clause ("in a bid to", "in an effort to", "in order to",
#: "intended to", and so "in order to avoid"): it narrates what an act was for, as the actor
#: made it plain, and editors leave it alone where they query a "because".
_CAUSE = re.compile(
    r"\b(?:because\b(?!\s+of\s+(?:the\s+)?(?:rain|weather|time))|intended\s+as\b"
    r"|as\s+a\s+result\b|result(?:ed|s)\s+in\b|thanks\s+to\b"
    r"|in\s+the\s+aftermath\s+of\b"
    r"|helped\s+(?:to\s+)?(?:legitimi[sz]e|propel|fuel|drive|bring|usher|spark|create|cause)"
    r"|(?<!in\sorder\s)to\s+avoid\b)", re.IGNORECASE)


#: Verbs that make one thing the cause of another: "prompted Sirius XM to suspend Beck".
#: Not "led to" or "sparked by": causal chains of public events are background, not claims.
_CAUSING = frozenset({"prompt", "cause", "fuel"})


#: What a remark or an event can prompt someone to do in public: a reply, for all to hear.
#: Narrower than `SPEECH_VERBS`, whose "call", "order" and "demand" are acts a cause can prompt.
_REMARKING = frozenset("""
say state ask answer reply respond remark joke quip tweet post write comment declare
note add
""".split())
#: What one makes when one speaks: "to make a joke", "to make a controversial comment".
_REMARKS = frozenset({"joke", "remark", "comment", "statement", "quip", "speech"})


def _prompted_to_speak(words: tuple[Word, ...], verb: int) -> bool:
    """"That prompted Rubio to make a joke", "was prompted to say": what was said in public
    answers a remark, and the story shows both; "prompted the board to investigate" stays."""
    for index, word in enumerate(words):
        if word.dep == "xcomp" and word.head == verb and (
                word.lemma in _REMARKING or word.lemma == "make" and any(
                    w.dep == "dobj" and w.head == index and w.lemma in _REMARKS
                    for w in words)):
            return True
    return False


#: Clauses that describe a person or a thing in passing ("a pulpit, which is controversial
#: because of ...", "a businessman who left because of ..."): not the story's assertion.
_DESCRIBING = frozenset({"relcl", "acl", "appos"})


def _in_a_description(words: tuple[Word, ...], start: int) -> bool:
    """The cue sits in a relative clause or a noun's modifier, not in the main assertion.
    (Only "because" is read so: "a move partly intended as a signal", "which has helped
    propel him" assert a motive or a cause through the description itself.)"""
    at = word_at(words, start)
    return at is not None and any(words[i].dep in _DESCRIBING for i in ancestors(words, at))


def cause(sentence: Sentence, analysis: Analysis) -> Iterable[tuple[int, int]]:
    words = sentence.words
    for match in _CAUSE.finditer(sentence.text):
        start = sentence.start + match.start()
        if not (match.group(0).lower() == "because" and _in_a_description(words, start)):
            yield start, sentence.start + match.end()
    for index, word in enumerate(words):  # verbs, by the parse: "focused on causes" is a noun
        if word.pos == "VERB" and word.lemma in _CAUSING and \
                word.dep not in ("amod", "compound") and \
                not _prompted_to_speak(words, index):  # not "faith-driven"
            yield word.start, word.end
    for index in range(len(words) - 2):  # "due to the storm", not "due to meet"
        if words[index].lemma == "due" and words[index + 1].lemma == "to" and \
                not words[index + 2].tag.startswith("VB"):
            yield words[index].start, words[index + 1].end
