"""Predictions in the main clause: "A victory would lift markets", "it is unlikely that".

A forecast the reporter weighs - hedged or conditional ("would", "could", "may", "might"), or
put as a likelihood ("likely", "unlikely", "the odds are") - is a claim to source. A plain
"will" is not: in news copy it states what is planned or scheduled ("The singer will open
with ...", "he'll share stories about his sisters"), and standards editors do not query it (on
the labelled dev articles, 8 of 9 plain-"will" findings were marked as needing no source).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sourcescore.model import Analysis, Sentence, Word
from sourcescore.wordtree import children, phrase_text
from sourcescore.wordtree import dependents as dependents_of

#: The modals of a weighed forecast (not "will": see above).
_FUTURE = frozenset({"would", "could", "might", "may"})
#: "The odds are", "the odds of a deal", "odds that": a chance reckoned; "against long odds"
#: and "beat the odds" are idioms about what happened, not forecasts.
_LIKELIHOOD = re.compile(r"\b(?:un)?likely\b|\blittle\s+certainty\b|\bpoised\s+to\b"
                         r"|\bon\s+track\s+to\b|\bodds\s+(?:are|were|of|that|favou?r)\b",
                         re.IGNORECASE)
#: Verbs of a scheduled or planned event: "will meet on Tuesday", "will interview X" is a
#: calendar, not a prediction.
_SCHEDULED = frozenset("""
meet speak address hold release report announce testify travel visit appear host attend
begin start close open launch publish file vote debate convene sit interview discuss talk
call cast face join present headline deliver give come air broadcast focus feature include
take decide consider review hear resume commemorate celebrate honor honour observe campaign
""".split())
#: Verbs of seeming: "may seem like a snag" hedges a description, it forecasts nothing.
_SEEMING = frozenset({"seem", "look", "appear", "sound", "feel"})
#: Modals of possibility: with a bare "be" they hedge a description ("He may be a big
#: underdog", "It could be a tricky call"), a possibility entertained rather than a forecast.
_POSSIBLE = frozenset({"may", "might", "could"})
#: Instruments whose terms a modal can state: "the bill would prohibit ...", "the measures would
#: also prevent ...". What they provide is in the text of the instrument, where it can be read.
#: Matched on the lemma, so plurals count too.
_INSTRUMENTS = frozenset("""
bill measure proposal legislation amendment act law provision resolution ordinance regulation
rule order treaty agreement platform
""".split())
#: Verbs of providing: what an instrument requires, forbids, allows or sets up. Its effects
#: ("the bill would lift wages") are forecasts, and stay claims.
_PROVIDING = frozenset("""
prohibit ban bar block prevent forbid require mandate allow permit authorize authorise let
renew extend establish create set impose repeal exempt restrict limit cap direct provide grant
give fund expand eliminate end replace codify outline
""".split())
#: Adverbs that make "would" habitual ("would frequently take on urgency"), not future.
_HABITUAL = frozenset({"often", "frequently", "usually", "always", "sometimes", "typically",
                       "regularly", "routinely"})


def prediction(sentence: Sentence, analysis: Analysis) -> Iterable[tuple[int, int]]:
    words = sentence.words
    for index, word in enumerate(words):
        if word.lemma in _FUTURE and word.tag == "MD" and 0 <= word.head < len(words) and \
                _predicts(words, index, word.head):
            yield word.start, words[word.head].end
    for match in _LIKELIHOOD.finditer(sentence.text):
        start = sentence.start + match.start()
        if not _describes_a_noun(words, start):
            yield start, sentence.start + match.end()


def _describes_a_noun(words: tuple[Word, ...], start: int) -> bool:
    """"likely voters": a poll's term for a group of people, not a forecast."""
    return any(w.start == start and w.dep == "amod" for w in words)


