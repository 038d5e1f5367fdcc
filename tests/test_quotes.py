"""Quotation pairing: every convention, and never giving up on an article."""

from sourcescore.analysis.paragraphs import split_paragraphs
from sourcescore.analysis.quotes import find_quotations


def quoted(text):
    return [text[q.start:q.end] for q in find_quotations(text, split_paragraphs(text))]


def test_straight_double_quotes():
    """Straight marks pair by position."""
    assert quoted('He said "we will win" and left.') == ['"we will win"']


def test_curly_quotes():
    assert quoted("She said “it is over” today.") == ["“it is over”"]


def test_single_curly_quotes_and_apostrophes():
    """Apostrophes inside words are not quotation marks."""
    text = "He called it ‘positive’ and said Ukraine’s view didn’t matter."
    assert quoted(text) == ["‘positive’"]


def test_possessive_apostrophe_is_not_a_quote():
    """`aides’` must not open or close a quotation (the textacy failure)."""
    text = "The aides’ offices were empty. “We are done,” one said."
    assert quoted(text) == ["“We are done,”"]


def test_nyt_two_apostrophes():
    text = "''We finally may be seeing growth,'' the economist wrote. It's fine."
    assert quoted(text) == ["''We finally may be seeing growth,''"]


def test_guillemets():
    assert quoted("Il a dit «nous gagnerons» hier.") == ["«nous gagnerons»"]


def test_nested_single_inside_double_belongs_to_outer():
    text = "“They just say, ‘do this, do that.’ He doesn’t,” she said."
    assert quoted(text) == ["“They just say, ‘do this, do that.’ He doesn’t,”"]


def test_unmatched_mark_does_not_stop_pairing():
    """An odd number of marks: the stray one is skipped, later quotes still pair."""
    text = "He said “this never closes. “But this does,” she said. Then “more” came."
    assert quoted(text) == ["“But this does,”", "“more”"]


def test_multi_paragraph_quote_is_one_quotation_with_fragments():
    text = "He said:\n“First paragraph of the quote.\n“Second paragraph ends it.”\nAfter."
    quotes = find_quotations(text, split_paragraphs(text))
    assert len(quotes) == 1
    assert len(quotes[0].fragments) == 2
    assert text[quotes[0].start:quotes[0].end].endswith("ends it.”")


def test_split_quote_gives_two_quotations():
    text = "“A is true,” he said. “B is also true.”"
    assert quoted(text) == ["“A is true,”", "“B is also true.”"]


def test_decade_apostrophe_is_not_a_quote():
    assert quoted("In the ’90s it was “different” here.") == ["“different”"]
