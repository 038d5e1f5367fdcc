"""Constructions without a cue verb: the reporter's inferences (`X seemed unperturbed`),
findings (`In a CBS poll, X leads`), attitudes (`X is confident that ...`), content and stance
nouns (`his claim that ...`, `their criticism of ...`) and `X made clear that ...`.

Every token whose lemma or form is one of the family's triggers is offered to each construction
in turn; each finds at most one attribution on it.
"""

from __future__ import annotations

from sourcescore.analysis.attribution.constructions import (
    Candidate,
    Construction,
    Example,
    always,
    if_speech_noun,
    never,
    unless_cognition,
)
from sourcescore.analysis.attribution.grammar import SUBJECTS, Token, is_infinitive, noun_clause
from sourcescore.analysis.attribution.spans import (
    Span,
    around,
    clause_span,
    end_of,
    first,
    phrase_span,
    span,
    text_of,
    trimmed,
)
from sourcescore.analysis.attribution.speakers import source_of
from sourcescore.analysis.lexicon import (
    ATTITUDE_ADJECTIVES,
    ATTITUDE_INFINITIVES,
    ATTITUDE_TOPICS,
    CONTENT_NOUNS,
    INTENT_NOUNS,
    STANCE_NOUNS,
)

_EVIDENTIAL = frozenset({"seem", "appear"})
#: Sources of a finding: "in a poll", "in the latest survey".
FINDING_SOURCES = frozenset({"poll", "survey", "study", "analysis", "census", "tally", "count"})


def _cue(token: Token) -> Span:
    return (token.idx, end_of(token))


def find_evidential(verb: Token, taken: set) -> Candidate | None:
    """`X seemed unperturbed`, `X appears to dominate`: the reporter's inference, no source.
    Only with a complement (`appeared ready`, `seems to be`), not `appeared on TV`."""
    if verb.lemma_.lower() not in _EVIDENTIAL or verb.pos_ not in ("VERB", "AUX"):
        return None
    complement = first(verb.children, lambda c: c.i > verb.i and c.dep_ in (
        "xcomp", "acomp", "attr", "oprd", "ccomp"))
    if complement is None:
        return None
    # From the subject to the complement's end: a leading "while ..." clause and a trailing
    # ", but ..." or ", throwing ..." are the reporter's own narration.
    subject = first(verb.children, lambda c: c.dep_ in SUBJECTS)
    start = trimmed(text_of(verb.doc), (subject.left_edge if subject is not None else verb).idx,
                    verb.idx)[0]
    end = clause_span(complement)[1]
    if len(text_of(verb.doc)[start:end].split()) < 3:
        return None
    return Candidate(_cue(verb), None, [(start, end)], verb.lemma_.lower(), EVIDENTIAL,
                     EVIDENTIAL.confidence_for(None))


def find_poll_finding(prep: Token, taken: set) -> Candidate | None:
    """`In a CBS News poll, Clinton led by six points`: the poll is the source."""
    if prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    pobj = first(prep.children, lambda c: c.dep_ == "pobj")
    if pobj is None or not _one_particular_finding(pobj):
        return None
    head = _clause_verb(prep.head)
    if head.pos_ not in ("VERB", "AUX") or head.dep_ not in ("ROOT", "conj", "ccomp"):
        return None
    content = around(head, prep)
    if not content or sum(len(text_of(head.doc)[s:e].split()) for s, e in content) < 3:
        return None
    source = span(pobj)
    return Candidate(_cue(prep), source, content, "in", FINDING, FINDING.confidence_for(None))


def _one_particular_finding(pobj: Token) -> bool:
    """One particular poll ("a CBS News poll", "the latest survey"), not "leads in most polls"."""
    return pobj.lemma_.lower() in FINDING_SOURCES and any(
        c.dep_ in ("compound", "poss") or c.lower_ in ("a", "an", "the", "this", "that")
        for c in pobj.children)