def _predicts(words: tuple[Word, ...], modal: int, verb: int) -> bool:
    """A modal that forecasts: in the main clause, not a schedule, a condition's consequence,
    a habit ("would often"), the past ("might have been") or a perception ("could be heard")."""
    head = words[verb]
    if verb == modal:
        return False  # "They might.": the ellipsis of a verb said before, nothing forecast
    if head.lemma == "be" and words[modal].lemma in _POSSIBLE and head.pos == "AUX":
        return False
    dependents = list(dependents_of(words, verb))
    if not _main_clause(words, verb) or head.lemma in _SCHEDULED or head.tag == "VBN" or \
            head.lemma in _SEEMING:
        return False
    if any(w.lemma == "have" and w.dep == "aux" for w in dependents):
        return False
    if head.lemma == "have" and any(w.lemma == "until" for w in dependents):
        return False  # "will have until Friday": a deadline
    if head.lemma in ("need", "have") and any(w.dep == "xcomp" for w in dependents):
        return False  # "would need to win 15 seats": what it takes, not what will happen
    if head.lemma in _PROVIDING and any(w.dep in ("nsubj", "nsubjpass") and
                                         w.lemma in _INSTRUMENTS for w in dependents):
        return False  # "The bill would prohibit waivers": the terms of a text, not a forecast
    if _time_is_the_subject(dependents):
        return False  # "Next week will bring contests in five states": a calendar
    if words[modal].lemma not in _POSSIBLE and head.lemma != "be" and _dated(words, verb) and \
            not any(w.lemma in _HEDGES for w in dependents):
        return False  # "will get one more chance on Saturday": an event on the calendar
    if head.lemma in _DISCLOSING and any(w.dep == "neg" or w.lemma == "only" for w in dependents):
        return False  # "would only say", "would not comment": what a source told reporters
    if _floor(words, verb):
        return False  # "she will win at least 56": arithmetic on a count, not a forecast
    if any(w.lemma in _HABITUAL for w in dependents) or words[0].lemma == "if":
        return False
    if any(w.tag in ("WRB", "WP") or w.lemma == "whether" for w in dependents):
        return False  # an indirect question: "how he would improve it"
    if head.lemma == "be" and any(w.lemma == "more" for d in dependents
                                  for w in (d, *[x for x in words if x.head == words.index(d)])):
        return False  # "couldn't be more different": an idiom, not a forecast
    return not any(w.dep == "advcl" and any(m.head == words.index(w) and m.lemma == "if"
                                            for m in words) for w in dependents)


#: Verbs of telling or disclosing: "would not say", "would only say" report what a source told
#: (or did not tell) reporters. Narrower than `SPEECH_VERBS`: "would not continue" forecasts.
_DISCLOSING = frozenset("""
say comment confirm elaborate discuss specify answer tell disclose reveal detail identify name
""".split())
#: A date that fixes an event on the calendar (what someone will do then; what will be so then
#: is still a forecast): a day, a month, a clock time, "tonight", "in two
#: weeks", "next month"; not "soon", "an exceptional week" or "in the short term".
_CALENDAR = re.compile(r"\d|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
                       r"january|february|march|april|may|june|july|august|september|october|"
                       r"november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|"
                       r"tonight|tomorrow|today)\b|\b(?:next|this|coming|a|one|two|three|four|"
                       r"five|six|seven|eight|nine|ten|few)\s+(?:days?|weeks?|months?)\b",
                       re.IGNORECASE)
#: Hedges that make a dated event an outcome forecast: "probably will not until March 1".
_HEDGES = frozenset({"probably", "likely", "perhaps", "possibly", "maybe", "likelihood"})


def _dated(words: tuple[Word, ...], verb: int) -> bool:
    """The verb's own time adjunct, or its object's, names a calendar date after it ("will
    vote on Saturday", "will get one more chance on Saturday", "in two weeks"). A date put
    first frames a forecast ("Next week the bank will raise rates")."""
    for i in _adjunct_heads(words, verb):
        if i > verb and words[i].entity in ("DATE", "TIME") and \
                _CALENDAR.search(phrase_text(words, i)):
            return True
    return False


def _adjunct_heads(words: tuple[Word, ...], verb: int) -> Iterable[int]:
    """The verb's dependents, the objects of its prepositions, and the same for its object."""
    heads = [verb, *(i for i in children(words, verb) if words[i].dep == "dobj")]
    for head in heads:
        for i in children(words, head):
            yield i
            if words[i].dep == "prep":
                yield from children(words, i)


def _time_is_the_subject(dependents: list[Word]) -> bool:
    """The subject is a date ("Next week will bring ..."), however the parser attached it."""
    subjects = [w for w in dependents if w.dep in ("nsubj", "nsubjpass")]
    dated = [w for w in dependents if w.entity in ("DATE", "TIME") and
             w.dep in ("nsubj", "npadvmod")]
    return bool(dated) and all(s in dated for s in subjects)


def _floor(words: tuple[Word, ...], verb: int) -> bool:
    """The verb's object is a number with "at least": a minimum the count already guarantees."""
    for obj in (i for i in children(words, verb) if words[i].dep == "dobj"):
        numbers = [i for i in (obj, *children(words, obj)) if words[i].tag == "CD"]
        if numbers and any(w.lemma == "least" for n in (*numbers, obj)
                           for w in dependents_of(words, n)):
            return True
    return False


def _main_clause(words: tuple[Word, ...], index: int) -> bool:
    """The root, or a verb coordinated with it: not a relative or subordinate clause."""
    for _ in range(3):
        word = words[index]
        if word.dep == "ROOT" or word.head == index:
            return True
        if word.dep != "conj":
            return False
        index = word.head
    return False
