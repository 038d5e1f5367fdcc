"""Reading inputs: bytes to text, and offsets to line and column.

Offsets everywhere are indices into the text exactly as decoded here (UTF-8, or UTF-16 or
UTF-32 when a BOM says so; a leading BOM dropped). Nothing else is normalised, so
`text[start:end]` is what a report quotes, and CRLF files keep their offsets.
"""

from __future__ import annotations

import bisect
import codecs
import re

from sourcescore.errors import InputError

#: Byte-order marks, longest first: UTF-32's little-endian mark begins with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode(data: bytes, name: str = "<input>") -> str:
    """Decode an article's bytes, refusing binary data and invalid UTF-8 with a clear message."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(f"{name}: not valid {encoding} despite its byte-order mark "
                                 f"(byte {exc.start})") from None
    if b"\x00" in data[:8192]:
        raise InputError(f"{name}: looks like binary data (NUL bytes), not a text article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid UTF-8 at byte {exc.start}; "
                         "re-save the file as UTF-8") from None


class LineIndex:
    """Maps character offsets to 1-based line and column numbers (columns count code points)."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        self._starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1


#: Characters a terminal or a CI log would act on rather than show: C0 and C1 controls (ESC
#: starts terminal and workflow-command sequences), Unicode line and paragraph separators, and
#: the bidirectional overrides that make text display in another order than it reads.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """`text` with every character a terminal could act on written as an escape (`\\x1b`,
    `\\n`), so a file name or a story cannot move the cursor, retitle the window or start a
    GitHub workflow command when a report is printed."""
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group(0)
    code = ord(char)
    return _NAMED_ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


#: Characters XML 1.0 forbids, even escaped: most C0 controls, lone surrogates, U+FFFE/U+FFFF.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """`text` with the characters XML cannot hold written as escapes, so a report parses."""
    return _XML_INVALID.sub(_escape, text)
