"""Type an attribution's source, and resolve pronouns and titles to the named speaker they mean.

Typing reads the source's own words and entities: an agency or outlet name wins, then a person's
name, then an unnamed-source descriptor ("officials", "a person familiar with"), then a document
("a report", "the statement"), then an organisation. Resolution is deliberately light (no
coreference model): a pronoun or a bare title ("the envoy") takes the nearest preceding named
person speaker whose mention is compatible, as Citron and GGT do for quote sources only.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

from sourcescore.analysis.lexicon import (
    ANONYMITY_MARKERS,
    ANONYMOUS_HEADS,
    DOCUMENT_HEADS,
    GROUP_HEADS,
    INSTITUTION_HEADS,
    MASTHEAD_WORDS,
    MEDIA_HEADS,
    MEDIA_OUTLETS,
    PERSONAL_PRONOUNS,
    POLL_HEADS,
    POLLSTERS,
    QUANTIFIERS,
    ROLE_NOUNS,
)
from sourcescore.analysis.wire import agency_mention
from sourcescore.model import Attribution, Entity, Span

_WORD = re.compile(r"[\w’'-]+")
_PLURAL_PRONOUNS = frozenset({"they", "their", "we"})
_SINGULAR_PRONOUNS = frozenset({"he", "she", "his", "her"})


@dataclass(frozen=True)
class Mention:
    """What typing reads about a source mention: its words, its head word, the entity labels
    on its head part (before its first preposition) and which of its words are proper nouns."""

    span: Span
    words: tuple[str, ...]
    lower: tuple[str, ...]
    head: str
    labels: frozenset[str]
    entities: tuple[Entity, ...]
    proper: bool = False  # every word a proper noun (by the parse, not by its capital)


def mention_of(span: Span, entities: tuple[Entity, ...],
               proper_nouns: frozenset[int] = frozenset()) -> Mention | None:
    """The mention as typing reads it: its description before any relative clause ("officials
    who spoke with The Huffington Post" are officials, not the paper)."""
    described = _before_relative(span.text)
    if described != span.text:
        span = Span(span.start, span.start + len(described), described)
    words = tuple(_WORD.findall(span.text))
    if not words:
        return None
    lower = tuple(w.lower() for w in words)
    head_end = _head_end(span)
    labels = frozenset(e.label for e in entities if e.start < head_end and span.start < e.end)
    if "PERSON" not in labels and len(words) <= 2 and words[-1][:1].isupper() and \
            _is_known_surname(words[-1], entities):
        # "Witkoff" after "Steve Witkoff" was named, whatever the model calls the short mention
        labels = frozenset({"PERSON"})
    starts = [span.start + m.start() for m in _WORD.finditer(span.text)]
    proper = bool(proper_nouns) and all(start in proper_nouns for start in starts)
    return Mention(span, words, lower, _head_word(list(lower)), labels, entities, proper)


def _is_pronoun(m: Mention) -> bool:
    return len(m.words) == 1 and m.lower[0] in PERSONAL_PRONOUNS


def _names_agency(m: Mention) -> bool:
    return bool(agency_mention().search(m.span.text))


def _names_pollster(m: Mention) -> bool:
    """"a Quinnipiac poll", "Gallup", "64 percent who say", "majorities of voters"."""
    return bool(_name_pattern(POLLSTERS).search(m.span.text)) or m.head in POLL_HEADS or \
        any(w in POLL_HEADS for w in m.lower[:6]) or bool(_SHARE.search(m.span.text.lower())) \
        or any(w in _RESPONDENTS for w in m.lower)  # "those surveyed"


_RESPONDENTS = frozenset({"surveyed", "polled", "questioned", "interviewed", "respondents"})
#: A share of people as a poll reports it: "4 in 10", "six in 10", "an average of 10 percent".
_SHARE = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine)\s+in\s+(?:10|ten)\b"
                    r"|\b\d+(?:\.\d+)?\s*(?:%|percent)")


