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


@pytest.fixture
def linked_folder(leaky_tree):
    """stories/sub is a link to the folder outside, which holds creds.txt."""
    (leaky_tree / "sub").symlink_to(leaky_tree.parent.parent / "outside",
                                    target_is_directory=True)
    return leaky_tree


@pytest.mark.parametrize("named", ["stories/**/*.txt", "stories/*/*.txt", "stories/sub",
                                   "stories/sub/creds.txt", "stories/sub/../sub/creds.txt"])
@pytest.mark.parametrize("fmt", ["json", "html"])
def test_a_link_to_a_directory_is_never_descended(runner, linked_folder, named, fmt):
    result = check(runner, named, "-f", fmt)
    assert "wJalrXUtnFEMI" not in result.output


def test_a_path_through_a_directory_link_is_refused_in_its_slot(runner, linked_folder):
    files = json.loads(check(runner, "stories/sub/creds.txt", "stories/story.txt",
                             "-f", "json").output)["files"]
    assert [f["status"] for f in files] == ["error", "ok"]
    assert "a link to a directory" in files[0]["error"]
    assert "--follow-symlinks" in files[0]["error"]


def test_a_link_is_judged_by_the_folder_given_not_the_working_directory(runner, tmp_path,
                                                                        monkeypatch):
    """Run from a home folder: a story folder's link to ~/.ssh/id_rsa lies under the working
    directory but outside the folder being checked."""
    home = tmp_path / "home"
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "id_rsa").write_text(SECRET)
    (home / "stories").mkdir()
    (home / "stories" / "story.txt").write_text(STORY)
    (home / "stories" / "key.txt").symlink_to(home / ".ssh" / "id_rsa")
    monkeypatch.chdir(home)
    for named in ("stories", "stories/*.txt", "stories/key.txt"):
        result = check(runner, named, "-f", "json")
        assert "wJalrXUtnFEMI" not in result.output
        assert result.exit_code == 2


