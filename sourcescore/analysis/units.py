"""What each sentence is in the story: a claim-bearing body sentence, or furniture around it.

Only body sentences make claims that need a source. The rest are, in the order they are tried:

* `boilerplate` - notes to the reader and publishing machinery: an editor's note (its whole
  paragraph), "Follow X on Twitter", "Share and comment below", "Sign up", "Click here",
  "This article has been updated", section markers such as "ABSTRACT." and "FULL TEXT.";
* `byline` - bylines and credit lines: "By Jane Doe", a sign-off that is only a name
  ("Landon Thomas Jr."), "(Reporting by ...; Editing by ...)", "contributed to this report",
  "Copyright", a columnist's tag line ending the story ("Rick Scott is the governor of
  Florida.");
* `caption` - photo and embed credits: "Jane Doe / Reuters", "(AP Photo/...)", "Getty Images",
  an embed's markup left in the text ("<tweet ...>");
* `headline` - the title (the story's first paragraph when it is short: a title and its deck),
  heads in capitals, alone ("BANKING.") or over their item in a digest ("TEN KILLED IN CITY
  BLAST The blast ..."), and subheads: a paragraph that is one short sentence
  with no finite verb ("Goldman Sachs to add to partner class.", "Heaping praise on Pat
  Kennedy.") or without closing punctuation;
* `list` - rows of a list or tally: "Clinton: 1,769", a bulleted item, a run of short lines.

Each test is a general shape of news copy, not a phrase from any one story.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from sourcescore.model import Paragraph, Sentence

_BOILERPLATE = re.compile(
    r"^(?:editor['’]s note\b|follow\s+(?:\S+\s+){1,4}on\s+(?:twitter|facebook|instagram)"
    r"|share\s+(?:this|and\s+comment)|sign\s+up\b|subscribe\b|click\s+here|read\s+more\b"
    r"|related\s*:|see\s+also\b|watch\s+(?:the\s+)?(?:full\s+)?(?:interview|video)\b"
    r"|like\s+us\s+on|this\s+(?:article|story|post)\s+(?:has\s+been|was)\s+(?:updated|corrected)"
    r"|this\s+is\s+a\s+more\s+complete\s+version|the\s+views\s+expressed\b"
    r"|correction\s*:|clarification\s*:|update\s*:"
    r"|abstract\.?$|full\s+text\.?$|_{3,}\.?$)", re.IGNORECASE)
_CREDIT = re.compile(
    r"^(?:(?-i:By\s+[A-Z][\w.'’-]+\s+[A-Z])|\(?\s*(?:additional\s+)?reporting\s+by\b"
    r"|copyright\b|©|\(?\s*(?:h/t|hat\s+tip)\b"
    r"|[^.]{0,80}\bcontributed\s+(?:to\s+)?(?:this\s+)?(?:report|story|reporting)\b"
    r"|[^.]{0,40}\ball\s+rights\s+reserved)", re.IGNORECASE)
_CAPTION = re.compile(
    r"(?:^\(?\s*(?:photo|image|video|credit|courtesy|file)\b\s*[:/(-]"
    r"|\b(?:AP|AFP|Reuters|Getty)\s+(?:Photo|Images)\b|^(?:<[^<>]*>\s*)+\W*$"
    r"|^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*/\s*[A-Z][\w.&'’ -]{1,40}\.?$)")
_LIST_ROW = re.compile(r"^(?:[-*•·▪]\s+\S|\d{1,2}[.)]\s+\S|[A-Z][\w.'’ -]{0,40}:\s*[\d$£€%,. ]+$)")
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_CLOSING = tuple(".!?\"”’'):;")
_TITLE_WORDS = 40  # a first paragraph this short is the title (and its deck) ...
_TITLE_SENTENCE_WORDS = 25  # ... when none of its sentences is longer than this
_SUBHEAD_WORDS = 14


def assign_roles(text: str, paragraphs: tuple[Paragraph, ...],
                 sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    """The sentences with their `role` (and `is_heading`) set."""
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    roles: dict[int, str] = {}
    previous = "body"  # the role of the previous paragraph's last sentence
    for paragraph in paragraphs:
        members = by_paragraph.get(paragraph.index, [])
        whole = text[paragraph.start:paragraph.end]
        for sentence in members:
            roles[sentence.index] = _role(_Context(sentence, members, whole, paragraph.index,
                                                   len(paragraphs), previous))
        if members:
            previous = roles[members[-1].index]
    return tuple(replace(s, role=roles.get(s.index, "body"),
                         is_heading=roles.get(s.index) == "headline") for s in sentences)


def _role(context: _Context) -> str:
    return next((role for role, test in _TESTS if test(context)), "body")


class _Context:
    """A sentence with what its role depends on: its paragraph and the paragraph's place."""

    def __init__(self, sentence: Sentence, paragraph: list[Sentence], whole: str, index: int,
                 count: int, previous: str) -> None:
        self.sentence = sentence
        self.text = sentence.text.strip()
        self.paragraph = paragraph
        self.whole = whole.strip()
        self.index = index
        self.count = count
        self.last = index >= count - 2
        self.alone = len(paragraph) == 1
        self.after_heading = previous == "headline"

    @property
    def words(self) -> int:
        return len(self.sentence.lemmas)


