"""Claims that need a source, in a sentence of the reporter's own words.

An editor wants a source for what a reader cannot check (the check-worthiness of ClaimBuster and
CLEF CheckThat!): each detector finds one kind, on the shared analysis's `Word`s, outside
quotation marks, and returns the words that make the claim:

* `figure` - a statistic: a percentage, a sum of money, a count in the thousands or more, a
  share ("4 in 10"); not a date, a year, an age or a small count of things;
* `cause` - a cause or motive: "because ...", "in an effort to", "prompted", "led to",
  "intended as", "helped legitimize";
* `prediction` - what will happen, in the main clause ("A victory would lift markets", "it is
  unlikely that ...");
* `group-mind` - what a group thinks, feels, wants or is doing about it: "conservatives don't
  like", "investors were preparing", "Republicans have been scrambling", "the industry is
  bracing";
* `characterisation` - a judgement stated as fact: a superlative or a record ("the most
  progressive in the party's history", "among the most watched", "the first ... to"), or an
  evaluative adjective ("a formidable operation", "an impressive amount");
* `private` - what happened out of public view: "privately", "behind closed doors", "called X
  and encouraged her".

Settled background, common knowledge, a scheduled event, what was said at a public event and
the story's framing of who said what are none of these, and are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sourcescore.analysis.lexicon import GROUP_HEADS, QUANTIFIERS
from sourcescore.model import Analysis, Sentence, Word

KINDS = ("figure", "cause", "prediction", "group-mind", "characterisation", "private")


@dataclass(frozen=True)
class Claim:
    """A claim in a sentence: its kind and the words that make it."""

    kind: str
    start: int
    end: int


# --- figures ----------------------------------------------------------------------------------

_SCALE = frozenset({"thousand", "thousands", "million", "millions", "billion", "billions",
                    "trillion", "trillions"})
_SHARE = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+in\s+(?:10|ten)\b",
                    re.IGNORECASE)


#: A share of the vote is an election result: public record, not a statistic to source.
_VOTE_SHARE = re.compile(r"^\s*(?:percent\s+)?of\s+the\s+(?:vote|votes|ballots)\b", re.IGNORECASE)


def _figure(sentence: Sentence) -> Iterable[tuple[int, int]]:
    words = sentence.words
    for index, word in enumerate(words):
        if _numeric(word) and (word.entity in ("PERCENT", "MONEY") or (
                word.entity in ("CARDINAL", "QUANTITY") and _large(words, index))):
            start, end = _entity_run(words, index)  # a number, not a mis-tagged name
            if not _VOTE_SHARE.match(sentence.text[end - sentence.start:]):
                yield start, end
    for match in _SHARE.finditer(sentence.text):
        yield sentence.start + match.start(), sentence.start + match.end()


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
        (text.isdigit() and int(text) > 1 and any(w.lemma in _CASUALTY for w in words))


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


# --- causes and motives -----------------------------------------------------------------------

_CAUSE = re.compile(
    r"\b(?:because\b(?!\s+of\s+(?:the\s+)?(?:rain|weather|time))|in\s+an?\s+(?:effort|attempt|bid)"
    r"\s+to\b|in\s+order\s+to\b|so\s+as\s+to\b|intended\s+(?:as|to)\b"
    r"|designed\s+to\b|as\s+a\s+result\b|result(?:ed|s)\s+in\b|thanks\s+to\b"
    r"|in\s+the\s+aftermath\s+of\b"
    r"|helped\s+(?:to\s+)?(?:legitimi[sz]e|propel|fuel|drive|bring|usher|spark|create|cause)"
    r"|to\s+avoid\b)", re.IGNORECASE)


#: Verbs that make one thing the cause of another: "prompted Sirius XM to suspend Beck".
#: Not "led to" or "sparked by": causal chains of public events are background, not claims.
_CAUSING = frozenset({"prompt", "cause", "fuel"})


def _cause(sentence: Sentence) -> Iterable[tuple[int, int]]:
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


# --- predictions ------------------------------------------------------------------------------

_FUTURE = frozenset({"will", "would", "could", "might", "may", "'ll", "’ll"})
_LIKELIHOOD = re.compile(r"\b(?:un)?likely\b|\blittle\s+certainty\b|\bpoised\s+to\b"
                         r"|\bon\s+track\s+to\b|\bodds\b", re.IGNORECASE)
#: Verbs of a scheduled or planned event: "will meet on Tuesday", "will interview X" is a
#: calendar, not a prediction.
_SCHEDULED = frozenset("""
meet speak address hold release report announce testify travel visit appear host attend
begin start close open launch publish file vote debate convene sit interview discuss talk
call cast face join present headline deliver give come air broadcast
""".split())
#: Adverbs that make "would" habitual ("would frequently take on urgency"), not future.
_HABITUAL = frozenset({"often", "frequently", "usually", "always", "sometimes", "typically",
                       "regularly", "routinely"})


def _prediction(sentence: Sentence) -> Iterable[tuple[int, int]]:
    words = sentence.words
    for index, word in enumerate(words):
        if word.lemma in _FUTURE and word.tag == "MD" and 0 <= word.head < len(words) and \
                _predicts(words, index, word.head):
            yield word.start, words[word.head].end
    for match in _LIKELIHOOD.finditer(sentence.text):
        yield sentence.start + match.start(), sentence.start + match.end()


def _predicts(words: tuple[Word, ...], modal: int, verb: int) -> bool:
    """A modal that forecasts: in the main clause, not a schedule, a condition's consequence,
    a habit ("would often"), the past ("might have been") or a perception ("could be heard")."""
    head = words[verb]
    dependents = [w for w in words if w.head == verb]
    if not _main_clause(words, verb) or head.lemma in _SCHEDULED or head.tag == "VBN":
        return False
    if any(w.lemma == "have" and w.dep == "aux" for w in dependents):
        return False
    if any(w.lemma in _HABITUAL for w in dependents) or words[0].lemma == "if":
        return False
    if any(w.tag in ("WRB", "WP") or w.lemma == "whether" for w in dependents):
        return False  # an indirect question: "how he would improve it"
    if head.lemma == "be" and any(w.lemma == "more" for d in dependents
                                  for w in (d, *[x for x in words if x.head == words.index(d)])):
        return False  # "couldn't be more different": an idiom, not a forecast
    return not any(w.dep == "advcl" and any(m.head == words.index(w) and m.lemma == "if"
                                            for m in words) for w in dependents)


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


# --- what groups think or feel ----------------------------------------------------------------

#: What a group feels, wants, plans or is doing about it. Not what it says or expects
#: ("Traders expect", "critics say"): that is a claim put to a vague source, `SRC302`'s.
_MIND = frozenset("""
like dislike hate love consider feel fear worry want hope yearn prefer trust distrust resent
welcome embrace oppose view regard see plan intend prepare brace scramble struggle rush flock
upset angry frustrated worried concerned afraid happy pleased disappointed nervous eager
reluctant skeptical sceptical wary confident unsure convinced furious outraged annoyed
alarmed excited enthusiastic anxious impressed unimpressed amused troubled uneasy divided
""".split())
#: Nouns for a body of people acting or feeling as one: "the industry is bracing".
_COLLECTIVES = frozenset("""
industry market markets public electorate base establishment crowd audience party caucus
campaign network networks administration
""".split())


def _group_mind(sentence: Sentence) -> Iterable[tuple[int, int]]:
    words = sentence.words
    for index, word in enumerate(words):
        if word.dep not in ("nsubj", "nsubjpass") or not 0 <= word.head < len(words):
            continue
        predicate = _predicate(words, word.head)
        if predicate is not None and predicate.lemma in _MIND and _is_group(words, index):
            yield _phrase_start(words, index), predicate.end


def _predicate(words: tuple[Word, ...], index: int) -> Word | None:
    """The verb or (after a copula) the adjective a subject goes with; "see" only as "see X
    as Y" (a view), not as sight."""
    verb = words[index]
    if verb.lemma == "be":
        return next((w for w in words if w.head == index and w.dep in ("acomp", "attr")), None)
    if verb.lemma == "see":
        return verb if any(w.head == index and w.lemma == "as" for w in words) else None
    return verb