def _names_outlet(m: Mention) -> bool:
    """A listed outlet or show, a masthead ("the Baltimore Sun"), or a medium named as an
    organisation ("the magazine" when the model sees a name)."""
    return names_outlet(m.span.text) or (
            any(w in MEDIA_HEADS for w in m.lower) and bool(m.labels & {"ORG", "WORK_OF_ART"}))


_RELATIVE = re.compile(r"\s(?:who|that|which|whom)\s")


def _before_relative(text: str) -> str:
    """"officials who spoke with The Huffington Post": the outlet is whom they spoke to."""
    match = _RELATIVE.search(text)
    return text[:match.start()] if match else text


def names_outlet(text: str) -> bool:
    """The text names a news outlet: a listed outlet or show, or a masthead."""
    return outlet_named(text) is not None


def outlet_named(text: str) -> str | None:
    """The first news outlet the text names (a listed outlet or show, or a masthead)."""
    match = _name_pattern(MEDIA_OUTLETS).search(text) or _MASTHEAD.search(text)
    return match.group(0) if match else None


def _headed_by_institution(m: Mention) -> bool:
    """"the Trump administration", "the Clinton campaign": not the person who names it."""
    return m.head in INSTITUTION_HEADS


def _names_person(m: Mention) -> bool:
    return "PERSON" in m.labels or _titled_name(list(m.words))


def _headed_by_a_name(m: Mention) -> bool:
    """A person named at the head, whatever names their outlet: "Breitbart Texas editor
    Brandon Darby", "Fox's Chris Wallace"."""
    return "PERSON" in _head_labels(m.span, m.entities)


def _is_group(m: Mention) -> bool:
    """A generic group: "critics", "many", "some Republicans", "several Democrats", "others"."""
    if m.lower[0] in QUANTIFIERS or m.head in QUANTIFIERS:
        return True
    if m.head in ("source", "sources") and m.lower[-1] == m.head and \
            all(w in _BARE for w in m.lower[:-1]):
        return True  # "sources say": no description at all, nothing to check
    if any(w in ANONYMITY_MARKERS for w in m.lower[1:]) and m.head in ANONYMOUS_HEADS:
        return False  # "people briefed on the talks": an unnamed source with a basis
    if m.head in GROUP_HEADS:  # "critics", "his critics", "her supporters"; not "the investor"
        one_person = m.lower[0] in ("the", "a", "an", "this", "that") and \
            not m.lower[-1].endswith("s") and m.head != "people"
        return not one_person
    return "NORP" in m.labels and m.words[-1][:1].isupper() and m.lower[-1].endswith("s") and \
        len(m.words) <= 3  # "Democrats", "Senate Republicans"


_BARE = frozenset({"a", "the", "some", "other", "several", "many"})


def _is_unnamed(m: Mention) -> bool:
    return m.head in ANONYMOUS_HEADS or (any(w in ANONYMITY_MARKERS for w in m.lower) and
                                         any(w in ANONYMOUS_HEADS for w in m.lower))


def _is_document(m: Mention) -> bool:
    return m.head in DOCUMENT_HEADS or any(w in DOCUMENT_HEADS for w in m.lower[-2:])


def _heads_an_organisation(m: Mention) -> bool:
    """An organisation entity on the head word; not "the Russian president", whose
    nationality is no source."""
    return bool(_head_labels(m.span, m.entities) & {"ORG", "NORP", "GPE", "FAC"})


def _proper_name(m: Mention) -> bool:
    """A name the model did not label: proper nouns by the parse, short ("D'Souza said")."""
    return m.proper and len(m.words) <= 3 and not m.labels


#: The typing rules in order: the first that holds gives the mention's type.
TYPING_RULES: tuple[tuple[str, Callable[[Mention], bool]], ...] = (
    ("pronoun", _is_pronoun),
    ("agency", _names_agency),
    ("poll", _names_pollster),
    ("person", _headed_by_a_name),
    ("media", _names_outlet),
    ("organization", _headed_by_institution),
    ("person", _names_person),
    ("group", _is_group),
    ("anonymous", _is_unnamed),
    ("document", _is_document),
    ("organization", _heads_an_organisation),
    ("person", _proper_name),
)


