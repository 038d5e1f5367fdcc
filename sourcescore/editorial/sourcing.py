"""What a story says about its sources, read off the shared analysis: the head noun of a
source ("critics" in "some critics of the plan"), the roles it gives the people it names
("Jane Tanner, an analyst at ..."), and how an unnamed source is said to know ("people briefed on
the talks"). Used wherever a rule must tell a vague group, an unnamed source with a basis and a
person the story names apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from sourcescore.analysis.lexicon import ANONYMITY_MARKERS
from sourcescore.model import Analysis, Attribution
from sourcescore.wordtree import children, head_of, phrase, word_at


@dataclass(frozen=True)
class StoryFacts:
    """What the whole story says about its sources, gathered in one pass and read by every
    rule that needs it (`story_facts`): so no rule pays for it once per finding.

    `named_roles`: role nouns given to named people; `described`: the sentences that name a
    person, to look a description up in (`NamingSentences`); `poll_paragraphs`: paragraphs
    that cite a poll; `names_a_poll`: some poll is cited by name; `lede_paragraph`: the first
    paragraph of body text."""

    named_roles: frozenset[str]
    described: NamingSentences
    poll_paragraphs: frozenset[int]
    names_a_poll: bool
    lede_paragraph: int | None


def story_facts(analysis: Analysis) -> StoryFacts:
    """The story's facts, gathered once per analysis."""
    return analysis.remembered(_gather_facts)


def _gather_facts(analysis: Analysis) -> StoryFacts:
    polls = [a for a in analysis.attributions if a.source_type == "poll"]
    return StoryFacts(
        named_roles=named_roles(analysis),
        described=NamingSentences.of(analysis),
        poll_paragraphs=frozenset(analysis.sentences[a.sentence].paragraph for a in polls
                                  if a.sentence < len(analysis.sentences)),
        names_a_poll=any(a.source is not None and any(ch.isupper() for ch in a.source.text[1:])
                         for a in polls),
        lede_paragraph=next((s.paragraph for s in analysis.sentences if s.role == "body"), None))


def head_lemma(attribution: Attribution) -> str:
    """The last word of the source phrase before any "of"/"at"/"who": "critics" in "some
    critics of the plan"."""
    assert attribution.source is not None
    words = attribution.source.text.lower().replace(",", " ").split()
    for stop in ("of", "at", "in", "from", "who", "that", "with", "on"):
        if stop in words[1:]:
            words = words[:words.index(stop, 1)]
    return singular(words[-1]) if words else ""


def singular(noun: str) -> str:
    return noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun


#: Words in a source's description that say how it knows: "people briefed on the talks", "a
#: source involved in the plan's creation" are unnamed sources with a basis, not a vague group.
BASIS_WORDS = ANONYMITY_MARKERS | frozenset({"involved", "present", "attended", "participated",
                                             "told", "aware"})


def described_basis(analysis: Analysis, attribution: Attribution) -> bool:
    assert attribution.source is not None
    sentence = analysis.sentences[attribution.sentence]
    words = sentence.words
    head = next((i for i, w in enumerate(words)
                 if w.start < attribution.source.end <= w.end), None)
    if head is None:
        return False
    after = [i for i in phrase(words, head) if i > head]
    if any(words[i].lemma == "include" for i in after) and \
            any(words[i].pos == "PROPN" for i in after):
        return True  # "several fact checkers, including The Washington Post"
    return any(words[i].lemma in BASIS_WORDS or words[i].text.lower() in BASIS_WORDS
               for i in after)


def named_roles(analysis: Analysis) -> frozenset[str]:
    """Role nouns the story gives a named person ("Jane Tanner, a labor-policy expert";
    "economist John Smith"): a group with that role is then a group the story names."""
    roles: set[str] = set()
    for sentence in analysis.sentences:
        words = sentence.words
        for index, word in enumerate(words):
            if word.entity != "PERSON" or word.pos != "PROPN":
                continue
            for other in (*children(words, index), head_of(words, index)):
                if other is not None and words[other].pos == "NOUN" and \
                        words[other].dep in ("appos", "compound", "nsubj", "attr") and \
                        (words[other].dep != "nsubj" or word.dep == "appos"):
                    roles.add(singular(words[other].lemma))
    return frozenset(roles)


#: Words left out when comparing two mentions of a source: "a senior official" and "the senior
#: official" are one source.
_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "one", "another", "his", "her",
                          "their", "its"})


def source_key(attribution: Attribution) -> str:
    """The source's description without its determiner, singular: one key per source."""
    assert attribution.source is not None
    words = [w for w in attribution.source.text.lower().split() if w not in _DETERMINERS]
    return " ".join([*words[:-1], singular(words[-1])]) if words else ""


