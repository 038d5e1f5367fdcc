"""Markdown stories: markup is not prose, and every offset still points into the file."""

from __future__ import annotations

import json

from sourcescore.cli import cli
from sourcescore.markup import blank_markdown

STORY = """---
title: "Talks stall"
tags: [politics, "quotes"]
---

# Talks *stall* in Geneva

> Officials said the talks had **collapsed** on Monday.

- [Reuters](https://example.org/said-this) reported that the delegation left.
- Critics say the plan is a game-changer.

![a photo of the \\"hall\\"](photo.jpg)

```
"This quote is code," he said.
```

<!-- an editor's note, not prose -->
"""


def test_blanking_keeps_length_and_lines_and_removes_markup():
    prose = blank_markdown(STORY)
    assert len(prose) == len(STORY)
    assert [i for i, c in enumerate(prose) if c == "\n"] == \
        [i for i, c in enumerate(STORY) if c == "\n"]
    for gone in ("title", "#", "*", ">", "https", "photo", "code", "editor", "---", "["):
        assert gone not in prose
    assert "Talks  stall  in Geneva" in prose
    assert "Officials said the talks had   collapsed   on Monday." in prose
    assert " Reuters " in prose


def test_emphasis_marks_inside_words_are_left_alone():
    assert blank_markdown("snake_case and 2*3*4 stay") == "snake_case and 2*3*4 stay"


def test_markdown_report_offsets_index_the_original_file(runner, tmp_path):
    story = tmp_path / "story.md"
    story.write_text(STORY)
    result = runner.invoke(cli, ["check", str(story), "-f", "json", "--exit-zero"])
    file = json.loads(result.output)["files"][0]
    assert file["status"] == "ok"
    sources = [a["source"]["text"] for a in file["attributions"] if a["source"]]
    assert "Officials" in sources and "Reuters" in sources
    assert not any("code" in (a["content"] or {}).get("text", "") for a in file["attributions"])
    for finding in file["findings"]:
        assert STORY[finding["start"]:finding["end"]] == finding["text"]
        line = STORY.splitlines()[finding["line"] - 1]
        assert line[finding["column"] - 1:].startswith(finding["text"].split("\n")[0])
    assert any(f["code"] == "SRC302" and f["text"].startswith("Critics say")
               for f in file["findings"])


def test_the_same_text_as_txt_reads_the_markup_as_prose(runner, tmp_path):
    (tmp_path / "story.txt").write_text(STORY)
    result = runner.invoke(cli, ["check", str(tmp_path / "story.txt"), "-f", "json",
                                 "--exit-zero"])
    contents = [a["content"]["text"] for a in json.loads(result.output)["files"][0]["attributions"]
                if a["content"]]
    assert any("code" in c for c in contents)  # the fenced quote counts in a .txt file


def test_front_matter_only_is_empty(runner, tmp_path):
    (tmp_path / "draft.md").write_text("---\ntitle: Draft\n---\n")
    result = runner.invoke(cli, ["check", str(tmp_path / "draft.md"), "-f", "json"])
    assert json.loads(result.output)["files"][0]["status"] == "empty"
