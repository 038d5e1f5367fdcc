"""What a group thinks, feels, wants or is doing about it: "the industry is bracing"."""

from __future__ import annotations

from collections.abc import Iterable

from sourcescore.analysis.lexicon import GROUP_HEADS, QUANTIFIERS
from sourcescore.model import Analysis, Sentence, Word
from sourcescore.wordtree import dependents

#: What a group feels, wants, plans or is doing about it. Not what it says or expects
#: ("Traders expect", "critics say"): that is a claim put to a vague source, `SRC302`'s.
_MIND = frozenset("""
like dislike hate love consider feel fear worry want hope yearn prefer trust distrust resent
welcome embrace oppose view regard see plan intend prepare brace scramble struggle rush flock
upset angry frustrated worried concerned afraid happy pleased disappointed nervous eager
reluctant skeptical sceptical wary confident unsure convinced furious outraged annoyed
alarmed excited enthusiastic anxious impressed unimpressed amused troubled uneasy divided
interested mull ponder wrestle agonize dread crave relish rejoice despair mourn hopeful
optimistic pessimistic fearful jittery restive weary tired energized torn fed resigned
determined desperate
""".split())
#: Participles that, passive in form, say how the subject feels: "Voters are divided".
_STATES = frozenset("""
upset frustrated worried concerned pleased disappointed convinced divided alarmed excited
impressed unimpressed amused troubled annoyed outraged
""".split())
#: Nouns for a body of people acting or feeling as one: "the industry is bracing".
_COLLECTIVES = frozenset("""
industry market markets public electorate base establishment crowd audience party caucus
campaign network networks administration
""".split())


def group_mind(sentence: Sentence, analysis: Analysis) -> Iterable[tuple[int, int]]:
    words = sentence.words
    for index, word in enumerate(words):
        if word.dep not in ("nsubj", "nsubjpass") or not 0 <= word.head < len(words):
            continue
        predicate = _predicate(words, word.head)
        if predicate is None:
            continue
        if word.dep == "nsubjpass" and predicate.pos == "VERB" and \
                predicate.text.lower() not in _STATES:
            continue  # "the campaign can be seen as ...": what is viewed, not who views it
        if (predicate.lemma in _MIND or predicate.text.lower() in _MIND) and \
                _is_group(words, index) and not _formal_act(words, word.head):
            yield _phrase_start(words, index), predicate.end


#: What a body opposes or welcomes on the record: a filing, a vote, a ruling.
_PROCEEDINGS = frozenset("""
request motion bill measure nomination nominee amendment resolution legislation ruling order
petition appeal lawsuit suit subpoena settlement treaty merger confirmation
""".split())


def _formal_act(words: tuple[Word, ...], verb: int) -> bool:
    """"The lawyers opposed a request", "Republicans opposed the bill": a position taken in
    a court or a chamber is public record, not a state of mind the reporter asserts."""
    return words[verb].lemma in ("oppose", "welcome", "embrace") and any(
        w.dep == "dobj" and w.lemma in _PROCEEDINGS for w in dependents(words, verb))


def _predicate(words: tuple[Word, ...], index: int) -> Word | None:
    """The verb or (after a copula) the adjective a subject goes with; "see" only as "see X
    as Y" (a view), not as sight."""
    verb = words[index]
    if verb.lemma == "be":
        return next((w for w in dependents(words, index) if w.dep in ("acomp", "attr")), None)
    if verb.lemma == "see":
        return verb if any(w.lemma == "as" for w in dependents(words, index)) else None
    return verb


def _is_group(words: tuple[Word, ...], index: int) -> bool:
    """A group, not a person: "conservatives", "many", "the industry", "Republicans"."""
    word = words[index]
    if word.lemma in _PAIRWISE or any(w.lemma in _PAIRWISE for w in dependents(words, index)):
        return False  # "both (men) embrace ...": the two people just named, not a group
    if word.lemma in QUANTIFIERS or word.lemma in GROUP_HEADS or word.lemma in _COLLECTIVES:
        return True
    if word.tag in ("NNS", "NNPS") and word.entity not in ("PERSON", "ORG", "GPE"):
        return True
    return any(w.lemma in QUANTIFIERS for w in dependents(words, index))


#: Pronouns for people just named, one by one: "Both come from exile families".
_PAIRWISE = frozenset({"both", "each", "either", "neither"})


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
