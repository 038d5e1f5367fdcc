"""Fold rule sub-scores into the article score. Pure arithmetic: no spaCy, no I/O.

article score = sum(weight_i * subscore_i) / sum(weight_i), over the rules that apply to the
article (sub-score not None) and have weight > 0. A rule that does not apply - say the
named-source ratio of a brief that quotes nobody and makes no claim needing a source - gives its
weight to the others instead of pulling the score down, which is how short briefs escape
punishment for quotes they never needed. Each rule's `contribution` is its share of the total, so
the contributions add up to the article score.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Part:
    """One rule's input to the fold."""

    code: str
    score: float | None
    weight: float


def fold(parts: list[Part]) -> tuple[float | None, dict[str, float | None]]:
    """Return the article score (None when no rule applies) and each rule's contribution."""
    applicable = [p for p in parts if p.score is not None and p.weight > 0]
    total_weight = sum(p.weight for p in applicable)
    contributions: dict[str, float | None] = {p.code: None for p in parts}
    if not applicable or total_weight <= 0:
        return None, contributions
    for part in applicable:
        assert part.score is not None  # filtered above
        contributions[part.code] = part.weight * clamp(part.score) / total_weight
    score = sum(v for v in contributions.values() if v is not None)
    return clamp(score), contributions


def clamp(value: float) -> float:
    return max(0.0, min(100.0, float(value)))
