"""SRC402 rhetorical-filler: clichés and empty framing where reporting should be.

What it flags:
    Stock phrases that fill space without informing ("as the world watches", "only time will
    tell", "with bated breath", "the stakes are high", "it remains to be seen", "hangs in the
    balance") and editorialising adverbs ("woefully", "shockingly", "tellingly") in the
    reporter's own words. Text inside quotation marks is never flagged: a source may speak in
    clichés. The phrases live in `data/filler.txt` and `data/editorial_adverbs.txt`; newsrooms add
    their own with `extra_phrases`. The sub-score falls with density per 1,000 words.

Why it matters:
    Filler pads a story with the look of analysis and often smuggles in a judgement no source
    made. Dense filler is a sign that reporting is missing.

Example (flagged):
    As the world watches closely, the call could play a pivotal role.

Not flagged:
    "Only time will tell," the minister said.

Options:
    extra_phrases (list of regex, default []): more filler phrases.
    ignore_phrases (list of str, default []): built-in phrases to stop flagging.
    scale (float, default 5.0): density per 1,000 words at which the sub-score falls to 37.

Sources:
    The Economist Style Guide, "Clichés"; AP Stylebook, "editorializing"; Orwell, "Politics and
    the English Language" (stale metaphors); BBC Editorial Guidelines, "Impartiality".
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
    ignore_phrases: tuple[str, ...] = ()
    scale: Positive = 5.0


def check(analysis: Analysis, options: Options):
    ignored = {p.lower() for p in options.ignore_phrases}
    phrases = [p for p in packaged_phrases(__package__, "data/filler.txt") + options.extra_phrases
               if p.lower() not in ignored]
    adverbs = [a for a in packaged_phrases(__package__, "data/editorial_adverbs.txt")
               if a.lower() not in ignored]
    flags = [Flag(m.start(), m.end(), f"rhetorical filler \u201c{m.group(0)}\u201d",
                  suggestion="replace with a reported fact, or cut")
             for m in find_unquoted(phrase_pattern(phrases), analysis)]
    flags += [Flag(m.start(), m.end(), f"editorialising adverb \u201c{m.group(0)}\u201d",
                   suggestion="let the facts carry the judgement", severity="suggestion")
              for m in find_unquoted(phrase_pattern(adverbs), analysis)]
    return density_outcome(flags, analysis, options.scale, "filler phrases")


@hookimpl
def sourcescore_register_rules(register):
    register(Rule("SRC402", "rhetorical-filler", "Clichés and empty framing",
                  check, Options, weight=1.5, severity="warning", doc=__doc__))
