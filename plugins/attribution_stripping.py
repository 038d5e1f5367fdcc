"""SRC202 attribution-stripping: copy taken from credited reference text with its credit dropped.

What it flags:
    With `sourcescore check story.txt --against wire1.txt wire2.txt ...`, every sentence of the
    story that reproduces a credited passage of a reference - sharing a quotation of two or more
    words, or closely paraphrasing it - while neither the sentence nor its paragraph keeps that
    credit. A passage is credited when the reference is agency copy (dateline, byline, credit
    line), cites an agency ("according to the Interfax news agency") or attributes it to an
    outlet. Matching ignores quotation-mark style, case and light rewording; references are
    indexed, so hundreds of them cost little. Without `--against` the rule does not apply, and
    with it the rule scores only a story that dropped a credit: finding every credit kept is
    no evidence of good sourcing, so giving any reference file must never lift the score. The
    sub-score loses 35 points per passage whose credit was dropped (floor 0).

Why it matters:
    Lifting an agency's quote or reporting without its credit passes off someone else's work as
    one's own and hides from readers that the claim is second-hand - the plagiarism and sourcing
    failure wire contracts and every newsroom code forbid.

Example (flagged):
    Story: Peskov expressed "cautious optimism" about a deal.
    Reference: Peskov expressed "cautious optimism", according to the Interfax news agency.

Not flagged:
    Story: Peskov expressed "cautious optimism" about a deal, Interfax reported.

Options:
    min_shared_words (int, default 3): content words a passage must share with a reference
    sentence before it is compared at all.
    min_overlap (float, default 0.6): share of the shorter passage's content words that must
    match for a paraphrase (without a shared quotation) to count.

Sources:
    AP Stylebook and Reuters Handbook of Journalism on crediting wire copy and other media;
    SPJ Code of Ethics, "Never plagiarize. Always attribute."
"""

from __future__ import annotations

from dataclasses import dataclass

from sourcescore import hookimpl
from sourcescore.editorial.references import content_words, credit_aliases
from sourcescore.model import Analysis, Flag
from sourcescore.options import PositiveCount, Share
from sourcescore.rules import Rule
from sourcescore.ruletools import outcome, paragraph_text, plural


@dataclass(frozen=True)
class Options:
    min_shared_words: PositiveCount = 3
    min_overlap: Share = 0.6


def check(analysis: Analysis, options: Options):
    index = analysis.references
    if index is None or not len(index):
        return outcome(None, [], "no credited reference text given (--against): not applicable")
    kept_everywhere = {c.agency for c in analysis.wire_credits if c.form != "in_text"}
    flags, matched = [], 0
    for sentence in analysis.sentences:
        if sentence.is_heading:
            continue
        words = content_words(sentence.lemmas)
        matches = index.find(words, sentence.text, options.min_shared_words, options.min_overlap)
        if not matches:
            continue
        matched += 1
        context = paragraph_text(analysis, sentence.index)
        for match in matches:
            unit = match.unit
            if unit.credit in kept_everywhere or any(a in context for a in credit_aliases(
                    unit.credit)):
                continue
            what = f"the quotation \u201c{match.shared_quote}\u201d" if match.shared_quote else \
                "this passage"
            flags.append(Flag(sentence.start, sentence.end,
                              f"{what} comes from {unit.reference}:{unit.line}, credited to "
                              f"{unit.credit} (\u201c{unit.evidence}\u201d); the credit is dropped",
                              suggestion=f"restore the credit to {unit.credit}",
                              severity="error"))
            break
    if not flags:  # reference copy can only show a lapse; finding none earns no credit
        return outcome(None, [], f"{plural(matched, 'passage')} match credited reference text; "
                                 "none dropped the credit: not scored",
                       matched=matched, stripped=0, reference_units=len(index))
    score = max(0.0, 100.0 - 35.0 * len(flags))
    return outcome(score, flags, f"{plural(matched, 'passage')} match credited reference "
                                 f"text; {len(flags)} dropped the credit",
                   matched=matched, stripped=len(flags), reference_units=len(index))


@hookimpl
def sourcescore_register_rules(register):
    register(Rule("SRC202", "attribution-stripping",
                  "Reference copy reused without its credit (needs --against)",
                  check, Options, weight=3.0, severity="error", doc=__doc__))