def _is_group(words: tuple[Word, ...], index: int) -> bool:
    """A group, not a person: "conservatives", "many", "the industry", "Republicans"."""
    word = words[index]
    if word.lemma in QUANTIFIERS or word.lemma in GROUP_HEADS or word.lemma in _COLLECTIVES:
        return True
    if word.tag in ("NNS", "NNPS") and word.entity not in ("PERSON", "ORG", "GPE"):
        return True
    return any(w.head == index and w.lemma in QUANTIFIERS for w in words)


def _phrase_start(words: tuple[Word, ...], index: int) -> int:
    """Where the subject's phrase starts: its leftmost dependent before it."""
    start = index
    for position in range(index - 1, -1, -1):
        if _depends_on(words, position, index):
            start = position
        else:
            break
    return words[start].start


def _depends_on(words: tuple[Word, ...], position: int, index: int) -> bool:
    for _ in range(4):
        head = words[position].head
        if head == index:
            return True
        if head == position or not 0 <= head < len(words):
            return False
        position = head
    return False


# --- judgements stated as fact ----------------------------------------------------------------

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


def _characterisation(sentence: Sentence) -> Iterable[tuple[int, int]]:
    words = sentence.words
    for index, word in enumerate(words):
        if word.tag in ("JJS", "RBS") and word.dep in ("amod", "advmod", "attr", "acomp") and \
                _judged(words, index, sentence.text):
            yield word.start, words[_compound_end(words, index + (word.lemma == "most"))].end
        elif word.lemma in EVALUATIVE and word.pos == "ADJ":
            yield word.start, word.end
        elif word.lemma == "first" and word.dep == "amod" and _first_to(words, word.head) and \
                words[0].lemma != "if":  # "If she is the first woman elected": a supposition
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