def source_type(span: Span | None, entities: tuple[Entity, ...],
                proper_nouns: frozenset[int] = frozenset()) -> str:
    """Classify a source mention into one of `sourcescore.model.SOURCE_TYPES` (`none` when
    there is no source). `proper_nouns` are the offsets of words the parse calls proper nouns."""
    if span is None:
        return "none"
    mention = mention_of(span, entities, proper_nouns)
    if mention is None:
        return "unknown"
    return next((kind for kind, holds in TYPING_RULES if holds(mention)), "unknown")


@lru_cache(maxsize=4)
def _name_pattern(names: frozenset[str]) -> re.Pattern[str]:
    """Whole-word, case-sensitive: "The Hill" is the paper, "the hill" is not."""
    alternation = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")


_MASTHEAD = re.compile(r"\b(?:[A-Z][\w.&'’-]*\s+){1,3}(?:" + "|".join(sorted(MASTHEAD_WORDS))
                       + r")\b")


def _head_labels(span: Span, entities: tuple[Entity, ...]) -> set[str]:
    """Entity labels on the mention's head word (its last word before a preposition)."""
    head_end = _head_end(span)
    words = list(_WORD.finditer(span.text[:head_end - span.start]))
    if not words:
        return set()
    start, end = span.start + words[-1].start(), span.start + words[-1].end()
    return {e.label for e in entities if e.start < end and start < e.end}


_PREPOSITIONS = frozenset("of from by at in for with on to within inside".split())


def _head_end(span: Span) -> int:
    """Where the head part of a mention ends: before its first preposition ("officials | in")."""
    for match in _WORD.finditer(span.text):
        if match.group(0).lower() in _PREPOSITIONS and match.start() > 0:
            return span.start + match.start()
    return span.end


def _head_word(lower: list[str]) -> str:
    """The head noun of an English noun phrase, roughly: the last word before a preposition."""
    for index, word in enumerate(lower):
        if word in _PREPOSITIONS and index > 0:
            return lower[index - 1]
    return lower[-1]


def _titled_name(words: list[str]) -> bool:
    """'the spokeswoman Lina Park', 'economist Jared Cole': a lower-case title, then a name."""
    if len(words) < 3 or not (words[-1][:1].isupper() and words[-2][:1].isupper()):
        return False
    if words[-3].lower() in _PREPOSITIONS or words[-3].lower() in ("the", "a", "an"):
        return False  # "her critics in the Ohio Senate": a body, not a title and a name
    return any(w.islower() and w not in ("the", "a", "an") for w in words[:-2])


def _is_known_surname(word: str, entities: tuple[Entity, ...]) -> bool:
    return any(e.label == "PERSON" and e.text.split()[-1].strip("’'s") == word for e in entities)


def resolve_sources(attributions: list[Attribution], text: str = "",
                    entities: tuple[Entity, ...] = ()) -> list[Attribution]:
    """Give pronoun and title sources the name of the nearest compatible named speaker before them.

    A title ("the envoy") resolves to the nearest earlier person named with that title
    ("special envoy Steve Witkoff"), whether or not that person spoke before.
    """
    resolved: list[Attribution] = []
    speakers: list[Attribution] = []  # named-person attributions seen so far, in text order
    people = [e for e in entities if e.label == "PERSON"]
    starts = [e.start for e in people]
    for attribution in attributions:
        name = (_apposed_person(attribution, text, people, starts)
                or _referent(attribution, speakers)
                or _titled_person(attribution, text, people)
                or _described_person(attribution, speakers))
        if name is not None:
            attribution = replace(attribution, source_name=name, source_type="person",
                                  confidence=attribution.confidence * 0.9)
        elif attribution.source_type == "person" and attribution.source_name:
            attribution = replace(attribution, source_name=_name_of(attribution.source_name))
        elif attribution.source_type == "person" and attribution.source is not None:
            attribution = replace(attribution, source_name=_person_in(attribution.source, people))
        if attribution.source_type == "person" and attribution.source is not None:
            speakers.append(attribution)
        resolved.append(attribution)
    return resolved


