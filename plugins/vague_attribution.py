"""SRC302 vague-attribution: weasel words standing in for a source.

What it flags:
    Attributions to nobody in particular, in the reporter's own words: "critics say", "many
    fear", "it is believed", "observers note", "reportedly", "is said to", "sources say". The
    phrases live in `data/weasel.txt` (regular expressions) and the `extra_phrases` option. The
    sub-score falls with their density per 1,000 words.

Why it matters:
    A weasel attribution gives a claim the look of sourcing without its substance; the reader
    cannot tell whether "critics" are two people or two thousand, or whether "reportedly" means
    the outlet checked.

Example (flagged):
    The administration is reportedly confident that a deal is within reach.

Not flagged:
    Two administration officials said they were confident a deal was within reach.

Options:
    extra_phrases (list of regex, default []): more weasel phrases.
    scale (float, default 4.0): density per 1,000 words at which the sub-score falls to 37.

Sources:
    AP Stylebook, "reportedly" and "sources"; Reuters Handbook of Journalism, "Attribution";
    Wikipedia's Manual of Style, "Unsupported attributions" (weasel words).
"""

from __future__ import annotations

from dataclasses import dataclass

from sourcescore import hookimpl
from sourcescore.model import Analysis, Flag
from sourcescore.options import Positive, Regex
from sourcescore.rules import Rule
from sourcescore.ruletools import density_outcome, find_unquoted, packaged_phrases, phrase_pattern


@dataclass(frozen=True)
class Options:
    extra_phrases: tuple[Regex, ...] = ()
    scale: Positive = 4.0


def check(analysis: Analysis, options: Options):
    pattern = phrase_pattern(packaged_phrases(__package__, "data/weasel.txt")
                             + options.extra_phrases)
    flags = [Flag(m.start(), m.end(), f"vague attribution \u201c{m.group(0)}\u201d names no "
                                      "source", suggestion="name who says so, or cut the claim")
             for m in find_unquoted(pattern, analysis)]
    return density_outcome(flags, analysis, options.scale, "vague attributions")


@hookimpl
def sourcescore_register_rules(register):
    register(Rule("SRC302", "vague-attribution", "Weasel words standing in for a source",
                  check, Options, weight=1.5, severity="warning", doc=__doc__))
