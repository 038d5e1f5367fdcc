"""EXM101 exclamation: exclamation marks in the reporter's own words.

What it flags:
    Every "!" outside quotation marks.

Why it matters:
    News copy states; it does not exclaim.

Example (flagged):
    The deal is done!

Not flagged:
    "The deal is done!" she said.

Options:
    none.

Sources:
    AP Stylebook, "exclamation point".
"""

from dataclasses import dataclass

from sourcescore import hookimpl
from sourcescore.model import Flag, RuleOutcome
from sourcescore.rules import Rule


@dataclass(frozen=True)
class Options:
    pass


def check(analysis, options):
    flags = tuple(Flag(i, i + 1, "exclamation mark in the reporter's voice")
                  for i, ch in enumerate(analysis.text)
                  if ch == "!" and not analysis.in_quotation(i, i + 1))
    return RuleOutcome(100.0 if not flags else 50.0, flags, f"{len(flags)} exclamation marks")


@hookimpl
def sourcescore_register_rules(register):
    register(Rule("EXM101", "exclamation", "Exclamation marks in the reporter's voice", check,
                  Options, weight=1.0, severity="warning", doc=__doc__))
