"""SRC101 named-source-ratio: how much of the story's sourcing names who is speaking.

What it measures:
    The share of the story's sourcing, weighted by prominence, whose source is named: a person,
    an organisation, an agency, another outlet, a document or a poll, against unnamed sources
    ("officials said", "a person familiar with the talks said"): the same unnamed sources
    SRC102 asks for a reason, decided once (`editorial.sourcing.unnamed_sources`), so a public
    post, a source inside another's words, a party's counsel and a source the story names
    elsewhere are not counted unnamed. Pronouns count as the person they resolve to;
    unresolved pronouns, vague groups and missing sources are left out of the ratio. It flags
    nothing: an unnamed source that needs fixing is SRC102's finding, and one problem gives
    one finding.

Why it matters:
    Readers can weigh a claim only when they know who makes it. A story whose key claims rest on
    anonymous sources asks readers for trust it does not earn; prominence weighting (lead
    paragraphs and direct quotes count more) means one anonymous background line costs little,
    an anonymous lead a lot.

Example (scores low):
    Senior officials said the ceasefire talks had collapsed.

Scores full marks:
    Foreign Minister Jane Doe said the ceasefire talks had collapsed.

Options:
    min_attributions (int, default 1): fewer attributions than this and the rule does not apply.

Sources:
    AP Stylebook, "anonymous sources"; Reuters Handbook of Journalism, "Sourcing"; SPJ Code of
    Ethics, "Identify sources clearly"; New York Times and Washington Post policies on the use of
    anonymous sources.
"""

from __future__ import annotations

from dataclasses import dataclass

from sourcescore import hookimpl
from sourcescore.editorial.sourcing import unnamed_sources
from sourcescore.model import Analysis
from sourcescore.options import PositiveCount
from sourcescore.rules import Rule
from sourcescore.ruletools import outcome, prominence


@dataclass(frozen=True)
class Options:
    min_attributions: PositiveCount = 1


def check(analysis: Analysis, options: Options):
    named = anonymous = 0.0
    counted = unnamed = 0
    unnamed_ids = {id(a) for a in unnamed_sources(analysis)}
    for attribution in analysis.attributions:
        if not attribution.is_speech:
            continue  # a stance the reporter ascribes is not sourcing
        weight = prominence(analysis, attribution)
        if attribution.is_named:
            named += weight
        elif id(attribution) in unnamed_ids:
            anonymous += weight
            unnamed += 1
        else:
            continue  # a vague group, a pronoun, a post or a source named elsewhere
        counted += 1
    if counted < options.min_attributions or named + anonymous == 0:
        return outcome(None, [], "no attributions with a typed source: not applicable")
    share = named / (named + anonymous)
    summary = (f"{share:.0%} of prominence-weighted sourcing is named "
               f"({counted - unnamed} named, {unnamed} unnamed attributions)")
    return outcome(100 * share, [], summary, named=counted - unnamed, unnamed=unnamed)


@hookimpl
def sourcescore_register_rules(register):
    register(Rule("SRC101", "named-source-ratio", "Share of sourcing that names its sources",
                  check, Options, weight=3.0, severity="warning", doc=__doc__))