def _clause_verb(head: Token) -> Token:
    """Up to the clause's verb: "took 6 percent of the vote in a poll"."""
    for _ in range(3):
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    return head


def find_made_clear(verb: Token, taken: set) -> Candidate | None:
    """`X made (it) clear that ...`, `X made clear his aim to ...`."""
    if verb.lemma_.lower() != "make" or verb.pos_ != "VERB":
        return None
    clear = first(verb.children, lambda c: c.lower_ == "clear" and c.i > verb.i
                  and c.dep_ in ("oprd", "ccomp", "acomp", "xcomp"))
    if clear is None:
        return None
    content = first(verb.children, lambda c: c.i > clear.i and c.dep_ in ("ccomp", "dobj"))
    if content is None:
        content = first(clear.children, lambda c: c.dep_ in ("ccomp", "advcl") and any(
            m.dep_ == "mark" and m.lower_ == "that" for m in c.children))
    if content is None:
        return None
    source = source_of(verb)
    return Candidate((verb.idx, end_of(clear)), source, [clause_span(content)], "make clear",
                     MADE_CLEAR, MADE_CLEAR.confidence_for(source))


def find_attitude(adjective: Token, taken: set) -> Candidate | None:
    """`X is confident (that) ...`, `X was determined to ...`, `X is wary of ...`: a stance the
    subject holds."""
    # Participles ("concerned", "worried") are tagged as verbs: the word form decides.
    lemma = adjective.lower_
    if adjective.dep_ != "acomp":
        return None
    content = _attitude_clause(adjective, lemma)
    if content is None:
        topic = topic_of(adjective, ATTITUDE_TOPICS.get(lemma))
        if topic is None:
            return None
        content = phrase_span(topic)
    source = source_of(adjective.head)
    return Candidate(_cue(adjective), source, [content], lemma, ATTITUDE,
                     ATTITUDE.confidence_for(source))


def _attitude_clause(adjective: Token, lemma: str) -> Span | None:
    if lemma not in ATTITUDE_ADJECTIVES:
        return None
    deps = ("ccomp", "xcomp") if lemma in ATTITUDE_INFINITIVES else ("ccomp",)
    clause = first(adjective.children, lambda c: c.dep_ in deps and c.i > adjective.i)
    if clause is None and adjective.head.lemma_ == "be":  # "It was clear that ...", parsed
        clause = first(adjective.head.children,  # as the copula's complement
                       lambda c: c.dep_ == "ccomp" and c.i > adjective.i)
    return None if clause is None else clause_span(clause)


def find_content_noun(noun: Token, taken: set) -> Candidate | None:
    """`his claim that ...`, `there are fears that ...`, `expressed concern that ...`.

    The holder is the possessor, or the subject of the verb the noun is the object of
    (`voiced doubts that`, `made a decision to`); a noun that is the object of a cue verb
    already belongs to that verb's attribution (`rejected the claim that`).
    """
    content = _noun_content(noun)
    if content is None:
        return None
    head = noun.head
    if (head.idx, end_of(head)) in taken:
        return None
    possessor = first(noun.children, lambda c: c.dep_ == "poss")
    if possessor is not None:
        source: Span | None = span(possessor, cut_clauses=True)
    elif noun.dep_ == "dobj" and head.pos_ == "VERB":
        source = source_of(head)
    else:
        source = None
    return Candidate(_cue(noun), source, [content], noun.lemma_.lower(), CONTENT_NOUN,
                     CONTENT_NOUN.confidence_for(source))


def _noun_content(noun: Token) -> Span | None:
    for finder in (noun_clause, _copula_clause, _intended):
        clause = finder(noun)
        if clause is not None:
            return clause_span(clause)
    if noun.pos_ != "NOUN":
        return None
    topic = topic_of(noun, STANCE_NOUNS.get(noun.lemma_.lower()))
    return None if topic is None else phrase_span(topic)


