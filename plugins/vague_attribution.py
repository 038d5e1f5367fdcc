"""SRC302 vague-attribution: a claim put to a source nobody can check.

What it flags:
    In the reporter's own words (never inside quotation marks, never in headlines or other
    non-body lines), the grammatical shapes that give a claim the look of a source without one
    (`sourcescore.editorial.vague` declares each with its examples):
    speech or belief put to a vague group ("critics say", "many economists believe", "Traders
    expect"), unless the story names members of that group; a view in the passive with nobody
    holding it ("is expected to", "is widely seen as", "it is believed that"); a reaction with
    nobody reacting ("has drawn criticism", "sparked speculation", "came under fire"); a state
    of mind nobody holds ("hopes remain", "fears grew"); "there is a widespread recognition
    that ..."; "has been controversial"; polls, studies or models that show something with
    none named ("polls show", "most forecast models give"); and "reportedly", "allegedly",
    "supposedly" as a hedge ("allegedly" for a charge in crime and court reporting is standard
    and left alone). Phrases in `extra_phrases` are flagged too. The sub-score falls with the
    findings' density per 1,000 words.

Why it matters:
    A vague attribution gives a claim the look of sourcing without its substance: the reader
    cannot tell whether "critics" are two people or two thousand, who expects what "is
    expected", or whether "reportedly" means the outlet checked.

Example (flagged):
    The central bank is not expected to change rates, and critics say the plan is doomed.

Not flagged:
    Two bank officials said rates would not change; Senator Jane Doe called the plan doomed.

Options:
    constructions (list of str, default all): the constructions checked: group-says,
    held-by-many, agentless-passive, reaction-drawn, mood-persists, there-is-a-view,
    contested, unnamed-evidence, hedge-adverb.
    extra_phrases (list of regex, default []): more phrases to flag as vague attribution.
    scale (float, default 4.0): density per 1,000 words at which the sub-score falls to 37.

Sources:
    AP Stylebook, "reportedly" and "sources"; Reuters Handbook of Journalism, "Attribution";
    Wikipedia's Manual of Style, "Unsupported attributions" (weasel words).
"""

from __future__ import annotations

from dataclasses import dataclass

from sourcescore import hookimpl
from sourcescore.editorial.reading import found_by, reading
from sourcescore.editorial.vague import NAMES, VAGUE, ConstructionName
from sourcescore.model import Analysis, Flag
from sourcescore.options import Positive, Regex
from sourcescore.rules import Rule
from sourcescore.ruletools import density_outcome, find_unquoted, phrase_pattern


@dataclass(frozen=True)
class Options:
    constructions: tuple[ConstructionName, ...] = NAMES
    extra_phrases: tuple[Regex, ...] = ()
    scale: Positive = 4.0


def check(analysis: Analysis, options: Options):
    flags = []
    for in_sentence in found_by(analysis, VAGUE, reading(analysis).vague, options.constructions):
        for found in in_sentence:
            text = analysis.text[found.start:found.end]
            flags.append(Flag(found.start, found.end,
                              f"vague attribution \u201c{text}\u201d: "
                              f"{found.construction.summary}",
                              suggestion="name who says so, or cut the claim",
                              confidence=found.construction.confidence,
                              decided_by=found.name))
    taken = [(f.start, f.end) for f in flags]
    for match in find_unquoted(phrase_pattern(options.extra_phrases), analysis):
        if not any(s < match.end() and match.start() < e for s, e in taken):
            flags.append(Flag(match.start(), match.end(),
                              f"vague attribution \u201c{match.group(0)}\u201d names no source",
                              suggestion="name who says so, or cut the claim",
                              decided_by="extra-phrase"))
    return density_outcome(flags, analysis, options.scale, "vague attribution")


@hookimpl
def sourcescore_register_rules(register):
    register(Rule("SRC302", "vague-attribution", "Claims put to sources nobody can check",
                  check, Options, weight=1.5, severity="warning", doc=__doc__))
