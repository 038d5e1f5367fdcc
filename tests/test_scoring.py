"""The score fold: a weighted mean of curved sub-scores over the rules that apply, contributions
adding up, and a hold for findings of severity error."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sourcescore.scoring import Part, curved, fold


def test_weighted_mean_of_applicable_rules():
    result = fold([Part("A", 100, 3), Part("B", 50, 1)])
    assert result.score == 87.5
    assert result.contributions == {"A": 75.0, "B": 12.5}


def test_the_curve_makes_worse_lapses_cost_more():
    assert curved(100, 2.5) == 100 and curved(0, 2.5) == 0
    assert curved(90, 2.5) == pytest.approx(76.8, abs=0.1)
    assert curved(60, 2.5) == pytest.approx(27.9, abs=0.1)
    assert fold([Part("A", 100, 1), Part("B", 60, 1)], curve=2.5).score == \
        pytest.approx((100 + 27.9) / 2, abs=0.1)


def test_inapplicable_rule_gives_its_weight_away():
    result = fold([Part("A", 80, 1), Part("B", None, 5)])
    assert result.score == 80 and result.contributions["B"] is None


def test_nothing_applies_gives_no_score():
    assert fold([Part("A", None, 1)]).score is None


def test_zero_weight_rule_is_ignored():
    assert fold([Part("A", 10, 0), Part("B", 90, 1)]).score == 90


def test_scores_are_clamped():
    assert fold([Part("A", 150, 1)]).score == 100


def test_a_hold_caps_the_score_and_scales_the_contributions():
    result = fold([Part("A", 100, 3), Part("B", 50, 1)], hold_at=45)
    assert result.held and result.unheld == 87.5 and result.score == 45
    assert sum(result.contributions.values()) == pytest.approx(45)
    below = fold([Part("A", 20, 1)], hold_at=45)
    assert not below.held and below.score == 20


@given(st.lists(st.tuples(st.one_of(st.none(), st.floats(0, 100)), st.floats(0, 10)),
                min_size=1, max_size=8),
       st.floats(0.5, 5), st.one_of(st.none(), st.floats(0, 100)))
def test_contributions_always_add_up_to_the_score(rules, curve, hold_at):
    result = fold([Part(str(i), s, w) for i, (s, w) in enumerate(rules)], curve, hold_at)
    if result.score is None:
        assert all(v is None for v in result.contributions.values())
    else:
        assert sum(v for v in result.contributions.values() if v is not None) == \
            pytest.approx(result.score, abs=1e-6)
        assert 0 <= result.score <= 100
