"""SRC301 unattributed-claims: claims a reader cannot check, with no source in sight.

What it flags:
    A body sentence, in the reporter's own words, that makes a claim an editor wants sourced - a
    statistic, a cause or motive, a hedged or conditional forecast ("would", "could", "likely";
    not a plain "will", which states a plan), what a group thinks or feels, a judgement stated
    as fact, or something that happened out of public view (`editorial.claims`) - when nothing
    covers it (`sourcescore.editorial.coverage`): no reported speech or evidence in the sentence, no
    speaker's paraphrase it carries on from the sentence before, no paragraph lead-in that says
    where the paragraph comes from, and, for a figure, no record, document or poll named near
    it. One finding per sentence, marking the words of its surest claim; a claim put to a vague
    source is left to SRC302, and a word inside a filler phrase ("in a dramatic turn of events",
    "only time will tell") to SRC402. Headlines, bylines, captions, boilerplate, list rows,
    questions and quotations are not claims; settled background, scheduled events and what was
    said at a public event are not flagged. The default configuration's opinion profile checks
    only figures in a column (`[genres.opinion.SRC301]`): the argument is the columnist's own.
    The sub-score is the share of claims that are covered, smoothed by `prior` so that one claim
    in a brief does not swing it from 0 to 100.

Why it matters:
    An unsourced figure, motive or judgement is the news equivalent of "citation needed": the
    reader cannot tell whether it was reported, inferred or assumed.

Example (flagged):
    Progressives have been especially upset that the chairwoman undermined the new rules.

Not flagged:
    Progressives have been especially upset that the chairwoman undermined the new rules,
    said Ana Ruiz, who leads the caucus.

Options:
    prior (float, default 2.0): covered claims assumed before counting (smoothing).
    kinds (list of str, default all six): the kinds of claim checked: figure, cause,
    prediction, group-mind, characterisation, private.
    lede_severity (str, default "error"): the severity of an unsourced claim in the lede, the
    story's first body paragraph ("" for the rule's own); an error holds the story.
    lede_kinds (list of str, default figure, group-mind, characterisation, private): the kinds
    that take `lede_severity`: facts stated as facts. A forecast or a motive in the lede keeps
    the rule's own severity: framing an editor queries, not a reason to hold the story.

Sources:
    Reuters Handbook of Journalism, "Attribution" (attribute facts that are not common
    knowledge); AP Stylebook, "attribution"; BBC Editorial Guidelines, "Accuracy"; the
    check-worthiness task of ClaimBuster and CLEF CheckThat!.
"""

from __future__ import annotations

from dataclasses import dataclass

from sourcescore import hookimpl
from sourcescore.editorial.claims import CLAIMS, KINDS, Claim, ClaimKind
from sourcescore.editorial.coverage import cover, cover_figure
from sourcescore.editorial.reading import Reading, found_by, reading
from sourcescore.model import Analysis, Flag, Sentence
from sourcescore.options import LedeSeverity, NonNegative
from sourcescore.rules import Rule
from sourcescore.ruletools import at_lede, outcome, plural

#: What each kind of claim needs, for the finding's message.
NEEDS = {
    "figure": "say who counted or measured it",
    "cause": "say who says this is why",
    "prediction": "say whose expectation this is",
    "group-mind": "say who reports what they think or feel (a poll, named members)",
    "characterisation": "attribute the judgement, or show the facts behind it",
    "private": "say how the story knows what happened in private",
}

#: The claims that, unsourced in the lede, hold the story: facts stated as facts. A lede's
#: forecast or explanation of motive is framing an editor queries, not a reason to hold.
LEDE_KINDS: tuple[ClaimKind, ...] = ("figure", "group-mind", "characterisation", "private")


@dataclass(frozen=True)
class Options:
    prior: NonNegative = 2.0
    kinds: tuple[ClaimKind, ...] = KINDS
    lede_severity: LedeSeverity = "error"
    lede_kinds: tuple[ClaimKind, ...] = LEDE_KINDS


def check(analysis: Analysis, options: Options):
    shared = reading(analysis)
    claims, flags = 0, []
    by_sentence = found_by(analysis, CLAIMS, shared.claims, options.kinds)
    for sentence, found in zip(analysis.sentences, by_sentence, strict=True):
        if not found:
            continue
        claims += 1
        uncovered = _uncovered(analysis, shared, sentence, list(found))
        if uncovered:  # one finding per sentence, on its surest claim
            surest = max(uncovered, key=lambda claim: claim.construction.confidence)
            flags.append(_flag(analysis, surest, options))
    if claims == 0:
        return outcome(None, [], "no claims that need a source: not applicable")
    share = (claims - len(flags) + options.prior) / (claims + options.prior)
    return outcome(100 * share, flags, f"{claims - len(flags)} of {plural(claims, 'claim')} "
                   f"{'is' if claims == 1 else 'are'} sourced",
                   claims=claims, unattributed=len(flags))


def _uncovered(analysis: Analysis, shared: Reading, sentence: Sentence,
               found: list[Claim]) -> list[Claim]:
    """The claims nothing covers. A claim put to nobody checkable ("critics say ...", "is
    expected to ...") is one problem, which SRC302 reports. A judgement made with its figure
    ("the best-funded PAC, with $23 million") stands on the figure: when the figure is
    sourced, so is the judgement."""
    if shared.vague[sentence.index]:
        return []
    filler = shared.filler[sentence.index]
    left = [c for c in found if _cover(analysis, sentence, c) is None and
            not any(_inside(c, f.start, f.end) for f in filler)]
    if any(c.name == "figure" for c in found) and not any(c.name == "figure" for c in left):
        left = [c for c in left if c.name != "characterisation"]
    return left


def _inside(claim: Claim, start: int, end: int) -> bool:
    """A word of a filler phrase ("dramatic" in "in a dramatic turn of events", "will tell" in
    "only time will tell") is SRC402's finding, not a claim; a claim the filler frames
    ("It's no secret that ...") is both."""
    return start <= claim.start and claim.end <= end and (claim.start, claim.end) != (start, end)


def _cover(analysis: Analysis, sentence: Sentence, claim: Claim):
    span = (claim.start, claim.end)
    if claim.name == "figure":
        return cover_figure(analysis, sentence, span)
    if claim.name == "group-mind":  # the poll that says what a group thinks
        return cover(analysis, sentence, span, frozenset({"poll"}))
    return cover(analysis, sentence, span)


def _flag(analysis: Analysis, claim: Claim, options: Options) -> Flag:
    text = analysis.text[claim.start:claim.end]
    severity, where = at_lede(analysis, claim.start, options.lede_severity)
    if claim.name not in options.lede_kinds:
        severity = None  # still said to be in the lede, at the rule's own severity
    return Flag(claim.start, claim.end, f"unattributed {claim.name.replace('-', ' ')} "
                                        f"\u201c{text}\u201d{where}",
                suggestion=NEEDS[claim.name], confidence=claim.construction.confidence,
                decided_by=claim.name,
                severity=severity)


@hookimpl
def sourcescore_register_rules(register):
    register(Rule("SRC301", "unattributed-claims", "Claims with no source in sight",
                  check, Options, weight=4.0, severity="warning", doc=__doc__))