def _first_to(words: tuple[Word, ...], noun: int) -> bool:
    """"The program is the first live radio enterprise to air seven days a week": a first
    stated of the subject, with what it is first to do."""
    return 0 <= noun < len(words) and words[noun].dep == "attr" and any(
        w.head == noun and w.dep in ("acl", "relcl") for w in words)


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
    if described.lemma in _DESCRIPTIVE or word.lemma in _DESCRIPTIVE:
        return False
    among = index >= 2 and words[index - 2].lemma == "among"
    return among or _in_predicate(words, index)


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


# --- out of public view -----------------------------------------------------------------------

_PRIVATE = re.compile(
    r"\b(?:privately|behind\s+closed\s+doors|in\s+private|behind\s+the\s+scenes"
    r"|in\s+(?:a\s+|the\s+)?private\s+(?:meeting|conversation|call|session|dinner)s?"
    r"|told\s+(?:his\s+|her\s+|their\s+)?(?:associates|aides|allies|friends|donors|advisers)"
    r"|worked\s+to\s+(?:ensure|make\s+sure)"
    r"|(?:phoned|called)\s+(?:[\w.,'’-]+\s+){1,8}?and\s+(?:urged|encouraged|pressed|asked|told))",
    re.IGNORECASE)


def _private(sentence: Sentence) -> Iterable[tuple[int, int]]:
    for match in _PRIVATE.finditer(sentence.text):
        yield sentence.start + match.start(), sentence.start + match.end()


DETECTORS: tuple[tuple[str, Callable[[Sentence], Iterable[tuple[int, int]]]], ...] = (
    ("figure", _figure),
    ("cause", _cause),
    ("prediction", _prediction),
    ("group-mind", _group_mind),
    ("characterisation", _characterisation),
    ("private", _private),
)


def claims_in(sentence: Sentence, analysis: Analysis,
              kinds: Iterable[str] = KINDS) -> list[Claim]:
    """The claims in a sentence's own words (quotations left out), in text order."""
    wanted = set(kinds)
    found = []
    for kind, detect in DETECTORS:
        if kind not in wanted:
            continue
        for start, end in detect(sentence):
            if start < end and not analysis.in_quotation(start, end):
                found.append(Claim(kind, start, end))
    return sorted(found, key=lambda c: (c.start, KINDS.index(c.kind)))
