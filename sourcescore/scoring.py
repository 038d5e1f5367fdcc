"""Fold rule sub-scores into the article score. Pure arithmetic: no spaCy, no I/O.

    curved_i = 100 x (subscore_i / 100) ^ curve
    score    = sum(weight_i x curved_i) / sum(weight_i)

over the rules that apply to the article (sub-score not None) and have weight > 0. The curve
(`[sourcescore] curve`, fitted to editors' grades by `benchmarks/calibrate.py`) makes a rule's
lapses cost more the worse they are: at curve 2.5 a sub-score of 90 counts as 77, one of 60 as
28. A rule that does not apply - the named-source ratio of a brief that quotes nobody - gives its
weight to the others instead of pulling the score down, which is how short briefs escape
punishment for quotes they never needed.

A finding of severity `error` holds the story: the score is capped at `hold_score` (below the
default `fail_under`), and the report names the findings that hold it. Each rule's
`contribution` is its share of the total, scaled with the score when it is held, so the
contributions always add up to the article score.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    """One rule's input to the fold."""

    code: str
    score: float | None
    weight: float


@dataclass(frozen=True)
class Fold:
    """The article score and how it was reached."""

    score: float | None
    contributions: dict[str, float | None]
    unheld: float | None = None  # the score before a hold, when one applied

    @property
    def held(self) -> bool:
        return self.unheld is not None


def fold(parts: list[Part], curve: float = 1.0, hold_at: float | None = None) -> Fold:
    """The article score (None when no rule applies), each rule's contribution, and the hold:
    with `hold_at` given, the score is capped there."""
    applicable = [p for p in parts if p.score is not None and p.weight > 0]
    total_weight = sum(p.weight for p in applicable)
    # A rule that applies at weight 0 (a plugin's rule not yet weighed) contributes nothing.
    contributions: dict[str, float | None] = {
        p.code: None if p.score is None else 0.0 for p in parts}
    if not applicable or total_weight <= 0:
        return Fold(None, dict.fromkeys(contributions))
    for part in applicable:
        assert part.score is not None  # filtered above
        contributions[part.code] = part.weight * curved(part.score, curve) / total_weight
    score = clamp(sum(v for v in contributions.values() if v is not None))
    if hold_at is None or score <= hold_at:
        return Fold(score, contributions)
    factor = hold_at / score if score else 0.0
    held = {code: None if value is None else value * factor
            for code, value in contributions.items()}
    return Fold(clamp(hold_at), held, unheld=score)


def curved(score: float, curve: float = 1.0) -> float:
    """A sub-score on the curve: 100 x (score / 100) ^ curve."""
    return 100.0 * (clamp(score) / 100.0) ** curve


#: What an editor does with a story in each band of the score, from the top (the README shows
#: how the dev corpus falls into them).
BANDS = ((85.0, "ready"), (70.0, "needs a look"), (50.0, "needs work"), (0.0, "hold"))


def band(score: float) -> str:
    """The band a score falls in: "ready", "needs a look", "needs work" or "hold"."""
    return next(name for low, name in BANDS if score >= low)


def clamp(value: float) -> float:
    return max(0.0, min(100.0, float(value)))
