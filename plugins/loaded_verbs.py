"""SRC401 loaded-verbs: attribution verbs that take sides.

What it flags:
    Attribution cues such as "claimed", "admitted", "insisted", "conceded", "slammed" where a
    neutral "said" fits. Reported as suggestions: sometimes the loaded verb is the accurate one.
    The sub-score is the share of speech cues that are neutral; beliefs and inferences ("wants",
    "seems") are not attribution verbs and are not counted.

Why it matters:
    "Claimed" implies doubt, "admitted" and "conceded" imply a confession, "insisted" implies
    defensiveness. Used casually they editorialise inside what looks like neutral attribution.

Example (flagged):
    The minister claimed the talks had gone well.

Not flagged:
    The minister said the talks had gone well.

Options:
    verbs (list of lemmas): the verbs to flag; the default list is below in `DEFAULT_VERBS`.

Sources:
    AP Stylebook, "said" (the neutral attribution verb); Reuters Handbook of Journalism,
    "Attribution"; BBC Editorial Guidelines, "Impartiality: language".
"""

from __future__ import annotations

from dataclasses import dataclass

from sourcescore import hookimpl
from sourcescore.model import Analysis, Flag
from sourcescore.rules import Rule
from sourcescore.ruletools import outcome

DEFAULT_VERBS = ("claim", "admit", "insist", "concede", "confess", "allege", "boast", "brag",
                 "complain", "whine", "scoff", "sneer", "slam", "blast", "rant", "retort",
                 "lament", "grumble", "gloat")

_WHY = {
    "claim": "implies doubt about what was said",
    "admit": "implies a confession",
    "concede": "implies a confession",
    "confess": "implies wrongdoing",
    "insist": "implies defensiveness",
    "allege": "implies an accusation",
}


@dataclass(frozen=True)
class Options:
    verbs: tuple[str, ...] = DEFAULT_VERBS


def check(analysis: Analysis, options: Options):
    cued = [a for a in analysis.attributions if a.cue is not None and a.cue_lemma and a.is_speech]
    if not cued:
        return outcome(None, [], "no attribution verbs: not applicable")
    loaded = set(options.verbs)
    flags = [Flag(a.cue.start, a.cue.end,
                  f"loaded attribution verb \u201c{a.cue.text}\u201d "
                  f"{_WHY.get(a.cue_lemma, 'takes a side')}",
                  suggestion="use \u201csaid\u201d unless the loaded sense is the point")
             for a in cued if a.cue_lemma in loaded]
    share = 1 - len(flags) / len(cued)
    return outcome(100 * share, flags, f"{len(flags)} of {len(cued)} attribution verbs are loaded",
                   loaded=len(flags), cues=len(cued))


@hookimpl
def sourcescore_register_rules(register):
    register(Rule("SRC401", "loaded-verbs", "Attribution verbs that take sides",
                  check, Options, weight=0.5, severity="suggestion", doc=__doc__))
