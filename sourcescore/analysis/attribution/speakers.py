"""Who speaks: the source of a cue verb, found on the parse.

The source is the verb's subject, a passive's `by` agent, or the subject of a verb higher up
that the cue shares it with ("..., saying ...", "and added ...", "was worried that ..."). That
climb from a verb to the verb holding its subject is `climb`, written once and used both for
the source and for the antecedent of a relative pronoun ("X, who said ...").
"""

from __future__ import annotations

from sourcescore.analysis.attribution.grammar import (
    INHERIT,
    SUBJECTS,
    Token,
    is_infinitive,
    is_second_cue,
)
from sourcescore.analysis.attribution.spans import Span, span
from sourcescore.analysis.lexicon import COGNITION_VERBS
from sourcescore.analysis.quotes import QUOTATION_MARKS

#: How many verbs up a subject is looked for.
CLIMB_LIMIT = 4


def climb(token: Token) -> Token | None:
    """The verb whose subject `token` shares (its head, or for a second cue the first cue), or
    None when `token` has none to inherit."""
    if token.dep_ not in INHERIT or token.head.i == token.i:
        return None
    return token.head.head if is_second_cue(token) else token.head


def source_of(verb: Token) -> Span | None:
    """The source's surface mention: the subject, the passive agent, or an inherited subject."""
    token = verb
    for _ in range(CLIMB_LIMIT):
        decided, found = _own_source(token)
        if decided:
            return found
        jump = _reduced_relative_holder(token, verb)
        if jump is not None:
            token = jump
            continue
        if token.dep_ in ("relcl", "acl") and token.head.pos_ in ("NOUN", "PROPN"):
            return span(token.head, cut_clauses=True)
        higher = climb(token)
        if higher is None:
            return None
        token = higher
    return None


def _own_source(token: Token) -> tuple[bool, Span | None]:
    """(True, source) when `token` itself settles who speaks: its passive agent or subject."""
    subject = subject_of(token)
    agent = next((c for c in token.children if c.dep_ == "agent"), None)
    if agent is not None or (subject is not None and subject.dep_ == "nsubjpass"):
        # Passive: the `by` agent speaks ("a plan criticized by economists"), if named.
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        return True, span(pobj, cut_clauses=True) if pobj is not None else None
    if subject is None:
        return False, None
    if subject.lower_ in ("there", "what") or (
            subject.lower_ in ("it", "this", "that") and is_expletive(token)):
        return True, None
    return True, span(subject, cut_clauses=True)


def _reduced_relative_holder(token: Token, verb: Token) -> Token | None:
    """"made an attempt to deflect it, saying ...": the attempt's maker speaks; so does the one
    "citing the facts faced on the ground and emphasizing ...", where the parser joins the second
    participle to the reduced relative instead of the first."""
    if token.dep_ != "acl" or token.head.dep_ not in ("dobj", "pobj"):
        return None
    if not (is_infinitive(token) or (token is not verb and verb.tag_ == "VBG"
                                     and token.tag_ == "VBN")):
        return None
    return token.head.head if token.head.dep_ == "dobj" else token.head.head.head


def antecedent_of(verb: Token) -> Span | None:
    """For "X, who said ...", the span of X (the relative pronoun's antecedent)."""
    token: Token | None = verb
    for _ in range(CLIMB_LIMIT):
        if token is None:
            return None
        subject = next((c for c in token.children if c.dep_ in SUBJECTS), None)
        if subject is not None:
            if subject.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
                return span(token.head, cut_clauses=True)
            return None
        token = climb(token)
    return None


def subject_of(verb: Token) -> Token | None:
    """The verb's subject; of two (`"... Full panic mode," said Wimes` gives the parser both
    "mode" and "Wimes"; `The law made it possible for people to ..., she said` both "people"
    and "she"), the nearest one not cut off from the verb by a quotation mark."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
    if not subjects:
        return _inverted_speaker(verb)
    if len(subjects) == 1:
        return subjects[0]
    doc = verb.doc
    for subject in sorted(subjects, key=lambda s: abs(s.i - verb.i)):
        low, high = sorted((subject.i, verb.i))
        if not any(t.text in QUOTATION_MARKS for t in doc[low:high]):
            return subject
    return subjects[0]


def _inverted_speaker(verb: Token) -> Token | None:
    """`"How big is that wall?" asked the boy`: right after a closing mark, the parser often
    makes the speaker after the cue an object; it is the subject."""
    doc = verb.doc
    before = doc[verb.i - 1] if verb.i > 0 else None
    if before is None or before.text not in QUOTATION_MARKS:
        return None
    return next((c for c in verb.children if c.i > verb.i and c.dep_ in (
        "dobj", "attr", "npadvmod") and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM")), None)


def is_expletive(verb: Token) -> bool:
    """`it is believed that`, `it seems`: no one is speaking."""
    lemma = verb.lemma_.lower()
    return any(c.dep_ in ("auxpass", "expl") for c in verb.children) or lemma in (
        "seem", "appear", "be", "remain") or lemma in COGNITION_VERBS
