"""Tie quotations to their cues: the clause that holds them, the verb that hugs them, the
introduction before a colon, or the attributed quotation they continue.

A quotation no construction's content holds is given the cue hugging it (`"...," X said`,
`X said, "..."`), looked for across the sentence split the parser often makes at the closing
mark; failing that, for a quotation that reads as speech, any speech verb of its sentence or the
clause it follows after a colon. A quotation continuing an attributed one ("A," he said. "B.")
joins it as a fragment. A short quotation ("Absolutely," he said) counts only when a cue hugs
it; a short one without (a title, a scare quote) stays unattributed.
"""

from __future__ import annotations

import re

from sourcescore.analysis.attribution.constructions import (
    Candidate,
    Construction,
    Example,
    always,
)
from sourcescore.analysis.attribution.grammar import Token, is_phrasal_speech
from sourcescore.analysis.attribution.indexes import CandidateIndex, QuoteMap
from sourcescore.analysis.attribution.spans import (
    Span,
    end_of,
    overlap,
    previous_sentence,
    span,
    text_of,
    token_in,
)
from sourcescore.analysis.attribution.speakers import antecedent_of, source_of
from sourcescore.analysis.lexicon import CUE_VERBS, QUOTE_VERBS, SPEECH_VERBS
from sourcescore.model import Quotation

#: The confidence an attribution has at least once its content is a quotation.
QUOTED_CONFIDENCE = (0.9, 0.7)


def attach_quotations(doc, quotations: tuple[Quotation, ...], candidates: list[Candidate],
                      inside: QuoteMap, enabled: frozenset[str] | None = None) -> None:
    """Tie each quotation to the cue whose content holds it, the cue hugging it, or the
    attributed quotation it continues; then make the quotations the contents. New candidates
    come only from the `enabled` constructions (default: both of this module's)."""
    by_quote: dict[int, Candidate] = {}
    index_of = CandidateIndex(candidates, enabled)
    text = text_of(doc)
    for index, quote in enumerate(quotations):
        owner = _owner_of(quote, index_of.near(quote.start, quote.end))
        speech = reads_as_speech(text, quote)
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


def reads_as_speech(text: str, quote: Quotation) -> bool:
    """False for titles and scare quotes: fewer than four words, or Title Case throughout."""
    words = text[quote.inner_start:quote.inner_end].split()
    if len(words) < 4:
        return False
    return not (len(words) <= 10 and all(w[:1].isupper() or w.lower() in _SMALL_WORDS or
                                         not w[:1].isalpha() for w in words))


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
        covered = sum(overlap((quote.start, quote.end), piece) for piece in candidate.content)
        if covered * 2 < size or covered == 0:
            continue
        key = (covered, -sum(e - s for s, e in candidate.content))
        if best_key is None or key > best_key:
            best, best_key = candidate, key
    return best


def _quote_cue(doc, quote: Quotation, candidates: CandidateIndex, inside: QuoteMap,
               speech: bool) -> Candidate | None:
    """The cue of a quotation no clause holds: first one hugging it, then (for a quotation
    that reads as speech) a speech verb of its sentence, or the clause before its colon."""
    first = token_in(doc, quote.inner_start, quote.inner_end, forward=True)
    last = token_in(doc, quote.inner_start, quote.inner_end, forward=False)
    if first is None or last is None:
        return None
    sentences = _sentences_around(doc, first.sent, last.sent, quote)
    verbs = [t for sent in sentences for t in sent if _quote_verb(t, inside)]
    hugging = _hugging_verb(doc, quote, verbs)
    if hugging is not None:
        candidate = _candidate_for(hugging, quote, candidates)
        if candidate is not None:
            candidate.hugged = True
        return candidate
    if not speech:
        return None
    starts = {first.sent.start, last.sent.start}
    verbs = [t for t in verbs if t.sent.start in starts and t.lemma_.lower() in SPEECH_VERBS]
    if verbs:
        verb = min(verbs, key=lambda t: min(abs(t.idx - quote.start), abs(t.idx - quote.end)))
        return _candidate_for(verb, quote, candidates)
    return _colon_cue(doc, first, quote, candidates, inside)


def _hugging_verb(doc, quote: Quotation, verbs: list) -> Token | None:
    """`"...," X said` (the first such verb after) or `X said, "..."` (the last before)."""
    text = text_of(doc)
    after = [t for t in verbs if t.idx >= quote.end and _hugs_after(doc, quote, t)]
    if after:
        return after[0]
    before = [t for t in verbs if t.idx < quote.start and _hugs_before(text, t, quote)]
    return before[-1] if before else None