def named_later(analysis: Analysis, attribution: Attribution) -> bool:
    """A single unnamed source the story names elsewhere: "a veteran diplomat said ..." and,
    in another sentence, "Jane Doe, a veteran diplomat, ..." (the description beside a name)."""
    assert attribution.source is not None
    words = [w for w in attribution.source.text.split() if w.lower() not in _DETERMINERS]
    if not words or words[-1].lower().endswith("s") or len(words) > _LONGEST:
        return False  # "officials": a plural is never one named person
    described = story_facts(analysis).described.sentences_with(tuple(w.lower() for w in words))
    return bool(described - {attribution.sentence})


#: The longest description compared, in words.
_LONGEST = 6


@dataclass(frozen=True)
class NamingSentences:
    """The sentences that name a person, as lower-case word sequences: a description is looked
    up in them when a rule asks (a few times a story), not indexed in advance."""

    sentences: tuple[tuple[int, tuple[str, ...]], ...]

    @classmethod
    def of(cls, analysis: Analysis) -> NamingSentences:
        return cls(tuple((s.index, tuple(w.text.lower() for w in s.words))
                         for s in analysis.sentences
                         if any(w.entity == "PERSON" for w in s.words)))

    def sentences_with(self, description: tuple[str, ...]) -> frozenset[int]:
        """The sentences naming a person in which `description` occurs as a run of words."""
        size = len(description)
        return frozenset(index for index, words in self.sentences if size and any(
            words[start:start + size] == description
            for start in range(len(words) - size + 1)))


def unnamed_sources(analysis: Analysis) -> tuple[Attribution, ...]:
    """The unnamed sources that answer for what they say: speech put to an anonymous source
    ("a senior official said") that is not a public post or record, not inside what another
    source is reported to have said, not a party's counsel and not named elsewhere in the
    story. One decision, read by every rule that weighs anonymity (SRC101 counts them, SRC102
    asks each for a reason), so the two never disagree about who is anonymous."""
    return analysis.remembered(_unnamed_sources)


def _unnamed_sources(analysis: Analysis) -> tuple[Attribution, ...]:
    return tuple(a for a in analysis.attributions
                 if a.source_type == "anonymous" and a.is_speech and a.source is not None
                 and not _posted(a) and not _relayed(analysis, a) and not _counsel(a)
                 and not _in_a_public_record(analysis, a) and not named_later(analysis, a))


#: Records put before the public: "prosecutors wrote in a filing", "officials said in a statement".
#: Narrower than `lexicon.DOCUMENT_HEADS` on purpose: a memo, an email or a letter may reach the
#: reporter in confidence, so an unnamed source speaking through one still owes a reason.
_PUBLIC_RECORDS = frozenset("""
filing complaint indictment lawsuit suit motion brief affidavit statement release testimony
""".split())


def _in_a_public_record(analysis: Analysis, attribution: Attribution) -> bool:
    """The unnamed source speaks through a record anyone can read ("federal prosecutors wrote
    in a court filing", "officials said in a statement"): the record is the source, on the record,
    and no confidence is granted."""
    if attribution.cue is None:
        return False
    words = analysis.sentences[attribution.sentence].words
    cue = word_at(words, attribution.cue.end - 1)
    if cue is None:
        return False
    return any(words[p].dep == "prep" and words[p].lemma == "in" and any(
        words[o].dep == "pobj" and words[o].lemma in _PUBLIC_RECORDS for o in children(words, p))
        for p in children(words, cue))


#: Cues of a public post: "one user tweeted" quotes the public record, not a confidential source.
_POSTING_CUES = frozenset({"tweet", "retweet", "post"})


def _posted(attribution: Attribution) -> bool:
    return (attribution.cue_lemma or "").lower() in _POSTING_CUES


def _relayed(analysis: Analysis, attribution: Attribution) -> bool:
    """The unnamed source speaks inside what another source is reported to have said ("She
    said an FBI official told her ...", "aides were angry, according to people close to the
    campaign"): the outer source answers for it, and is flagged itself if it is unnamed."""
    assert attribution.source is not None
    start, end = attribution.source.start, attribution.source.end
    return any(other is not attribution and other.content is not None and
               other.source is not None and
               other.content.start <= start and end <= other.content.end
               for other in analysis.attributions_touching(attribution.sentence))


#: Who speaks for a client on the record: "attorneys for the family", "her lawyers".
_COUNSEL = frozenset({"attorney", "attorneys", "lawyer", "lawyers", "counsel"})


def _counsel(attribution: Attribution) -> bool:
    """A client's lawyers speak for a party the story names; anonymity is not the question."""
    assert attribution.source is not None
    words = attribution.source.text.lower().replace("’", "'").split()
    heads = [i for i, w in enumerate(words) if w in _COUNSEL]
    return any(words[i + 1:i + 2] == ["for"] or
               (i > 0 and (words[i - 1].endswith("'s") or words[i - 1] in _POSSESSIVES))
               for i in heads)


_POSSESSIVES = frozenset({"his", "her", "their", "its", "our"})
