"""Filler: words that stand in for reporting, found by construction.

Each construction is declared with sentences it finds and sentences it leaves alone
(`tests/test_filler.py` runs them all):

* `cliche` - a stock phrase that fills space without informing ("in a dramatic turn of
  events", "sent shockwaves", "only time will tell", "landed in hot water"), from the list in
  `data/cliches.txt`; a phrase with a literal reading is skipped when the sentence reads it
  literally ("at the end of the day" beside a time of day);
* `editorial-adverb` - an adverb that passes judgement in the reporter's voice: "woefully",
  "gleefully", "alarmingly";
* `editorial-adjective` - an adjective that praises or condemns instead of describing: "an
  impressive amount of cash", "a disastrous week", "the powerful speech";
* `empty-gloss` - a sentence whose subject is a demonstrative or an abstraction and whose verb
  only evaluates ("This underscores the deep mistrust ...", "The outcome will be crucial in
  determining ...", "The potential for a deal hinges on the willingness of both sides ..."),
  adding no name, figure or source.

Never inside quotation marks or in what a named source is reported to have said: a source may
speak in clichés. Bylines, boilerplate and list rows are not prose and are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import Literal, get_args

from sourcescore.editorial.constructions import Construction, Family, Found
from sourcescore.editorial.coverage import in_reported_speech
from sourcescore.model import Analysis, Sentence, Word

ConstructionName = Literal["cliche", "editorial-adverb", "editorial-adjective", "empty-gloss"]
#: Filler found in the text (`Found`): the construction and the words.
Filler = Found


@cache
def listed(name: str) -> tuple[str, ...]:
    """A word list shipped beside this module: one entry per line, `#` starts a comment."""
    text = resources.files("sourcescore").joinpath(f"data/{name}").read_text(encoding="utf-8")
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    return tuple(line for line in lines if line)


@cache
def _pattern(name: str) -> re.Pattern[str]:
    phrases = sorted(listed(name), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(phrases) + r")(?![\w-])", re.IGNORECASE)


# --- clichés ------------------------------------------------------------------------------------

#: Clichés that also have a literal reading, and what in the sentence makes it literal.
_LITERAL = {
    "at the end of the day": re.compile(
        r"at the end of the day(?:['’]s\b|\s+(?:on|of)\s+(?:monday|tuesday|wednesday|thursday|"
        r"friday|saturday|sunday)\b|,?\s+(?:after|before|when)\b)", re.IGNORECASE),
}


def _cliche(sentence: Sentence, analysis: Analysis) -> Iterable[tuple[int, int]]:
    for match in _pattern("cliches.txt").finditer(sentence.text):
        literal = _LITERAL.get(match.group(0).lower())
        if literal is not None and (literal.match(sentence.text, match.start()) or
                                    any(w.entity == "TIME" for w in sentence.words)):
            continue
        yield sentence.start + match.start(), sentence.start + match.end()


# --- editorialising words -----------------------------------------------------------------------

def _editorial_adverb(sentence: Sentence, analysis: Analysis) -> Iterable[tuple[int, int]]:
    adverbs = frozenset(listed("editorial_adverbs.txt"))
    for word in sentence.words:
        if word.lemma in adverbs or word.text.lower() in adverbs:
            yield word.start, word.end


#: Nouns for what someone said or did in public, which "powerful" judges rather than measures:
#: "a powerful speech", not "a powerful senator".
PERFORMANCE_NOUNS = frozenset("""
speech address remarks performance testimony message ad advertisement statement essay op-ed
showing debut appearance interview argument case
""".split())


def _editorial_adjective(sentence: Sentence, analysis: Analysis) -> Iterable[tuple[int, int]]:
    adjectives = frozenset(listed("editorial_adjectives.txt"))
    words = sentence.words
    for word in words:
        if word.pos != "ADJ" or word.dep not in ("amod", "acomp", "attr"):
            continue
        if word.lemma in adjectives or (word.lemma == "powerful" and _judges_a_performance(
                words, word)):
            yield word.start, word.end


def _judges_a_performance(words: tuple[Word, ...], word: Word) -> bool:
    return 0 <= word.head < len(words) and words[word.head].lemma in PERFORMANCE_NOUNS


# --- empty gloss --------------------------------------------------------------------------------

#: Verbs that only evaluate what came before: "This underscores ...", "... hinges on ...".
GLOSS_VERBS = frozenset("""
underscore highlight illustrate emphasize emphasise symbolize symbolise epitomize epitomise
exemplify hinge encapsulate
""".split())
#: Adjectives that only assert importance: "will be crucial in determining ...".
GLOSS_ADJECTIVES = frozenset("""
crucial critical pivotal vital essential instrumental paramount decisive key
""".split())
#: Subjects with nothing of their own to report: demonstratives and abstractions.
ABSTRACT_SUBJECTS = frozenset("""
this that these those outcome potential future fate success result approach development
situation prospect prospects stakes implication implications significance reality dynamic
dynamics reservation reservations tension tensions uncertainty path move moment episode
""".split())
_GLOSS_FORMS = re.compile(r"\b(?:hinges?|hinged|hinging)\s+(?:on|upon)\b", re.IGNORECASE)


def _empty_gloss(sentence: Sentence, analysis: Analysis) -> Iterable[tuple[int, int]]:
    words = sentence.words
    trigger = _gloss_trigger(sentence)
    if trigger is None or not _abstract_subject(words, trigger):
        return
    after = [w for w in words if w.start >= trigger]
    if any(_news(w) for w in after) or any(
            a.is_named and a.is_speech for a in analysis.attributions_in_sentence(sentence.index)):
        return  # it names someone, counts something or reports speech: not empty
    yield sentence.start, sentence.end - (1 if sentence.text.endswith(".") else 0)


_NEWS_ENTITIES = frozenset({"PERSON", "ORG", "GPE", "NORP", "MONEY", "PERCENT", "QUANTITY",
                            "DATE"})


def _news(word: Word) -> bool:
    """A name, a date or a figure ("two sides" is no figure; "1,300" is)."""
    return word.entity in _NEWS_ENTITIES or (word.entity == "CARDINAL" and
                                             any(ch.isdigit() for ch in word.text))


def _gloss_trigger(sentence: Sentence) -> int | None:
    """Where the evaluating verb or adjective is (its text offset), if the sentence has one."""
    words = sentence.words
    for word in words:
        if word.lemma in GLOSS_VERBS and word.pos == "VERB" and word.dep == "ROOT":
            return word.start
        if word.lemma in GLOSS_ADJECTIVES and word.dep == "acomp" and \
                0 <= word.head < len(words) and words[word.head].dep == "ROOT":
            return word.start  # the main clause's, not "insurers, which are crucial to ..."
    match = _GLOSS_FORMS.search(sentence.text)  # "hinges on" is often misread as a noun
    return sentence.start + match.start() if match else None


def _abstract_subject(words: tuple[Word, ...], trigger: int) -> bool:
    """The sentence opens on a demonstrative or an abstraction before its evaluating word:
    "This ...", "These reservations ...", "The outcome of the call ..."."""
    before = [w for w in words if w.start < trigger]
    if not before:
        return False
    if before[0].lemma in ("this", "that", "these", "those"):
        return True
    nouns = [w for w in before if w.pos in ("NOUN", "PRON", "PROPN")]
    return bool(nouns) and nouns[0].lemma in ABSTRACT_SUBJECTS and nouns[0].pos != "PROPN"


CONSTRUCTIONS: tuple[Construction, ...] = (
    Construction(
        "cliche", "rhetorical filler", _cliche,
        ("In a dramatic turn of events, the talks collapsed on Tuesday.",
         "The decision sent shockwaves through the markets.",
         "The senator landed himself in hot water last week."),
        ("The council will vote at the end of the day on Friday.",
         "“Only time will tell,” the minister said.")),
    Construction(
        "editorial-adverb", "editorialising adverb", _editorial_adverb,
        ("The plan is woefully underfunded.", "The senator gleefully cut the ribbon."),
        ("The plan is underfunded by $2 million, the auditor said.",)),
    Construction(
        "editorial-adjective", "editorialising adjective", _editorial_adjective,
        ("She has pulled in an impressive amount of cash.",
         "He wrote the powerful speech delivered on Monday."),
        ("The powerful senator chairs the committee.",
         "Jane Doe called the result “impressive”.")),
    Construction(
        "empty-gloss", "empty gloss", _empty_gloss,
        ("This underscores the deep-seated mistrust between the two sides.",
         "The outcome of the call will be crucial in determining whether a ceasefire can hold.",
         "The potential for a deal hinges on the willingness of both sides to compromise."),
        ("This underscores what Jane Doe told the committee on Monday.",
         "The senator's vote will be crucial, his spokesman said.")),
)

NAMES: tuple[ConstructionName, ...] = get_args(ConstructionName)
assert tuple(c.name for c in CONSTRUCTIONS) == NAMES, "declare each construction once, in order"
#: Sentence roles that are not prose: nothing there is filler.
_NOT_PROSE = frozenset({"byline", "boilerplate", "list"})


def _reporters_own(analysis: Analysis, sentence: Sentence, start: int, end: int) -> bool:
    """Not a quotation, not what a named source is reported to have said."""
    return not analysis.in_quotation(start, end) and \
        not in_reported_speech(analysis, sentence, start, end)


def _prose(analysis: Analysis, sentence: Sentence) -> bool:
    return sentence.role not in _NOT_PROSE


FILLER = Family("filler", CONSTRUCTIONS, _reporters_own, _prose)


def find_filler(analysis: Analysis, sentence: Sentence,
                enabled: Iterable[str] | None = None) -> list[Found]:
    """The filler in a sentence, outside quotations and reported speech, in text order."""
    return FILLER.find(analysis, sentence, enabled)
