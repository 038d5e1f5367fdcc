"""Inputs from a pull request: nothing outside the tree leaks, nothing blocks or reads without
end, no report format can be turned against the terminal or the CI that prints it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from conftest import ROOT, SEEDS

from sourcescore.cli import cli

STORY = "The mayor said the bridge would reopen in May, according to city officials.\n"
SECRET = "AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI said the token would expire."


def check(runner, *args, **kwargs):
    return runner.invoke(cli, ["check", "--fail-under", "0", *args], **kwargs)


# --- 1. symbolic links ------------------------------------------------------------------------

@pytest.fixture
def leaky_tree(tmp_path, monkeypatch):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "creds.txt").write_text(SECRET)
    stories = tmp_path / "work" / "stories"
    stories.mkdir(parents=True)
    (stories / "story.txt").write_text(STORY)
    (stories / "leak.txt").symlink_to(outside / "creds.txt")
    (stories / "alias.txt").symlink_to(stories / "story.txt")  # inside the tree: fine
    monkeypatch.chdir(tmp_path / "work")
    return stories


@pytest.mark.parametrize("fmt", ["json", "html", "full", "sarif", "junit"])
def test_a_link_out_of_the_checked_tree_is_not_read(runner, leaky_tree, fmt):
    result = check(runner, "stories", "-f", fmt)
    assert "wJalrXUtnFEMI" not in result.output
    assert result.exit_code == 2


def test_the_refusal_is_in_the_file_slot_and_the_others_are_checked(runner, leaky_tree):
    files = json.loads(check(runner, "stories", "-f", "json").output)["files"]
    status = {os.path.basename(f["path"]): f["status"] for f in files}
    assert status == {"alias.txt": "ok", "leak.txt": "error", "story.txt": "ok"}
    leak = next(f for f in files if f["path"].endswith("leak.txt"))
    assert "symbolic link" in leak["error"] and "--follow-symlinks" in leak["error"]


def test_a_named_link_out_of_the_working_directory_is_refused_too(runner, leaky_tree):
    files = json.loads(check(runner, "stories/leak.txt", "-f", "json").output)["files"]
    assert files[0]["status"] == "error"


def test_follow_symlinks_opts_in(runner, leaky_tree):
    result = check(runner, "stories", "-f", "json", "--follow-symlinks")
    files = json.loads(result.output)["files"]
    assert [f["status"] for f in files] == ["ok", "ok", "ok"]


# --- 2. devices, FIFOs, size ------------------------------------------------------------------

def test_a_device_is_refused_and_the_next_file_still_checked(runner, tmp_path):
    story = tmp_path / "ok.txt"
    story.write_text(STORY)
    result = check(runner, "/dev/zero", str(story), "-f", "json")
    files = json.loads(result.output)["files"]
    assert [f["status"] for f in files] == ["error", "ok"]
    assert "a device, not a regular file" in files[0]["error"]


def test_a_fifo_in_a_checked_folder_does_not_hang(tmp_path):
    folder = tmp_path / "stories"
    folder.mkdir()
    os.mkfifo(folder / "story.txt")
    (folder / "ok.txt").write_text(STORY)
    result = subprocess.run([sys.executable, "-m", "sourcescore", "check", str(folder), "-f",
                             "json"], capture_output=True, text=True, timeout=120, cwd=ROOT)
    files = json.loads(result.stdout)["files"]
    assert [(os.path.basename(f["path"]), f["status"]) for f in files] == [
        ("ok.txt", "ok"), ("story.txt", "error")]
    assert "named pipe" in files[1]["error"]


def test_endless_standard_input_is_cut_at_max_bytes(tmp_path):
    with open("/dev/zero", "rb") as zero:
        result = subprocess.run([sys.executable, "-m", "sourcescore", "check", "-", "-f",
                                 "json"], stdin=zero, capture_output=True, text=True,
                                timeout=120, cwd=ROOT)
    (file,) = json.loads(result.stdout)["files"]
    assert result.returncode == 2 and file["status"] == "error"
    assert "the limit is 2,000,000 bytes (max_bytes)" in file["error"]


def test_files_over_max_bytes_are_refused(runner, tmp_path):
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    big.write_text(STORY * 100)
    small.write_text(STORY)
    config = tmp_path / "rules.toml"
    config.write_text("[sourcescore]\nmax_bytes = 1000\n")
    result = check(runner, "--config", str(config), str(big), str(small), "-f", "json")
    files = json.loads(result.output)["files"]
    assert [f["status"] for f in files] == ["error", "ok"]
    assert f"has {len(STORY) * 100:,} bytes; the limit is 1,000 bytes" in files[0]["error"]


# --- 5. a page without an article -------------------------------------------------------------

@pytest.mark.parametrize(("page", "found"), [
    ("<html><body><nav>menu</nav></body></html>", "only 1 word of menus"),
    ("<html><body><nav><a>Home</a> <a>Politics</a> <a>World</a> <a>Sport</a> <a>Login</a>"
     "</nav></body></html>", "no article text found"),
])
def test_a_page_with_only_navigation_is_no_article(runner, tmp_path, page, found):
    path = tmp_path / "page.html"
    path.write_text(page)
    (file,) = json.loads(check(runner, str(path), "-f", "json").output)["files"]
    assert file["status"] == "error" and file["score"] is None
    assert "no article text found" in file["error"] and found in file["error"]


# --- 6, 7. output injection -------------------------------------------------------------------

INJECTED_NAME = "story\n::error file=x.txt,line=1::INJECTED.txt"
TERMINAL = "\x1b]0;PWNED\x07\x1b[2J"


@pytest.fixture
def poisoned(tmp_path):
    folder = tmp_path / "poisoned"
    folder.mkdir()
    (folder / INJECTED_NAME).write_text(STORY)
    (folder / f"control{TERMINAL}\x0b\x1f\x01.txt").write_text(STORY)
    (folder / "terminal.txt").write_text(
        f"Critics say {TERMINAL} the plan is doomed. {STORY}\x0b\x1f\x01 Reportedly it failed.\n")
    return folder


@pytest.mark.parametrize("fmt", ["full", "concise", "github"])
def test_text_formats_never_emit_control_characters(runner, poisoned, fmt):
    output = check(runner, str(poisoned), "-f", fmt).output
    assert not any(ch in output for ch in "\x1b\x07\x0b\x1f\x01\r")
    lines = output.splitlines()
    if fmt == "github":  # every line is one of our commands; the file name is a property
        assert all(line.startswith(("::warning ", "::error ", "::notice ")) for line in lines)
        assert not any(line.startswith("::error file=x.txt") for line in lines)
    else:  # no line is a workflow command, and the file name shows its newline as an escape
        assert not any(line.startswith("::") for line in lines)
        assert "story\\n::error file=x.txt" in output
    if fmt == "full":  # the quoted passage shows the escape sequence as text
        assert "\\x1b]0;PWNED\\x07" in output


def test_junit_parses_whatever_the_story_holds(runner, poisoned):
    output = check(runner, str(poisoned), "-f", "junit").output
    root = ET.fromstring(output.split("\n", 1)[1])
    names = {suite.get("name") for suite in root.findall("testsuite")}
    assert any("INJECTED" in name for name in names)
    assert any("control\\x1b]0;PWNED\x07" in name or "\\x0b\\x1f\\x01" in name
               for name in names)


def test_error_lines_escape_the_path(runner, tmp_path):
    result = check(runner, str(tmp_path / "missing\x1b[2J.txt"))
    assert "\x1b" not in result.output


# --- 18. configuration ------------------------------------------------------------------------

@pytest.mark.parametrize("body, message", [
    ('[sourcescore]\nselect = ["NOPE"]\n', "sourcescore.select: unknown rule code 'NOPE'"),
    ("[sourcescore]\nrule_timeout = inf\n", "sourcescore.rule_timeout must be a finite number"),
    ("[sourcescore]\nrule_timeout = nan\n", "sourcescore.rule_timeout must be a finite number"),
    ("[rules.SRC402]\nscale = 0.0\n", "rules.SRC402.scale: must be greater than 0"),
    ("[rules.SRC103]\nmax_share = nan\n", "rules.SRC103.max_share must be a finite number"),
    ("[rules.SRC103]\nmax_share = 7.5\n", "rules.SRC103.max_share: must be less than or equal"),
    ('[rules.SRC402]\nextra_phrases = ["ok", "(unclosed"]\n',
     "rules.SRC402.extra_phrases[1]: '(unclosed' is not a valid regular expression"),
    ("x = " + "[" * 100_000 + "]" * 100_000 + "\n", "nested too deeply"),
])
def test_bad_configuration_values_are_one_line_naming_the_key(runner, tmp_path, body, message):
    config = tmp_path / "rules.toml"
    config.write_text(body)
    result = runner.invoke(cli, ["check", "--config", str(config), str(SEEDS[1])])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("sourcescore: error: "), result.output
    assert message in lines[0]


@pytest.mark.parametrize("template", ["[{directive}] {0}", "[sourcescore: {directive}] "
                                                           "{directive.__class__}"])
def test_a_template_with_other_braces_is_literal_text(runner, tmp_path, template):
    config = tmp_path / "rules.toml"
    config.write_text(f"[sourcescore]\nplain_text_exemption = {json.dumps(template)}\n")
    page = tmp_path / "page.html"
    page.write_text("<html><body><article><!-- sourcescore: ignore SRC302 -- named below -->"
                    "<p>Critics say the plan is doomed and will never pass the senate.</p>"
                    "</article></body></html>")
    result = runner.invoke(cli, ["check", "--config", str(config), str(page), "-f", "json"])
    (file,) = json.loads(result.output)["files"]
    assert file["status"] == "ok" and file["errors"] == []
    assert "<class" not in file["input"]["text"]  # the field was not formatted
