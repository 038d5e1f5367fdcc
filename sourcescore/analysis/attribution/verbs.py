"""Constructions built on a cue verb: `X said (that) ...`, `..., X said`, `X backs the bill`.

Every verb whose lemma can cue an attribution is tried against `VERB_CONSTRUCTIONS` in order;
the first that finds content for it wins. The source is then the verb's subject, passive agent
or inherited subject (`speakers.source_of`), checked the same way for every construction.
"""

from __future__ import annotations

from sourcescore.analysis.attribution.constructions import (
    Candidate,
    Construction,
    Example,
    if_speech_verb,
    unless_cognition,
)
from sourcescore.analysis.attribution.grammar import (
    CUE_LEMMAS_ALL,
    WH_TAGS,
    Token,
    has_clause,
    is_phrasal_speech,
    noun_clause,
)
from sourcescore.analysis.attribution.spans import (
    Span,
    around,
    clause_span,
    end_of,
    overlaps,
    phrase_span,
    span,
    text_of,
    token_in,
    trimmed,
)
from sourcescore.analysis.attribution.speakers import antecedent_of, source_of, subject_of
from sourcescore.analysis.lexicon import (
    AS_VERBS,
    CHARGE_CUES,
    COGNITION_VERBS,
    CUE_VERBS,
    INFINITIVE_CUES,
    LABEL_VERBS,
    OBJECT_CUES,
    PREP_CUES,
    PREP_IDIOMS,
    SPEECH_VERBS,
)
from sourcescore.analysis.quotes import QUOTATION_MARKS

#: The lemmas a cue verb can have: the cues and "put" ("as she put it", `is_phrasal_speech`).
TRIGGERS = CUE_LEMMAS_ALL | frozenset({"put"})
_BELIEF_TAILS = frozenset({"believe", "think", "feel", "fear", "expect", "suspect", "know"})
_TAIL_DEPENDENTS = frozenset({"advmod", "npadvmod", "prep", "punct", "agent", "dative", "cc"})
_QUESTION_CUES = frozenset({"ask", "wonder", "question", "inquire", "enquire"})
_OWN_OBJECTS = frozenset({"dobj", "ccomp", "xcomp", "prep", "attr", "oprd", "dative", "acomp"})
#: Object and prepositional contents are less certain than clauses.
_OBJECT_CONFIDENCE = (0.85 * 0.8, 0.6 * 0.8)
_CLAUSE_CONFIDENCE = (0.85, 0.6)


def is_cue_verb(token: Token, quoted) -> bool:
    """A verb that can cue an attribution: not inside a quotation, not a modifier."""
    if token.pos_ not in ("VERB", "AUX") or quoted(token):
        return False
    lemma = token.lemma_.lower()
    if lemma not in CUE_LEMMAS_ALL and not is_phrasal_speech(token):
        return False
    return token.dep_ not in ("amod", "compound", "aux", "auxpass")


def from_verb(verb: Token, enabled: frozenset[str] | None = None) -> Candidate | None:
    """The attribution a cue verb makes, by the first (enabled) construction that finds its
    content."""
    if _is_that_said(verb):
        return None
    lemma = verb.lemma_.lower()
    for construction in VERB_CONSTRUCTIONS:
        if enabled is not None and construction.name not in enabled:
            continue
        assert construction.find is not None
        content = construction.find(verb, lemma)
        if content:
            return _candidate(verb, lemma, construction, content)
    return None


def _candidate(verb: Token, lemma: str, construction: Construction,
               content: list[Span]) -> Candidate | None:
    source = source_of(verb)
    if source is not None and overlaps(source, content[0]):
        return None
    if source is None and not has_clause(verb) and construction.pattern != "label":
        return None  # an object without a holder ("a year that saw the party win") is no claim
    if source is None and lemma in COGNITION_VERBS and _asks(content[0], verb.doc):
        return None  # "crucial in determining whether ...": no one holds an open question
    return Candidate((verb.idx, end_of(verb)), source, content, lemma, construction,
                     construction.confidence_for(source), antecedent=antecedent_of(verb))


def _asks(content: Span, doc) -> bool:
    """Whether a content opens with "whether", "if" or a wh-word: a question, not a claim."""
    first = token_in(doc, content[0], content[1], forward=True)
    return first is not None and (first.lower_ in ("whether", "if") or first.tag_ in WH_TAGS)


def _is_that_said(verb: Token) -> bool:
    """The idiom "That said, ..." (a transition, not a speaker)."""
    doc = verb.doc
    return verb.i > 0 and doc[verb.i - 1].lower_ in ("that", "this") and \
        verb.i + 1 < len(doc) and doc[verb.i + 1].text == "," and \
        (verb.i == 1 or doc[verb.i - 2].is_punct or doc[verb.i - 2].is_space)


