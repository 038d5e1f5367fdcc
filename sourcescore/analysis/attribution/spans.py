"""Character spans from the parse: the text a token, a phrase or a clause covers.

Every span is a `(start, end)` pair of offsets into the document's text. The builders here know
nothing of attribution; they cut phrases the way news text needs (a relative clause is not part
of a speaker's name, a comma-set aside is not part of what they said).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sourcescore.analysis.attribution.grammar import (
    CUE_LEMMAS_ALL,
    WH_TAGS,
    is_cue_conjunct,
    is_infinitive,
)

Span = tuple[int, int]
Token = Any  # spaCy's Token: the package is typed without importing spaCy at load time

#: Characters trimmed from the edges of every span.
EDGE_PUNCT = frozenset(" \n\t,;:—–-")


def text_of(doc) -> str:
    """The document's text, computed once: spaCy's `Doc.text` re-joins every token per access."""
    text = doc.user_data.get("sourcescore_text")
    if text is None:
        text = doc.user_data["sourcescore_text"] = doc.text
    return text


_WORD_IDS: dict[frozenset, Any] = {}  # word set -> sorted array of its string hashes


def tokens_with(doc, words: frozenset, attr: str = "LEMMA_OR_LOWER") -> list:
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


def end_of(token: Token) -> int:
    return token.idx + len(token.text)


def trimmed(text: str, start: int, end: int) -> Span:
    """Without edge punctuation or any white space (a no-break space after "person" too)."""
    while start < end and (text[start] in EDGE_PUNCT or text[start].isspace()):
        start += 1
    while end > start and (text[end - 1] in EDGE_PUNCT or text[end - 1].isspace()):
        end -= 1
    return start, end


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def overlaps(a: Span, b: Span) -> bool:
    return overlap(a, b) > 0


def token_in(doc, start: int, end: int, forward: bool):
    """The first (or last) non-space token starting within [start, end) of the text."""
    text = text_of(doc)
    offsets = range(start, end) if forward else range(end - 1, start - 1, -1)
    for offset in offsets:
        if not text[offset].isspace():
            found = doc.char_span(offset, offset + 1, alignment_mode="expand")
            return found[0] if found is not None and len(found) else None
    return None


def previous_sentence(doc, sent):
    if sent.start == 0:
        return None
    previous = doc[sent.start - 1]
    while previous.is_space and previous.i > 0:
        previous = doc[previous.i - 1]
    return previous.sent


def span(token: Token, exclude: Token | None = None, cut_clauses: bool = False) -> Span:
    """Character span of a token's subtree, optionally without one child's subtree or clauses."""
    tokens = list(token.subtree)
    if exclude is not None:
        tokens = _beside(tokens, token, exclude)
    if cut_clauses:
        tokens = _without_clauses(tokens, token)
    return trimmed(text_of(token.doc), tokens[0].idx, end_of(tokens[-1]))


def _beside(tokens: list, token: Token, exclude: Token) -> list:
    """The contiguous run of `tokens` on the far side of the excluded subtree (a cue)."""
    skip = {t.i for t in exclude.subtree}
    if exclude.i > token.i:
        tokens = [t for t in tokens if t.i < exclude.left_edge.i]
    else:
        tokens = [t for t in tokens if t.i > exclude.right_edge.i]
    return [t for t in tokens if t.i not in skip] or [token]


def _without_clauses(tokens: list, token: Token) -> list:
    """Relative clauses and comma-set appositions are not part of a name: "Witkoff, who met
    Putin," -> "Witkoff"; but "the economist Jared Cole" stays whole."""
    cut = [c for c in token.children if c.i > token.i and not _bare_participle(c, token) and (
        c.dep_ in ("relcl", "acl", "advcl", "punct")
        or (c.dep_ == "appos" and c.left_edge.i > 0
            and c.doc[c.left_edge.i - 1].text in (",", "(", "—", "–")))]
    if not cut:
        return tokens
    limit = min(c.left_edge.i for c in cut)
    return [t for t in tokens if t.i < limit] or [token]


def _bare_participle(child: Token, token: Token) -> bool:
    """"those surveyed", "the voters polled": a participle alone right after its noun is part
    of the name of the group, not a clause about it."""
    return child.dep_ == "acl" and child.tag_ == "VBN" and child.i == token.i + 1 and \
        not any(True for _ in child.children)


