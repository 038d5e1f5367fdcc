"""SRC201 agency-attribution: credited wire copy, and claims relayed from another outlet.

What it flags:
    A sentence that relies on another news organisation's reporting, interview or broadcast,
    at the words that cite it: "told CNN", "in an interview with ITV", "according to the
    Interfax news agency", "first reported by the Miami Herald", "the Times reported",
    "Appearing on CBS", "a guest on Fox News", "a report in the Miami Herald", "(h/t Mediaite)",
    "told host Jane Roe", "as the Springfield Gazette noted", "The Herald's investigation has
    renewed calls ...", a bracketed credit line ("[WaPo.]"), and a later "the report found",
    "The investigation also documented" or "in the interview" that refers back to one. One
    citation gives one finding; in the lede of a story that says whose it is (see the house,
    below) it is an error, which holds the story.
    Not second-hand: the house's own interviews, polls and analyses (the house is the agency
    whose wire copy it is, the outlet a byline or boilerplate line names, the page's site
    name, or `sourcescore.publisher`); a poll an outlet ran ("a Washington Post-ABC News
    poll"); an outlet's analysis of records ("a USA TODAY analysis of filings") or its
    editorial, quoted as its own view; a debate or town hall a network hosted; an outlet that
    is only the subject of what someone says ("the AP report is misleading, she said"). The
    sub-score is the share of attributions that are first-hand, counting second-hand ones at
    `second_hand_credit`; the summary names the agencies whose copy it is.

Why it matters:
    Relaying another outlet's reporting is legitimate only with credit, and it is weaker than
    reporting of one's own: the claim has not been independently confirmed. Readers deserve to
    know which is which.

Example (flagged):
    Peskov expressed "cautious optimism", according to the Interfax news agency.

Not flagged:
    Peskov told reporters in Moscow he felt "cautious optimism". A Washington Post-ABC News poll
    showed him ahead.

Options:
    second_hand_credit (float, default 0.3): how much a second-hand attribution counts towards
    the sub-score, against 1.0 for a first-hand one.
    lede_severity (str, default "error"): the severity of a citation in the lede, the story's
    first body paragraph ("" for the rule's own): a lede built on another outlet's reporting
    holds the story.

Sources:
    AP Stylebook, "sources" and "wire credits"; Reuters Handbook of Journalism, "Attribution of
    other media"; BBC Editorial Guidelines, "Accuracy: attributing other outlets' reports".
"""


from __future__ import annotations

from dataclasses import dataclass

from sourcescore import hookimpl
from sourcescore.editorial.citations import Citation, find_citations
from sourcescore.model import COPY_FORMS, Analysis, Flag
from sourcescore.options import LedeSeverity, Share
from sourcescore.rules import Rule
from sourcescore.ruletools import at_lede, outcome


@dataclass(frozen=True)
class Options:
    second_hand_credit: Share = 0.3
    lede_severity: LedeSeverity = "error"


def check(analysis: Analysis, options: Options):
    copy_credits = sorted({c.agency for c in analysis.wire_credits if c.form in COPY_FORMS})
    sourced = [a for a in analysis.attributions if a.source is not None and a.is_speech]
    citations = find_citations(analysis, analysis.house)
    if not sourced and not citations:
        return outcome(None, [], "no sourced attributions: not applicable",
                       agency_copy=", ".join(copy_credits))
    flags = [_flag(analysis, c, options.lede_severity) for c in citations]
    first_hand = max(len(sourced), len(flags)) - len(flags)
    summary = f"{first_hand} first-hand and {len(flags)} second-hand " + \
        ("attribution" if first_hand + len(flags) == 1 else "attributions")
    if copy_credits:
        summary += f"; credited agency copy: {', '.join(copy_credits)}"
    return outcome(sub_score(first_hand, len(flags), options.second_hand_credit), flags,
                   summary, first_hand=first_hand, second_hand=len(flags),
                   agency_copy=", ".join(copy_credits))


def sub_score(first_hand: int, second_hand: int, credit: float) -> float:
    """The share of attributions that are first-hand, a second-hand one counting `credit`
    (`benchmarks/calibrate.py` refits `credit` from the same counts)."""
    return 100 * (first_hand + credit * second_hand) / (first_hand + second_hand)


def _flag(analysis: Analysis, citation: Citation, lede_severity: str) -> Flag:
    # Only a story that says whose it is can be held for a second-hand lede: without a house,
    # "told The Huffington Post" may be the Post's own interview.
    severity, where = at_lede(analysis, citation.start, lede_severity if analysis.house else "")
    return Flag(citation.start, citation.end,
                f"second-hand sourcing{where}: relies on {citation.outlet}",
                suggestion="confirm independently, or keep the credit prominent",
                confidence=0.7, severity=severity, decided_by=citation.form)


@hookimpl
def sourcescore_register_rules(register):
    register(Rule("SRC201", "agency-attribution",
                  "Wire credits and claims relayed from other outlets",
                  check, Options, weight=12.0, severity="suggestion", doc=__doc__))