# --- the constructions' find functions: (verb, lemma) -> content spans or None ---------------

def find_preposed(verb: Token, lemma: str) -> list[Span] | None:
    """`If it cannot yet, it will soon, analysts say.`: a cue that closes its sentence after a
    comma reports everything before the comma, however the parser split that clause (it often
    hangs a leading "If ..." on the cue, or the cue on the clause's last verb). Quoted text
    before the comma is left to the quotation pass."""
    if lemma not in SPEECH_VERBS and lemma not in _BELIEF_TAILS:
        return None
    subject = subject_of(verb)
    if subject is None or subject.dep_ != "nsubj":
        return None
    opening = min(subject.left_edge.i, verb.i)
    if not _closing_cue(verb, subject, opening):
        return None
    doc, sent = verb.doc, verb.sent
    before = [t for t in doc[sent.start:opening - 1] if not t.is_space]
    if len(before) < 3 or any(t.text in QUOTATION_MARKS for t in before):
        return None
    if not any(_is_reported_clause(t, verb) for t in before):
        return None  # "Asked about it, he declined": an adverbial, not what was said
    return [trimmed(text_of(doc), before[0].idx, end_of(before[-1]))]


def _closing_cue(verb: Token, subject: Token, opening: int) -> bool:
    """`..., analysts say.`: a comma, then only the subject and the cue (and adverbials)."""
    doc = verb.doc
    if opening - 1 <= verb.sent.start or doc[opening - 1].text != ",":
        return False
    subject_ids = range(subject.left_edge.i, subject.right_edge.i + 1)
    return all(t.i == verb.i or t.dep_ in ("aux", "neg", "advmod") or t.i in subject_ids
               for t in doc[opening:verb.i + 1]) and _closes_sentence(verb, subject)


def _is_reported_clause(token: Token, verb: Token) -> bool:
    """A clause the cue reports: its complement, or the finite clause the cue hangs on."""
    if token.head.i == verb.i and token.i != verb.i:
        return token.dep_ in ("ccomp", "parataxis")
    return token.i == verb.head.i != verb.i and any(c.dep_ in ("nsubj", "nsubjpass", "csubj")
                                                    for c in token.children)


def _closes_sentence(verb: Token, subject: Token) -> bool:
    """Only adverbials follow the cue: ", she said on Monday.", ", said Smith, the chairman."."""
    topics = PREP_CUES.get(verb.lemma_.lower(), ()) + ("about", "of")
    for child in verb.children:
        if child.i < verb.i or child.i == subject.i:
            continue
        if child.dep_ not in _TAIL_DEPENDENTS or (child.dep_ == "prep" and child.lower_ in topics):
            return False
    return verb.right_edge.i + 1 >= verb.sent.end or all(
        t.is_punct or t.is_space for t in verb.doc[verb.right_edge.i + 1:verb.sent.end])


def find_complement(verb: Token, lemma: str) -> list[Span] | None:
    """The cue's clause: `said (that) ...`, `wants to ...` (infinitive cues), `asked if ...`."""
    for child in verb.children:
        if child.dep_ == "ccomp" or (child.dep_ == "xcomp" and lemma in INFINITIVE_CUES) or (
                lemma in _QUESTION_CUES and _is_question_clause(child, verb)):
            return [clause_span(child, after=verb.i if child.i > verb.i else -1)]
    return None


def _is_question_clause(child: Token, verb: Token) -> bool:
    """`asked the senator if ...`: the parser makes the indirect question an adverbial clause."""
    return child.dep_ == "advcl" and child.i > verb.i and any(
        c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in child.children)


def find_labelled_object(verb: Token, lemma: str) -> list[Span] | None:
    """`called the plan "a disaster"`, `described it as ...`: the object and its complement."""
    if lemma not in LABEL_VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    comp = next((c for c in verb.children if c.dep_ in ("oprd", "xcomp", "prep")
                 and (c.dep_ != "prep" or c.lower_ == "as")), None)
    if obj is None or comp is None:
        return None
    return [(span(obj)[0], span(comp)[1])]


def find_cast_as(verb: Token, lemma: str) -> list[Span] | None:
    """`sees the plan as a trap`, `is seen as the favourite`: the thing and what it is cast as."""
    if lemma not in AS_VERBS:
        return None
    thing = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if thing is None:
        return None
    as_phrase = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                      and c.i > verb.i and c.i > thing.i), None)
    if as_phrase is None or not any(c.dep_ in ("pobj", "pcomp") for c in as_phrase.children):
        return None
    return [trimmed(text_of(verb.doc), thing.left_edge.idx, end_of(as_phrase.right_edge))]


