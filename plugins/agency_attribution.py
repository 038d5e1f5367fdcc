"""SRC201 agency-attribution: credited wire copy, agency citations and second-hand sourcing.

What it flags:
    Statements the story relays from another outlet or agency ("told CNN's State of the Union",
    "according to the Interfax news agency", "as reported by Reuters"): second-hand sourcing,
    reported as suggestions so an editor can check each was confirmed or is clearly credited.
    The sub-score is the share of attributions that are first-hand, counting credited
    second-hand ones at `second_hand_credit`. Wire copy that carries its dateline, byline or
    credit line counts as first-hand reporting by that agency.

Why it matters:
    Relaying another outlet's reporting is legitimate only with credit, and it is weaker than
    reporting of one's own: the claim has not been independently confirmed. Readers deserve to
    know which is which.

Example (flagged):
    Peskov expressed "cautious optimism", according to the Interfax news agency.

Not flagged:
    Peskov told reporters in Moscow he felt "cautious optimism".

Options:
    second_hand_credit (float, default 0.6): how much a credited second-hand attribution counts
    towards the sub-score, against 1.0 for a first-hand one.

Sources:
    AP Stylebook, "sources" and "wire credits"; Reuters Handbook of Journalism, "Attribution of
    other media"; BBC Editorial Guidelines, "Accuracy: attributing other outlets' reports".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sourcescore import hookimpl
from sourcescore.analysis.lexicon import MEDIA_OUTLETS
from sourcescore.analysis.wire import agency_names
from sourcescore.model import COPY_FORMS, Analysis, Attribution, Flag
from sourcescore.options import Share
from sourcescore.rules import Rule
from sourcescore.ruletools import outcome


@dataclass(frozen=True)
class Options:
    second_hand_credit: Share = 0.6


@lru_cache(maxsize=1)
def _relay_pattern() -> re.Pattern[str]:
    outlets = sorted(set(MEDIA_OUTLETS) | set(agency_names(in_running_text=True)),
                     key=lambda n: (-len(n), n))
    names = "|".join(re.escape(o) for o in outlets)
    return re.compile(rf"\b(?:told|on|to|with|in|according to|reported by|by|in an interview with)"
                      rf"\s+(?:the\s+|The\s+)?(?:[A-Z][\w.]*\s+){{0,3}}?(?:{names})\b"
                      rf"|\b(?:{names})(?:’s|'s)?\s+(?:interview|broadcast|program|show|report)\b")


def relayed_by(analysis: Analysis, attribution: Attribution) -> str | None:
    """The outlet or agency an attribution is relayed through, if the text says so."""
    if attribution.source_type in ("media", "agency"):
        return attribution.source.text if attribution.source else None
    if attribution.sentence >= len(analysis.sentences):
        return None
    sentence = analysis.sentences[attribution.sentence]
    for match in _relay_pattern().finditer(sentence.text):
        start = sentence.start + match.start()
        if not analysis.in_quotation(start, sentence.start + match.end()):
            return match.group(0)
    return None


def check(analysis: Analysis, options: Options):
    copy_credits = sorted({c.agency for c in analysis.wire_credits if c.form in COPY_FORMS})
    sourced = [a for a in analysis.attributions if a.source is not None and a.is_speech]
    if not sourced:
        return outcome(None, [], "no sourced attributions: not applicable",
                       agency_copy=", ".join(copy_credits))
    flags, second_hand = [], 0
    for attribution in sourced:
        via = relayed_by(analysis, attribution)
        if via is None:
            continue
        second_hand += 1
        span = attribution.cue or attribution.source
        flags.append(Flag(span.start, span.end,
                          f"second-hand sourcing: relayed via \u201c{via}\u201d",
                          suggestion="confirm independently, or keep the credit prominent",
                          severity="suggestion"))
    first_hand = len(sourced) - second_hand
    share = (first_hand + options.second_hand_credit * second_hand) / len(sourced)
    summary = f"{first_hand} first-hand and {second_hand} second-hand attributions"
    if copy_credits:
        summary += f"; credited agency copy: {', '.join(copy_credits)}"
    return outcome(100 * share, flags, summary, first_hand=first_hand, second_hand=second_hand,
                   agency_copy=", ".join(copy_credits))


@hookimpl
def sourcescore_register_rules(register):
    register(Rule("SRC201", "agency-attribution",
                  "Wire credits, agency citations and second-hand sourcing",
                  check, Options, weight=1.5, severity="suggestion", doc=__doc__))
