"""Extract attributions (content, source, cue) from one parsed article.

Layered, cheapest evidence first, all on the one spaCy parse:

1. Cue verbs (speech and cognition lemmas) with their clausal complement: `X said (that) ...`,
   `X believes ...`, `X wants to ...`, inverted `..., X said`, participles (`..., saying ...`)
   and relative clauses (`X, who said ...`) inheriting the subject; passives take the `by` agent.
2. Labelling verbs with object and complement: `called the plan "a disaster"`.
3. Phrase cues: `according to X`, `as reported by X`.
4. Quotations: each is tied to the cue of its sentence, or to a cue ending the previous sentence
   with a colon; a quotation continuing right after an attributed one ("A," he said. "B.") joins
   it as a fragment. Content wholly in quotation marks is `direct`, partly `mixed`, else `indirect`.

Sources are typed and resolved in `sourcescore.analysis.sources`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from sourcescore.analysis.lexicon import (
    AS_VERBS,
    ATTITUDE_ADJECTIVES,
    ATTITUDE_INFINITIVES,
    ATTITUDE_TOPICS,
    CHARGE_CUES,
    COGNITION_VERBS,
    CONTENT_NOUNS,
    CUE_VERBS,
    INFINITIVE_CUES,
    INTENT_NOUNS,
    LABEL_VERBS,
    OBJECT_CUES,
    PHRASE_CUES,
    PREP_CUES,
    PREP_IDIOMS,
    QUOTE_VERBS,
    SPEECH_VERBS,
    STANCE_NOUNS,
)
from sourcescore.analysis.quotes import QUOTATION_MARKS
from sourcescore.model import Quotation

_ALL_CUES = CUE_VERBS | OBJECT_CUES | AS_VERBS | frozenset(PREP_CUES) | frozenset(CHARGE_CUES)
#: The lemmas a cue verb can have: the cues and "put" ("as she put it", see _is_phrasal_speech).
_CUE_LEMMAS = _ALL_CUES | frozenset({"put"})
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
_COMPLEMENTS = ("ccomp", "xcomp")
_EDGE_PUNCT = set(" \n\t,;:—–-")
# Inherit the subject of the head verb through these links: "..., saying ...", "and added ...",
# "was worried that ...".
_INHERIT = ("advcl", "conj", "xcomp", "pcomp", "acomp")


@dataclass
class Candidate:
    """An attribution under construction (mutable while the layers refine it)."""

    cue: tuple[int, int] | None
    source: tuple[int, int] | None
    content: list[tuple[int, int]]
    cue_lemma: str | None
    sentence_start: int
    confidence: float
    quotes: list[int] = field(default_factory=list)
    pattern: str = "clause"
    hugged: bool = False  # a quotation sits right against the cue: kept however short
    antecedent: tuple[int, int] | None = None  # what a relative pronoun source ("who") means


def text_of(doc) -> str:
    """The document's text, computed once: spaCy's `Doc.text` re-joins every token per access."""
    text = doc.user_data.get("sourcescore_text")
    if text is None:
        text = doc.user_data["sourcescore_text"] = doc.text
    return text


def extract(doc, quotations: tuple[Quotation, ...]) -> list[Candidate]:
    """Return candidate attributions for `doc`, in text order, one per cue."""
    inside = _QuoteMap(text_of(doc), quotations)
    verbs = (t for t in _tokens_with(doc, _CUE_LEMMAS, attr="LEMMA") if _is_cue_verb(t, inside))
    candidates = [c for c in (_from_verb(t, inside) for t in verbs) if c]
    candidates += _from_phrases(doc, inside)
    candidates += _from_frames(doc, inside, candidates)
    _attach_quotations(doc, quotations, candidates, inside)
    candidates = [c for c in candidates if _substantial(text_of(doc), c)]
    candidates.sort(key=lambda c: (c.content[0][0], c.cue or (0, 0)))
    return candidates


_WORD_IDS: dict[frozenset, object] = {}  # word set -> sorted array of its string hashes


def _tokens_with(doc, words: frozenset, attr: str = "LEMMA_OR_LOWER"):
    """The tokens whose lemma (or, by default, lemma or lower-case form) is in `words`.

    Found on the Doc's attribute array, so the hundreds of tokens that cannot start an
    attribution never become Python Token objects (most of the extractor's time otherwise).
    """
    import numpy
    from spacy.attrs import LEMMA, LOWER

    ids = _WORD_IDS.get(words)
    if ids is None:  # a string's hash is the same in every vocabulary
        ids = _WORD_IDS[words] = numpy.array(sorted(doc.vocab.strings.add(w) for w in words),
                                             dtype="uint64")
    if attr == "LEMMA":
        found = numpy.isin(doc.to_array(LEMMA), ids)
    else:
        table = doc.to_array([LEMMA, LOWER])
        found = numpy.isin(table[:, 0], ids) | numpy.isin(table[:, 1], ids)
    return [doc[int(i)] for i in numpy.flatnonzero(found)]


class _QuoteMap:
    """Which quotation (if any) a character belongs to, by bisection over sorted pieces."""

    def __init__(self, text: str, quotations: tuple[Quotation, ...]) -> None:
        pieces = sorted((start, end, index) for index, quote in enumerate(quotations)
                        for start, end in (quote.fragments or ((quote.start, quote.end),)))
        self._starts = [p[0] for p in pieces]
        self._pieces = pieces

    def of(self, offset: int) -> int:
        at = bisect.bisect_right(self._starts, offset) - 1
        if at >= 0 and offset < self._pieces[at][1]:
            return self._pieces[at][2]
        return -1

    def token_quoted(self, token) -> bool:
        return self.of(token.idx) >= 0


class _Candidates:
    """Candidates by cue and by content start, so each quotation looks only at its neighbours."""

    WINDOW = 5000  # no content reaches further back than this from a quotation it holds

    def __init__(self, candidates: list[Candidate]) -> None:
        self.items = candidates
        self.by_cue = {c.cue: c for c in candidates if c.cue}
        self._sorted = sorted(candidates, key=lambda c: c.content[0][0])
        self._starts = [c.content[0][0] for c in self._sorted]

    def add(self, candidate: Candidate) -> None:
        self.items.append(candidate)
        self.by_cue[candidate.cue] = candidate
        at = bisect.bisect_right(self._starts, candidate.content[0][0])
        self._starts.insert(at, candidate.content[0][0])
        self._sorted.insert(at, candidate)

    def near(self, start: int, end: int) -> list[Candidate]:
        lo = bisect.bisect_left(self._starts, start - self.WINDOW)
        hi = bisect.bisect_right(self._starts, end)
        return self._sorted[lo:hi]


def _is_cue_verb(token, inside: _QuoteMap) -> bool:
    if token.pos_ not in ("VERB", "AUX") or inside.token_quoted(token):
        return False
    lemma = token.lemma_.lower()
    if lemma not in _ALL_CUES and not _is_phrasal_speech(token):
        return False
    if token.dep_ in ("amod", "compound", "aux", "auxpass"):
        return False
    return True


def _from_verb(verb, inside: _QuoteMap) -> Candidate | None:
    if _is_that_said(verb):
        return None
    lemma = verb.lemma_.lower()
    found = _content_of(verb, lemma)
    if found is None:
        return None
    content, pattern = found
    source = _source_of(verb)
    if source is not None and _overlaps(source, content[0]):
        return None
    if source is None and not _has_clause(verb) and pattern != "label":
        return None  # an object without a holder ("a year that saw the party win") is no claim
    if source is None and lemma in COGNITION_VERBS and _asks(content[0], verb.doc):
        return None  # "crucial in determining whether ...": no one holds an open question
    confidence = (0.85 if source else 0.6) * (0.8 if pattern in ("object", "prep") else 1.0)
    return Candidate((verb.idx, verb.idx + len(verb.text)), source, content, lemma,
                     verb.sent.start_char, confidence, pattern=pattern,
                     antecedent=_antecedent_of(verb))


def _asks(span: tuple[int, int], doc) -> bool:
    """Whether a content opens with "whether", "if" or a wh-word: a question, not a claim."""
    first = _token_in(doc, span[0], span[1], forward=True)
    return first is not None and (first.lower_ in ("whether", "if") or first.tag_ in _WH_TAGS)


def _is_that_said(verb) -> bool:
    """The idiom "That said, ..." (a transition, not a speaker)."""
    doc = verb.doc
    return verb.i > 0 and doc[verb.i - 1].lower_ in ("that", "this") and \
        verb.i + 1 < len(doc) and doc[verb.i + 1].text == "," and \
        (verb.i == 1 or doc[verb.i - 2].is_punct or doc[verb.i - 2].is_space)


def _content_of(verb, lemma: str) -> tuple[list[tuple[int, int]], str] | None:
    """The content the cue introduces, as character spans, and how it was found."""
    preposed = _preposed_content(verb, lemma)
    if preposed is not None:
        return [preposed], "inverted"
    for child in verb.children:
        if child.dep_ == "ccomp" or (child.dep_ == "xcomp" and lemma in INFINITIVE_CUES) or (
                lemma in _QUESTION_CUES and _is_question_clause(child, verb)):
            return [_clause_span(child, after=verb.i if child.i > verb.i else -1)], "clause"
    if lemma in LABEL_VERBS:
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        comp = next((c for c in verb.children if c.dep_ in ("oprd", "xcomp", "prep")
                     and (c.dep_ != "prep" or c.lower_ == "as")), None)
        if obj is not None and comp is not None:
            return [(_span(obj)[0], _span(comp)[1])], "label"
    if lemma in AS_VERBS:
        cast = _cast_as(verb)
        if cast is not None:
            return [cast], "label"
    if _is_inverted(verb, lemma):
        # "The economy is strong, he said." - the cue hangs off the content's verb; the content
        # may resume after it: "She was happy to help, she said, but only locally."
        return _around(verb.head, verb), "inverted"
    topic = _prep_content(verb, lemma)
    if topic is not None:
        return [topic], "prep"
    if lemma in LABEL_VERBS:
        label = _named_objects(verb)
        if label is not None:
            return [label], "label"
    if lemma in CHARGE_CUES:
        charge = _charge_of(verb, CHARGE_CUES[lemma])
        if charge is not None:
            return [charge], "object"
    if lemma in OBJECT_CUES or _is_phrasal_speech(verb):  # "pointed out the progress"
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is not None and obj.pos_ != "PRON":
            clause = _noun_clause(obj)  # "rejected the notion that ...": the notion's clause
            return [_clause_span(clause) if clause is not None else _phrase_span(obj)], "object"
        gerund = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")
                       and c.tag_ == "VBG" and c.i > verb.i), None)
        if gerund is not None:  # "supports raising the tax": the gerund clause is the object
            return [_clause_span(gerund)], "object"
        passive = _passive_object(verb)
        if passive is not None:
            return [passive], "object"
    return None


_BELIEF_TAILS = frozenset({"believe", "think", "feel", "fear", "expect", "suspect", "know"})
_TAIL_DEPENDENTS = frozenset({"advmod", "npadvmod", "prep", "punct", "agent", "dative", "cc"})


def _preposed_content(verb, lemma: str) -> tuple[int, int] | None:
    """`If it cannot yet, it will soon, analysts say.`: a cue that closes its sentence after a
    comma reports everything before the comma, however the parser split that clause (it often
    hangs a leading "If ..." on the cue, or the cue on the clause's last verb).

    Quoted text before the comma is left to the quotation pass.
    """
    if lemma not in SPEECH_VERBS and lemma not in _BELIEF_TAILS:
        return None
    doc, sent = verb.doc, verb.sent
    subject = _subject_of(verb)
    if subject is None or subject.dep_ != "nsubj":
        return None
    opening = min(subject.left_edge.i, verb.i)
    if opening - 1 <= sent.start or doc[opening - 1].text != ",":
        return None
    if not all(t.i == verb.i or t.dep_ in ("aux", "neg", "advmod") or t.i in _subtree_ids(subject)
               for t in doc[opening:verb.i + 1]) or not _closes_sentence(verb, subject):
        return None
    before = [t for t in doc[sent.start:opening - 1] if not t.is_space]
    if len(before) < 3 or any(t.text in QUOTATION_MARKS for t in before):
        return None
    if not any(_is_reported_clause(t, verb) for t in before):
        return None  # "Asked about it, he declined": an adverbial, not what was said
    return _trimmed(text_of(doc), before[0].idx, _end_of(before[-1]))


def _is_reported_clause(token, verb) -> bool:
    """A clause the cue reports: its complement, or the finite clause the cue hangs on."""
    if token.head.i == verb.i and token.i != verb.i:
        return token.dep_ in ("ccomp", "parataxis")
    return token.i == verb.head.i != verb.i and any(c.dep_ in _SUBJECTS for c in token.children)


def _subtree_ids(token) -> range:
    return range(token.left_edge.i, token.right_edge.i + 1)


def _closes_sentence(verb, subject) -> bool:
    """Only adverbials follow the cue: ", she said on Monday.", ", said Smith, the chairman."."""
    topics = PREP_CUES.get(verb.lemma_.lower(), ()) + ("about", "of")
    for child in verb.children:
        if child.i < verb.i or child.i == subject.i:
            continue
        if child.dep_ not in _TAIL_DEPENDENTS or (child.dep_ == "prep" and child.lower_ in topics):
            return False
    return verb.right_edge.i + 1 >= verb.sent.end or all(
        t.is_punct or t.is_space for t in verb.doc[verb.right_edge.i + 1:verb.sent.end])


_QUESTION_CUES = frozenset({"ask", "wonder", "question", "inquire", "enquire"})


def _is_question_clause(child, verb) -> bool:
    """`asked the senator if ...`: the parser makes the indirect question an adverbial clause."""
    return child.dep_ == "advcl" and child.i > verb.i and any(
        c.dep_ == "mark" and c.lower_ in ("if", "whether") for c in child.children)


def _prep_content(verb, lemma: str) -> tuple[int, int] | None:
    """`called for a ban`, `talked about jobs`: the object of the cue's own preposition."""
    for prep in verb.children:
        if prep.dep_ in ("prep", "prt") and prep.lower_ in PREP_CUES.get(lemma, ()):
            obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            # "called on Monday" is a date, not a topic; "spoke on background" an idiom
            if obj is not None and obj.lemma_.lower() not in PREP_IDIOMS and \
                    obj.ent_type_ not in ("DATE", "TIME"):
                return _phrase_span(obj)
    return None


def _named_objects(verb) -> tuple[int, int] | None:
    """'called the plan "a disaster"': the parser rarely finds the label as a complement; it
    comes out as two objects, or as a modifier inside the object. From the first to the last."""
    named = [c for c in verb.children if c.dep_ in ("dobj", "oprd") and c.i > verb.i]
    if not named or named[0].pos_ == "PRON":
        return None
    return _trimmed(text_of(verb.doc), named[0].left_edge.idx, _end_of(named[-1].right_edge))


def _passive_object(verb) -> tuple[int, int] | None:
    """`The plan was criticized by economists`, `a practice endorsed by the board`: with the
    `by` agent present, the patient is the content."""
    if not any(c.dep_ == "agent" for c in verb.children):
        return None
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if patient is not None and patient.pos_ != "PRON":
        return _span(patient, cut_clauses=True)
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.i > verb.head.i:
        return _span(verb.head, cut_clauses=True)
    return None


def _cast_as(verb) -> tuple[int, int] | None:
    """`sees the plan as a trap`, `is seen as the favourite`: the thing and what it is cast as."""
    thing = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if thing is None:
        return None
    as_phrase = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                      and c.i > verb.i and c.i > thing.i), None)
    if as_phrase is None or not any(c.dep_ in ("pobj", "pcomp") for c in as_phrase.children):
        return None
    return _trimmed(text_of(verb.doc), thing.left_edge.idx, _end_of(as_phrase.right_edge))


