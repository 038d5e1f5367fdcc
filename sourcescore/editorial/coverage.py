"""What sources a claim, as a standards editor reads it: speech or evidence that says it.

A claim in a sentence is covered by an attribution that reports speech or writing, or a
document, poll, count or filing, and that

* `says-it` - holds the claim in its content ("X said [the claim]", "according to X, [...]"),
  makes the whole sentence reported speech ("[...], officials said"), or vouches for the
  whole sentence as "according to X" does, whatever part of it the extractor took for the
  content ("'...,' he told aides, according to X");
* `continues` - is the reported speech of the sentence before, in the same paragraph, which
  this sentence carries on without a source of its own (a speaker's running paraphrase);
* `lead-in` - opens the paragraph and names where what follows comes from ("based on an AP
  count", "according to FEC filings", "the report found");
* `evidence` - for a figure: a document, poll or data source named in the story whose
  subject the figure's sentence shares ("the filings" for the donations they list).

A stance or wish the reporter ascribes ("Putin wants ...", "X backs the bill") never covers a
claim: it is a claim itself; a named holder's view ("Wines believes that ...") covers what it
holds. Nor does a vague group ("critics say", "many agreed") or an
attribution without a source: those are vague attribution, which `SRC302` flags. Sentences that
are not body text need no cover (`needs_cover`). Everything here reads the shared analysis
only, so it works on hand-built analyses (`sourcescore.testing`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from sourcescore.model import Analysis, Attribution, Sentence, Word
from sourcescore.wordtree import dependents, remembered, word_at

#: Source types that are evidence rather than a speaker.
EVIDENCE_TYPES = frozenset({"document", "poll", "agency", "media"})
#: Source types too vague to cover a claim.
VAGUE_TYPES = frozenset({"group", "none"})
#: Cue words that, opening a paragraph, name the source of all that follows.
LEAD_IN_CUES = frozenset({"according to", "based on", "show", "find", "report", "count",
                          "tally"})
#: Words that carry no subject of their own, left out when comparing what sentences are about.
_FUNCTION = frozenset("""
be have do say the a an of to in on for and or but that this with as by at from it its his her
their they he she we i not will would could can may also more than there which who what when
""".split())


@dataclass(frozen=True)
class Cover:
    """Why a claim counts as sourced: how (`says-it`, `continues`, `lead-in`, `evidence`,
    `record`) and the attribution that does it (for `record`, the first in the sentence, if
    any)."""

    how: str
    attribution: Attribution | None


def is_sourcing(attribution: Attribution) -> bool:
    """Reported speech or evidence from a source that can be checked: what covers a claim."""
    return attribution.is_speech and attribution.source is not None and \
        attribution.source_type not in VAGUE_TYPES


def in_sourced_content(analysis: Analysis, sentence: Sentence, start: int, end: int) -> bool:
    """The words are in what a checkable source is reported to have said ("The Fed's report
    found there are concerns ..."): the source's words, reported, not the reporter's."""
    return any(is_sourcing(a) and a.content is not None and
               a.content.start <= start and end <= a.content.end
               for a in analysis.attributions_touching(sentence.index))


def in_reported_speech(analysis: Analysis, sentence: Sentence, start: int, end: int) -> bool:
    """The words are in what anyone, named or not, is reported to have said ("Republicans
    urged him to make the debate a game-changer"): not the reporter's own voice, however weak
    the sourcing (that is `SRC302`'s to judge)."""
    return any(a.is_speech and a.source is not None and a.content is not None and
               a.content.start <= start and end <= a.content.end
               for a in analysis.attributions_touching(sentence.index))


#: Cues of a view held: with a named holder, what follows is that person's claim, not ours.
VIEW_CUES = frozenset({"believe", "think", "expect", "predict", "suspect", "assume", "doubt",
                       "estimate", "fear", "argue", "contend"})


def named_view(attribution: Attribution) -> bool:
    """A named person or body's stated view ("Wines believes that ..."): its content is theirs."""
    return attribution.is_named and (attribution.cue_lemma or "").lower() in VIEW_CUES


def cover(analysis: Analysis, sentence: Sentence, claim: tuple[int, int] | None = None,
          evidence: frozenset[str] = frozenset()) -> Cover | None:
    """What sources a claim (the span `claim`, default the whole sentence), or None."""
    start, end = claim or (sentence.start, sentence.end)
    for attribution in analysis.attributions_touching(sentence.index):
        if is_sourcing(attribution) and (_holds(attribution, start, end) or
                                         _reports(attribution, sentence) or
                                         _under_cue(attribution, sentence, start) or
                                         attribution.pattern == "according-to"):
            return Cover("says-it", attribution)
        if named_view(attribution) and _holds(attribution, start, end):
            return Cover("says-it", attribution)  # "Wines believes that ... as a result"
    continued = _continued(analysis, sentence)
    if continued is not None:
        return Cover("continues", continued)
    lead = _lead_in(analysis, sentence)
    if lead is not None:
        return Cover("lead-in", lead)
    if evidence:
        found = _evidence_about(analysis, sentence, evidence)
        if found is not None:
            return Cover("evidence", found)
    return None


def cover_figure(analysis: Analysis, sentence: Sentence, claim: tuple[int, int]) -> Cover | None:
    """What sources a figure: as any claim, or a record the sentence names, or evidence on its
    subject named in the story."""
    if names_record(sentence) or _framed_by_a_record(analysis, sentence):
        return Cover("record", next(iter(analysis.attributions_touching(sentence.index)), None))
    return cover(analysis, sentence, claim, EVIDENCE_TYPES)


def _framed_by_a_record(analysis: Analysis, sentence: Sentence) -> bool:
    """A tally or schedule whose opening names the record its figures come from ("The
    delegate count, based on an Associated Press count, ..." above the rows)."""
    if analysis.genre != "list":
        return False
    opening = _opening_paragraphs(analysis)
    for earlier in analysis.sentences[:sentence.index]:
        if earlier.paragraph > max(opening, default=-1):
            return False  # past the opening: no need to read on
        if earlier.role == "body" and earlier.paragraph in opening and names_record(earlier):
            return True
    return False


def _holds(attribution: Attribution, start: int, end: int) -> bool:
    """The attribution's content holds the claim."""
    pieces = attribution.fragments or (
        ((attribution.content.start, attribution.content.end),) if attribution.content else ())
    return any(s <= start and end <= e for s, e in pieces)


def _under_cue(attribution: Attribution, sentence: Sentence, start: int) -> bool:
    """The claim is in a clause that hangs on the speaker's own cue verb ("..., her advisers
    said, because she understands ..."): the speaker's words, not the reporter's."""
    if attribution.cue is None or start < attribution.cue.end:
        return False  # a claim that is the cue itself ("called X and encouraged her") is not
    words = sentence.words
    at = word_at(words, start)
    for _ in range(6):
        if at is None or not 0 <= at < len(words):
            return False
        if words[at].start == attribution.cue.start:
            return True
        if words[at].head == at:
            return False
        at = words[at].head
    return False


#: Nouns that name where a figure comes from, when the sentence itself mentions them: "on his
#: financial disclosure form", "Labor Department figures showed".
RECORD_NOUNS = frozenset("""
disclosure disclosures filing filings record records data figures statistics report reports
form forms database census survey poll polls count tally estimate estimates analysis release
releases document documents
""".split())


def names_record(sentence: Sentence) -> bool:
    """The sentence says where its figures come from: a record as the object of "in", "on",
    "from", "according to", or as the subject of "show", "find", "include"; or it counts what a
    document released holds (`publishes_count`). Worked out once per sentence."""
    return remembered(sentence.words, "names_record", _names_record)


def _names_record(words: tuple[Word, ...]) -> bool:
    if publishes_count(words):
        return True
    for word in words:
        if word.lemma not in RECORD_NOUNS or not 0 <= word.head < len(words):
            continue
        head = words[word.head]
        if word.dep == "pobj" and head.lemma in ("in", "on", "from", "to", "by", "under"):
            return True
        if word.dep == "nsubj" and head.lemma in _SHOWING:
            return True
        if any(w.dep in ("relcl", "acl") and w.lemma in _SHOWING
               for w in dependents(words, words.index(word))):
            return True  # "Labor Department figures ..., which showed ..."
    return False


_SHOWING = frozenset({"show", "find", "indicate", "list", "put", "estimate", "include",
                      "contain"})
#: Verbs of making documents public: the count of what was released is in the release itself.
_PUBLISHING = frozenset({"release", "publish", "post", "disclose", "unveil", "declassify",
                         "hand", "turn", "file", "submit"})


def publishes_count(words) -> bool:
    """"The department released more than 1,100 pages": a verb of publishing whose object is
    counted, so the document released is where the figure can be checked."""
    for index, word in enumerate(words):
        if word.dep != "dobj" or not 0 <= word.head < len(words) or \
                words[word.head].lemma not in _PUBLISHING or words[word.head].pos != "VERB":
            continue
        if any(w.dep in ("nummod", "quantmod") for w in dependents(words, index)):
            return True
    return False


def _reports(attribution: Attribution, sentence: Sentence) -> bool:
    """The attribution's content is most of the sentence: the sentence is reported speech."""
    if attribution.content is None:
        return False
    inside = min(attribution.content.end, sentence.end) - max(attribution.content.start,
                                                               sentence.start)
    return inside * 2 >= sentence.end - sentence.start


def _previous_in_paragraph(analysis: Analysis, sentence: Sentence) -> Sentence | None:
    if sentence.index == 0:
        return None
    previous = analysis.sentences[sentence.index - 1]
    return previous if previous.paragraph == sentence.paragraph else None


#: Words that open a sentence carrying on the previous one's report: "It also found ...".
_CARRY_ON = frozenset({"he", "she", "they", "it", "also", "additionally", "moreover",
                       "furthermore"})


def _continued(analysis: Analysis, sentence: Sentence) -> Attribution | None:
    """The previous sentence's reported speech, when this one carries it on: it has no
    source of its own and opens as a continuation ("It also found ...", "They added ...")."""
    previous = _previous_in_paragraph(analysis, sentence)
    if previous is None or _has_own_source(analysis, sentence) or \
            not set(sentence.lemmas[:2]) & _CARRY_ON:
        return None
    return next((a for a in analysis.attributions_touching(previous.index)
                 if is_sourcing(a) and _reports(a, previous)), None)


def _has_own_source(analysis: Analysis, sentence: Sentence) -> bool:
    return any(a.source is not None for a in analysis.attributions_in_sentence(sentence.index))


def _lead_in(analysis: Analysis, sentence: Sentence) -> Attribution | None:
    """The paragraph's first sentence, when it names where the paragraph comes from."""
    first = next((s for s in analysis.sentences[:sentence.index]
                  if s.paragraph == sentence.paragraph), None)
    if first is None:
        return None
    for attribution in analysis.attributions_in_sentence(first.index):
        cue = (attribution.cue_lemma or "").lower()
        if is_sourcing(attribution) and (cue in LEAD_IN_CUES or
                                         attribution.source_type in EVIDENCE_TYPES):
            return attribution
    return None


#: How many paragraphs a source named in a section carries over into, and how many opening
#: body paragraphs count as framing the whole story.
CARRY_PARAGRAPHS = 3
FRAME_PARAGRAPHS = 3
#: How many content words a sentence must share with a paragraph that names a source for the
#: source to cover it from afar: three let "coal", "percent" and "year" tie any figure of a
#: long story to one report.
SHARED_WORDS = 4


def _evidence_about(analysis: Analysis, sentence: Sentence,
                    types: frozenset[str]) -> Attribution | None:
    """A source of one of `types` named in the story that covers the sentence: it frames the
    story (named in its opening paragraphs), or it was named earlier in the same section within
    a few paragraphs, or the sentence shares `SHARED_WORDS` or more content words with the
    paragraph that names it."""
    words = topic(sentence.lemmas)
    opening = _opening_paragraphs(analysis)
    for attribution in analysis.attributions:
        if not is_sourcing(attribution) or attribution.source_type not in types or \
                attribution.sentence >= len(analysis.sentences):
            continue
        named = analysis.sentences[attribution.sentence]
        if named.paragraph in opening or _carries_over(analysis, named, sentence):
            return attribution
        if len(words & topic(analysis.paragraph_lemmas(named.paragraph))) >= SHARED_WORDS:
            return attribution
    return None


def _opening_paragraphs(analysis: Analysis) -> frozenset[int]:
    """The story's first body paragraphs: a source named there frames the story."""
    found: list[int] = []
    for sentence in analysis.sentences:
        if sentence.role == "body" and sentence.paragraph not in found:
            found.append(sentence.paragraph)
            if len(found) == FRAME_PARAGRAPHS:
                break
    return frozenset(found)


def _carries_over(analysis: Analysis, named: Sentence, sentence: Sentence) -> bool:
    """The source was named before the sentence, in the same section (no heading between),
    at most `CARRY_PARAGRAPHS` paragraphs back."""
    if not named.index <= sentence.index or \
            sentence.paragraph - named.paragraph > CARRY_PARAGRAPHS:
        return False
    return not any(s.role == "headline"
                   for s in analysis.sentences[named.index:sentence.index])


@functools.lru_cache(maxsize=1024)
def topic(lemmas: tuple[str, ...]) -> frozenset[str]:
    """The content words of a sentence or paragraph: what it is about (remembered: a
    paragraph's is asked for once per claim it might cover)."""
    return frozenset(w for w in lemmas if w.isalpha() and len(w) > 2 and w not in _FUNCTION)


def needs_cover(sentence: Sentence, analysis: Analysis) -> bool:
    """Body text outside quotation marks: a sentence that can make a claim of its own."""
    return sentence.role == "body" and not sentence.is_question and \
        not analysis.in_quotation(sentence.start, sentence.end) and \
        not sentence.text.lstrip().startswith("<")  # an embedded post: its author's words
