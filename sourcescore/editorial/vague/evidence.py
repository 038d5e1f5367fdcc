"""Evidence nobody names and hedges that stand in for a source: "polls show", "reportedly"."""

from __future__ import annotations

from collections.abc import Iterable

from sourcescore.analysis.sources import names_outlet
from sourcescore.editorial.sourcing import story_facts
from sourcescore.model import Analysis, Sentence
from sourcescore.wordtree import Words, children, head_of, phrase

EVIDENCE_NOUNS = frozenset("""
poll polls survey surveys study studies model models projection projections forecast forecasts
estimate estimates research analysis analyses
""".split())
#: Records that are vague only bare ("reports say"): "fundraising reports" are filings.
BARE_EVIDENCE_NOUNS = frozenset({"report", "reports", "data", "statistics", "figures"})
_SHOWING = frozenset({"show", "suggest", "indicate", "find", "give", "put", "point", "predict",
                      "project", "say", "signal", "conclude"})
_REFERRING = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her",
                        "our", "whose"})


def unnamed_evidence(sentence: Sentence, analysis: Analysis) -> Iterable[tuple[int, int]]:
    words = sentence.words
    for index, word in enumerate(words):
        if word.pos != "NOUN" or not _unnamed(words, index) or not (
                word.lemma in EVIDENCE_NOUNS or (word.lemma in BARE_EVIDENCE_NOUNS and
                                                 _bare(words, index))):
            continue
        verb = head_of(words, index)
        if verb is None or (word.tag == "NN" and story_facts(analysis).names_a_poll):
            continue  # "a new statewide poll has found", and the story names the poll
        showing = next((i for i in children(words, index) if words[i].dep == "acl" and
                        words[i].lemma in _SHOWING and words[i].tag == "VBG"), None)
        if word.dep == "nsubj" and words[verb].lemma in _SHOWING:
            start = min(i for i in phrase(words, index) if i <= index)
            yield words[start].start, words[verb].end
        elif showing is not None and word.lemma in EVIDENCE_NOUNS:  # "with polls showing ..."
            start = min(i for i in phrase(words, index) if i <= index)
            yield words[start].start, words[showing].end
        elif word.dep == "pobj" and words[verb].lemma == "to" and verb > 0 and \
                words[verb - 1].lemma == "accord":
            yield words[verb - 1].start, word.end


def _bare(words: Words, index: int) -> bool:
    return all(words[i].dep in ("det", "punct") for i in children(words, index)
               if i < index)


def _unnamed(words: Words, index: int) -> bool:
    """No name, owner or earlier mention pins the evidence down: "polls", "most models",
    "a new study" - not "a Gallup poll", "the survey", "polls by Quinnipiac", "exit polls"."""
    for other in phrase(words, index):
        if other == index or _what_it_shows(words, index, other):
            continue
        word = words[other]
        if word.pos == "PROPN" or word.entity in ("ORG", "PERSON", "NORP", "GPE") or \
                word.lemma in _REFERRING or word.dep == "poss" or word.lemma in SINGLE_SURVEYS:
            return False
    return True


def _what_it_shows(words: Words, index: int, other: int) -> bool:
    """A word in the participle clause on the noun says what the evidence shows ("polls
    showing the governor's lead gone"), not whose the evidence is."""
    at = other
    for _ in range(6):
        head = words[at].head
        if head == index:
            return at > index and words[at].dep == "acl" and words[at].lemma in _SHOWING
        if head == at or not 0 <= head < len(words):
            return False
        at = head
    return False


#: Kinds of poll there is one of per election, run by one consortium: "exit polls".
SINGLE_SURVEYS = frozenset({"exit", "entrance"})



HEDGES = frozenset({"reportedly", "allegedly", "supposedly", "purportedly", "reputedly"})
#: Words of crime and court reporting, where "allegedly" is the standard hedge for a charge.
CRIME_WORDS = frozenset("""
charge charged arrest arrested police court trial prosecutor prosecutors indictment indict
indicted plead pleaded sue sued lawsuit murder kill killed shoot shot steal stole assault rape
hack hacked hacking leak leaked
fraud embezzle bribe bribery convict convicted jail prison suspect victim crime criminal
felony misdemeanor jury judge verdict sentence sentenced detective officer robbery theft
""".split())


def hedge_adverb(sentence: Sentence, analysis: Analysis) -> Iterable[tuple[int, int]]:
    words = sentence.words
    for word in words:
        if word.lemma not in HEDGES:
            continue
        if word.lemma == "allegedly" and _crime_story(analysis, sentence):
            continue
        if names_outlet(sentence.text) or any(
                a.is_named and a.is_speech for a in
                analysis.attributions_in_sentence(sentence.index)):
            continue  # "reportedly told the Times": the sentence names its source
        yield word.start, word.end


def _crime_story(analysis: Analysis, sentence: Sentence) -> bool:
    paragraph = [s for s in analysis.sentences if s.paragraph == sentence.paragraph]
    return any(lemma in CRIME_WORDS for s in paragraph for lemma in s.lemmas)