def _quote_verb(token: Token, inside: QuoteMap) -> bool:
    if token.pos_ != "VERB" or inside.token_quoted(token):
        return False
    return token.lemma_.lower() in QUOTE_VERBS or is_phrasal_speech(token)


def _sentences_around(doc, first_sent, last_sent, quote: Quotation) -> list:
    """The quotation's sentences plus the ones touching it across a mere space."""
    text = text_of(doc)
    sentences = [first_sent] if first_sent.start == last_sent.start else [first_sent, last_sent]
    previous = previous_sentence(doc, first_sent)
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


def _hugs_after(doc, quote: Quotation, verb: Token) -> bool:
    """`"...," he said` / `"...!" shouted the crowd`: a short stretch, no sentence break."""
    text = text_of(doc)
    inner = text[quote.inner_start:quote.inner_end].rstrip(" '’")
    between = [t for t in doc[_index_after(doc, quote.end):verb.i] if not t.is_space]
    if len(between) > 9 or any(t.text in _BREAKS or "\n" in t.text for t in between):
        return False
    closes_clause = inner.endswith(_CLAUSE_END) or \
        text[quote.end:verb.idx].lstrip().startswith(",")
    return closes_clause or (inner.endswith(".") and len(between) <= 4 and
                             (not between or between[0].is_lower or verb.i == between[0].i))


def _hugs_before(text: str, verb: Token, quote: Quotation) -> bool:
    """`X said, "..."` / `X told reporters: "..."`: at most a few words between cue and mark."""
    gap = text[end_of(verb):quote.start]
    if any(c in _BREAKS or c == "\n" for c in gap) or len(gap.split()) > 4:
        return False
    if gap.rstrip().endswith((",", ":")):
        return True
    # `asked the crowd "Can we ...?"`: a whole quoted sentence (not a title: "praised the film
    # 'Blue Harbour'") right after a speech cue or a short object.
    inner = text[quote.inner_start:quote.inner_end].rstrip()
    sentence = inner[:1].isupper() and (inner.endswith(("?", "!", ".")) or len(inner.split()) > 6)
    return len(gap.split()) <= 3 and sentence and verb.lemma_.lower() in SPEECH_VERBS


def _index_after(doc, offset: int) -> int:
    token = token_in(doc, offset, len(text_of(doc)), forward=True)
    return token.i if token is not None else len(doc)


def _colon_cue(doc, first: Token, quote: Quotation, candidates: CandidateIndex,
               inside: QuoteMap) -> Candidate | None:
    """A quotation after a colon: `Smith: "..."`, `He made the following comment: "..."`."""
    colon = _colon_before(doc, first, quote)
    if colon is None:
        return None
    clause = _introduction(doc, colon)
    if clause is None:
        return None
    verbs = [t for t in clause if t.pos_ in ("VERB", "AUX") and not inside.token_quoted(t)
             and t.lemma_.lower() in CUE_VERBS]
    if verbs:
        return _candidate_for(verbs[-1], quote, candidates)
    introduced = _introducer(clause, colon, inside)
    if introduced is None:
        return None
    cue, source = introduced
    if cue in candidates.by_cue:
        return candidates.by_cue[cue]
    if not candidates.allows(COLON_INTRODUCTION):
        return None
    text = text_of(doc)
    candidate = Candidate(cue, source, [(quote.start, quote.end)],
                          text[cue[0]:cue[1]].lower() if cue[1] - cue[0] > 1 else ":",
                          COLON_INTRODUCTION, COLON_INTRODUCTION.confidence_for(source))
    candidates.add(candidate)
    return candidate


def _colon_before(doc, first: Token, quote: Quotation) -> Token | None:
    """The colon right before the quotation, or ending the sentence before it."""
    colon = token_in(doc, max(0, quote.start - 3), quote.start, forward=False)
    if colon is not None and colon.text == ":":
        return colon
    previous = previous_sentence(doc, first.sent)
    if previous is None or not previous.text.rstrip().endswith(":"):
        return None
    return previous[-1]


def _introduction(doc, colon: Token):
    """The stretch introducing the quotation: from the colon's line start to the colon."""
    text = text_of(doc)
    start = colon.sent.start
    while start < colon.i and "\n" in text[doc[start].idx:colon.idx]:
        start += 1  # the introduction starts on the colon's own line
    return doc[start:colon.i] if start < colon.i else None


