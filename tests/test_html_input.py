"""HTML article pages: the article is extracted, navigation and scripts are not read, and the
report says its offsets index the extracted text (which it carries)."""

from __future__ import annotations

import json

import jsonschema
import pytest

from sourcescore.cli import cli
from sourcescore.prepare import Preparer
from sourcescore.report import report_schema

PAGE = """<!doctype html>
<html><head><title>Talks stall | Example News</title>
<script>var teaser = "Critics said the plan was doomed";</script></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Talks stall in Geneva</h1>
<p>GENEVA (Reuters) - Negotiators said on Tuesday that talks had stalled, blaming what one
called &ldquo;unrealistic demands&rdquo; &amp; delays.</p>
<p>&ldquo;There is no progress,&rdquo; Kremlin spokesman Dmitry Peskov told reporters.</p>
<!-- sourcescore: ignore SRC302 -- critics are named in the sidebar -->
<p>Critics say the talks are doomed.</p>
<p>The delegations will meet again in March, according to the foreign ministry.</p>
</article>
<footer>Copyright 2026 Example News. All rights reserved.</footer>
</body></html>
"""


def test_extraction_keeps_the_article_and_drops_the_page_around_it():
    prepared = Preparer().prepare("page.html", PAGE)
    assert prepared.info.format == "html" and prepared.info.offsets == "extracted-text"
    assert prepared.info.extractor.startswith("trafilatura ")
    text = prepared.original
    assert "GENEVA (Reuters)" in text and "\u201cunrealistic demands\u201d & delays" in text
    for boilerplate in ("Home", "Sport", "Copyright", "var teaser", "<p>"):
        assert boilerplate not in text
    # The directive comment survives extraction as a line of its own and is blanked from prose.
    (directive,) = prepared.directives
    assert directive.action == "ignore" and directive.reason == "critics are named in the sidebar"
    assert "sourcescore" not in prepared.prose and len(prepared.prose) == len(text)


def test_html_report_offsets_index_the_extracted_text_it_carries(tmp_path, runner):
    page = tmp_path / "story.html"
    page.write_text(PAGE, encoding="utf-8")
    result = runner.invoke(cli, ["check", str(page), "-f", "json"])
    data = json.loads(result.output)
    jsonschema.validate(data, report_schema())
    file = data["files"][0]
    assert file["status"] == "ok" and file["input"]["format"] == "html"
    text = file["input"]["text"]
    for finding in file["findings"]:
        assert text[finding["start"]:finding["end"]] == finding["text"]
    assert [(w["agency"], w["form"]) for w in file["wire_credits"]] == [("Reuters", "dateline")]
    assert any(a["source"] and a["source"]["text"].endswith("Dmitry Peskov")
               for a in file["attributions"])
    (exemption,) = file["exemptions"]
    assert [f["code"] for f in exemption["suppressed"]] == ["SRC302"]
    assert text[exemption["applies_to"]["start"]:exemption["applies_to"]["end"]] == \
        "Critics say the talks are doomed."


def test_the_text_formats_say_where_lines_point(tmp_path, runner):
    page = tmp_path / "story.htm"
    page.write_text(PAGE, encoding="utf-8")
    result = runner.invoke(cli, ["check", str(page), "-f", "concise"])
    assert "lines and columns refer to the article text extracted from the HTML page" in \
        result.output


@pytest.mark.parametrize("page", [
    "<html><head><script>var a = 1;</script></head><body></body></html>", "<html></html>"])
def test_a_page_without_an_article_is_a_clear_input_error(tmp_path, runner, page):
    path = tmp_path / "empty.html"
    path.write_text(page, encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("The minister said the plan would cost $2 billion.\n", encoding="utf-8")
    result = runner.invoke(cli, ["check", str(path), str(good), "-f", "concise"])
    assert result.exit_code == 2
    assert f"{path}: error: no article text found in the HTML page" in result.output
    assert f"{good}: sourcing score" in result.output


def test_directories_include_html_pages(tmp_path, runner):
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("The minister said the plan would cost $2 billion.\n")
    (tmp_path / "c.css").write_text("p { color: red }\n")
    result = runner.invoke(cli, ["check", str(tmp_path), "-f", "json"])
    assert [f["path"] for f in json.loads(result.output)["files"]] == \
        [str(tmp_path / "a.html"), str(tmp_path / "b.txt")]


def test_a_page_whose_only_sentence_is_a_link_has_no_article(runner, tmp_path):
    """A nav holding one sentence-like link is navigation, not a story to score 100."""
    page = tmp_path / "nav.html"
    page.write_text('<html><body><nav><a href="/x">Read our full coverage of the election.'
                    '</a></nav></body></html>', encoding="utf-8")
    result = runner.invoke(cli, ["check", str(page), "-f", "json"])
    (file,) = json.loads(result.output)["files"]
    assert file["status"] == "error" and file["score"] is None
    assert "no article text found" in file["error"]
