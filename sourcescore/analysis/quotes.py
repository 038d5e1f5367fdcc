"""Pair quotation marks into quotations, for every convention news text uses.

Handles straight `"`, curly `“ ”`, single `‘ ’` and `'`, the two-apostrophe `''…''` of NYT text,
guillemets `« »` and low-9 `„ “`. Multi-paragraph quotations (paragraphs that open without
closing, continued by a paragraph that opens again) become one quotation with a fragment per
paragraph. Pairing never gives up: an unmatched mark is skipped and pairing carries on, and an
apostrophe (`don't`, `aides'`, `’90s`) is never taken for a quotation mark. Quotation marks nested
inside a quotation (single inside double) belong to the outer one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sourcescore.model import Paragraph, Quotation

_MARK = re.compile(r"''|``|[\"“”‘’«»„‹›']")

# family -> marks that open and close it
_DOUBLE, _SINGLE, _GUILLEMET, _NYT = "double", "single", "guillemet", "nyt"
_FAMILY = {
    '"': _DOUBLE, "“": _DOUBLE, "”": _DOUBLE, "„": _DOUBLE,
    "‘": _SINGLE, "’": _SINGLE, "'": _SINGLE,
    "«": _GUILLEMET, "»": _GUILLEMET, "‹": _GUILLEMET, "›": _GUILLEMET,
    "''": _NYT, "``": _NYT,
}
#: Every quotation mark the pairing knows, as the tokenizer yields them.
QUOTATION_MARKS = frozenset(_FAMILY)
_ALWAYS_OPEN = frozenset("“„‹«") | {"``"}
_ALWAYS_CLOSE = frozenset("”›»")
_OPENING_CONTEXT = frozenset("([{—–-/")


@dataclass(frozen=True)
class _Mark:
    pos: int
    end: int
    family: str
    can_open: bool
    can_close: bool


def find_quotations(text: str, paragraphs: tuple[Paragraph, ...]) -> tuple[Quotation, ...]:
    """Return the outermost quotations in `text`, in order."""
    quotations: list[Quotation] = []
    carried: _Mark | None = None  # an opening carried over from the previous paragraph
    fragments: list[tuple[int, int]] = []
    for index, para in enumerate(paragraphs):
        marks = _marks(text, para.start, para.end)
        if carried is not None:
            if marks and marks[0].pos == para.start and marks[0].can_open and \
                    _same_family(marks[0], carried):
                marks = marks[1:]  # the continuation paragraph re-opens the quotation
            else:
                _close_unfinished(quotations, fragments)
                carried, fragments = None, []
        carried, fragments = _pair(text, para, marks, quotations, carried, fragments)
        if carried is not None:
            fragments.append((carried.pos if not fragments else para.start, para.end))
            next_para = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            if next_para is None or not _opens_with(text, next_para, carried):
                _close_unfinished(quotations, fragments, starts_paragraph=carried.pos == para.start)
                carried, fragments = None, []
    quotations.sort(key=lambda q: q.start)
    return tuple(quotations)


def _pair(text, para, marks, quotations, carried, fragments):
    """Pair marks inside one paragraph; return the opening still open at its end."""
    current = carried
    for mark in marks:
        if current is None:
            if mark.can_open:
                current = mark
            continue
        if _same_family(mark, current) and mark.can_close:
            start = current.pos if not fragments else fragments[0][0]
            pieces = tuple(fragments) + ((para.start if fragments else current.pos, mark.end),)
            quotations.append(_quotation(text, start, mark.end, pieces if fragments else ()))
            current, fragments = None, []
        elif _same_family(mark, current) and mark.can_open and not fragments:
            current = mark  # the earlier opening was never closed: restart from this one
    return current, fragments


def _close_unfinished(quotations, fragments, starts_paragraph: bool = False) -> None:
    """A quotation still open at the end of its last paragraph.

    Kept only when it spans paragraphs (the open-quote convention with a lost final mark) or
    opens its paragraph; a stray mark mid-paragraph is dropped.
    """
    if len(fragments) > 1 or (fragments and starts_paragraph):
        quotations.append(_quotation_from(fragments))


def _quotation_from(fragments) -> Quotation:
    start, end = fragments[0][0], fragments[-1][1]
    return Quotation(start, end, start + 1, end, tuple(fragments))


def _quotation(text: str, start: int, end: int, fragments) -> Quotation:
    open_len = 2 if text.startswith(("''", "``"), start) else 1
    close_len = 2 if text.endswith("''", 0, end) and end - start > 3 else 1
    return Quotation(start, end, start + open_len, end - close_len, fragments)


def _opens_with(text: str, para: Paragraph, opening: _Mark) -> bool:
    marks = _marks(text, para.start, min(para.end, para.start + 2))
    return bool(marks) and marks[0].pos == para.start and marks[0].can_open and \
        _same_family(marks[0], opening)


def _same_family(a: _Mark, b: _Mark) -> bool:
    # Straight and curly double marks are mixed freely in real copy.
    return a.family == b.family


def _marks(text: str, start: int, end: int) -> list[_Mark]:
    marks = []
    for m in _MARK.finditer(text, start, end):
        mark = _classify(text, m.start(), m.end(), start, end)
        if mark is not None:
            marks.append(mark)
    return marks


def _classify(text: str, pos: int, end: int, lo: int, hi: int) -> _Mark | None:
    char = text[pos:end]
    before = text[pos - 1] if pos > lo else " "
    after = text[end] if end < hi else " "
    family = _FAMILY[char]
    if _misprinted_closer(char, before, after):
        return _Mark(pos, end, family, False, True)
    if char in _ALWAYS_OPEN:
        return _Mark(pos, end, family, True, char == "„")
    if char in _ALWAYS_CLOSE:
        return _Mark(pos, end, family, False, True)
    if family == _SINGLE:
        return _single(char, pos, end, before, after)
    if family == _NYT and char == "''" and before.isalpha() and after.isalpha():
        return None
    return _double(family, pos, end, before, after)


def _misprinted_closer(char: str, before: str, after: str) -> bool:
    """An opening curly mark where a closing one belongs: `not,“ he said`."""
    return char == "“" and not before.isspace() and before not in _OPENING_CONTEXT and \
        (after.isspace() or after in ".,;:!?")


def _double(family: str, pos: int, end: int, before: str, after: str) -> _Mark:
    can_open = _opening_context(before) and not after.isspace()
    can_close = not before.isspace() and _closing_context(after)
    if not can_open and not can_close:
        can_open = can_close = True  # e.g. `word"word`: let pairing decide
    return _Mark(pos, end, family, can_open, can_close)


def _opening_context(before: str) -> bool:
    return before.isspace() or before in _OPENING_CONTEXT or before in "“\"‘'"


def _closing_context(after: str) -> bool:
    return after.isspace() or not after.isalnum()


def _single(char: str, pos: int, end: int, before: str, after: str) -> _Mark | None:
    """A single mark, which is as often an apostrophe: `don't`, `Ukraine’s`, `’90s`."""
    if before.isalnum() and after.isalnum():
        return None
    if char == "‘":
        return _Mark(pos, end, _SINGLE, not after.isspace(), False)
    if _opening_context(before) and after.isdigit():
        return None
    return _Mark(pos, end, _SINGLE, _opening_context(before) and not after.isspace(),
                 not before.isspace() and _closing_context(after))