def _apposed_person(attribution: Attribution, text: str, people: list[Entity],
                    starts: list[int]) -> str | None:
    """"Dow's chief executive, Andrew Liveris, said": a role whose name follows it, set off by
    commas or brackets (the span builder leaves the apposition out of the source)."""
    source = attribution.source
    if source is None or attribution.source_type not in ("unknown", "anonymous"):
        return None
    opening = _past_blanks(text, source.end)
    if not text.startswith((",", "("), opening):
        return None
    name_start = _past_blanks(text, opening + 1)
    at = bisect.bisect_left(starts, name_start)
    if at == len(people) or people[at].start != name_start:
        return None
    closing = _past_blanks(text, people[at].end)
    return people[at].text if text.startswith((",", ")"), closing) else None


def _past_blanks(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _referent(attribution: Attribution, speakers: list[Attribution]) -> str | None:
    if attribution.source is None or not speakers:
        return None
    words = [w.lower() for w in _WORD.findall(attribution.source.text)]
    if attribution.source_type == "pronoun":
        if words[0] in _PLURAL_PRONOUNS:
            return None
        last = speakers[-1]
        return last.source_name if attribution.sentence - last.sentence <= 8 else None
    title = _title_word(attribution)
    if title:
        for speaker in reversed(speakers[-50:]):
            if speaker.source is not None and title in speaker.source.text.lower():
                return speaker.source_name
    return None


def _described_person(attribution: Attribution, speakers: list[Attribution]) -> str | None:
    """"the real estate tycoon", "the Florida senator": a role that names no one, taken (like
    a pronoun) for the person who spoke last, within a few sentences."""
    title = _title_word(attribution)
    if title not in ROLE_NOUNS or not speakers:
        return None
    last = speakers[-1]
    return last.source_name if attribution.sentence - last.sentence <= 8 else None


def _title_word(attribution: Attribution) -> str | None:
    """'envoy' for 'the envoy' or 'the Russian leader' -> 'leader'; None for other mentions."""
    if attribution.source is None or attribution.source_type not in ("unknown", "anonymous"):
        return None
    words = [w.lower() for w in _WORD.findall(attribution.source.text)]
    if not 2 <= len(words) <= 4 or words[0] not in ("the", "this", "that"):
        return None
    if words[-1] in ANONYMOUS_HEADS - {"spokesman", "spokeswoman", "spokesperson"}:
        return None
    return words[-1]


def _titled_person(attribution: Attribution, text: str, people: list[Entity]) -> str | None:
    """The nearest earlier PERSON entity introduced with the source's title word."""
    title = _title_word(attribution)
    if not title or attribution.source is None:
        return None
    earlier = bisect.bisect_left([e.start for e in people], attribution.source.start)
    for entity in reversed(people[max(0, earlier - 200):earlier]):
        before = text[max(0, entity.start - 60):entity.start].lower().split()[-5:]
        if title in before:
            return _name_of(entity.text)
    return None


def _person_in(source: Span, people: list[Entity]) -> str:
    """The PERSON entity inside a source mention, else its trailing capitalised run."""
    inside = [e for e in people if source.start <= e.start and e.end <= source.end]
    return inside[-1].text.removesuffix("’s").removesuffix("'s") if inside else \
        _name_of(source.text)


def _name_of(mention: str) -> str:
    """The capitalised run at the end of a mention: 'Kremlin spokesman Dmitry Peskov' -> name."""
    words = mention.split()
    run: list[str] = []
    for word in reversed(words):
        if word[:1].isupper():
            run.append(word)
        elif run:
            break
    name = " ".join(reversed(run)) if run else mention
    return name.strip(" ,.;:’'\"")
