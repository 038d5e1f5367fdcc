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


def test_a_chunked_analysis_matches_the_unchunked_one(checker, monkeypatch):
    paragraph = ("“We will not back down,” Senator Tom Reed said on Sunday. Officials said "
                 "the talks would resume. The plan costs $2 billion.\n\n")
    text = paragraph * 6
    whole = checker.analyse(text)
    monkeypatch.setattr(nlp_module, "CHUNK_CHARS", len(paragraph) * 2 + 10)
    pieces = checker.analyse(text)
    assert pieces.doc is None  # the pieces' Docs are dropped once analysed
    assert [(s.index, s.start, s.end, s.paragraph) for s in pieces.sentences] == \
        [(s.index, s.start, s.end, s.paragraph) for s in whole.sentences]
    assert pieces.attributions == whole.attributions
    assert pieces.entities == whole.entities
    assert pieces.quotations == whole.quotations
    assert pieces.word_count == whole.word_count


def test_each_attribution_points_at_the_sentence_holding_its_cue(checker, monkeypatch):
    monkeypatch.setattr(nlp_module, "CHUNK_CHARS", 150)
    text = "".join(f"Minister {name} said the port would reopen.\n\n"
                   for name in ("Ann Lee", "Bo Chen", "Cy Dale", "Di Egan", "Ed Fox", "Flo Gil"))
    analysis = checker.analyse(text)
    assert len(analysis.attributions) == 6
    for a in analysis.attributions:
        sentence = analysis.sentences[a.sentence]
        assert sentence.start <= a.cue.start < sentence.end
