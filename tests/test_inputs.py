"""Bad and unusual inputs: each file gets its own clear outcome, the others are still checked."""

import json
import os

import pytest
from conftest import SEEDS

from sourcescore.cli import cli

STORY = "The mayor said the bridge would reopen in May, according to city officials.\n"


def check(runner, *args, **kwargs):
    result = runner.invoke(cli, ["check", "-f", "json", "--fail-under", "0", *args],
                           catch_exceptions=False, **kwargs)
    return result, json.loads(result.output) if result.output.startswith("{") else None


def statuses(report):
    return [(os.path.basename(f["path"]), f["status"]) for f in report["files"]]


def test_directory_is_checked_recursively_in_order(runner, tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(STORY)
    (tmp_path / "one.md").write_text(STORY)
    (tmp_path / "skip.png").write_bytes(b"\x89PNG")
    result, report = check(runner, str(tmp_path))
    assert statuses(report) == [("two.txt", "ok"), ("one.md", "ok")]


def test_symlink_loop_does_not_hang(runner, tmp_path):
    (tmp_path / "story.txt").write_text(STORY)
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    result, report = check(runner, str(tmp_path))
    assert statuses(report) == [("story.txt", "ok")]


def test_glob_matching_nothing_is_an_error(runner, tmp_path):
    result, report = check(runner, str(tmp_path / "*.txt"))
    assert result.exit_code == 2
    assert "pattern matches no files" in report["files"][0]["error"]


def test_glob_is_expanded(runner, tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(STORY)
    result, report = check(runner, str(tmp_path / "*.txt"))
    assert statuses(report) == [("a.txt", "ok"), ("b.txt", "ok")]


@pytest.mark.parametrize("data, message", [
    (b"\x00\x01\x02binary\x00", "binary data"),
    (b"caf\xe9 au lait said the mayor", "not valid UTF-8 at byte 3"),
])
def test_undecodable_files_are_clear_errors_and_others_still_run(runner, tmp_path, data,
                                                                 message):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(data)
    result, report = check(runner, str(bad), str(SEEDS[1]))
    assert result.exit_code == 2
    assert [f["status"] for f in report["files"]] == ["error", "ok"]
    assert message in report["files"][0]["error"]


def test_utf16_with_bom_is_read(runner, tmp_path):
    path = tmp_path / "u16.txt"
    path.write_bytes(STORY.encode("utf-16"))
    result, report = check(runner, str(path))
    assert report["files"][0]["status"] == "ok"


def test_crlf_lines_and_columns(runner, tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Headline\r\nOfficials said the talks collapsed.\r\n")
    result, report = check(runner, str(path))
    finding = next(f for f in report["files"][0]["findings"] if f["code"] == "SRC102")
    assert (finding["line"], finding["column"], finding["text"]) == (2, 1, "Officials")


def test_unreadable_file(runner, tmp_path, monkeypatch):
    """Injected, because CI runs as root and root can read a mode-000 file."""
    from sourcescore import inputs

    path = tmp_path / "secret.txt"
    path.write_text(STORY)
    real = inputs.os.open

    def fake_open(name, *args, **kwargs):
        if str(name).endswith("secret.txt"):
            raise PermissionError(13, "Permission denied")
        return real(name, *args, **kwargs)
    monkeypatch.setattr(inputs.os, "open", fake_open)
    result, report = check(runner, str(path), str(SEEDS[1]))
    assert result.exit_code == 2
    assert "permission denied" in report["files"][0]["error"]
    assert report["files"][1]["status"] == "ok"


def test_non_english_text_is_not_scored(runner):
    text = ("El ministro dijo el lunes que el presupuesto aumentaría un cuatro por ciento. "
            "Los críticos dicen que el plan fracasará porque no hay dinero suficiente para "
            "las escuelas ni para los hospitales de la región, según fuentes oficiales.\n")
    result, report = check(runner, "-", input=text)
    file = report["files"][0]
    assert file["status"] == "unsupported-language" and file["score"] is None
    assert "does not look like English" in file["warnings"][0]


@pytest.mark.parametrize(("text", "status"), [
    ("no punctuation at all just words running on and on " * 30, "ok"),
    ("“" + "All of this is inside quotation marks, every word of it. " * 20 + "”", "ok"),
    ("“unmatched ” “ quotes “ everywhere ” ” “ said he “\n" * 20, "ok"),
    ("x" * 200_000, "unsupported-language"),  # no function words at all: not English prose
])
def test_odd_texts_are_judged_without_error(runner, text, status):
    result, report = check(runner, "-", input=text)
    file = report["files"][0]
    assert result.exit_code == 0 and file["status"] == status and file["errors"] == []


def test_checked_file_is_never_modified(runner, tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(STORY.encode())
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    check(runner, str(path), "-o", str(tmp_path / "report.json"))
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before


@pytest.mark.parametrize("body, message", [
    ("[sourcescore]\nfail_under = = 3\n", "invalid TOML"),
    ("[rules.SRC999]\n", "unknown rule code rules.SRC999"),
    ('[rules.SRC101]\nweight = "x"\n', "rules.SRC101.weight must be a number"),
])
def test_configuration_errors_exit_2_with_one_line(runner, tmp_path, body, message):
    config = tmp_path / "rules.toml"
    config.write_text(body)
    result = runner.invoke(cli, ["check", str(SEEDS[1]), "--config", str(config)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sourcescore: error: ") and message in lines[0]
    assert "Traceback" not in result.output


def test_utf32_with_its_byte_order_mark_is_read_as_utf32(runner, tmp_path):
    import codecs

    path = tmp_path / "story.txt"
    path.write_bytes(codecs.BOM_UTF32_LE + STORY.encode("utf-32-le"))
    result, report = check(runner, str(path))
    (file,) = report["files"]
    assert file["status"] == "ok"
    assert any(a["source"]["text"] == "The mayor" for a in file["attributions"])


@pytest.mark.parametrize("line_end", ["\r", "\u2028", "\u2029", "\r\n"])
def test_every_kind_of_line_end_breaks_paragraphs_as_a_newline_does(line_end):
    from sourcescore.analysis.paragraphs import split_paragraphs

    lines = ["The mayor said the bridge would reopen.", "Critics disagreed.", "It rained."]
    expected = [(p.start, p.end) for p in split_paragraphs("\n".join(lines))]
    other = line_end.join(lines)
    found = [(p.start, p.end) for p in split_paragraphs(other)]
    assert [other[s:e] for s, e in found] == lines
    if len(line_end) == 1:
        assert found == expected
