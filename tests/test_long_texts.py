"""Long articles: parsed in chunks whose joined Doc still indexes the original text."""

from sourcescore import nlp as nlp_module
from sourcescore.nlp import split_for_parsing


def test_split_covers_the_text_exactly_and_respects_the_limit():
    text = ("A paragraph of words.\n" * 50) + ("x" * 130) + " tail"
    pieces = split_for_parsing(text, limit=100)
    assert "".join(pieces) == text
    assert all(len(p) <= 100 for p in pieces)
    assert pieces[0].endswith("\n")


def test_text_longer_than_a_chunk_keeps_offsets(checker, monkeypatch):
    monkeypatch.setattr(nlp_module, "CHUNK_CHARS", 200)
    text = "“We will not back down,” Senator Tom Reed said on Sunday.\n" * 12
    analysis = checker.analyse(text)
    assert analysis.text == text
    assert len(analysis.attributions) == 12
    for a in analysis.attributions:
        for part in (a.content, a.source, a.cue):
            assert text[part.start:part.end] == part.text
