"""Who publishes the story, as far as the story itself says: the house whose own reporting it is.

Citing one's own interview, poll or analysis is reporting, not second-hand sourcing, so the
rules need to know the house. From the text alone, in the order tried:

* wire copy: the agency a dateline, byline or credit line gives the story to ("LONDON
  (Reuters) -", "By The Associated Press") - every such agency is house;
* an outlet named in a byline or boilerplate line ("By Jane Doe, The Washington Post",
  "Copyright 2016 USA TODAY", "Follow HuffPost Politics");
* an outlet written in its own house style, capitals where everyone else writes it in title
  case ("told POLITICO", "told USA TODAY"): outlets style their name so in their own copy.

A page's metadata (an HTML site name, a `publisher:` in front matter) or the `publisher`
option names it outright, and wins over the text.
"""

from __future__ import annotations

import bisect
import re

from sourcescore.analysis.lexicon import MEDIA_OUTLETS
from sourcescore.analysis.sources import outlet_named
from sourcescore.model import COPY_FORMS, Sentence, WireCredit

#: Lines in which a house names itself: a byline, a copyright, a follow-us prompt. Not a credit
#: to someone else ("h/t Mediaite", "Reuters contributed to this report").
_OWN_LINE = re.compile(r"^\W*(?:by\b|\u00a9|copyright\b|\(c\)|follow\b|subscribe\b|sign up\b)"
                       r"|\s[|\u2014\u2013-]\s*(?:the\s+)?[A-Z]", re.IGNORECASE)


def find_house(text: str, sentences: tuple[Sentence, ...],
               wire_credits: tuple[WireCredit, ...]) -> tuple[tuple[str, ...], str]:
    """(house names, evidence): the agencies whose copy it is and the outlet its bylines or
    boilerplate name."""
    house = sorted({c.agency for c in wire_credits if c.form in COPY_FORMS})
    evidence = [f"{name} copy" for name in house]
    for line in _credit_lines(text, sentences):
        outlet = outlet_named(line) if _OWN_LINE.search(line) else None
        if outlet is not None and outlet not in house:
            house.append(outlet)
            evidence.append(f"\u201c{line.strip()[:60]}\u201d")
    styled = _house_styled(text)
    if styled is not None and styled not in house:
        house.append(styled)
        evidence.append(f"writes its name in house style (\u201c{styled}\u201d)")
    return tuple(house), "; ".join(evidence)


def _credit_lines(text: str, sentences: tuple[Sentence, ...]) -> list[str]:
    """The whole lines that hold a byline or boilerplate sentence ("By Jane Roe | The Post"
    may parse as several sentences), each line once."""
    starts: list[int] | None = None
    seen: dict[int, str] = {}
    for sentence in sentences:
        if sentence.role not in ("byline", "boilerplate"):
            continue
        if starts is None:  # built once, only for a story that has such lines
            starts = [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")]
        line = bisect.bisect_right(starts, sentence.start) - 1
        if line not in seen:
            end = starts[line + 1] - 1 if line + 1 < len(starts) else len(text)
            seen[line] = text[starts[line]:end]
    return list(seen.values())


def _house_styled(text: str) -> str | None:
    """An outlet named in capitals where the outlet list also has it in title case."""
    for name in _HOUSE_STYLED:
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            return name
    return None


#: Outlet names listed both in capitals and in title case, of five letters or more (not an
#: acronym such as CNN): "POLITICO" and "Politico".
_HOUSE_STYLED = tuple(sorted(
    name for name in MEDIA_OUTLETS if name.isupper() and len(name.replace(" ", "")) >= 5
    and any(other != name and other.upper() == name for other in MEDIA_OUTLETS)))
