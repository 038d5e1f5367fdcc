"""SRC301 unattributed-claims: factual assertions with no source in sight.

What it flags:
    A sentence in the reporter's own voice that asserts something a reader would want sourced -
    a figure (amounts, percentages, counts), a causal claim ("led to", "because of", "as a
    result"), a claim about what someone intends or believes, or a prediction ("could reshape",
    "might end the war") (warnings); or any other statement about named people, organisations
    or places (suggestions, counting half) - when no reported speech touches the sentence or a
    neighbouring one in its paragraph (a belief or stance the reporter ascribes - "Putin wants",
    "X backs the bill" - is itself a claim, not a source). Headlines, questions and text inside
    quotation marks are skipped. The sub-score is the weighted share of claims that are
    attributed, smoothed by `prior` so that one claim in a brief does not swing it from 0 to 100.

Why it matters:
    An unsourced figure or causal claim is the news equivalent of "citation needed": the reader
    cannot tell whether it was reported, inferred or assumed.

Example (flagged):
    The strikes killed 1,300 people last week.

Not flagged:
    The strikes killed 1,300 people last week, the health ministry said.

Options:
    prior (float, default 2.0): attributed claims assumed before counting (smoothing).
    context_sentences (int, default 1): reported speech this many sentences before or after the
    claim, in the same paragraph, counts as sourcing it; 0 demands it in the sentence itself.

Sources:
    Reuters Handbook of Journalism, "Attribution" (attribute facts that are not common knowledge);
    AP Stylebook, "attribution"; BBC Editorial Guidelines, "Accuracy".
"""

from __future__ import annotations

from dataclasses import dataclass

from sourcescore import hookimpl
from sourcescore.model import Analysis, Flag, Sentence
from sourcescore.options import Count, NonNegative
from sourcescore.rules import Rule
from sourcescore.ruletools import CAUSAL_PATTERN, FIGURE_LABELS, outcome

_INTENT = frozenset({"want", "intend", "plan", "seek", "aim", "hope", "fear", "believe",
                     "expect", "think", "know"})
_SPECULATION = frozenset({"could", "might", "may"})
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: claim kind -> (weight in the sub-score, severity override)
KINDS = {
    "figure": (1.0, None),
    "causal claim": (1.0, None),
    "claim about intentions or beliefs": (1.0, None),
    "prediction": (1.0, None),
    "statement": (0.5, "suggestion"),
}


@dataclass(frozen=True)
class Options:
    prior: NonNegative = 2.0
    context_sentences: Count = 1


def claim_kind(sentence: Sentence, analysis: Analysis) -> str | None:
    """What makes the sentence a claim needing a source, or None."""
    if sentence.is_heading or sentence.is_question:
        return None
    if sentence.entity_labels & FIGURE_LABELS:
        return "figure"
    if CAUSAL_PATTERN.search(sentence.text):
        return "causal claim"
    if any(not a.is_speech and a.cue_lemma in _INTENT
           for a in analysis.attributions_in_sentence(sentence.index)):
        return "claim about intentions or beliefs"  # "Putin wants ...", ascribed by the reporter
    if _SPECULATION & set(sentence.lemmas):
        return "prediction"
    if sentence.entity_labels & _NAMED and len(sentence.lemmas) >= 6:
        return "statement"
    return None


def check(analysis: Analysis, options: Options):
    claims, weight, missing, flags = 0, 0.0, 0.0, []
    for sentence in analysis.sentences:
        kind = claim_kind(sentence, analysis)
        if kind is None or analysis.in_quotation(sentence.start, sentence.end):
            continue
        claim_weight, severity = KINDS[kind]
        claims += 1
        weight += claim_weight
        if _sourced(analysis, sentence, options):
            continue
        missing += claim_weight
        flags.append(Flag(sentence.start, sentence.end, f"unattributed {kind}",
                          suggestion="say who reported or measured this", severity=severity))
    if claims == 0:
        return outcome(None, [], "no factual claims that need a source: not applicable")
    share = (weight - missing + options.prior) / (weight + options.prior)
    return outcome(100 * share, flags,
                   f"{claims - len(flags)} of {claims} claims are attributed",
                   claims=claims, unattributed=len(flags))


def _sourced(analysis: Analysis, sentence: Sentence, options: Options) -> bool:
    """Reported speech with a source, touching the sentence or anchored within
    `context_sentences` of it in its paragraph.

    Beliefs and stances the reporter ascribes ("Putin wants", "X backs the bill") are claims
    themselves, so they do not source anything. Only the neighbouring sentences are looked at,
    so a paragraph thousands of sentences long costs no more per sentence than a short one.
    """
    window = range(sentence.index - options.context_sentences,
                   sentence.index + options.context_sentences + 1)
    nearby = [a for index in window if 0 <= index < len(analysis.sentences)
              and analysis.sentences[index].paragraph == sentence.paragraph
              for a in analysis.attributions_in_sentence(index)]
    return any(a.source is not None and a.is_speech
               for a in (*analysis.attributions_touching(sentence.index), *nearby))


@hookimpl
def sourcescore_register_rules(register):
    register(Rule("SRC301", "unattributed-claims", "Factual assertions with no attribution",
                  check, Options, weight=4.0, severity="warning", doc=__doc__))
