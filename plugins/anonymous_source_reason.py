"""SRC102 anonymous-source-reason: unnamed sources must come with a reason and a basis.

What it flags:
    An attribution to an unnamed source when neither its sentence nor its paragraph says why the
    source was granted anonymity ("who was not authorized to speak publicly", "speaking on
    condition of anonymity because ...") and how the source knows ("familiar with the talks",
    "who attended the meeting"). A source with a basis but no reason is a suggestion; with
    neither, a warning. The sub-score is the share of the story's prominence-weighted sourcing
    that is not unexplained anonymity, so an unexplained anonymous lead costs far more than one
    background line.

Why it matters:
    Major newsroom policies allow anonymity only when the reader is told why it was granted and
    why the source is in a position to know. Omitting both turns "officials said" into an
    unverifiable assertion.

Example (flagged):
    A senior official said the deal was dead.

Not flagged:
    A senior official, who spoke on condition of anonymity because the talks are private and who
    attended them, said the deal was dead.

Options:
    extra_reasons (list of regex, default []): more phrases that state a reason for anonymity.
    extra_bases (list of regex, default []): more phrases that state how the source knows.

Sources:
    AP Stylebook, "anonymous sources" (explain why anonymity was granted); New York Times
    "Confidential News Sources" policy; Washington Post policies on sources; BBC Editorial
    Guidelines, "Accuracy: anonymous sources"; SPJ Code of Ethics.
"""

from __future__ import annotations

from dataclasses import dataclass

from sourcescore import hookimpl
from sourcescore.model import Analysis, Flag
from sourcescore.options import Regex
from sourcescore.rules import Rule
from sourcescore.ruletools import (
    outcome,
    packaged_phrases,
    paragraph_text,
    phrase_pattern,
    prominence,
)


@dataclass(frozen=True)
class Options:
    extra_reasons: tuple[Regex, ...] = ()
    extra_bases: tuple[Regex, ...] = ()


def check(analysis: Analysis, options: Options):
    reasons = phrase_pattern(packaged_phrases(__package__, "data/anonymity_reasons.txt")
                             + options.extra_reasons)
    bases = phrase_pattern(packaged_phrases(__package__, "data/anonymity_bases.txt")
                           + options.extra_bases)
    anonymous = [a for a in analysis.attributions if a.source_type == "anonymous" and a.is_speech]
    if not anonymous:
        return outcome(None, [], "no unnamed sources: not applicable")
    total = sum(prominence(analysis, a) for a in analysis.attributions if a.source is not None)
    missing_weight, flags = 0.0, []
    explained: dict[int, tuple[bool, bool]] = {}  # paragraph -> (reason, basis), searched once
    for attribution in anonymous:
        paragraph = analysis.sentences[attribution.sentence].paragraph
        if paragraph not in explained:
            context = paragraph_text(analysis, attribution.sentence)
            explained[paragraph] = (bool(reasons and reasons.search(context)),
                                    bool(bases and bases.search(context)))
        has_reason, has_basis = explained[paragraph]
        missing_weight += prominence(analysis, attribution) * (2 - has_reason - has_basis) / 2
        if has_reason and has_basis:
            continue
        missing = "why anonymity was granted" if has_basis else \
            "why anonymity was granted or how the source knows"
        if has_reason:
            missing = "how the source knows"
        flags.append(Flag(attribution.source.start, attribution.source.end,
                          f"unnamed source \u201c{attribution.source.text}\u201d: the story does "
                          f"not say {missing}",
                          suggestion="add e.g. \u201cwho spoke on condition of anonymity because "
                                     "…\u201d and \u201cwho attended the meeting\u201d",
                          severity="suggestion" if has_reason or has_basis else None))
    share = 1 - missing_weight / total
    return outcome(100 * share, flags,
                   f"{len(anonymous) - len(flags)} of {len(anonymous)} unnamed sources come with "
                   "a reason and a basis", unnamed=len(anonymous), unexplained=len(flags))


@hookimpl
def sourcescore_register_rules(register):
    register(Rule("SRC102", "anonymous-source-reason",
                  "Unnamed sources without a stated reason or basis of knowledge",
                  check, Options, weight=1.5, severity="warning", doc=__doc__))