def _charge_of(verb, prepositions: tuple[str, ...]) -> tuple[int, int] | None:
    """`accused Smith of lying`: the object through the end of the charge's phrase."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    # The parser hangs the charge on the verb or on its object ("accused her allies of ...").
    prep = next((c for c in (*verb.children, *obj.children) if c.dep_ == "prep" and c.i > obj.i
                 and c.lower_ in prepositions), None)
    if prep is None or not any(c.dep_ in ("pobj", "pcomp") for c in prep.children):
        return None
    return _trimmed(text_of(verb.doc), obj.left_edge.idx, _end_of(prep.right_edge))


def _noun_clause(noun):
    """The "that"-clause a content noun carries ("the claim that ..."), or None."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in CONTENT_NOUNS:
        return None
    for child in noun.children:
        if child.i > noun.i and child.dep_ in ("acl", "ccomp") and any(
                (c.dep_ == "mark" and c.lower_ == "that")  # "fears (that) the crowd will ..."
                or (c.dep_ in _SUBJECTS and c.left_edge.i == child.left_edge.i
                    and c.tag_ not in _WH_TAGS)
                for c in child.children):
            return child
    return None


_CONCESSIVE = frozenset({"although", "though", "whereas"})


def _clause_span(root, after: int = -1) -> tuple[int, int]:
    """A complement clause without a trailing concessive ("| even though ...") or dash aside.

    Coordinated verbs stay: cutting them cost more matches than it won on PolNeAR dev.
    Only tokens after index `after` count: in "information that officials said would harm",
    the relative pronoun is the clause's subject but sits before the cue.
    """
    stop = root.right_edge.i + 1
    for child in root.children:
        if child.i < root.i:
            continue
        concessive = child.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in child.children)
        dash = child.dep_ in ("punct", "appos", "parataxis") and child.text in ("—", "–", "--")
        if concessive or dash or _trailing_participle(child):
            stop = min(stop, child.left_edge.i)
        elif _is_cue_conjunct(child) and not (
                child.tag_ == "VB" and _is_infinitive(root)):  # "to threaten or declare ..."
            # "said that A and asked whether B": the second cue is the speaker's, not the content's
            stop = min(stop, _conjunction_start(child))
    tokens = _without_trailing_aside([t for t in root.subtree if after < t.i < stop])
    return _trimmed(text_of(root.doc), tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))


