"""Find wire-agency credits: datelines, bylines, credit lines, and agencies cited in the text.

`dateline`, `byline` and `credit_line` mean the story is (partly) that agency's copy; `in_text`
means the story cites the agency as a source ("according to the Interfax news agency"). Detection
is by pattern on the raw text, so it needs no model; each credit keeps the exact text that
triggered it as evidence. Look-alikes are excluded: a photo credit ("Name / Reuters"), a poll name
("AP-GfK poll"), or an agency mentioned without a citing verb.
"""

from __future__ import annotations

import re
from functools import lru_cache

from sourcescore.analysis.lexicon import AGENCIES, DATELINE_ONLY_AGENCY_NAMES
from sourcescore.model import Paragraph, WireCredit


def agency_names(in_running_text: bool) -> tuple[str, ...]:
    """Every name of every agency, longest first; in running text (a citation, a source's
    name), without the abbreviations only a dateline makes unambiguous. The one definition of
    which words name an agency: wire credits, source typing and second-hand sourcing read it."""
    names = {a for aliases in AGENCIES.values() for a in aliases}
    if in_running_text:
        names -= DATELINE_ONLY_AGENCY_NAMES
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


@lru_cache(maxsize=1)
def agency_mention() -> re.Pattern[str]:
    """An agency named in running text, as a whole word: "Reuters", "the AP"."""
    names = "|".join(re.escape(n) for n in agency_names(in_running_text=True))
    return re.compile(rf"\b(?:{names})\b")


@lru_cache(maxsize=1)
def _alias_index() -> tuple[dict[str, str], str, str]:
    """alias -> canonical name, plus regex alternations for all aliases and for citing contexts."""
    index = {alias.lower(): name for name, aliases in AGENCIES.items() for alias in aliases}
    every = "|".join(re.escape(a) for a in agency_names(in_running_text=False))
    citable = "|".join(re.escape(a) for a in agency_names(in_running_text=True))
    return index, every, citable


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    _, every, citable = _alias_index()
    counter = iter(range(100))

    def agency() -> str:
        # Each alternative needs its own group name; `_agency_of` reads whichever matched.
        return rf"(?:[Tt]he\s+)?(?P<agency{next(counter)}>{citable})(?:\s+news\s+agency)?"

    return {
        # PASADENA, Calif., Jan. 1 (UPI) —    Mexico City (AFP) –    LONDON (Reuters) -
        "dateline": re.compile(
            rf"^(?P<place>[A-Z][\w.,'’\- ]{{0,60}}?)\s*\((?P<agency_>{every})\)\s*[—–-]"),
        # By JANE DOE, Associated Press    By Jane Doe | AP
        "byline": re.compile(rf"^By\s+[^\n]{{2,80}}?[,|/–—-]\s*{agency()}(?:\s+\w+)?\s*$"),
        # (Reporting by X; Editing by Y) is Reuters' house credit line.
        "reuters_credit": re.compile(r"^\(?\s*(?:Additional\s+)?[Rr]eporting\s+by\b[^\n]*"
                                     r"(?:[Ee]diting|[Ww]riting)\s+by\b[^\n]*$"),
        "credit": re.compile(
            rf"^(?:(?:Copyright|©)\s*(?:\d{{4}}\s+)?{agency()}|{agency()}\s+contributed\s+to"
            rf"|[^\n]{{0,80}}\bof\s+{agency()}\s+contributed|Material\s+from\s+{agency()}"
            rf"|\(?{agency()}\)?\.?$)"),
        "in_text": re.compile(
            rf"\b(?:according\s+to|reported\s+by|quoted\s+by|cited\s+by|told|citing"
            rf"|interview\s+with|(?:said|told)\s+in\s+an\s+interview\s+with)\s+{agency()}\b"
            rf"|\b{agency()}\s+(?:reported|reports|said|quoted|cited|learned|obtained)\b"
            rf"|\[\s*{agency()}\s*\.?\s*\]"),
    }


def find_wire_credits(text: str, paragraphs: tuple[Paragraph, ...]) -> tuple[WireCredit, ...]:
    """Return the agency credits found in `text`, in text order."""
    index, _, _ = _alias_index()
    pats = _patterns()
    credits: list[WireCredit] = []
    head, tail = paragraphs[:5], paragraphs[-4:]
    for para in paragraphs:
        line = text[para.start:para.end]
        found = None
        if para in head and (m := pats["dateline"].match(line)):
            found = ("dateline", m)
        elif m := pats["byline"].match(line):
            found = ("byline" if para in head else "credit_line", m)
        elif para in tail and (m := pats["reuters_credit"].match(line)):
            credits.append(WireCredit("Reuters", "credit_line", para.start, para.end, line))
            continue
        elif (para in head or para in tail) and len(line) < 160 and \
                (m := pats["credit"].match(line)):
            found = ("credit_line", m)
        if found:
            form, m = found
            credits.append(WireCredit(index[_agency_of(m).lower()], form,
                                      para.start + m.start(), para.start + m.end(), m.group(0)))
            continue
        for m in pats["in_text"].finditer(line):
            credits.append(WireCredit(index[_agency_of(m).lower()], "in_text",
                                      para.start + m.start(), para.start + m.end(), m.group(0)))
    return tuple(credits)


def _agency_of(match: re.Match[str]) -> str:
    return next(v for k, v in match.groupdict().items() if k.startswith("agency") and v)
