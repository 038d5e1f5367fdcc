"""Judgements stated as fact: superlatives, records, "the first ... to", evaluative words,
"It's no secret that"."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sourcescore.model import Analysis, Sentence, Word
from sourcescore.wordtree import dependents

#: Adjectives that judge rather than describe, in the reporter's own voice.
#: (Words that only praise or condemn - "impressive", "disastrous" - are filler, SRC402's.)
EVALUATIVE = frozenset("""
formidable sophisticated dominant influential jittery dramatic seismic remarkable
extraordinary notorious infamous legendary beloved embattled beleaguered catastrophic savvy
shrewd unpopular divisive polarizing polarising scathing blistering
""".split())
_RECORD = re.compile(r"\b(?:shatter(?:ed|ing|s)?\s+records?|record[- ](?:high|low|number|levels?)"
                     r"|No\.\s*1\b|unprecedented|in\s+(?:the\s+)?(?:party|nation|country)['’]s"
                     r"\s+history)", re.IGNORECASE)
#: The reporter declaring a judgement settled: "It's no secret that ...", "It is clear that".
_SETTLED = re.compile(r"\b(?:it['’]s|it\s+is|it\s+was|it['’]s\s+been|it\s+has\s+been)\s+"
                      r"(?:no\s+secret|clear|obvious|undeniable|beyond\s+(?:doubt|dispute))\b"
                      r"|\bthere\s+(?:is|was|can\s+be)\s+no\s+(?:doubt|question|denying)\b"
                      r"|\bmake\s+no\s+mistake\b", re.IGNORECASE)


def characterisation(sentence: Sentence, analysis: Analysis) -> Iterable[tuple[int, int]]:
    words = sentence.words
    for index, word in enumerate(words):
        if word.tag in ("JJS", "RBS") and word.dep in ("amod", "advmod", "attr", "acomp") and \
                _judged(words, index, sentence.text):
            yield word.start, words[_compound_end(words, index + (word.lemma == "most"))].end
        elif word.lemma in EVALUATIVE and word.pos == "ADJ" and not _identifies(words, word):
            yield word.start, word.end
        elif word.lemma == "first" and word.dep == "amod" and _first_to(words, word.head) and \
                words[0].lemma != "if" and \
                not _identity_first(words, word.head):  # "If she is ...": a supposition
            yield word.start, words[word.head].end
    for pattern in (_RECORD, _SETTLED):
        for match in pattern.finditer(sentence.text):
            yield sentence.start + match.start(), sentence.start + match.end()


def _compound_end(words: tuple[Word, ...], index: int) -> int:
    """The last word of a hyphenated compound: "best-funded", "most well-known"."""
    index = min(index, len(words) - 1)
    while index + 2 < len(words) and words[index + 1].text == "-" and \
            words[index + 1].start == words[index].end:
        index += 2
    return index


def _identifies(words: tuple[Word, ...], word: Word) -> bool:
    """"Klein, an influential activist, ...": a description that says who someone is, in
    apposition to the name."""
    return 0 <= word.head < len(words) and words[word.head].dep == "appos"


def _first_to(words: tuple[Word, ...], noun: int) -> bool:
    """"The program is the first live radio enterprise to air seven days a week": a first
    stated of the subject, with what it is first to do."""
    return 0 <= noun < len(words) and words[noun].dep == "attr" and any(
        w.dep in ("acl", "relcl") for w in dependents(words, noun))


#: Who a historic first is: "the first woman to serve as president".
_IDENTITIES = frozenset({"woman", "man", "female", "black", "latino", "latina", "hispanic",
                         "gay", "lesbian", "transgender", "immigrant", "minority"})


def _identity_first(words: tuple[Word, ...], noun: int) -> bool:
    """"The first Jewish candidate to win a primary", "the first woman to serve as president":
    who first held an office or won a race is the public record, not a judgement."""
    phrase = [words[noun], *dependents(words, noun)]
    return any(w.entity == "NORP" or w.lemma in _IDENTITIES for w in phrase)


#: Superlatives that describe rather than judge: "the most recent", "eldest", "newest".
_DESCRIPTIVE = frozenset({"recent", "late", "early", "old", "new", "young", "near", "least",
                          "close", "low", "high"})


def _judged(words: tuple[Word, ...], index: int, text: str) -> bool:
    """A superlative stated of something against a comparison: "is the most progressive in the
    party's history", "among the most watched" - not "Europe's biggest banks", "her closest
    aides" (a description) or "most banks" (a quantity)."""
    word = words[index]
    described = words[index + 1] if word.lemma == "most" and index + 1 < len(words) else word
    if word.lemma == "most" and word.dep != "advmod":
        return False
    if described.lemma in _DESCRIPTIVE or word.lemma in _DESCRIPTIVE or _idiom(words, index):
        return False
    among = index >= 2 and words[index - 2].lemma == "among"
    return among or _in_predicate(words, index)


def _idiom(words: tuple[Word, ...], index: int) -> bool:
    """"a stretch at best", "at worst", "it is best to wait": a hedge or advice, no ranking."""
    if index > 0 and words[index - 1].lemma == "at":
        return True
    return index + 2 < len(words) and words[index + 1].text.lower() == "to" and \
        words[index + 2].tag == "VB"


def _in_predicate(words: tuple[Word, ...], index: int) -> bool:
    """The word is in what a copula states of the subject (attr or acomp, or under one)."""
    for _ in range(3):
        if words[index].dep in ("attr", "acomp", "oprd"):
            return True
        head = words[index].head
        if head == index or not 0 <= head < len(words):
            return False
        index = head
    return False
