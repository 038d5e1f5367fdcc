"""Markdown stories: the prose is checked, the markup is not, and offsets stay in the file.

`blank_markdown(text)` returns a string of the same length in which front matter, code, HTML
tags and comments, link targets, image references, heading, list and quote markers and emphasis
marks are replaced by spaces (line breaks are kept). Every offset into the result is therefore
an offset into the original file, with no mapping table to get wrong, and lines and columns in
reports are the file's own. Link text stays (`[Reuters](https://…)` is read as `Reuters`).

This is deliberately a blanking pass, not a Markdown renderer: it only has to remove what is
not prose, and it never moves a character.
"""

from __future__ import annotations

import re

MARKDOWN_SUFFIXES = (".md", ".markdown")

FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\n.*?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?:\n|\Z)",
                           re.S)
_FENCE = re.compile(r"^(```|~~~).*?(?:^\1[^\n]*$|\Z)", re.S | re.M)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_TAG = re.compile(r"</?[A-Za-z][^<>\n]*>")
# Every scan below stops at the next character that could open another match ("[" for link
# text, "(" for a target, "`", "<"), so scans from different openings never overlap and the
# work stays linear in the text however many unclosed openings it holds.
_TARGET = r"\((?:[^()\n]|\([^()\n]*\))*\)"  # one level of balanced parentheses: a_(b)
_IMAGE = re.compile(rf"!\[[^\[\]\n]*\]{_TARGET}")
_LINK = re.compile(rf"(\[)([^\[\]\n]+)(\]{_TARGET}|\]\[[^\[\]\n]*\])")
_REFERENCE_DEFINITION = re.compile(r"^ {0,3}\[[^\]\n]+\]:[^\n]*$", re.M)
_INLINE_CODE = re.compile(r"`[^`\n]+`")
_LINE_MARKERS = re.compile(r"^( {0,3})(#{1,6}[ \t]|>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)+",
                           re.M)
_CLOSING_HASHES = re.compile(r"(?<![ \t])[ \t]+#+[ \t]*$", re.M)
_HEADING = re.compile(r" {0,3}#{1,6}[ \t]")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.M)
# Emphasis never spans its own delimiter character, so `**bold *italic* bold**` leaves the
# outer pair in place (harmless punctuation) but every scan ends at the next delimiter.
_EMPHASIS = re.compile(r"(?<![\w*_])(?:(\*\*?)(?=\S)([^*\n]+?)(?<=\S)\1"
                       r"|(__?)(?=\S)([^_\n]+?)(?<=\S)\3)(?![\w*_])")


def is_markdown(path: str) -> bool:
    return path.lower().endswith(MARKDOWN_SUFFIXES)


def blank_markdown(text: str) -> str:
    """`text` with everything that is not prose replaced by spaces; same length, same lines."""
    chars = list(text)
    for pattern in (FRONT_MATTER, _FENCE, _COMMENT, _TAG, _IMAGE, _REFERENCE_DEFINITION,
                    _INLINE_CODE, _RULE):
        for match in pattern.finditer(text):
            _blank(chars, match.start(), match.end())
    for match in _LINK.finditer(text):
        _blank(chars, match.start(1), match.end(1))
        _blank(chars, match.start(3), match.end(3))
    for match in _LINE_MARKERS.finditer(text):
        _blank(chars, match.start(), match.end())
    for match in _CLOSING_HASHES.finditer(text):
        if _HEADING.match(text, text.rfind("\n", 0, match.start()) + 1):
            _blank(chars, match.start(), match.end())
    blanked = "".join(chars)
    for match in _EMPHASIS.finditer(blanked):
        opening, inner = (1, 2) if match.group(1) else (3, 4)
        _blank(chars, match.start(opening), match.end(opening))
        _blank(chars, match.end(inner), match.end())
    return "".join(chars)


def _blank(chars: list[str], start: int, end: int) -> None:
    for index in range(start, end):
        if chars[index] not in "\n\r":
            chars[index] = " "


def with_original_text(report, original: str):
    """A report computed on the blanked text, with its quoted snippets taken from the file."""
    from dataclasses import replace

    def span(s):
        return replace(s, text=original[s.start:s.end]) if s is not None else None

    return replace(
        report, text=original,
        findings=tuple(replace(f, text=original[f.start:f.end]) for f in report.findings),
        attributions=tuple(replace(a, content=span(a.content), source=span(a.source),
                                   cue=span(a.cue)) for a in report.attributions),
        wire_credits=tuple(replace(w, text=original[w.start:w.end])
                           for w in report.wire_credits),
    )
