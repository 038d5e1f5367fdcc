"""The score fold: weighted mean over applicable rules, contributions adding up."""

from sourcescore.scoring import Part, fold


def test_weighted_mean_of_applicable_rules():
    score, parts = fold([Part("A", 100, 3), Part("B", 50, 1)])
    assert score == 87.5
    assert parts == {"A": 75.0, "B": 12.5}


def test_inapplicable_rule_gives_its_weight_away():
    score, parts = fold([Part("A", 80, 1), Part("B", None, 5)])
    assert score == 80 and parts["B"] is None


def test_nothing_applies_gives_no_score():
    assert fold([Part("A", None, 1)])[0] is None


def test_zero_weight_rule_is_ignored():
    assert fold([Part("A", 10, 0), Part("B", 90, 1)])[0] == 90


def test_scores_are_clamped():
    assert fold([Part("A", 150, 1)])[0] == 100
