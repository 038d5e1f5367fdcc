"""A genre declared outside the text, recorded like an exemption.

`genre: transcript` in a story's front matter (or a page's section, or `sourcescore.genre`)
changes how the story is judged: the transcript profile turns SRC301 off. That is a decision
someone made about the story, so the report keeps it on record exactly as it keeps an inline
exemption: an `exemptions` entry of action `genre` that names where the genre came from, the
rules it turned off and the findings those rules make when the story is read as the genre its
own text shows. The score is the declared genre's: the declaration is part of the story, and
a transcript really is judged differently; the record lets an editor see what it set aside.
"""

from __future__ import annotations

from sourcescore.config import Config
from sourcescore.engine import judge
from sourcescore.model import Analysis
from sourcescore.report import Exemption
from sourcescore.rules import Rule


def genre_waiver(detected: Analysis, declared: Analysis, rules: list[Rule],
                 config: Config) -> Exemption | None:
    """The record of rules a declared genre turned off that the text's own genre runs, with
    the findings they make on the text's own reading; None when nothing was turned off."""
    if declared.genre == detected.genre:
        return None
    off = [rule for rule in rules if not config.for_genre(rule.code, declared.genre).enabled
           and config.for_genre(rule.code, detected.genre).enabled]
    if not off:
        return None
    findings = judge(detected, off, config).findings
    return Exemption(
        action="genre", rules=(declared.genre,), codes=tuple(rule.code for rule in off),
        reason=f"{declared.genre_evidence} sets the genre {declared.genre}; the text reads as "
               f"{detected.genre} ({detected.genre_evidence})",
        start=0, end=0, line=1, applies_start=0, applies_end=len(detected.text),
        suppressed=findings)
