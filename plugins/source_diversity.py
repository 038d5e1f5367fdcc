"""SRC103 source-diversity: single-source stories and one voice drowning out the rest.

What it flags:
    A story whose attributions come from one source, or where one source supplies more than
    `max_share` of them. Sources are counted after resolving pronouns and titles to names
    ("he", "the envoy" -> "Steve Witkoff") and folding surnames into full names ("Witkoff" ->
    "Steve Witkoff"). The sub-score is 30 for one source, 70 for two, 100 for three or more,
    less 1 point per percentage point by which the dominant source exceeds `max_share`.

Why it matters:
    A claim confirmed by one source is a claim, not a finding. Standards desks ask for a second
    source on contested facts and for the other side's response; a story carried by a single
    voice is one-sided even when that voice is named.

Example (flagged):
    Finance Minister Ana Ruiz said the budget would pass on Friday. Ruiz said taxes would not
    rise. She added that schools would get more money.

Not flagged:
    Finance Minister Ana Ruiz said the budget would pass on Friday. Opposition leader Tom Hale
    said it would not. Economist Lea Park of Oxford University said both were guessing.

Options:
    max_share (float, default 0.6): the largest share of attributions one source may supply.
    min_attributions (int, default 3): shorter stories are not judged on diversity.

Sources:
    Reuters Handbook of Journalism, "Sourcing" (multiple sources); BBC Editorial Guidelines,
    "Impartiality" (a range of voices); SPJ Code of Ethics, "Seek sources whose voices we seldom
    hear".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sourcescore import hookimpl
from sourcescore.model import Analysis, Attribution, Flag
from sourcescore.options import PositiveCount, Share
from sourcescore.rules import Rule
from sourcescore.ruletools import outcome, plural

_COUNTED = frozenset({"person", "organization", "agency", "media", "document", "anonymous"})


@dataclass(frozen=True)
class Options:
    max_share: Share = 0.6
    min_attributions: PositiveCount = 3


def source_key(attribution: Attribution) -> str:
    """A name to count distinct sources by."""
    name = attribution.source_name or (attribution.source.text if attribution.source else "")
    return " ".join(name.lower().replace("’s", "").split())


def check(analysis: Analysis, options: Options):
    sourced = [a for a in analysis.attributions
               if a.source_type in _COUNTED and a.source and a.is_speech]
    if len(sourced) < options.min_attributions:
        return outcome(None, [], f"{plural(len(sourced), 'attribution')}: too few to judge "
                       "diversity")
    keys = _fold_surnames([source_key(a) for a in sourced])
    counts = Counter(keys)
    top_key, top_count = max(sorted(counts.items()), key=lambda kv: kv[1])
    share = top_count / len(sourced)
    distinct = len(counts)
    score = {1: 30.0, 2: 70.0}.get(distinct, 100.0)
    if share > options.max_share:
        score -= 100 * (share - options.max_share)
    flags = []
    first = sourced[keys.index(top_key)]
    voice = first.source  # every counted attribution has one (see `sourced`)
    assert voice is not None
    if distinct == 1:
        flags.append(Flag(voice.start, voice.end,
                          f"single-source story: {_all_come_from(len(sourced))} "
                          f"\u201c{first.source_name or voice.text}\u201d",
                          suggestion="add an independent source or the other side's response"))
    elif share > options.max_share:
        flags.append(Flag(voice.start, voice.end,
                          f"one voice dominates: \u201c{first.source_name or voice.text}"
                          f"\u201d supplies {top_count} of {len(sourced)} attributions",
                          suggestion="balance with other sources", severity="suggestion"))
    return outcome(max(0.0, score), flags,
                   f"{distinct} distinct sources; the most quoted supplies {share:.0%}",
                   distinct_sources=distinct, dominant_share=round(share, 3))


def _fold_surnames(keys: list[str]) -> list[str]:
    """Map a bare surname (or shorter name) onto the longest name ending with it."""
    full = sorted(set(keys), key=len, reverse=True)
    folded = []
    for key in keys:
        last = key.split()[-1] if key else key
        match = next((f for f in full if f != key and f.split() and f.split()[-1] == last
                      and len(f) > len(key)), key)
        folded.append(match)
    return folded


@hookimpl
def sourcescore_register_rules(register):
    register(Rule("SRC103", "source-diversity", "Single-source stories and dominant voices",
                  check, Options, weight=1.5, severity="warning", doc=__doc__))


def _all_come_from(count: int) -> str:
    return "the one attribution comes from" if count == 1 else \
        f"all {count} attributions come from"
