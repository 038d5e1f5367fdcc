"""Figures that need a source: percentages, sums of money, counts in the thousands, tolls."""

from __future__ import annotations

import re
from collections.abc import Iterable

from sourcescore.model import Analysis, Sentence, Word
from sourcescore.wordtree import children, dependents, lemmas_of

_SCALE = frozenset({"thousand", "thousands", "million", "millions", "billion", "billions",
                    "trillion", "trillions"})
_SHARE = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+in\s+(?:10|ten)\b",
                    re.IGNORECASE)


#: A share of the vote is an election result: public record, not a statistic to source.
_VOTE_SHARE = re.compile(r"^\s*(?:(?:percent\s+)?of\s+the\s+(?:vote|votes|ballots)|votes)\b",
                         re.IGNORECASE)


def figure(sentence: Sentence, analysis: Analysis) -> Iterable[tuple[int, int]]:
    words = sentence.words
    found = set()  # "$2 billion" has two numeric words and is one figure
    for index, word in enumerate(words):
        if _numeric(word) and (word.entity in ("PERCENT", "MONEY") or (
                word.entity in ("CARDINAL", "QUANTITY") and _large(words, index))):
            span = _entity_run(words, index)  # a number, not a mis-tagged name
            after = sentence.text[span[1] - sentence.start:]
            if span not in found and not _VOTE_SHARE.match(after) and \
                    not _threshold(words, index) and not _wholehearted(words, index, after) and \
                    not _names_a_known_thing(words, span):
                found.add(span)
                yield span
    for match in _SHARE.finditer(sentence.text):
        yield sentence.start + match.start(), sentence.start + match.end()


#: Verbs that state what a contest or procedure requires: "needs 2,383 delegates to win",
#: "it takes 60 votes to end debate", "the 270 votes required to".
_REQUIRE = frozenset({"need", "require", "take"})
#: What the requirement is for: winning a contest or carrying a procedure. ("needs $2 billion
#: to fix its roads" is an estimate and stays a figure to source.)
_CONTEST = frozenset("""
win clinch secure capture claim pass override overturn block confirm qualify force end break
nominate elect reach earn
""".split())


def _threshold(words: tuple[Word, ...], index: int) -> bool:
    """The number is a rule of the game, not a finding: what something takes ("needs 1,237
    delegates to clinch", "the 60 votes needed to"): settled background anyone can look up."""
    counted = words[index].head if words[index].dep == "nummod" else index
    if not 0 <= counted < len(words):
        return False
    noun = words[counted]
    if noun.dep == "dobj" and 0 <= noun.head < len(words):
        verb = noun.head
        return words[verb].lemma in _REQUIRE and _for_a_contest(words, verb)
    return any(words[i].dep == "acl" and words[i].lemma in _REQUIRE and words[i].tag == "VBN"
               and _for_a_contest(words, i) for i in children(words, counted))


def _for_a_contest(words: tuple[Word, ...], verb: int) -> bool:
    return any(w.dep in ("xcomp", "advcl") and w.tag == "VB" and w.lemma in _CONTEST
               for w in dependents(words, verb))


def _wholehearted(words: tuple[Word, ...], index: int, after: str) -> bool:
    """"not always 100 percent in his corner", "110 percent committed": a figure of speech,
    not a share of anything (a share says "of": "100 percent of the vote")."""
    text = words[index].text.replace("%", "")
    return text in ("100", "110") and not re.match(r"\s*(?:percent\s+)?of\b", after)


def _names_a_known_thing(words: tuple[Word, ...], span: tuple[int, int]) -> bool:
    """The figure is part of the name of something the story takes as known: "the $700
    billion bailout", "their 4,200-foot apartment" - a definite noun it premodifies, not a
    count the sentence asserts ("requires a $10,000 donation")."""
    inside = [i for i, w in enumerate(words) if span[0] <= w.start and w.end <= span[1]]
    heads = {words[i].head for i in inside} - set(inside)
    if len(heads) != 1:
        return False
    noun = heads.pop()
    return 0 <= noun < len(words) and noun > inside[-1] and words[noun].pos == "NOUN" and \
        any(w.dep == "poss" or (w.dep == "det" and w.lemma == "the")
            for w in dependents(words, noun))


def _numeric(word: Word) -> bool:
    return word.tag == "CD" or any(ch.isdigit() for ch in word.text)


def _large(words: tuple[Word, ...], index: int) -> bool:
    """A count in the thousands or more ("1,750", "25 million"; a bare "2016" is a year), or
    any count of casualties ("killed 40 people"): a toll is always someone's count."""
    raw = words[index].text
    text = raw.replace(",", "")
    following = words[index + 1].lemma if index + 1 < len(words) else ""
    return (text.isdigit() and int(text) >= 1000 and ("," in raw or len(text) != 4)) or \
        words[index].lemma in _SCALE or following in _SCALE or \
        (text.isdigit() and int(text) > 1 and not _CASUALTY.isdisjoint(lemmas_of(words)))


#: Words that make a count a toll: of the dead, the wounded, the arrested, the displaced.
_CASUALTY = frozenset("""
kill die dead death injure injured wound wounded casualty casualties arrest detain displace
evacuate missing victim fatality fatalities
""".split())


def _entity_run(words: tuple[Word, ...], index: int) -> tuple[int, int]:
    """The whole entity the word belongs to: "$25 million", "up to 20 percent"."""
    label = words[index].entity
    start = index
    while start > 0 and words[start - 1].entity == label:
        start -= 1
    end = index
    while end + 1 < len(words) and words[end + 1].entity == label:
        end += 1
    return words[start].start, words[end].end
