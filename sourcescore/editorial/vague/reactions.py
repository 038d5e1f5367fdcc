"""Reactions, moods and disputes with nobody named as holding them: "has drawn criticism",
"hopes remain", "there is a widespread belief", "has been controversial"."""

from __future__ import annotations

from collections.abc import Iterable

from sourcescore.editorial.vague.holders import owned
from sourcescore.model import Analysis, Sentence
from sourcescore.wordtree import Words, children, has_child_lemma, head_of

#: Nouns for what unnamed people felt or said about something ("has drawn attention": whose?).
#: Not "protests": an event in the street, seen and reported.
REACTION_NOUNS = frozenset("""
criticism controversy speculation concern concerns outrage backlash attention scrutiny
questions fears debate alarm condemnation ire fire anger objections
complaints skepticism scepticism doubts praise acclaim rebuke derision ridicule mockery uproar
furor furore firestorm suspicion suspicions rumors rumours worries jitters consternation
disapproval opposition pushback resistance comparisons
""".split())
#: Verbs whose subject is the target of a reaction, not the one reacting: "the plan drew
#: criticism" (from whom?), unlike "the senator voiced concerns".
_TARGET_VERBS = frozenset("""
draw spark trigger prompt provoke fuel attract stir ignite generate cause face receive garner
earn invite elicit court meet reignite renew
""".split())


def reaction_drawn(sentence: Sentence, analysis: Analysis) -> Iterable[tuple[int, int]]:
    words = sentence.words
    for index, word in enumerate(words):
        if word.lemma not in REACTION_NOUNS or word.pos != "NOUN" or owned(words, index) or \
                has_child_lemma(words, index, _NONE):
            continue  # "received little attention" reports an absence
        verb = head_of(words, index)
        if verb is None:
            continue
        end = word.end
        measure = _measured(words, index)
        if measure is not None:  # "faced a storm of criticism": the measure is the object
            word, verb = words[measure], head_of(words, measure)
            if verb is None:
                continue
        if (word.dep == "dobj" and words[verb].lemma in _TARGET_VERBS) or \
                (word.dep == "pobj" and words[verb].lemma == "under"):  # "came under fire"
            yield words[verb].start, end


def _measured(words: Words, index: int) -> int | None:
    """The measure noun a reaction is counted in: "a storm of criticism", "a wave of
    complaints"; None when there is none."""
    of = head_of(words, index)
    if of is None or words[index].dep != "pobj" or words[of].lemma != "of":
        return None
    measure = head_of(words, of)
    return measure if measure is not None and words[measure].lemma in _MEASURES else None


#: Nouns that count a reaction: "a wave of criticism", "a storm of protest".
_MEASURES = frozenset("""
slew wave storm barrage flood torrent chorus flurry firestorm deluge outpouring hail rash
""".split())
#: Words that make a reaction an absence: "received little attention".
_NONE = frozenset({"no", "little", "scant", "few"})

MOOD_NOUNS = frozenset("""
hope hopes fear fears concern concerns question questions doubt doubts speculation expectation
expectations optimism pessimism skepticism scepticism worry worries anxiety anxieties suspicion
suspicions rumor rumors rumour rumours talk frustration anger unease confidence
""".split())
_LASTING = frozenset("""
remain grow mount rise persist linger swirl abound emerge surface intensify deepen spread run
build simmer loom
""".split())


def mood_persists(sentence: Sentence, analysis: Analysis) -> Iterable[tuple[int, int]]:
    words = sentence.words
    for index, word in enumerate(words):
        verb = head_of(words, index)
        if word.lemma in MOOD_NOUNS and word.dep == "nsubj" and verb is not None and \
                0 < verb - index <= 4 and words[verb].lemma in _LASTING and \
                not owned(words, index):
            yield min(word.start, words[verb].start), max(word.end, words[verb].end)



VIEW_NOUNS = frozenset("""
recognition belief sense perception consensus feeling expectation expectations concern concerns
fear fears speculation suggestion suggestions view worry worries talk hope hopes agreement
understanding suspicion suspicions optimism frustration anger unease impression
""".split())


def there_is_a_view(sentence: Sentence, analysis: Analysis) -> Iterable[tuple[int, int]]:
    words = sentence.words
    for index, word in enumerate(words):
        verb = head_of(words, index)
        if word.lemma not in VIEW_NOUNS or word.dep not in ("attr", "dobj") or verb is None or \
                not _existential(words, verb):
            continue
        if any(words[i].lemma in ("no", "little") for i in children(words, index)) or \
                owned(words, index):
            continue  # "there is no doubt": a settled claim, the characterisation's
        yield words[verb - 1 if verb > 0 else verb].start, word.end


def _existential(words: Words, verb: int) -> bool:
    """"there is/are ...": an expletive "there" on the verb or on its auxiliary ("there are
    growing fears" parses "growing" as the verb)."""
    return any(word.dep == "expl" and (word.head == verb or head_of(words, word.head) == verb)
               for word in words)



CONTESTED = frozenset({"controversial", "contentious", "divisive", "disputed", "polarizing",
                       "polarising", "contested"})


def contested(sentence: Sentence, analysis: Analysis) -> Iterable[tuple[int, int]]:
    words = sentence.words
    for index, word in enumerate(words):
        verb = head_of(words, index)
        if word.lemma in CONTESTED and word.dep == "acomp" and verb is not None and \
                words[verb].lemma in ("be", "remain", "prove", "become") and \
                words[verb].dep != "relcl":  # "the pulpit, which is controversial": an aside
            yield words[verb].start, word.end
