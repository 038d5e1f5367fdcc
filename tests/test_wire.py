"""Wire credits: datelines, bylines, credit lines, in-text citations, and look-alikes."""

import pytest

from sourcescore.analysis.paragraphs import split_paragraphs
from sourcescore.analysis.wire import find_wire_credits


def credits(text):
    return [(c.agency, c.form) for c in find_wire_credits(text, split_paragraphs(text))]


@pytest.mark.parametrize("text, expected", [
    ("Headline\n\nPASADENA, Calif., Jan. 1 (UPI) — A crowd gathered.", [("UPI", "dateline")]),
    ("Headline\n\nLONDON (Reuters) - Markets fell.", [("Reuters", "dateline")]),
    ("Headline\n\nMexico City (AFP) – It began.", [("AFP", "dateline")]),
    ("Headline\n\nWASHINGTON (AP) — Voters went.", [("AP", "dateline")]),
    ("By JANE DOE, Associated Press\nText of the story.", [("AP", "byline")]),
    ("Story text.\nMore text.\n(Reporting by Jo Bloggs; Editing by Sam Doe)", [("Reuters",
                                                                               "credit_line")]),
    ("Story text.\nThe Associated Press contributed to this report.", [("AP", "credit_line")]),
    ("Peskov spoke, according to the Interfax news agency.", [("Interfax", "in_text")]),
    ("“We will talk,” Trump said, as reported by Reuters.", [("Reuters", "in_text")]),
    ("The minister told Reuters the plan was dead.", [("Reuters", "in_text")]),
    ("Xinhua reported that the talks ended.", [("Xinhua", "in_text")]),
])
def test_credit_forms(text, expected):
    assert credits(text) == expected


@pytest.mark.parametrize("text", [
    "AP-GfK Poll: Voters like him.\n\nThe poll was large.",
    "A photo of the rally. Robert Galbraith / Reuters.",
    "The Reuters/Ipsos poll showed a lead.",
    "He took an AP course in college.",
])
def test_look_alikes_are_not_credits(text):
    assert [c for c in credits(text) if c[1] != "in_text"] == []
    assert credits(text) == []
