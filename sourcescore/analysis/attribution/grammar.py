"""Small questions about the parse that several constructions ask: is this an infinitive, a
cue verb coordinated with another, a second cue of the same speaker?"""

from __future__ import annotations

from typing import Any

from sourcescore.analysis.lexicon import (
    AS_VERBS,
    CHARGE_CUES,
    CUE_VERBS,
    OBJECT_CUES,
    PREP_CUES,
)

Token = Any

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
COMPLEMENTS = ("ccomp", "xcomp")
#: Inherit the subject of the head verb through these links: "..., saying ...", "and added ...",
#: "was worried that ...".
INHERIT = ("advcl", "conj", "xcomp", "pcomp", "acomp")
#: Every lemma that can be an attribution cue verb.
CUE_LEMMAS_ALL = CUE_VERBS | OBJECT_CUES | AS_VERBS | frozenset(PREP_CUES) | frozenset(CHARGE_CUES)


def is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def has_clause(verb: Token) -> bool:
    return any(c.dep_ in COMPLEMENTS for c in verb.children) or verb.dep_ in ("parataxis",
                                                                             "ccomp")


def is_cue_conjunct(verb: Token) -> bool:
    """A cue verb with its own clause, coordinated with another verb: "and asked whether ..."."""
    return verb.dep_ == "conj" and verb.lemma_ in CUE_VERBS and has_clause(verb)


def is_second_cue(verb: Token) -> bool:
    """`X said that A failed, and questioned why ...`: the parser joins the second cue to the
    reported clause; the content ends before it (`clause_span`) and X is its speaker too."""
    return is_cue_conjunct(verb) and verb.head.dep_ == "ccomp" and \
        verb.head.head.lemma_ in CUE_VERBS


def is_phrasal_speech(token: Token) -> bool:
    """"as the senator put it, ..." and "pointed out, ..." are speech cues; "put", "point" alone
    are not."""
    lemma = token.lemma_.lower()
    return (lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)
            ) or (lemma == "point" and any(c.dep_ == "prt" and c.lower_ == "out"
                                           for c in token.children))


def noun_clause(noun: Token) -> Token | None:
    """The "that"-clause a content noun carries ("the claim that ...", "fears the crowd will"),
    or None."""
    from sourcescore.analysis.lexicon import CONTENT_NOUNS

    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in CONTENT_NOUNS:
        return None
    for child in noun.children:
        if child.i > noun.i and child.dep_ in ("acl", "ccomp") and any(
                (c.dep_ == "mark" and c.lower_ == "that")
                or (c.dep_ in SUBJECTS and c.left_edge.i == child.left_edge.i
                    and c.tag_ not in WH_TAGS)
                for c in child.children):
            return child
    return None