_CONCESSIVE = frozenset({"although", "though", "whereas"})


def clause_span(root: Token, after: int = -1) -> Span:
    """A complement clause without a trailing concessive ("| even though ...") or dash aside.

    Coordinated verbs stay: cutting them cost more matches than it won on PolNeAR dev.
    Only tokens after index `after` count: in "information that officials said would harm",
    the relative pronoun is the clause's subject but sits before the cue.
    """
    stop = root.right_edge.i + 1
    for child in root.children:
        if child.i > root.i:
            stop = min(stop, _clause_stop(root, child))
    tokens = without_trailing_aside([t for t in root.subtree if after < t.i < stop])
    return trimmed(text_of(root.doc), tokens[0].idx, end_of(tokens[-1]))


def _clause_stop(root: Token, child: Token) -> int:
    """Where a clause's content ends because of `child`, or past its end when it does not."""
    concessive = child.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in child.children)
    dash = child.dep_ in ("punct", "appos", "parataxis") and child.text in ("—", "–", "--")
    if concessive or dash or trailing_participle(child):
        return child.left_edge.i
    if is_cue_conjunct(child) and not (child.tag_ == "VB" and is_infinitive(root)):
        # "said that A and asked whether B": the second cue is the speaker's, not the content;
        # but "to threaten or declare ..." keeps its coordinated infinitive
        return conjunction_start(child)
    return root.right_edge.i + 1


_ASIDE_PREPOSITIONS = frozenset({"with", "including", "compared", "along", "despite", "amid"})
_ASIDE_MARKS = frozenset({"while", "when", "as", "even", "whereas", "although", "though"})


def without_trailing_aside(tokens: list) -> list:
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


def _is_next_act(conj: Token) -> bool:
    """`... and emphasizing the need`: a cue participle joined to the content is the speaker's
    next act (the parser joins it to the nearest participle)."""
    return conj.dep_ == "conj" and conj.tag_ == "VBG" and conj.lemma_ in CUE_LEMMAS_ALL


def phrase_span(token: Token) -> Span:
    """A noun phrase's span as content: its subtree without a trailing comma-set aside."""
    tokens = without_trailing_aside(list(token.subtree))
    return trimmed(text_of(token.doc), tokens[0].idx, end_of(tokens[-1]))


def _subtree_root_starting_at(token: Token):
    """The highest token whose subtree starts at `token` (the phrase `token` opens)."""
    root = token
    while root.head.i != root.i and root.head.left_edge.i == token.i:
        root = root.head
    return root if root.left_edge.i == token.i else None


def _is_aside(root: Token, first: Token) -> bool:
    if root.dep_ == "relcl" or first.tag_ in WH_TAGS:
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


def conjunction_start(conj: Token) -> int:
    """Index of the first token of a conjunct, with its comma and conjunction."""
    start = conj.left_edge.i
    doc = conj.doc
    while start > 0 and (doc[start - 1].dep_ == "cc" or doc[start - 1].text == ","):
        start -= 1
    return start


def trailing_participle(child: Token) -> bool:
    """`..., calling it a disgrace`: a comma-set cue participle after the content is the
    speaker's next act, not the content (the parser hangs it on the content's verb)."""
    before = child.doc[max(0, child.left_edge.i - 2):child.left_edge.i]  # `,` or `,"`
    return child.dep_ in ("advcl", "conj", "xcomp") and child.tag_ == "VBG" and \
        child.lemma_ in CUE_LEMMAS_ALL and any(t.text == "," for t in before)


def around(head: Token, cue: Token) -> list[Span]:
    """The head's subtree on both sides of the cue's own subtree, as one or two fragments."""
    text = text_of(head.doc)
    left = [t for t in head.subtree if t.i < cue.left_edge.i]
    right = [t for t in head.subtree if t.i > cue.right_edge.i]
    pieces = []
    for run in (left, right):
        if run:
            start, end = trimmed(text, run[0].idx, end_of(run[-1]))
            if end - start > 2:
                pieces.append((start, end))
    return pieces or [span(head, exclude=cue)]


def first(tokens, test: Callable[[Token], bool]):
    """The first token passing `test`, or None."""
    return next((t for t in tokens if test(t)), None)