def test_globs_honour_exclude(runner, leaky_tree):
    (leaky_tree / "drafts").mkdir()
    (leaky_tree / "drafts" / "draft.txt").write_text(STORY)
    files = json.loads(check(runner, "stories/**/*.txt", "-f", "json", "--exclude", "drafts",
                             "--exclude", "leak.txt").output)["files"]
    assert sorted(os.path.basename(f["path"]) for f in files) == ["alias.txt", "story.txt"]


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit", "html", "github", "full"])
def test_a_file_name_that_is_not_utf8_is_escaped_in_every_format(tmp_path, fmt):
    folder = os.fsencode(tmp_path)
    name = os.path.join(folder, b"caf\xe9.txt")
    with open(name, "wb") as handle:
        handle.write(STORY.encode())
    out = tmp_path / "report.out"
    result = subprocess.run([sys.executable, "-m", "sourcescore", "check", "--fail-under", "0",
                             "-f", fmt, name], capture_output=True, cwd=ROOT, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    text = result.stdout.decode("utf-8")  # strict: raises on a lone byte
    assert "caf\\xe9.txt" in text.replace("\\\\", "\\")  # JSON doubles the backslash
    written = subprocess.run([sys.executable, "-m", "sourcescore", "check", "--fail-under", "0",
                              "-f", fmt, "-o", str(out), name], capture_output=True, cwd=ROOT,
                             timeout=120)
    assert written.returncode == result.returncode
    assert out.read_bytes().decode("utf-8") == text


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
    assert "the limit is 500,000 bytes (max_bytes)" in file["error"]


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


# --- -o never replaces what is not a regular file ----------------------------------------------

def _story(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text(STORY)
    return story


def test_o_onto_a_character_device_writes_to_it_and_leaves_it_a_device(runner, tmp_path):
    """A null device made for the test (as root, `-o /dev/null` once replaced the system's)."""
    device = tmp_path / "null"
    try:
        os.mknod(device, 0o666 | __import__("stat").S_IFCHR, os.makedev(1, 3))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    result = check(runner, str(_story(tmp_path)), "-f", "json", "-o", str(device))
    assert result.exit_code in (0, 1), result.output
    assert __import__("stat").S_ISCHR(os.lstat(device).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null", "story.txt"]


def test_o_onto_a_fifo_writes_through_it(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    result = subprocess.run([sys.executable, "-m", "sourcescore", "check", "--fail-under", "0",
                             "-f", "json", "-o", str(fifo), str(_story(tmp_path))], cwd=ROOT,
                            capture_output=True, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    assert json.loads(reader.communicate(timeout=30)[0])["files"][0]["status"] == "ok"
    assert __import__("stat").S_ISFIFO(os.lstat(fifo).st_mode)


def test_o_through_a_symbolic_link_keeps_the_link_and_writes_its_target(runner, tmp_path):
    real = tmp_path / "reports" / "real.json"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    result = check(runner, str(_story(tmp_path)), "-f", "json", "-o", str(link))
    assert result.exit_code in (0, 1)
    assert link.is_symlink() and json.loads(real.read_text())["files"][0]["status"] == "ok"


def test_o_to_dev_stdout_reaches_a_redirected_log(tmp_path):
    log = tmp_path / "log.json"
    with open(log, "w") as out:
        result = subprocess.run([sys.executable, "-m", "sourcescore", "check", "--fail-under",
                                 "0", "-f", "json", "-o", "/dev/stdout",
                                 str(_story(tmp_path))], cwd=ROOT, stdout=out,
                                stderr=subprocess.PIPE, timeout=120)
    assert result.returncode in (0, 1), result.stderr
    assert json.loads(log.read_text())["files"][0]["status"] == "ok"


@pytest.mark.parametrize("where, says", [("folder", "is a directory"),
                                         ("locked/report.json", "permission denied")])
def test_a_bad_o_is_one_line_and_exit_2_before_anything_is_checked(runner, tmp_path, where,
                                                                   says, monkeypatch):
    (tmp_path / "folder").mkdir()
    (tmp_path / "locked").mkdir()
    if where.startswith("locked"):
        monkeypatch.setattr(os, "access", lambda path, mode: not str(path).endswith("locked"))
    from sourcescore import run as run_module

    checked = []
    monkeypatch.setattr(run_module, "_reports", lambda *a: checked.append(a) or iter(()))
    result = check(runner, str(_story(tmp_path)), "-o", str(tmp_path / where))
    assert result.exit_code == 2 and not checked
    assert result.output.strip().splitlines() == [
        f"sourcescore: error: -o {tmp_path / where}: {says}"]


# --- the language gate cannot be switched off by padding -----------------------------------------

LOREM = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed eiusmod tempor "
         "incididunt ut labore et dolore magna aliqua. ")


@pytest.mark.parametrize("name, padded", [
    ("held.txt", lambda story: story + "\n\n" + LOREM * 300 + "\n"),
    ("held.md", lambda story: story + "\n\n<div hidden>\n\n" + LOREM * 300 + "\n\n</div>\n"),
])
def test_padding_a_story_with_other_words_does_not_stop_it_being_scored(runner, tmp_path,
                                                                         name, padded):
    story = SEEDS[2].read_text(encoding="utf-8")
    path = tmp_path / name
    path.write_text(padded(story), encoding="utf-8")
    result = check(runner, str(path), "-f", "json")
    file = json.loads(result.output)["files"][0]
    assert file["status"] == "ok" and file["score"] is not None


def test_a_long_text_with_no_english_in_it_is_an_error_not_a_pass(runner, tmp_path):
    path = tmp_path / "padding.txt"
    path.write_text(LOREM * 30, encoding="utf-8")
    result = check(runner, str(path), "-f", "json")
    file = json.loads(result.output)["files"][0]
    assert result.exit_code == 2 and file["status"] == "error"
    assert "none of it looks like English" in file["error"]
    config = tmp_path / "rules.toml"
    config.write_text("[sourcescore]\nunsupported_language_error_words = 0\n")
    result = check(runner, str(path), "-f", "json", "--config", str(config))
    assert result.exit_code == 0
    assert json.loads(result.output)["files"][0]["status"] == "unsupported-language"


# --- --against copy: the same caps, limits and error slots as stories ---------------------------

def test_a_reference_that_cannot_be_read_or_analysed_in_time_is_its_own_error(runner,
                                                                              tmp_path):
    fifo = tmp_path / "wire.fifo"
    os.mkfifo(fifo)
    huge = tmp_path / "huge.txt"
    huge.write_text(SEEDS[1].read_text(encoding="utf-8") * 150, encoding="utf-8")
    config = tmp_path / "rules.toml"
    config.write_text("[sourcescore]\nfile_timeout = 1.0\n")
    story = _story(tmp_path)
    import time

    began = time.monotonic()
    result = check(runner, str(story), "--config", str(config), "-f", "json",
                   "--against", str(fifo), "--against", str(huge), "--against", str(SEEDS[3]))
    assert time.monotonic() - began < 60
    assert result.exit_code == 2
    files = json.loads(result.output)["files"]
    assert [f["status"] for f in files] == ["error", "error", "ok"]
    assert "named pipe" in files[0]["error"] and files[0]["error"].startswith("--against ")
    assert "exceeded the 1 s time limit (file_timeout)" in files[1]["error"]


@pytest.mark.parametrize("fmt", ["junit", "html", "github", "full", "concise"])
def test_a_newline_in_a_file_name_never_reaches_the_output_raw(runner, tmp_path, fmt):
    path = tmp_path / "story\n::error title=pwned::x.txt"
    path.write_text(STORY)
    result = check(runner, str(path), "-f", fmt)
    assert "\n::error title=pwned" not in result.output
    assert "story\\n" in result.output  # shown, as a visible escape


def test_a_file_name_too_long_for_the_system_is_its_own_error(runner, tmp_path):
    story = _story(tmp_path)
    result = check(runner, str(tmp_path / ("x" * 300 + ".txt")), str(story), "-f", "json")
    files = json.loads(result.output)["files"]
    assert [f["status"] for f in files] == ["error", "ok"] and result.exit_code == 2
    assert "too long" in files[0]["error"].lower()
