"""SRC102 anonymous-source-reason: unnamed sources must come with a reason and a basis.

What it flags:
    A specific unnamed source who speaks ("a senior official said", "aides said") when neither
    the source's description nor its paragraph says why anonymity was granted ("who was not
    authorized to speak publicly", "on condition of anonymity because ...") or how the source
    knows ("familiar with the talks", "who attended the meeting"). A source the story names
    elsewhere ("a veteran diplomat" who is "Jane Doe, a veteran diplomat" later) is not
    anonymous; vague groups ("critics", "many") are SRC302's and polls are polls; an unnamed
    source inside what another source says ("She said an aide told her") is that source's to
    answer for, a client's lawyers ("attorneys for the family") speak on the record, and a
    public post ("one user tweeted") or a record put before the public ("prosecutors wrote in a
    court filing", "officials said in a statement") is on the record. A reason or basis given
    once covers the source wherever it speaks: "Israeli officials said" in the lede is explained
    by "an Israeli official, speaking on condition of anonymity because ..." further down, and
    so is a later "the officials". A source quoted several times is one finding, where it first
    speaks. The sub-score is the share of the story's prominence-weighted sourcing that is not
    unexplained anonymity, so an unexplained anonymous lead costs far more than one background
    line.

Why it matters:
    Major newsroom policies allow anonymity only when the reader is told why it was granted and
    why the source is in a position to know. Omitting both turns "officials said" into an
    unverifiable assertion.

Example (flagged):
    A senior official said the deal was dead. The official said talks would not resume.

Not flagged:
    A senior official, who spoke on condition of anonymity because the talks are private, said
    the deal was dead. A diplomat who attended the talks said they would not resume.

Options:
    extra_reasons (list of regex, default []): more phrases that state a reason for anonymity.
    extra_bases (list of regex, default []): more phrases that state how the source knows.
    lede_severity (str, default "error"): the severity of such a source in the lede, the
    story's first body paragraph ("" for the rule's own); an error holds the story.

Sources:
    AP Stylebook, "anonymous sources" (explain why anonymity was granted); New York Times
    "Confidential News Sources" policy; Washington Post policies on sources; BBC Editorial
    Guidelines, "Accuracy: anonymous sources"; SPJ Code of Ethics.
"""

from __future__ import annotations

from dataclasses import dataclass

from sourcescore import hookimpl
from sourcescore.editorial.sourcing import described_basis, source_key, unnamed_sources
from sourcescore.model import Analysis, Attribution, Flag
from sourcescore.options import LedeSeverity, Regex
from sourcescore.rules import Rule
from sourcescore.ruletools import (
    at_lede,
    outcome,
    packaged_phrases,
    paragraph_text,
    phrase_pattern,
    plural,
    prominence,
)


@dataclass(frozen=True)
class Options:
    extra_reasons: tuple[Regex, ...] = ()
    extra_bases: tuple[Regex, ...] = ()
    lede_severity: LedeSeverity = "error"


def check(analysis: Analysis, options: Options):
    reasons = phrase_pattern(packaged_phrases(__package__, "data/anonymity_reasons.txt")
                             + options.extra_reasons)
    bases = phrase_pattern(packaged_phrases(__package__, "data/anonymity_bases.txt")
                           + options.extra_bases)
    anonymous = unnamed_sources(analysis)
    if not anonymous:
        return outcome(None, [], "no unnamed sources: not applicable")
    total = sum(prominence(analysis, a) for a in analysis.attributions if a.source is not None)
    missing_weight, flags, flagged = 0.0, [], set()
    explained: dict[int, bool] = {}  # paragraph -> says why or how, searched once
    for attribution in anonymous:
        paragraph = analysis.sentences[attribution.sentence].paragraph
        if paragraph not in explained:
            context = paragraph_text(analysis, attribution.sentence)
            explained[paragraph] = any(p is not None and p.search(context)
                                       for p in (reasons, bases))
    # A reason given once covers the source wherever it speaks: "Israeli officials said" in
    # the lede, "an Israeli official, speaking on condition of anonymity because ..." later.
    explained_sources = {source_key(a) for a in anonymous
                         if explained[analysis.sentences[a.sentence].paragraph]}
    for attribution in anonymous:
        paragraph = analysis.sentences[attribution.sentence].paragraph
        if explained[paragraph] or _already_explained(source_key(attribution),
                                                      explained_sources) or \
                described_basis(analysis, attribution):
            continue
        missing_weight += prominence(analysis, attribution)
        key = source_key(attribution)
        if key not in flagged:  # a source quoted again is one finding, where it first speaks
            flagged.add(key)
            flags.append(_flag(analysis, attribution, options.lede_severity))
    share = 1 - missing_weight / total
    return outcome(100 * share, flags,
                   f"{plural(len(flags), 'unnamed source')} with neither a reason for "
                   "anonymity nor a basis for what they know", unnamed=len(anonymous),
                   unexplained=len(flags))


def _already_explained(key: str, explained: set[str]) -> bool:
    """The source, or a fuller description of it ("the officials" after "Israeli officials"),
    was given a reason or a basis somewhere in the story."""
    return any(known == key or known.endswith(" " + key) for known in explained)


def _flag(analysis: Analysis, attribution: Attribution, lede_severity: str) -> Flag:
    assert attribution.source is not None
    severity, where = at_lede(analysis, attribution.source.start, lede_severity)
    return Flag(attribution.source.start, attribution.source.end,
                f"unnamed source \u201c{attribution.source.text}\u201d{where}: the story says "
                "neither why anonymity was granted nor how the source knows", severity=severity,
                suggestion="add e.g. \u201cwho spoke on condition of anonymity because "
                           "\u2026\u201d or \u201cwho attended the meeting\u201d",
                confidence=0.7)


@hookimpl
def sourcescore_register_rules(register):
    register(Rule("SRC102", "anonymous-source-reason",
                  "Unnamed sources without a stated reason or basis of knowledge",
                  check, Options, weight=1.5, severity="warning", doc=__doc__))