def topic_of(word: Token, prepositions: tuple[str, ...] | None) -> Token | None:
    """The object of the word's preposition, if it is one of `prepositions`: what a stance is
    about ("support for the bill", "wary of the deal")."""
    if prepositions is None:
        return None
    prep = first(word.children, lambda c: c.dep_ == "prep" and c.lower_ in prepositions)
    if prep is None:
        return None
    return first(prep.children, lambda c: c.dep_ in ("pobj", "pcomp"))


def _intended(noun: Token) -> Token | None:
    """`his promise to build a wall`: the infinitive an intention noun carries, or None."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in INTENT_NOUNS:
        return None
    return first(noun.children, lambda c: c.dep_ == "acl" and c.i > noun.i and is_infinitive(c))


def _copula_clause(noun: Token) -> Token | None:
    """`The idea is that ...`: the clause after the copula the content noun is subject of."""
    head = noun.head
    if noun.dep_ != "nsubj" or head.lemma_ != "be" or noun.pos_ != "NOUN" or \
            noun.lemma_.lower() not in CONTENT_NOUNS:
        return None
    return first(head.children, lambda c: c.dep_ == "ccomp" and c.i > head.i)


EVIDENTIAL = Construction(
    "evidential", "frames", "evidential",
    "the reporter's inference: X seemed unperturbed, X appears to dominate (no source)",
    _EVIDENTIAL, never, (0.5, 0.5),
    examples=(Example("The senator seemed unperturbed by the vote.", cue="seemed",
                      content="The senator seemed unperturbed by the vote"),),
    counterexamples=("The senator appeared on television on Sunday.",),
    find=find_evidential)
FINDING = Construction(
    "poll-finding", "frames", "finding",
    "a finding and the poll or study it comes from: In a CBS News poll, X leads",
    frozenset({"in"}), always, (0.6, 0.6),
    examples=(Example("In a CBS News poll, Clinton led Trump by six points.", cue="In",
                      source="a CBS News poll"),),
    counterexamples=("Clinton leads in most polls this week.",),
    find=find_poll_finding)
ATTITUDE = Construction(
    "attitude", "frames", "attitude",
    "a stance adjective with its clause or topic: X is confident that ..., X is wary of ...",
    ATTITUDE_ADJECTIVES | frozenset(ATTITUDE_TOPICS), never, (0.6, 0.4),
    examples=(Example("Party leaders are wary of the new tax.", cue="wary",
                      source="Party leaders", content="the new tax"),
              Example("The coach is confident that the team will win.", cue="confident",
                      source="The coach", content="that the team will win")),
    counterexamples=("The confident team won the final.",),
    find=find_attitude)
CONTENT_NOUN = Construction(
    "content-noun", "frames", "noun",
    "a content, intention or stance noun: his claim that ..., her promise to ..., their "
    "criticism of ...",
    CONTENT_NOUNS | INTENT_NOUNS | frozenset(STANCE_NOUNS), if_speech_noun, (0.5, 0.4),
    examples=(Example("His claim that the vote was rigged was rejected.", cue="claim",
                      source="His", content="that the vote was rigged"),
              Example("Her promise to build a school won votes.", cue="promise",
                      source="Her", content="to build a school")),
    counterexamples=("The claim form is on the website.",),
    find=find_content_noun)
MADE_CLEAR = Construction(
    "made-clear", "frames", "clause",
    "X made (it) clear that ...",
    frozenset({"make"}), unless_cognition, (0.8, 0.5),
    examples=(Example("The president made it clear that he would veto the bill.",
                      cue="made it clear", source="The president",
                      content="that he would veto the bill"),),
    counterexamples=("The president made a clear mistake.",),
    find=find_made_clear)

#: In the order they are offered each trigger token.
FRAME_CONSTRUCTIONS: tuple[Construction, ...] = (EVIDENTIAL, FINDING, ATTITUDE, CONTENT_NOUN,
                                                 MADE_CLEAR)
#: Words that can open a frame (lemma or lower-case form): the only tokens the frames look at.
TRIGGERS = frozenset().union(*(c.triggers for c in FRAME_CONSTRUCTIONS))