def _boilerplate(c: _Context) -> bool:
    return bool(_BOILERPLATE.match(c.text) or _BOILERPLATE.match(c.whole)) and (
        c.alone or c.whole.lower().startswith(("editor", "correction", "clarification")))


def _byline(c: _Context) -> bool:
    if _CREDIT.match(c.text) or (c.alone and _CREDIT.match(c.whole)):
        return True
    return _only_a_name(c.sentence) or (c.last and c.alone and _tag_line(c.sentence))


def _only_a_name(sentence: Sentence) -> bool:
    """A sign-off that is a person's name and nothing else: "Landon Thomas Jr."."""
    words = [w for w in sentence.words if w.pos != "PUNCT"]
    return 2 <= len(words) <= 4 and all(w.text[:1].isupper() for w in words) and \
        any(ch.islower() for w in words for ch in w.text) and (
        all(w.pos == "PROPN" for w in words)
        or sum(w.entity == "PERSON" for w in words) >= len(words) - 1)


def _tag_line(sentence: Sentence) -> bool:
    """A columnist's tag line: "Rick Scott is the Republican governor of Florida."."""
    words = sentence.words
    names = 0
    while names < len(words) and words[names].entity == "PERSON":
        names += 1
    rest = [w.lemma for w in words[names:names + 2]]
    return names >= 2 and rest[:1] == ["be"] and len(sentence.lemmas) <= 30


def _caption(c: _Context) -> bool:
    return c.alone and bool(_CAPTION.search(c.text)) and c.words <= 30


def _headline(c: _Context) -> bool:
    if c.index == 0 and c.count > 1 and len(c.whole.split()) <= _TITLE_WORDS and \
            all(len(s.lemmas) <= _TITLE_SENTENCE_WORDS for s in c.paragraph):
        return True  # the title, with its deck when it has one
    letters = [ch for ch in c.text if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters) and \
            (c.alone or c.words >= 3) and c.words <= _SUBHEAD_WORDS:
        return True  # a head in capitals, alone or over its item (not a credit: "[NYT.]")
    if not c.alone or c.words > _SUBHEAD_WORDS or c.sentence.lemmas[:1] in _CONNECTIVES:
        return False
    if not c.text.endswith(_CLOSING):
        return True
    if c.text.endswith(":"):
        return False  # it introduces what follows
    return bool(c.sentence.words) and (not _finite(c.sentence) or (
        (c.index == 1 or c.after_heading) and c.count >= 4 and _headlinese(c.sentence)))


#: Words that open an elliptical body sentence, not a subhead: "Not so with ...".
_CONNECTIVES = frozenset((w,) for w in "not but and so yet still or nor then also".split())
_DETERMINERS = frozenset({"DT", "PRP", "PRP$", "WP", "WDT", "EX"})


def _finite(sentence: Sentence) -> bool:
    """A finite verb: tensed, a modal, or a participle the parser made the root of a subject
    ("Some accused Trump of ...")."""
    words = sentence.words
    for index, word in enumerate(words):
        if word.tag in _FINITE:
            return True
        if word.tag in ("VBN", "VBD") and word.dep == "ROOT" and any(
                w.head == index and w.dep in ("nsubj", "nsubjpass") for w in words):
            return True
    return False


_ARTICLES = frozenset({"a", "an", "the"})


def _headlinese(sentence: Sentence) -> bool:
    """A deck under a title: headline English, without articles and not opening on a pronoun
    ("Small group of rich donors pushes tally beyond total", "Trump is outworked in ..."),
    where a lede would say "The ..." or "a ..."."""
    first = next((w for w in sentence.words if w.pos != "PUNCT"), None)
    return first is not None and first.tag not in _DETERMINERS and \
        not any(w.lemma in _ARTICLES for w in sentence.words)


def _list_row(c: _Context) -> bool:
    """A bullet, a numbered item or a "Label: figure" row; the whole paragraph is read, as the
    parser may split "Needed to win: 2,383" at the colon."""
    if not c.alone and len(c.whole) > _ROW_CHARACTERS:
        return False  # (a long paragraph is no row: and not split again for every sentence)
    text = c.text if c.alone else c.whole.strip()
    return len(text.split()) <= 12 and bool(_LIST_ROW.match(text))


#: The most characters a list row has (twelve words).
_ROW_CHARACTERS = 160


_TESTS: tuple[tuple[str, Callable[[_Context], bool]], ...] = (
    ("boilerplate", _boilerplate),
    ("byline", _byline),
    ("caption", _caption),
    ("list", _list_row),
    ("headline", _headline),
)