_ASIDE_PREPOSITIONS = frozenset({"with", "including", "compared", "along", "despite", "amid"})
_ASIDE_MARKS = frozenset({"while", "when", "as", "even", "whereas", "although", "though"})


def _without_trailing_aside(tokens: list) -> list:
    """Drop a comma-set aside that ends the content: ", who leads the race", ", the former
    governor", ", while 22 percent disagreed", ", with stocks likely to suffer". These hang on the
    content's last noun or verb but are the reporter's gloss, not what the source said. Likewise
    a trailing "and" + cue participle ("... and emphasizing ..."), and a conjunction left
    dangling when the parser hangs the second conjunct elsewhere ("declared that A and")."""
    while len(tokens) > 1 and (tokens[-1].dep_ == "cc" or tokens[-1].text in (",", ";")
                               or tokens[-1].is_space):
        tokens = tokens[:-1]
    if len(tokens) < 4:
        return tokens
    last = tokens[-1].i
    for position, comma in enumerate(tokens[:-2]):
        if comma.text not in (",", "and") or position < 2:
            continue
        aside = tokens[position + 1]
        root = _subtree_root_starting_at(aside)
        if root is None or root.right_edge.i < last:
            continue
        if _is_aside(root, aside) if comma.text == "," else _is_next_act(root):
            return tokens[:position]
    return tokens


def _is_next_act(conj) -> bool:
    """`... and emphasizing the need`: a cue participle joined to the content is the speaker's
    next act (the parser joins it to the nearest participle)."""
    return conj.dep_ == "conj" and conj.tag_ == "VBG" and conj.lemma_ in _ALL_CUES


def _phrase_span(token) -> tuple[int, int]:
    """A noun phrase's span as content: its subtree without a trailing comma-set aside."""
    tokens = _without_trailing_aside(list(token.subtree))
    return _trimmed(text_of(token.doc), tokens[0].idx, _end_of(tokens[-1]))


def _end_of(token) -> int:
    return token.idx + len(token.text)


def _subtree_root_starting_at(token):
    """The highest token whose subtree starts at `token` (the phrase `token` opens)."""
    root = token
    while root.head.i != root.i and root.head.left_edge.i == token.i:
        root = root.head
    return root if root.left_edge.i == token.i else None


def _is_aside(root, first) -> bool:
    if root.dep_ == "relcl" or first.tag_ in _WH_TAGS:
        return True
    if first.lower_ in ("while", "whereas"):  # a contrast, whatever the parser makes of it
        return True
    if root.dep_ == "appos":
        return True
    if root.dep_ == "advcl":
        return root.tag_ == "VBG" or any(c.dep_ == "mark" and c.lower_ in _ASIDE_MARKS
                                         for c in root.children)
    if root.dep_ == "prep":
        return root.lower_ in _ASIDE_PREPOSITIONS
    return root.dep_ == "acl" and root.tag_ == "VBG"


