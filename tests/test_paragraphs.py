"""Paragraph splitting for one-line-per-paragraph and hard-wrapped text."""

from sourcescore.analysis.paragraphs import split_paragraphs


def test_each_line_is_a_paragraph():
    text = "Title\nFirst paragraph.\n\nSecond paragraph.\n"
    spans = [text[p.start:p.end] for p in split_paragraphs(text)]
    assert spans == ["Title", "First paragraph.", "Second paragraph."]


def test_hard_wrapped_blocks_are_paragraphs():
    text = ("The minister said on Monday that\nthe plan would go ahead despite\n"
            "objections from the opposition\nand from unions.\n\nA second block\nwraps too "
            "and\nends here.\n")
    spans = [text[p.start:p.end] for p in split_paragraphs(text)]
    assert len(spans) == 2
    assert spans[0].startswith("The minister") and spans[0].endswith("unions.")


def test_crlf_offsets_point_into_original_text():
    text = "Line one.\r\nLine two.\r\n"
    spans = [text[p.start:p.end] for p in split_paragraphs(text)]
    assert spans == ["Line one.", "Line two."]
