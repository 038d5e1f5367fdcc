"""Every kind of claim is found in its example sentences and not in its counterexamples.

The sentences are declared on each detector (`editorial.claims`), so a new detector is tested
the moment it is declared.
"""

from __future__ import annotations

import pytest

from sourcescore.editorial.claims import DETECTORS, KINDS, claims_in

EXAMPLES = [(d, text) for d in DETECTORS for text in d.examples]
COUNTEREXAMPLES = [(d, text) for d in DETECTORS for text in d.counterexamples]


def _kinds(analyse, text: str) -> list[str]:
    analysis = analyse(text)
    return [c.kind for sentence in analysis.sentences for c in claims_in(sentence, analysis)]


def test_every_kind_is_declared_once_with_examples_and_counterexamples():
    assert tuple(d.kind for d in DETECTORS) == KINDS
    for detector in DETECTORS:
        assert detector.examples and detector.counterexamples, detector.kind


@pytest.mark.model
@pytest.mark.parametrize("detector, text", EXAMPLES,
                         ids=[f"{d.kind}: {t[:40]}" for d, t in EXAMPLES])
def test_detector_finds_its_example(analyse, detector, text):
    assert detector.kind in _kinds(analyse, text)


@pytest.mark.model
@pytest.mark.parametrize("detector, text", COUNTEREXAMPLES,
                         ids=[f"{d.kind}: {t[:40]}" for d, t in COUNTEREXAMPLES])
def test_detector_leaves_its_counterexample(analyse, detector, text):
    assert detector.kind not in _kinds(analyse, text)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "If Republicans plan to move judges in order, the vote will slip.",  # a condition
    "Trump got in trouble by saying that the judge was biased because of his heritage.",
    "Romney's warning that the country would suffer drew applause.",  # a speech noun's content
    "“Prices will rise by 40 percent,” the minister said.",  # a quotation
    "Party leaders issued a stark warning: any leaked emails may contain forgeries.",
    "But I would not count on a deal before the election.",  # the writer's declared view
    "The men let their bosses think that all the assistants welcome the attention.",  # belief
])
def test_what_someone_else_says_or_supposes_is_no_claim_of_the_reporter(analyse, text):
    assert _kinds(analyse, text) == []


@pytest.mark.model
def test_a_colon_after_plain_narration_introduces_the_reporters_own_claim(analyse):
    assert _kinds(analyse, "Prices rose sharply last year: the index will rise again.") == \
        ["prediction"]