def _conjunction_start(conj) -> int:
    """Index of the first token of a conjunct, with its comma and conjunction."""
    start = conj.left_edge.i
    doc = conj.doc
    while start > 0 and (doc[start - 1].dep_ == "cc" or doc[start - 1].text == ","):
        start -= 1
    return start


def _trailing_participle(child) -> bool:
    """`..., calling it a disgrace`: a comma-set cue participle after the content is the
    speaker's next act, not the content (the parser hangs it on the content's verb)."""
    before = child.doc[max(0, child.left_edge.i - 2):child.left_edge.i]  # `,` or `,"`
    return child.dep_ in ("advcl", "conj", "xcomp") and child.tag_ == "VBG" and \
        child.lemma_ in _ALL_CUES and any(t.text == "," for t in before)


def _around(head, cue) -> list[tuple[int, int]]:
    """The head's subtree on both sides of the cue's own subtree, as one or two fragments."""
    text = text_of(head.doc)
    left = [t for t in head.subtree if t.i < cue.left_edge.i]
    right = [t for t in head.subtree if t.i > cue.right_edge.i]
    pieces = []
    for run in (left, right):
        if run:
            start, end = _trimmed(text, run[0].idx, run[-1].idx + len(run[-1].text))
            if end - start > 2:
                pieces.append((start, end))
    return pieces or [_span(head, exclude=cue)]


def _has_clause(verb) -> bool:
    return any(c.dep_ in _COMPLEMENTS for c in verb.children) or verb.dep_ in ("parataxis",
                                                                              "ccomp")


_OWN_OBJECTS = frozenset({"dobj", "ccomp", "xcomp", "prep", "attr", "oprd", "dative", "acomp"})


def _is_inverted(verb, lemma: str) -> bool:
    """A cue after its content, parsed as that content's dependent: "..., he said"."""
    head = verb.head
    phrasal = _is_phrasal_speech(verb)
    if head.i == verb.i or head.pos_ not in ("VERB", "AUX") or (
            lemma not in SPEECH_VERBS and not phrasal):
        return False
    if verb.dep_ == "parataxis":
        return True
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        # "As Smith noted, the plan ...", but not "... as Democrats blast Portman" (a while-clause
        # with its own object); "as Smith put it" has "it" for its object.
        return phrasal or not any(c.dep_ in _OWN_OBJECTS for c in verb.children)
    if verb.dep_ != "ccomp" or verb.i < head.i or head.lemma_.lower() in CUE_VERBS:
        return False
    return any(t.text in ",—–" for t in verb.doc[head.i:verb.left_edge.i + 1])


def _source_of(verb) -> tuple[int, int] | None:
    """The source's surface mention: the subject, the passive agent, or an inherited subject."""
    token = verb
    for _ in range(4):  # follow participles and conjuncts up to the verb with the subject
        subject = _subject_of(token)
        agent = next((c for c in token.children if c.dep_ == "agent"), None)
        if agent is not None or (subject is not None and subject.dep_ == "nsubjpass"):
            # Passive: the `by` agent speaks ("a plan criticized by economists"), if named.
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            return _span(pobj, cut_clauses=True) if pobj is not None else None
        if subject is not None:
            if subject.lower_ in ("there", "what") or (
                    subject.lower_ in ("it", "this", "that") and _is_expletive(token)):
                return None
            return _span(subject, cut_clauses=True)
        if token.dep_ == "acl" and token.head.dep_ in ("dobj", "pobj") and (
                _is_infinitive(token) or (token is not verb and verb.tag_ == "VBG"
                                          and token.tag_ == "VBN")):
            # "made an attempt to deflect it, saying ...": the attempt's maker speaks; so does
            # the one "citing the facts faced on the ground and emphasizing ...", where the
            # parser joins the second participle to the reduced relative instead of the first.
            token = token.head.head if token.head.dep_ == "dobj" else token.head.head.head
            continue
        if token.dep_ in ("relcl", "acl") and token.head.pos_ in ("NOUN", "PROPN"):
            return _span(token.head, cut_clauses=True)
        if token.dep_ not in _INHERIT or token.head.i == token.i:
            return None
        if _is_second_cue(token):
            token = token.head.head  # the speaker of the clause the parser joined it to
            continue
        token = token.head
    return None


def _is_second_cue(verb) -> bool:
    """`X said that A failed, and questioned why ...`: the parser joins the second cue to the
    reported clause; the content ends before it (`_clause_span`) and X is its speaker too."""
    return _is_cue_conjunct(verb) and verb.head.dep_ == "ccomp" and \
        verb.head.head.lemma_ in CUE_VERBS


def _is_cue_conjunct(verb) -> bool:
    """A cue verb with its own clause, coordinated with another verb: "and asked whether ..."."""
    return verb.dep_ == "conj" and verb.lemma_ in CUE_VERBS and _has_clause(verb)