def _introducer(clause, colon: Token, inside: QuoteMap) -> tuple[Span, Span] | None:
    """(cue, source) of an introduction without a cue verb: its verb and subject, or a short
    name before the colon (`Smith: "..."`)."""
    root = clause.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and root.pos_ in ("VERB", "AUX") and not inside.token_quoted(root):
        return (root.idx, end_of(root)), span(subject, cut_clauses=True)
    names = [t for t in clause if t.ent_type_ in ("PERSON", "ORG") or t.pos_ == "PROPN"]
    if not names or len(clause) > 8:
        return None
    return (colon.idx, colon.idx + 1), (names[0].idx, end_of(names[-1]))


def _candidate_for(verb: Token, quote: Quotation,
                   candidates: CandidateIndex) -> Candidate | None:
    """The candidate already built for `verb`, or a new one whose content is the quotation."""
    cue = (verb.idx, end_of(verb))
    if cue in candidates.by_cue:
        return candidates.by_cue[cue]
    if not candidates.allows(QUOTATION_CUE):
        return None
    source = source_of(verb)
    candidate = Candidate(cue, source, [(quote.start, quote.end)], verb.lemma_.lower(),
                          QUOTATION_CUE, QUOTATION_CUE.confidence_for(source),
                          antecedent=antecedent_of(verb))
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
            sentence_ends(text[owner.cue[1]:quote.start]) <= 1
    # A new paragraph that opens with the quotation, right after the attributed paragraph
    # whose remainder is at most the cue's own sentence ("A," he said.), not a sentence of
    # narration ("A." She is 45.).
    rest, _, gap = between.partition("\n")
    cue_in_rest = owner.cue is not None and 0 <= owner.cue[0] - previous.end < len(rest)
    return between.count("\n") <= 2 and not gap.strip() and \
        sentence_ends(rest) <= (1 if cue_in_rest else 0)


# From the start of a word only: a match can always begin there, and a scan from every
# character of a long word would be quadratic in its length.
_SENTENCE_END = re.compile(r"(?<!\S)(\S*)[.!?](?:\s|$)")


def sentence_ends(text: str) -> int:
    """Full stops in `text` that end a sentence, not an abbreviation (`Sen.`, `D-Ind.`, `J.`)."""
    return sum(1 for m in _SENTENCE_END.finditer(text)
               if not (m.group(1)[-4:].istitle() or len(m.group(1)) == 1))


def _merge_quotes(text: str, candidate: Candidate, quotes: list[Quotation]) -> None:
    """Make the quotations the content, or part of it when the clause reaches beyond them."""
    pieces = [p for q in quotes for p in (q.fragments or ((q.start, q.end),))]
    hugging = candidate.cue is not None and any(_hugs(text, candidate.cue, q) for q in quotes)
    candidate.content = _merged(candidate.content, pieces, hugging)
    floor = QUOTED_CONFIDENCE[0] if candidate.source else QUOTED_CONFIDENCE[1]
    candidate.confidence = max(candidate.confidence, floor)


def _merged(content: list[Span], pieces: list[Span], hugging: bool) -> list[Span]:
    """The quotation pieces alone when they are (nearly) all the content or hug the cue; else
    the content with the pieces it does not reach added."""
    covered = sum(overlap(c, p) for c in content for p in pieces)
    if covered >= 0.8 * sum(e - s for s, e in content) or not content or hugging:
        return sorted(pieces)
    extra = [p for p in pieces if not any(overlap(p, c) for c in content)]
    return sorted(content + extra)


def _hugs(text: str, cue: Span, quote: Quotation) -> bool:
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


def substantial(text: str, candidate: Candidate) -> bool:
    """Drop contents of fewer than two words (scare quotes, titles) unless a cue hugs them."""
    if candidate.hugged:
        return True
    return sum(len(text[s:e].split()) for s, e in candidate.content) >= 2


QUOTATION_CUE = Construction(
    "quotation-cue", "quotations", "quote",
    "a quotation no clause holds, tied to the verb hugging it or a speech verb of its sentence",
    QUOTE_VERBS, always, (0.8, 0.8),
    examples=(Example('"Absolutely not," replied the governor.', cue="replied",
                      source="the governor", content='"Absolutely not,"'),
              Example('The crowd chanted, "What curfew?"', cue="chanted", source="The crowd",
                      content='"What curfew?"')),
    counterexamples=('The band played "Blue Harbour" at the fair.',))
COLON_INTRODUCTION = Construction(
    "colon-introduction", "quotations", "colon",
    "a quotation after an introduction ending in a colon: Smith: \"...\", "
    "He made this comment: \"...\"",
    frozenset({":"}), always, (0.6, 0.6),
    examples=(Example('His answer was brief: "We will fix the roads this year."', cue="was",
                      source="His answer", content='"We will fix the roads this year."'),),
    counterexamples=("The senator made one promise: fixing the roads.",))
