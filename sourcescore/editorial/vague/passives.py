"""Views in the passive with nobody holding them: "is expected to", "is widely seen as"."""

from __future__ import annotations

from collections.abc import Iterable

from sourcescore.analysis.lexicon import (
    DOCUMENT_HEADS,
    MEDIA_HEADS,
    QUANTIFIERS,
)
from sourcescore.model import Analysis, Sentence
from sourcescore.wordtree import Words, child, children, has_child_lemma, phrase

#: Verbs whose agentless passive puts a view to nobody: "is expected", "is seen as".
PASSIVE_VIEWS = frozenset("""
expect believe think say see view regard consider rumor rumour report understand fear estimate
predict project anticipate describe tip criticize criticise condemn praise decry denounce
mock ridicule lambast pan question dispute doubt perceive deem know
""".split())
#: Of those, the ones that need "as" or a following clause to be a view ("seen as", "said to
#: be", "it is understood that"): "was seen leaving" is a sighting, "was reported missing" news.
_NEEDS_COMPLEMENT = frozenset({"see", "view", "regard", "describe", "consider", "perceive",
                               "say", "report", "understand", "know"})
#: Of those, the ones that are a view only before an infinitive: "known to fib" puts a habit
#: to nobody, but "known as the Donald" is a name and "it is not known whether" a doubt.
_INFINITIVE_ONLY = frozenset({"know"})
_INTERPRETING = frozenset({"can", "could", "might", "may", "will", "would", "should", "must"})
_WIDELY = frozenset({"widely", "generally", "broadly", "commonly", "universally", "largely"})
#: Verbs whose bare participle with "as", trailing a noun, is a view without a holder: "the
#: shake-up, viewed as a sign of trouble", "Rubio, long seen as the favourite".
_SEEN_AS = frozenset({"see", "view", "regard", "perceive"})
#: How the parser hangs such a participle: on the noun, or on the clause ("dep" when unsure).
_TRAILING = frozenset({"acl", "amod", "advcl", "dep"})


def agentless_passive(sentence: Sentence, analysis: Analysis) -> Iterable[tuple[int, int]]:
    words = sentence.words
    for index, word in enumerate(words):
        if word.tag != "VBN" or word.lemma not in PASSIVE_VIEWS or \
                _named_agent(words, index) or _in_a_named_record(words, index):
            continue
        passive = child(words, index, ("auxpass",)) is not None or (
            word.dep in _TRAILING and (has_child_lemma(words, index, _WIDELY) or (
                word.lemma in _SEEN_AS and has_child_lemma(words, index, frozenset({"as"})))))
        if has_child_lemma(words, index, _INTERPRETING):
            continue  # "can be seen as", "will be seen as": a reading or a forecast, not a view
            # anyone is said to hold
        if not passive or (word.lemma in _NEEDS_COMPLEMENT and
                           not _has_complement(words, index, word.lemma in _INFINITIVE_ONLY)):
            continue
        yield _with_auxiliaries(words, index)


def _named_agent(words: Words, index: int) -> bool:
    """"seen by the governor as": someone holds the view. "viewed by many as", "seen by some
    as" put it to nobody in particular, as the agentless form does."""
    agent = child(words, index, ("agent",))
    if agent is None:
        return False
    holder = child(words, agent, ("pobj",))
    return holder is None or words[holder].lemma not in QUANTIFIERS


def _in_a_named_record(words: Words, index: int) -> bool:
    """"described as a 'real woman' in a HuffPost blog": the verb says where."""
    for prep in children(words, index):
        if words[prep].lemma in ("in", "on", "by"):
            obj = child(words, prep, ("pobj",))
            if obj is None:
                continue
            if words[obj].pos == "PROPN" and words[obj].entity in ("ORG", "PERSON",
                                                                   "WORK_OF_ART"):
                return True
            if (words[obj].lemma in DOCUMENT_HEADS or words[obj].lemma in MEDIA_HEADS) and \
                    any(words[i].pos == "PROPN" for i in phrase(words, obj)):
                return True
    return False


def _has_complement(words: Words, index: int, infinitive_only: bool = False) -> bool:
    """"seen as", "said to be", "understood that", "considered a favourite": a view's content
    follows the verb."""
    for i in children(words, index):
        if not infinitive_only and (words[i].lemma == "as" or words[i].dep in ("ccomp", "oprd")):
            return True
        if words[i].dep == "xcomp" and child(words, i, ("aux",)) is not None:
            return True  # "is said to be", not "was seen leaving"
    return False


def _with_auxiliaries(words: Words, index: int) -> tuple[int, int]:
    """"is widely seen": the verb with its auxiliaries and adverbs before it."""
    start = index
    while start > 0 and words[start - 1].head == index and \
            words[start - 1].dep in ("aux", "auxpass", "advmod", "neg"):
        start -= 1
    end = index
    following = index + 1
    if following < len(words) and words[following].lemma in ("as", "to") and \
            words[following].head in (index, following + 1):
        end = following
    return words[start].start, words[end].end