def _subject_of(verb):
    """The verb's subject; of two (`"... Full panic mode," said Wimes` gives the parser both
    "mode" and "Wimes"; `The law made it possible for people to ..., she said` both "people"
    and "she"), the nearest one not cut off from the verb by a quotation mark."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
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


def _inverted_speaker(verb):
    """`"How big is that wall?" asked the boy`: right after a closing mark, the parser often
    makes the speaker after the cue an object; it is the subject."""
    doc = verb.doc
    before = doc[verb.i - 1] if verb.i > 0 else None
    if before is None or before.text not in QUOTATION_MARKS:
        return None
    return next((c for c in verb.children if c.i > verb.i and c.dep_ in (
        "dobj", "attr", "npadvmod") and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM")), None)


def _is_infinitive(verb) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _antecedent_of(verb) -> tuple[int, int] | None:
    """For "X, who said ...", the span of X (the relative pronoun's antecedent)."""
    token = verb
    for _ in range(4):
        subject = next((c for c in token.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            if subject.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
                return _span(token.head, cut_clauses=True)
            return None
        if token.dep_ not in _INHERIT or token.head.i == token.i:
            return None
        if _is_second_cue(token):
            token = token.head.head  # the speaker of the clause the parser joined it to
            continue
        token = token.head
    return None


def _is_expletive(verb) -> bool:
    """`it is believed that`, `it seems`: no one is speaking."""
    lemma = verb.lemma_.lower()
    return any(c.dep_ in ("auxpass", "expl") for c in verb.children) or lemma in (
        "seem", "appear", "be", "remain") or lemma in COGNITION_VERBS


def _from_phrases(doc, inside: _QuoteMap) -> list[Candidate]:
    """`according to X`, `as reported by X`: source after the phrase, content the clause."""
    candidates = []
    for _, start, end in _phrase_matcher(doc.vocab)(doc):
        token, last = doc[start], doc[end - 1]
        if inside.token_quoted(token):
            continue
        pobj = next((c for c in last.children if c.dep_ == "pobj"), None)
        if pobj is None and end < len(doc):
            pobj = doc[end]
        if pobj is None:
            continue
        source = _span(pobj, cut_clauses=True)
        content = _phrase_content(token, _span(pobj)[1])
        if not content:
            continue
        candidates.append(Candidate((token.idx, last.idx + len(last.text)), source,
                                    content, token.doc[start:end].text.lower(),
                                    token.sent.start_char, 0.9, pattern="according-to"))
    return candidates


def _from_frames(doc, inside: _QuoteMap, found: list[Candidate]) -> list[Candidate]:
    """Attributions without a speech verb: evidential `seem`/`appear`, findings `in a poll`,
    and `Label: text` paragraphs (headlines, interview transcripts)."""
    taken = {c.cue for c in found}
    frames = [c for t in _tokens_with(doc, _FRAME_WORDS) if not inside.token_quoted(t)
              for c in (_evidential(t), _poll_finding(t), _attitude(t), _content_noun(t, taken),
                        _made_clear(t))
              if c is not None]
    frames += _label_colons(doc, inside)
    return [c for c in frames if c.cue not in taken]


_EVIDENTIAL = frozenset({"seem", "appear"})
_FINDING_SOURCES = frozenset({"poll", "survey", "study", "analysis", "census", "tally", "count"})
#: Words that can open a frame (lemma or lower-case form): the only tokens the frames look at.
_FRAME_WORDS = (_EVIDENTIAL | ATTITUDE_ADJECTIVES | frozenset(ATTITUDE_TOPICS) | CONTENT_NOUNS
                | INTENT_NOUNS | frozenset(STANCE_NOUNS) | frozenset({"in", "make"}))


def _evidential(verb) -> Candidate | None:
    """`X seemed unperturbed`, `X appears to dominate`: the reporter's inference, no source.

    Only with a complement (`appeared ready`, `seems to be`), not `appeared on TV`.
    """
    if verb.lemma_.lower() not in _EVIDENTIAL or verb.pos_ not in ("VERB", "AUX"):
        return None
    complement = next((c for c in verb.children if c.i > verb.i and c.dep_ in (
        "xcomp", "acomp", "attr", "oprd", "ccomp")), None)
    if complement is None:
        return None
    # From the subject to the complement's end: a leading "while ..." clause and a trailing
    # ", but ..." or ", throwing ..." are the reporter's own narration.
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    first = subject.left_edge if subject is not None else verb
    start = _trimmed(text_of(verb.doc), first.idx, verb.idx)[0]
    end = _clause_span(complement)[1]
    if len(text_of(verb.doc)[start:end].split()) < 3:
        return None
    return Candidate((verb.idx, verb.idx + len(verb.text)), None, [(start, end)],
                     verb.lemma_.lower(), verb.sent.start_char, 0.5, pattern="evidential")


def _poll_finding(prep) -> Candidate | None:
    """`In a CBS News poll, Clinton led by six points`: the poll is the source."""
    if prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.lemma_.lower() not in _FINDING_SOURCES:
        return None
    # One particular poll ("a CBS News poll", "the latest survey"), not "leads in most polls".
    if not any(c.dep_ in ("compound", "poss") or c.lower_ in ("a", "an", "the", "this", "that")
               for c in pobj.children):
        return None
    head = prep.head
    for _ in range(3):  # "took 6 percent of the vote in a poll": up to the clause's verb
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            break
        head = head.head
    if head.pos_ not in ("VERB", "AUX") or head.dep_ not in ("ROOT", "conj", "ccomp"):
        return None
    content = _around(head, prep)
    if not content or sum(len(text_of(head.doc)[s:e].split()) for s, e in content) < 3:
        return None
    return Candidate((prep.idx, prep.idx + len(prep.text)), _span(pobj), content, "in",
                     prep.sent.start_char, 0.6, pattern="finding")


def _made_clear(verb) -> Candidate | None:
    """`X made (it) clear that ...`, `X made clear his aim to ...`."""
    if verb.lemma_.lower() != "make" or verb.pos_ != "VERB":
        return None
    clear = next((c for c in verb.children if c.lower_ == "clear" and c.i > verb.i
                  and c.dep_ in ("oprd", "ccomp", "acomp", "xcomp")), None)
    if clear is None:
        return None
    content = next((c for c in verb.children if c.i > clear.i and c.dep_ in ("ccomp", "dobj")),
                   None)
    if content is None:
        content = next((c for c in clear.children if c.dep_ in ("ccomp", "advcl")
                        and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)),
                       None)
    if content is None:
        return None
    source = _source_of(verb)
    return Candidate((verb.idx, _end_of(clear)), source, [_clause_span(content)],
                     "make clear", verb.sent.start_char, 0.8 if source else 0.5)


def _attitude(adjective) -> Candidate | None:
    """`X is confident (that) ...`, `X was determined to ...`, `X is wary of ...`: a stance the
    subject holds."""
    # Participles ("concerned", "worried") are tagged as verbs: the word form decides.
    lemma = adjective.lower_
    if adjective.dep_ != "acomp":
        return None
    content = _attitude_clause(adjective, lemma)
    if content is None:
        topic = _topic_of(adjective, ATTITUDE_TOPICS.get(lemma))
        if topic is None:
            return None
        content = _phrase_span(topic)
    source = _source_of(adjective.head)
    return Candidate((adjective.idx, _end_of(adjective)), source, [content], lemma,
                     adjective.sent.start_char, 0.6 if source else 0.4, pattern="attitude")


def _attitude_clause(adjective, lemma: str) -> tuple[int, int] | None:
    if lemma not in ATTITUDE_ADJECTIVES:
        return None
    deps = ("ccomp", "xcomp") if lemma in ATTITUDE_INFINITIVES else ("ccomp",)
    clause = next((c for c in adjective.children if c.dep_ in deps and c.i > adjective.i), None)
    if clause is None and adjective.head.lemma_ == "be":  # "It was clear that ...", parsed
        clause = next((c for c in adjective.head.children  # as the copula's complement
                       if c.dep_ == "ccomp" and c.i > adjective.i), None)
    return None if clause is None else _clause_span(clause)


def _content_noun(noun, taken: set) -> Candidate | None:
    """`his claim that ...`, `there are fears that ...`, `expressed concern that ...`.

    The holder is the possessor, or the subject of the verb the noun is the object of
    (`voiced doubts that`, `made a decision to`); a noun that is the object of a cue verb
    already belongs to that verb's attribution (`rejected the claim that`).
    """
    clause = _noun_clause(noun)
    if clause is None:
        clause = _copula_clause(noun)
    if clause is None:
        clause = _intended(noun)
    if clause is not None:
        content = _clause_span(clause)
    else:
        topic = _stance_topic(noun)
        if topic is None:
            return None
        content = _phrase_span(topic)
    head = noun.head
    if (head.idx, _end_of(head)) in taken:
        return None
    possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
    if possessor is not None:
        source = _span(possessor, cut_clauses=True)
    elif noun.dep_ == "dobj" and head.pos_ == "VERB":
        source = _source_of(head)
    else:
        source = None
    return Candidate((noun.idx, _end_of(noun)), source, [content],
                     noun.lemma_.lower(), noun.sent.start_char, 0.5 if source else 0.4,
                     pattern="noun")


def _stance_topic(noun):
    """`her support for the bill`: the object of the stance noun's preposition, or None."""
    if noun.pos_ != "NOUN":
        return None
    return _topic_of(noun, STANCE_NOUNS.get(noun.lemma_.lower()))


def _topic_of(word, prepositions: tuple[str, ...] | None):
    """The object of the word's preposition, if it is one of `prepositions`: what a stance is
    about ("support for the bill", "wary of the deal")."""
    if prepositions is None:
        return None
    prep = next((c for c in word.children if c.dep_ == "prep" and c.lower_ in prepositions),
                None)
    if prep is None:
        return None
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _intended(noun):
    """`his promise to build a wall`: the infinitive an intention noun carries, or None."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in INTENT_NOUNS:
        return None
    return next((c for c in noun.children if c.dep_ == "acl" and c.i > noun.i
                 and _is_infinitive(c)), None)


def _copula_clause(noun):
    """`The idea is that ...`: the clause after the copula the content noun is subject of."""
    head = noun.head
    if noun.dep_ != "nsubj" or head.lemma_ != "be" or noun.pos_ != "NOUN" or \
            noun.lemma_.lower() not in CONTENT_NOUNS:
        return None
    return next((c for c in head.children if c.dep_ == "ccomp" and c.i > head.i), None)


_COLON = frozenset({":"})
_LABEL_MAX_WORDS = 6
#: Labels of editorial furniture, never a speaker: "CORRECTION:", "Editor's note:".
_EDITORIAL_LABELS = frozenset("""
correction corrections clarification update updated note editor editor's related photo photos
video source sources readers reader stat week watch read more see also tip tips disclosure
""".split())


def _speaker_label(label: str, tokens) -> bool:
    """A person's name, a transcript's capitalised speaker (`TAPPER`) or an interview's Q/A."""
    words = label.split()
    if label.strip() in ("Q", "A"):
        return True
    if _editorial(words):
        return False
    if len(words) <= 3 and all(w.isalpha() and w.isupper() for w in words):
        return True
    if len(words) == 1 and words[0].lower() in _FINDING_SOURCES:
        return True  # a headline's "Poll: ..."
    return any(t.ent_type_ == "PERSON" for t in tokens)


def _editorial(words: list[str]) -> bool:
    return any(w.lower().removesuffix("'s").removesuffix("’s") in _EDITORIAL_LABELS
               for w in words)


def _headline_label(label: str, content_tokens) -> bool:
    """A headline's short capitalised name before a clause: "Sanders: Brexit could help Trump".

    The small model often tags a headline's first name as a common noun, so the spelling
    decides; the clause after the colon must have a verb (a market table's "Dow: DOWN 0.4
    percent" has none).
    """
    words = [w.removesuffix("'s").removesuffix("’s") for w in label.split()]
    return len(words) <= 3 and not _editorial(words) and all(
        w[:1].isupper() and w.isalpha() for w in words) and any(
        t.pos_ in ("VERB", "AUX") for t in content_tokens)


def _label_colons(doc, inside: _QuoteMap) -> list[Candidate]:
    """A paragraph opening `Label: text` - `Q: ...`, `SMITH: ...`, `Trump: 'We will win'`.

    The label is at most six words, starts with a capital, holds no verb of its own and names
    a person (or is an interview's `Q`/`A`): market tables ("Dow: UP 0.4 percent") and notes
    ("Correction: ...") are not attributions.
    """
    text = text_of(doc)
    candidates = []
    for token in _tokens_with(doc, _COLON):
        if token.text != ":" or inside.token_quoted(token):
            continue
        line_start = text.rfind("\n", 0, token.idx) + 1
        # "HEADLINE - Jane Doe: ..." labels with what follows the last dash
        dash = max(text.rfind(f" {mark} ", line_start, token.idx) for mark in "-–—")
        if dash >= 0:
            line_start = dash + 3
        label = text[line_start:token.idx]
        words = label.split()
        if not words or len(words) > _LABEL_MAX_WORDS + 2 or not words[0][:1].isupper():
            continue
        label_tokens = [t for t in doc[max(0, token.i - 12):token.i] if t.idx >= line_start]
        if any(t.pos_ == "VERB" for t in label_tokens):
            continue
        line_end = text.find("\n", token.idx)
        line_end = len(text) if line_end < 0 else line_end
        start, end = _trimmed(text, token.idx + 1, line_end)
        if len(text[start:end].split()) < 3:
            continue
        content_tokens = [t for t in doc[token.i + 1:token.i + 80] if t.idx < line_end]
        if not (_speaker_label(label, label_tokens) or _headline_label(label, content_tokens)):
            continue
        if len(words) > _LABEL_MAX_WORDS and not (
                label_tokens and label_tokens[-1].ent_type_ == "PERSON"):
            continue  # a longer label only when it ends in a name: "Former senator Jo Ann Lee:"
        source = _trimmed(text, line_start, token.idx)
        candidates.append(Candidate((token.idx, token.idx + 1), source, [(start, end)], ":",
                                    token.sent.start_char, 0.5, pattern="colon"))
    return candidates


_PHRASE_MATCHERS: dict[int, object] = {}


def _phrase_matcher(vocab):
    """One spaCy PhraseMatcher over `PHRASE_CUES` per vocabulary, matching case-insensitively."""
    matcher = _PHRASE_MATCHERS.get(id(vocab))
    if matcher is None:
        from spacy.matcher import PhraseMatcher
        from spacy.tokens import Doc

        matcher = PhraseMatcher(vocab, attr="LOWER")
        matcher.add("PHRASE_CUE", [Doc(vocab, words=phrase.split()) for phrase in PHRASE_CUES])
        _PHRASE_MATCHERS[id(vocab)] = matcher
    return matcher


def _phrase_content(first, phrase_end: int) -> list[tuple[int, int]]:
    """The clause an `according to X` phrase qualifies: its sentence on both sides of the phrase."""
    sent = first.sent
    text = text_of(sent.doc)
    start, end = _trimmed(text, sent.start_char, sent.end_char)
    pieces = [_trimmed(text, start, first.idx), _trimmed(text, phrase_end, end)]
    return [(a, b) for a, b in pieces if b - a > 3]


def _attach_quotations(doc, quotations, candidates: list[Candidate], inside: _QuoteMap) -> None:
    """Tie each quotation to the cue whose content holds it, or to the cue hugging it.

    A quotation with no cue of its own that continues an attributed one - after the cue in the
    same paragraph ("A," he said. "B.") or opening the next paragraph - joins it as a fragment.
    A short quotation ("Absolutely," he said) counts only when a cue hugs it; a short one
    without (a title, a scare quote) stays unattributed.
    """
    by_quote: dict[int, Candidate] = {}
    index_of = _Candidates(candidates)
    text = text_of(doc)
    for index, quote in enumerate(quotations):
        owner = _owner_of(quote, index_of.near(quote.start, quote.end))
        speech = _is_speech(text, quote)
        if owner is None:
            owner = _quote_cue(doc, quote, index_of, inside, speech)
        if owner is None and index - 1 in by_quote and (speech or _opens_sentence(
                text, quote)) and _continues(text, quotations[index - 1], quote,
                                             by_quote[index - 1]):
            owner = by_quote[index - 1]
        if owner is None:
            continue
        by_quote[index] = owner
        owner.quotes.append(index)
    for candidate in candidates:
        if candidate.quotes:
            _merge_quotes(text, candidate, [quotations[i] for i in candidate.quotes])


_SMALL_WORDS = frozenset("a an the of and or for in on at to by with from as".split())


def _is_speech(text: str, quote: Quotation) -> bool:
    """False for titles and scare quotes: fewer than four words, or Title Case throughout."""
    words = text[quote.inner_start:quote.inner_end].split()
    if len(words) < 4:
        return False
    if len(words) <= 10 and all(w[:1].isupper() or w.lower() in _SMALL_WORDS or
                                not w[:1].isalpha() for w in words):
        return False
    return True


def _opens_sentence(text: str, quote: Quotation) -> bool:
    return text[max(0, quote.start - 3):quote.start].rstrip().endswith((".", "!", "?"))


def _owner_of(quote: Quotation, candidates: list[Candidate]) -> Candidate | None:
    """The candidate whose content covers most of the quotation (at least half).

    Ties go to the smallest content: the innermost clause quoting it ("added there was
    'optimism'" rather than the sentence-wide "said ... and added ...").
    """
    best, best_key = None, None
    size = quote.end - quote.start
    for candidate in candidates:
        overlap = sum(_overlap((quote.start, quote.end), piece) for piece in candidate.content)
        if overlap * 2 < size or overlap == 0:
            continue
        key = (overlap, -sum(e - s for s, e in candidate.content))
        if best_key is None or key > best_key:
            best, best_key = candidate, key
    return best


def _quote_cue(doc, quote: Quotation, candidates, inside: _QuoteMap,
               speech: bool) -> Candidate | None:
    """The cue of a quotation no clause holds.

    First a cue hugging it - `"...," X said`, `X said, "..."` - looked for across the sentence
    split the parser often makes at the closing mark; then (for a quotation that reads as
    speech) any speech verb of its sentence, or the clause it follows after a colon.
    """
    text = text_of(doc)
    first = _token_in(doc, quote.inner_start, quote.inner_end, forward=True)
    last = _token_in(doc, quote.inner_start, quote.inner_end, forward=False)
    if first is None or last is None:
        return None
    sentences = _sentences_around(doc, first.sent, last.sent, quote)
    verbs = [t for sent in sentences for t in sent if _quote_verb(t, inside)]
    after = [t for t in verbs if t.idx >= quote.end and _hugs_after(doc, quote, t)]
    before = [t for t in verbs if t.idx < quote.start and _hugs_before(text, t, quote)]
    if after or before:
        candidate = _candidate_for((after[:1] or before[-1:])[0], quote, candidates)
        candidate.hugged = True
        return candidate
    if not speech:
        return None
    sentence_starts = {first.sent.start, last.sent.start}
    verbs = [t for t in verbs if t.sent.start in sentence_starts and t.lemma_.lower()
             in SPEECH_VERBS]
    if verbs:
        verb = min(verbs, key=lambda t: min(abs(t.idx - quote.start), abs(t.idx - quote.end)))
        return _candidate_for(verb, quote, candidates)
    return _colon_cue(doc, first, quote, candidates, inside)


def _quote_verb(token, inside: _QuoteMap) -> bool:
    if token.pos_ != "VERB" or inside.token_quoted(token):
        return False
    return token.lemma_.lower() in QUOTE_VERBS or _is_phrasal_speech(token)


def _is_phrasal_speech(token) -> bool:
    """"as the senator put it, ..." and "pointed out, ..." are speech cues; "put", "point" alone
    are not."""
    lemma = token.lemma_.lower()
    return (lemma == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)
            ) or (lemma == "point" and any(c.dep_ == "prt" and c.lower_ == "out"
                                           for c in token.children))


def _sentences_around(doc, first_sent, last_sent, quote: Quotation) -> list:
    """The quotation's sentences plus the ones touching it across a mere space."""
    text = text_of(doc)
    sentences = [first_sent] if first_sent.start == last_sent.start else [first_sent, last_sent]
    previous = _previous_sentence(doc, first_sent)
    if previous is not None and _blank_within_line(text, previous.end_char, quote.start):
        sentences.insert(0, previous)
    if last_sent.end < len(doc):
        following = doc[last_sent.end].sent
        if _blank_within_line(text, quote.end, following.start_char):
            sentences.append(following)
    return sentences


def _blank_within_line(text: str, start: int, end: int) -> bool:
    gap = text[start:end] if start <= end else ""
    return "\n" not in gap and not gap.strip(" \u00a0\"”’'")


_CLAUSE_END = (",", "?", "!", "—", "–", "-", "…")
_BREAKS = frozenset(".!?;\"“”")


def _hugs_after(doc, quote: Quotation, verb) -> bool:
    """`"...," he said` / `"...!" shouted the crowd`: a short stretch, no sentence break."""
    text = text_of(doc)
    inner = text[quote.inner_start:quote.inner_end].rstrip(" '’")
    between = [t for t in doc[_index_after(doc, quote.end):verb.i] if not t.is_space]
    if len(between) > 9 or any(t.text in _BREAKS or "\n" in t.text for t in between):
        return False
    closes_clause = inner.endswith(_CLAUSE_END) or text[quote.end:verb.idx].lstrip().startswith(",")
    return closes_clause or (inner.endswith(".") and len(between) <= 4 and
                             (not between or between[0].is_lower or verb.i == between[0].i))


def _hugs_before(text: str, verb, quote: Quotation) -> bool:
    """`X said, "..."` / `X told reporters: "..."`: at most a few words between cue and mark."""
    gap = text[verb.idx + len(verb.text):quote.start]
    if any(c in _BREAKS or c == "\n" for c in gap) or len(gap.split()) > 4:
        return False
    if gap.rstrip().endswith((",", ":")):
        return True
    # `chanted "What curfew?"`, `asked the crowd "Can we ...?"`: a whole quoted sentence (not a
    # title: "praised the film 'Blue Harbour'") right after the cue or a short object.
    inner = text[quote.inner_start:quote.inner_end].rstrip()
    sentence = inner[:1].isupper() and (inner.endswith(("?", "!", ".")) or len(inner.split()) > 6)
    return len(gap.split()) <= 3 and sentence and verb.lemma_.lower() in SPEECH_VERBS


def _index_after(doc, offset: int) -> int:
    token = _token_in(doc, offset, len(text_of(doc)), forward=True)
    return token.i if token is not None else len(doc)


def _colon_cue(doc, first, quote: Quotation, candidates, inside) -> Candidate | None:
    """A quotation after a colon: `Smith: "..."`, `He made the following comment: "..."`."""
    text = text_of(doc)
    colon = _token_in(doc, max(0, quote.start - 3), quote.start, forward=False)
    if colon is None or colon.text != ":":
        previous = _previous_sentence(doc, first.sent)
        if previous is None or not previous.text.rstrip().endswith(":"):
            return None
        colon = previous[-1]
    start = colon.sent.start
    while start < colon.i and "\n" in text[doc[start].idx:colon.idx]:
        start += 1  # the introduction starts on the colon's own line
    clause = doc[start:colon.i] if start < colon.i else None
    if clause is None:
        return None
    verbs = [t for t in clause if t.pos_ in ("VERB", "AUX") and not inside.token_quoted(t)
             and t.lemma_.lower() in CUE_VERBS]
    if verbs:
        return _candidate_for(verbs[-1], quote, candidates)
    root = clause.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and root.pos_ in ("VERB", "AUX") and not inside.token_quoted(root):
        source = _span(subject, cut_clauses=True)
        cue = (root.idx, root.idx + len(root.text))
    else:
        names = [t for t in clause if t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PROPN"]
        if not names or len(clause) > 8:
            return None
        source = (names[0].idx, names[-1].idx + len(names[-1].text))
        cue = (colon.idx, colon.idx + 1)
    if cue in candidates.by_cue:
        return candidates.by_cue[cue]
    candidate = Candidate(cue, source, [(quote.start, quote.end)], text[cue[0]:cue[1]].lower()
                          if cue[1] - cue[0] > 1 else ":", colon.sent.start_char, 0.6,
                          pattern="colon")
    candidates.add(candidate)
    return candidate


def _candidate_for(verb, quote: Quotation, candidates: _Candidates) -> Candidate:
    """The candidate already built for `verb`, or a new one whose content is the quotation."""
    cue = (verb.idx, verb.idx + len(verb.text))
    if cue in candidates.by_cue:
        return candidates.by_cue[cue]
    candidate = Candidate(cue, _source_of(verb), [(quote.start, quote.end)], verb.lemma_.lower(),
                          verb.sent.start_char, 0.8, pattern="quote",
                          antecedent=_antecedent_of(verb))
    candidates.add(candidate)
    return candidate


def _continues(text: str, previous: Quotation, quote: Quotation, owner: Candidate) -> bool:
    """True when `quote` carries on the speech of the attributed quotation before it."""
    between = text[previous.end:quote.start]
    if len(between) > 400:
        return False
    if "\n" not in between:
        # "A," he said, a long description. "B." - the cue sits between the two, and no other
        # sentence ("A," he said. She shook her head. "B.") comes after the cue's own.
        return owner.cue is not None and previous.end <= owner.cue[0] < quote.start and \
            _sentence_ends(text[owner.cue[1]:quote.start]) <= 1
    # A new paragraph that opens with the quotation, right after the attributed paragraph
    # whose remainder is at most the cue's own sentence ("A," he said.), not a sentence of
    # narration ("A." She is 45.).
    rest, _, gap = between.partition("\n")
    cue_in_rest = owner.cue is not None and 0 <= owner.cue[0] - previous.end < len(rest)
    return between.count("\n") <= 2 and not gap.strip() and \
        _sentence_ends(rest) <= (1 if cue_in_rest else 0)


# From the start of a word only: a match can always begin there, and a scan from every
# character of a long word would be quadratic in its length.
_SENTENCE_END = re.compile(r"(?<!\S)(\S*)[.!?](?:\s|$)")


def _sentence_ends(text: str) -> int:
    """Full stops in `text` that end a sentence, not an abbreviation (`Sen.`, `D-Ind.`, `J.`)."""
    return sum(1 for m in _SENTENCE_END.finditer(text)
               if not (m.group(1)[-4:].istitle() or len(m.group(1)) == 1))


def _merge_quotes(text: str, candidate: Candidate, quotes: list[Quotation]) -> None:
    """Make the quotations the content, or part of it when the clause reaches beyond them."""
    pieces = [p for q in quotes for p in (q.fragments or ((q.start, q.end),))]
    content = candidate.content
    covered = sum(_overlap(c, p) for c in content for p in pieces)
    content_size = sum(e - s for s, e in content)
    hugging = candidate.cue is not None and any(_hugs(text, candidate.cue, q) for q in quotes)
    if covered >= 0.8 * content_size or not content or hugging:
        candidate.content = sorted(pieces)
    else:
        extra = [p for p in pieces if not any(_overlap(p, c) for c in content)]
        candidate.content = sorted(content + extra)
    candidate.confidence = max(candidate.confidence, 0.9 if candidate.source else 0.7)


def _hugs(text: str, cue: tuple[int, int], quote: Quotation) -> bool:
    """The quotation sits right against its cue: `replied, "..."` or `"...," he said`."""
    if 0 <= quote.start - cue[1] <= 3:
        return text[cue[1]:quote.start].strip() in ("", ",", ":")
    gap = text[quote.end:cue[0]]
    ends_clause = text[quote.inner_start:quote.inner_end].rstrip().endswith(
        _CLAUSE_END) or gap.startswith(",")
    before = text[max(0, quote.start - 200):quote.start]
    starts_sentence = not re.split(r"[.!?:\n]", before)[-1].strip()
    return starts_sentence and ends_clause and 0 <= len(gap) <= 60 and \
        not any(c in _BREAKS or c == "\n" for c in gap)


def _substantial(text: str, candidate: Candidate) -> bool:
    """Drop contents of fewer than two words (scare quotes, titles) unless a cue hugs them."""
    if candidate.hugged:
        return True
    words = sum(len(text[s:e].split()) for s, e in candidate.content)
    return words >= 2


def _span(token, exclude=None, cut_clauses: bool = False) -> tuple[int, int]:
    """Character span of a token's subtree, optionally without one child's subtree or clauses."""
    tokens = list(token.subtree)
    if exclude is not None:
        skip = {t.i for t in exclude.subtree}
        # Keep only the contiguous run on the far side of the excluded cue.
        if exclude.i > token.i:
            tokens = [t for t in tokens if t.i < exclude.left_edge.i]
        else:
            tokens = [t for t in tokens if t.i > exclude.right_edge.i]
        tokens = [t for t in tokens if t.i not in skip] or [token]
    if cut_clauses:
        # Relative clauses and comma-set appositions are not part of the name:
        # "Witkoff, who met Putin," -> "Witkoff"; but "the economist Jared Cole" stays whole.
        cut = [c for c in token.children if c.i > token.i and (
            c.dep_ in ("relcl", "acl", "advcl", "punct")
            or (c.dep_ == "appos" and c.left_edge.i > 0
                and c.doc[c.left_edge.i - 1].text in (",", "(", "—", "–")))]
        if cut:
            limit = min(c.left_edge.i for c in cut)
            tokens = [t for t in tokens if t.i < limit] or [token]
    start = tokens[0].idx
    last = tokens[-1]
    return _trimmed(text_of(token.doc), start, last.idx + len(last.text))


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    return start, end


def _token_in(doc, start: int, end: int, forward: bool):
    """The first (or last) non-space token starting within [start, end) of the text."""
    text = text_of(doc)
    offsets = range(start, end) if forward else range(end - 1, start - 1, -1)
    for offset in offsets:
        if not text[offset].isspace():
            span = doc.char_span(offset, offset + 1, alignment_mode="expand")
            return span[0] if span is not None and len(span) else None
    return None


def _previous_sentence(doc, sent):
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1]
    while previous.is_space and previous.i > 0:
        previous = doc[previous.i - 1]
    return previous.sent


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return _overlap(a, b) > 0