def find_inverted(verb: Token, lemma: str) -> list[Span] | None:
    """"The economy is strong, he said.": the cue hangs off the content's verb; the content may
    resume after it ("She was happy to help, she said, but only locally.")."""
    return around(verb.head, verb) if _is_inverted(verb, lemma) else None


def _is_inverted(verb: Token, lemma: str) -> bool:
    """A cue after its content, parsed as that content's dependent: "..., he said"."""
    head = verb.head
    phrasal = is_phrasal_speech(verb)
    if head.i == verb.i or head.pos_ not in ("VERB", "AUX") or (
            lemma not in SPEECH_VERBS and not phrasal):
        return False
    if verb.dep_ == "parataxis":
        return True
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return _as_clause_cue(verb, phrasal)
    if verb.dep_ != "ccomp" or verb.i < head.i or head.lemma_.lower() in CUE_VERBS:
        return False
    return any(t.text in ",—–" for t in verb.doc[head.i:verb.left_edge.i + 1])


def _as_clause_cue(verb: Token, phrasal: bool) -> bool:
    """"As Smith noted, the plan ...", but not "... as Democrats blast Portman" (a while-clause
    with its own object); "as Smith put it" has "it" for its object."""
    return phrasal or not any(c.dep_ in _OWN_OBJECTS for c in verb.children)


def find_topic(verb: Token, lemma: str) -> list[Span] | None:
    """`called for a ban`, `talked about jobs`: the object of the cue's own preposition."""
    for prep in verb.children:
        if prep.dep_ in ("prep", "prt") and prep.lower_ in PREP_CUES.get(lemma, ()):
            obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            # "called on Monday" is a date, not a topic; "spoke on background" an idiom
            if obj is not None and obj.lemma_.lower() not in PREP_IDIOMS and \
                    obj.ent_type_ not in ("DATE", "TIME"):
                return [phrase_span(obj)]
    return None


def find_named_objects(verb: Token, lemma: str) -> list[Span] | None:
    """'called the plan "a disaster"': the parser rarely finds the label as a complement; it
    comes out as two objects, or as a modifier inside the object. From the first to the last."""
    if lemma not in LABEL_VERBS:
        return None
    named = [c for c in verb.children if c.dep_ in ("dobj", "oprd") and c.i > verb.i]
    if not named or named[0].pos_ == "PRON":
        return None
    return [trimmed(text_of(verb.doc), named[0].left_edge.idx, end_of(named[-1].right_edge))]


def find_charge(verb: Token, lemma: str) -> list[Span] | None:
    """`accused Smith of lying`: the object through the end of the charge's phrase."""
    prepositions = CHARGE_CUES.get(lemma)
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if prepositions is None or obj is None:
        return None
    # The parser hangs the charge on the verb or on its object ("accused her allies of ...").
    prep = next((c for c in (*verb.children, *obj.children) if c.dep_ == "prep" and c.i > obj.i
                 and c.lower_ in prepositions), None)
    if prep is None or not any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
        return None
    return [trimmed(text_of(verb.doc), obj.left_edge.idx, end_of(prep.right_edge))]


def find_object(verb: Token, lemma: str) -> list[Span] | None:
    """`backs the bill`, `denied the report`, `supports raising the tax`, `a plan criticized by
    economists`: a stance or speech verb's object (its content noun's clause when it has one)."""
    if lemma not in OBJECT_CUES and not is_phrasal_speech(verb):  # "pointed out the progress"
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and obj.pos_ != "PRON":
        clause = noun_clause(obj)  # "rejected the notion that ...": the notion's clause
        return [clause_span(clause) if clause is not None else phrase_span(obj)]
    gerund = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")
                   and c.tag_ == "VBG" and c.i > verb.i), None)
    if gerund is not None:
        return [clause_span(gerund)]
    passive = _passive_object(verb)
    return [passive] if passive is not None else None


def _passive_object(verb: Token) -> Span | None:
    """`The plan was criticized by economists`, `a practice endorsed by the board`: with the
    `by` agent present, the patient is the content."""
    if not any(c.dep_ == "agent" for c in verb.children):
        return None
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if patient is not None and patient.pos_ != "PRON":
        return span(patient, cut_clauses=True)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.i > verb.head.i:
        return span(verb.head, cut_clauses=True)
    return None


# --- the registry of this family, in the order they are tried --------------------------------

