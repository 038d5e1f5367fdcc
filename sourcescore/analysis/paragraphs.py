"""Split an article into paragraphs.

News text comes two ways: one paragraph per line (most CMS exports, wire feeds) or hard-wrapped
lines grouped into blank-line separated blocks. Blocks are used when most lines inside them stop
mid-sentence; otherwise every non-empty line is its own paragraph.
"""

from __future__ import annotations

import re
from itertools import pairwise

from sourcescore.model import Paragraph

#: A line and its end: LF, CRLF, a lone CR (old Mac exports) or a Unicode line or paragraph
#: separator, so a story saved any of these ways falls into the same paragraphs.
_LINE = re.compile("[^\n\r\u2028\u2029]*(?:\r\n|[\n\r\u2028\u2029])?")
_SENTENCE_END = tuple(".!?:\"'”’)]»")


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """Return the paragraphs of `text`, trimmed of surrounding white space."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.end() > m.start()]
    spans = _blocks(text, lines) if _is_hard_wrapped(text, lines) else _lines(text, lines)
    return tuple(Paragraph(i, s, e) for i, (s, e) in enumerate(spans))


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _lines(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [span for s, e in lines if (span := _trim(text, s, e))]


def _blocks(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int] | None] = []
    block_start: int | None = None
    block_end = 0
    for s, e in lines:
        if text[s:e].strip():
            block_start = s if block_start is None else block_start
            block_end = e
        elif block_start is not None:
            spans.append(_trim(text, block_start, block_end))
            block_start = None
    if block_start is not None:
        spans.append(_trim(text, block_start, block_end))
    return [span for span in spans if span]


def _is_hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """True when lines inside blank-line blocks mostly end mid-sentence."""
    inner, open_ended = 0, 0
    for (s, e), (ns, ne) in pairwise(lines):
        line, following = text[s:e].strip(), text[ns:ne].strip()
        if line and following:  # a line followed by another line of the same block
            inner += 1
            open_ended += not line.endswith(_SENTENCE_END)
    return inner >= 3 and open_ended > inner / 2
