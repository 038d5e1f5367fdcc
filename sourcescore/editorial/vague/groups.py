"""Vague groups as sources: "critics say", "many economists believe", "There are some who
think", "To many, he is a provocateur"."""

from __future__ import annotations

from collections.abc import Iterable

from sourcescore.analysis.lexicon import (
    GROUP_HEADS,
    QUANTIFIERS,
)
from sourcescore.editorial.sourcing import described_basis, head_lemma, story_facts
from sourcescore.model import Analysis, Attribution, Sentence
from sourcescore.wordtree import child, children, head_of

#: Cues that put a proposition to their subject ("Traders expect X"), not a feeling or a wish.
PROPOSITIONAL = frozenset({"expect", "believe", "think", "predict", "suspect", "assume",
                           "doubt", "understand", "anticipate", "estimate", "say", "fear",
                           "worry", "wonder", "agree", "consider"})
#: Attribution shapes that report what a source says or holds, not what it did: "Voters
#: rejected the measure" (an object) is an event, "critics called it a disaster" a claim.
_CLAIM_PATTERNS = frozenset({"clause", "inverted", "according-to", "quote", "colon", "label",
                             "noun", "prep"})
#: Object cues that put a proposition to the group: "Analysts predicted a weak quarter".
_PROPOSITION_OBJECTS = frozenset({"predict", "forecast", "estimate", "expect", "project",
                                  "accuse", "question", "dispute", "anticipate"})


def group_says(sentence: Sentence, analysis: Analysis) -> Iterable[tuple[int, int]]:
    for attribution in analysis.attributions_in_sentence(sentence.index):
        if attribution.source is None:
            continue
        if _faceless(attribution) or (_claims_something(attribution) and (
                _vague_group(analysis, attribution) or
                _they_of_a_vague_group(analysis, attribution))):
            yield _source_and_cue(attribution)


#: Collectives that stand for everyone and no one: whatever they think, want or hope is put to
#: nobody ("the international community remains cautiously optimistic").
FACELESS = ("international community", "the world", "world opinion", "the public at large")


def _faceless(attribution: Attribution) -> bool:
    assert attribution.source is not None
    text = attribution.source.text.lower()
    return any(text == name or text.endswith(" " + name) or text == "the " + name
               for name in FACELESS)


def _vague_group(analysis: Analysis, attribution: Attribution) -> bool:
    """A group source nobody can check: not a party or nation speaking as a whole
    ("Republicans have argued"), not poll respondents ("those surveyed"), not experts when the
    story names its experts."""
    assert attribution.source is not None
    if attribution.source_type != "group" and not _relative_to_a_group(analysis, attribution):
        return False
    words = attribution.source.text.lower().split()
    if not set(words) & QUANTIFIERS and _party_or_nation(analysis, attribution):
        return False
    after = analysis.text[attribution.source.end:attribution.source.end + 12].lower().split()
    if (after and after[0] in _RESPONDENTS) or (head_lemma(attribution) in POLLED and
                                                  _poll_nearby(analysis, attribution)):
        return False  # "those surveyed", "Democratic voters see ..." under a poll
    if described_basis(analysis, attribution):
        return False
    head = head_lemma(attribution)
    return not (head in EXPERT_GROUPS and story_facts(analysis).named_roles & EXPERT_ROLES)


#: Groups that stand for experts, and the roles that make a named person one of them.
EXPERT_GROUPS = frozenset({"expert", "analyst", "economist", "scholar", "specialist",
                           "researcher", "academic", "scientist", "historian"})
EXPERT_ROLES = EXPERT_GROUPS | frozenset({"professor", "fellow", "lecturer", "strategist"})
_RESPONDENTS = frozenset({"surveyed", "polled", "questioned", "interviewed"})
#: The people polls ask: what they think, next to a poll, is the poll's finding.
POLLED = frozenset({"voter", "american", "respondent", "people", "adult", "resident",
                    "republican", "democrat", "independent", "caucusgoer", "women", "men",
                    "parent", "worker", "consumer", "household", "likely"})