VERB_CONSTRUCTIONS: tuple[Construction, ...] = (
    Construction(
        "preposed-report", "verbs", "inverted",
        "a cue closing its sentence reports all before the comma, however the parser split it",
        SPEECH_VERBS | _BELIEF_TAILS, unless_cognition, _CLAUSE_CONFIDENCE,
        examples=(Example("If the fund cannot pay yet, it will pay soon, officials say.",
                          cue="say", source="officials",
                          content="If the fund cannot pay yet, it will pay soon"),),
        counterexamples=("Asked about the fund on Monday, the senator declined to answer.",),
        find=find_preposed),
    Construction(
        "complement", "verbs", "clause",
        "a cue verb's clause: said (that) ..., wants to ..., asked whether ...",
        TRIGGERS, unless_cognition, _CLAUSE_CONFIDENCE,
        examples=(Example("The minister said that the talks had collapsed.", cue="said",
                          source="The minister", content="that the talks had collapsed"),
                  Example("The union wants to delay the vote until June.", cue="wants",
                          source="The union", content="to delay the vote until June"),
                  Example("Reporters asked the senator whether she would run again.",
                          cue="asked", source="Reporters",
                          content="whether she would run again")),
        counterexamples=("The outcome will be crucial in determining whether the war ends.",),
        find=find_complement),
    Construction(
        "label-complement", "verbs", "label",
        "a labelling verb's object and its complement: called the plan a disaster",
        LABEL_VERBS, unless_cognition, _CLAUSE_CONFIDENCE,
        examples=(Example("The governor described the budget as a disgrace.", cue="described",
                          source="The governor", content="the budget as a disgrace"),),
        counterexamples=("The governor described the weather on the coast.",),
        find=find_labelled_object),
    Construction(
        "cast-as", "verbs", "label",
        "a verb casting its object as something: sees the plan as a trap",
        AS_VERBS, unless_cognition, _CLAUSE_CONFIDENCE,
        examples=(Example("Critics portray the plan as a giveaway to donors.", cue="portray",
                          source="Critics", content="the plan as a giveaway to donors"),),
        counterexamples=("The voters saw the parade from the bridge.",),
        find=find_cast_as),
    Construction(
        "inverted", "verbs", "inverted",
        "a speech cue after its content, hung on the content's verb: ..., he said",
        SPEECH_VERBS, unless_cognition, _CLAUSE_CONFIDENCE,
        examples=(Example("The economy is strong, he said, but wages lag.", cue="said",
                          source="he"),
                  Example("As the chairman noted, the plan has no funding.", cue="noted",
                          source="the chairman", content="the plan has no funding.")),
        counterexamples=("Prices rose as Democrats blasted the plan in the Senate.",),
        find=find_inverted),
    Construction(
        "prepositional-topic", "verbs", "prep",
        "the object of a cue's own preposition: called for a ban, talked about jobs",
        frozenset(PREP_CUES), if_speech_verb, _OBJECT_CONFIDENCE,
        examples=(Example("The senator called for a ban on assault weapons.", cue="called",
                          source="The senator", content="a ban on assault weapons"),),
        counterexamples=("The senator called on Monday.",
                         "The aide spoke on condition of anonymity."),
        quoted_pattern="quote", find=find_topic),
    Construction(
        "label-objects", "verbs", "label",
        "a labelling verb with two objects, as the parser often reads the label",
        LABEL_VERBS, unless_cognition, _CLAUSE_CONFIDENCE,
        examples=(Example("Trump called Clinton a liar.", cue="called", source="Trump",
                          content="Clinton a liar"),),
        counterexamples=("The mayor called him.",),
        find=find_named_objects),
    Construction(
        "charge", "verbs", "object",
        "a charge and its grounds: accused Smith of lying, blamed the storm for the delay",
        frozenset(CHARGE_CUES), if_speech_verb, _OBJECT_CONFIDENCE,
        examples=(Example("The governor accused her rivals of lying about the budget.",
                          cue="accused", source="The governor",
                          content="her rivals of lying about the budget"),),
        counterexamples=("The governor accused nobody.",),
        quoted_pattern="quote", find=find_charge),
    Construction(
        "object", "verbs", "object",
        "a stance or speech verb's object: backs the bill, denied the report",
        OBJECT_CUES, if_speech_verb, _OBJECT_CONFIDENCE,
        examples=(Example("The union backs the proposal to raise wages.", cue="backs",
                          source="The union", content="the proposal to raise wages"),
                  Example("The ministry denied the report.", cue="denied",
                          source="The ministry", content="the report")),
        counterexamples=("It was a year that saw the party win.",),
        quoted_pattern="quote", find=find_object),
)
