"""Reading inputs: bytes to text, and offsets to line and column.

Offsets everywhere are indices into the text exactly as decoded here (UTF-8, or UTF-16 when a BOM
says so; a leading BOM dropped). Nothing else is normalised, so `text[start:end]` is what a report
quotes, and CRLF files keep their offsets.
"""

from __future__ import annotations

import bisect
import codecs
from pathlib import Path

from sourcescore.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
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


def read_text(path: Path) -> str:
    """Read and decode one article file."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return decode(data, str(path))


class LineIndex:
    """Maps character offsets to 1-based line and column numbers (columns count code points)."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        self._starts.extend(i + 1 for i, ch in enumerate(text) if ch == "\n")

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1