def _relative_to_a_group(analysis: Analysis, attribution: Attribution) -> bool:
    """"There are some who think ...": a relative pronoun standing for a vague group."""
    assert attribution.source is not None
    if attribution.source.text.lower() not in ("who", "that"):
        return False
    words = analysis.sentences[attribution.sentence].words
    at = next((i for i, w in enumerate(words) if w.start == attribution.source.start), None)
    clause = head_of(words, at) if at is not None else None
    noun = head_of(words, clause) if clause is not None else None
    if noun is not None and words[noun].lemma == "be":  # the parse may hang it on "are"
        noun = child(words, noun, ("attr",))
    return noun is not None and clause is not None and (
        words[noun].lemma in QUANTIFIERS or words[noun].lemma in GROUP_HEADS)


def _poll_nearby(analysis: Analysis, attribution: Attribution) -> bool:
    """A poll is named in the paragraph or the one before: what its respondents think is its
    finding ("In the CNN poll, ... Democratic voters see Clinton as ...")."""
    paragraph = analysis.sentences[attribution.sentence].paragraph
    return bool({paragraph - 1, paragraph} & story_facts(analysis).poll_paragraphs)


def _party_or_nation(analysis: Analysis, attribution: Attribution) -> bool:
    """The source's last word is a party, nation or faith as a whole ("Republicans",
    "Senate Democrats"): its public line is on the record."""
    assert attribution.source is not None
    last = attribution.source.end
    return any(e.label == "NORP" and e.start < last <= e.end for e in analysis.entities)


def _they_of_a_vague_group(analysis: Analysis, attribution: Attribution) -> bool:
    """"They also said ...", carrying on from a vague group in the sentence before."""
    if attribution.source_type != "pronoun" or attribution.source_name is not None or \
            attribution.source is None or attribution.source.text.lower() != "they" or \
            attribution.sentence == 0:
        return False
    before = analysis.attributions_in_sentence(attribution.sentence - 1)
    return any(a.source is not None and _claims_something(a) and _vague_group(analysis, a)
               for a in before)


def _claims_something(attribution: Attribution) -> bool:
    """The attribution puts a proposition to its source: not a demand ("protesters demanded
    that police release the video": an event), not a creed ("who believe in taxing
    polluters")."""
    cue = (attribution.cue_lemma or "").lower()
    if cue in DIRECTIVES:
        return False
    if attribution.pattern == "object":
        return cue in _PROPOSITION_OBJECTS
    if attribution.pattern == "prep" and not attribution.is_speech:
        return False
    return attribution.pattern in _CLAIM_PATTERNS and (attribution.is_speech or
                                                       cue in PROPOSITIONAL)


#: Cues of asking and demanding: what a group demands is an event to report, not a claim.
DIRECTIVES = frozenset({"urge", "demand", "call", "ask", "plead", "beg", "implore", "order",
                        "instruct", "request", "propose", "petition", "press"})


def _source_and_cue(attribution: Attribution) -> tuple[int, int]:
    """The source and its cue when they sit together ("critics say"), else the source."""
    source, cue = attribution.source, attribution.cue
    assert source is not None
    if cue is not None and (0 <= cue.start - source.end <= 40 or
                            0 <= source.start - cue.end <= 40):
        return min(source.start, cue.start), max(source.end, cue.end)
    return source.start, source.end


#: Prepositions that open a sentence on whose view it states: "To many, ...", "For some, ...".
_VIEWPOINT = frozenset({"to", "for"})
#: Who such a sentence may open on: an unnamed many or a generic group.
_HOLDERS = QUANTIFIERS | GROUP_HEADS


def held_by_many(sentence: Sentence, analysis: Analysis) -> Iterable[tuple[int, int]]:
    """"To many, the mayor is a reformer", "But to others, he is a spoiler": a sentence
    that opens on an unnamed group whose view it then states."""
    words = sentence.words
    opening = next((i for i, w in enumerate(words) if w.pos not in ("CCONJ", "PUNCT")), None)
    if opening is None or words[opening].lemma not in _VIEWPOINT:
        return
    holder = child(words, opening, ("pobj",))
    if holder is None or words[holder].lemma not in _HOLDERS or \
            any(words[i].pos == "PROPN" for i in children(words, holder)):
        return
    comma = holder + 1
    if comma < len(words) and words[comma].text == "," and words[opening].head == \
            next((i for i, w in enumerate(words) if w.dep == "ROOT"), -1):
        yield words[opening].start, words[holder].end
