"""SRC202 attribution-stripping: synthetic rewrites against credited references (with the
model)."""

import pytest
from conftest import ROOT

REFERENCE = ("Kremlin spokesman Dmitry Peskov said on Friday that the president had sent "
             "messages ahead of the call and voiced “cautious optimism” about a truce, "
             "according to the Interfax news agency.")


@pytest.fixture(scope="module")
def stripping(checker):
    from sourcescore.api import Checker

    local = Checker(ROOT / "rules.toml", plugins=checker.plugins, nlp=checker.nlp,
                    select=["SRC202"])
    filler = [(f"ref{i}.txt", f"The council met on day {i} and approved budget line {i}.")
              for i in range(300)]
    local.set_references(filler + [("wire.txt", REFERENCE)])
    return local


def codes(report):
    return [f.code for f in report.findings]


def test_quote_reused_without_credit_is_flagged(stripping):
    report = stripping.check_text("Peskov voiced \"cautious optimism\" about a possible truce.")
    assert codes(report) == ["SRC202"]
    assert "credited to Interfax" in report.findings[0].message
    assert "wire.txt:1" in report.findings[0].message


def test_quotation_mark_style_does_not_matter(stripping):
    report = stripping.check_text("Peskov voiced ‘cautious optimism’ about a possible truce.")
    assert codes(report) == ["SRC202"]


def test_close_paraphrase_without_quote_is_flagged(stripping):
    story = ("Kremlin spokesman Dmitry Peskov said Friday the president sent messages ahead of "
             "the call, voicing optimism about a truce.")
    assert codes(stripping.check_text(story)) == ["SRC202"]


def test_kept_credit_passes_without_earning_a_score(stripping):
    """Every credit kept is no lapse, and no evidence either: the rule stays unscored."""
    story = "Peskov voiced “cautious optimism” about a truce, Interfax reported."
    report = stripping.check_text(story)
    rule = next(r for r in report.rules if r.code == "SRC202")
    assert codes(report) == [] and rule.score is None and dict(rule.metrics)["matched"] == 1


def test_giving_reference_copy_never_lifts_the_score(checker):
    """A rule that starts to apply must not raise the score: checking a story against credited
    copy it does not misuse leaves its score where it was."""
    from sourcescore.api import Checker

    story = ("Talks stall\n\nCritics say the talks are doomed. Officials said the envoy "
             "would return. The deal will cost 40,000 jobs.\n")
    against = Checker(ROOT / "rules.toml", plugins=checker.plugins, nlp=checker.nlp)
    against.set_references([("wire.txt", REFERENCE)])
    assert against.check_text(story).score == checker.check_text(story).score


def test_unrelated_story_passes(stripping):
    report = stripping.check_text("The mayor said the bridge would reopen in May after repairs.")
    assert codes(report) == []


def test_without_references_the_rule_does_not_apply(checker):
    report = checker.check_text("Peskov voiced “cautious optimism” about a truce.")
    assert next(r for r in report.rules if r.code == "SRC202").score is None
