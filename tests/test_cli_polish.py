"""The command line as a newcomer meets it: options that compose, one-line errors, the reason a
check failed, exclusions, pyproject.toml, statistics, quiet runs, texts too short to judge."""

from __future__ import annotations

import json
import re

import pytest
from conftest import SEEDS

from sourcescore.cli import cli

STORY = ("Talks stall in Geneva\n\n"
         "Kremlin spokesman Dmitry Peskov told reporters on Tuesday that there was no progress "
         "in the talks, and he said the next round would depend on Kyiv.\n")
WEAK = ("Talks stall\n\nCritics say the talks are doomed. Officials said the next round "
        "would cost 4 billion dollars. Only time will tell.\n")


@pytest.fixture
def stories(tmp_path):
    folder = tmp_path / "stories"
    folder.mkdir()
    (folder / "good.txt").write_text(STORY, encoding="utf-8")
    (folder / "weak.txt").write_text(WEAK, encoding="utf-8")
    (folder / "README.md").write_text("# Stories\n\nThese are the desk's stories for the "
                                      "week, with notes on each.\n", encoding="utf-8")
    (folder / "drafts").mkdir()
    (folder / "drafts" / "draft.txt").write_text(STORY, encoding="utf-8")
    return folder


def paths_in(output: str) -> set[str]:
    return {json.loads(line)["path"].rsplit("/", 1)[-1] for line in output.splitlines()}


def test_against_may_come_before_the_paths_and_repeat(runner):
    result = runner.invoke(cli, ["check", "--against", str(SEEDS[1]), "--against",
                                 str(SEEDS[3]), str(SEEDS[0]), "-f", "concise"])
    assert result.exit_code in (0, 1), result.output
    assert "SRC202" in result.output


def test_help_lists_every_registered_format_with_its_description(runner):
    text = " ".join(runner.invoke(cli, ["check", "--help"]).output.split())
    for name in ("full", "concise", "json", "json-lines", "sarif", "github", "junit", "html"):
        assert f"{name}:" in text
    assert "SARIF 2.1.0" in text


def test_usage_errors_are_one_line(runner):
    for args in (["check"], ["check", "--nosuch", "x.txt"], ["nosuch"]):
        result = runner.invoke(cli, args)
        lines = [line for line in result.output.splitlines() if line.strip()]
        assert result.exit_code == 2 and len(lines) == 1, result.output
        assert lines[0].startswith("sourcescore: error: ") and "--help" in lines[0]


def test_an_unreadable_path_is_named_once(runner, tmp_path):
    missing = tmp_path / "nosuch.txt"
    result = runner.invoke(cli, ["check", str(missing), "-f", "concise"])
    assert result.output.count(str(missing)) == 1 and "no such file" in result.output


def test_a_failed_check_says_why_last(runner, tmp_path):
    story = tmp_path / "weak.txt"
    story.write_text(WEAK, encoding="utf-8")
    result = runner.invoke(cli, ["check", str(story), "-f", "concise", "--fail-under", "99"])
    assert result.exit_code == 1
    last = result.output.strip().splitlines()
    assert last[-2] == "sourcescore: the check failed (exit 1): 1 file"
    assert "under fail_under 99" in last[-1]
    config = tmp_path / "rules.toml"
    config.write_text('[sourcescore]\nfail_under = 0\nfail_level = "warning"\n', encoding="utf-8")
    result = runner.invoke(cli, ["check", str(story), "-f", "full", "--config", str(config)])
    assert result.exit_code == 1
    assert "at or above fail_level 'warning'" in result.output.strip().splitlines()[-1]
    json_run = runner.invoke(cli, ["check", str(story), "-f", "json", "--fail-under", "99"])
    json.loads(json_run.output)  # machine formats stay parseable: the reason is not mixed in


def test_directory_walks_skip_readmes_and_what_exclude_names(runner, stories):
    def checked(*args):
        return paths_in(runner.invoke(cli, ["check", str(stories), "-f", "json-lines",
                                            *args]).output)
    assert checked() == {"good.txt", "weak.txt", "draft.txt"}
    assert checked("--extend-exclude", "drafts") == {"good.txt", "weak.txt"}
    assert checked("--exclude", "weak*") == {"good.txt", "draft.txt", "README.md"}
    named = runner.invoke(cli, ["check", str(stories / "README.md"), "-f", "json-lines"])
    assert paths_in(named.output) == {"README.md"}  # named on the command line: checked


def test_pyproject_configures_and_rules_toml_wins_beside_it(runner, stories, monkeypatch):
    monkeypatch.chdir(stories)
    monkeypatch.delenv("SOURCESCORE_CONFIG", raising=False)
    (stories / "pyproject.toml").write_text(
        '[project]\nname = "desk"\n\n[tool.sourcescore]\nextend_exclude = ["drafts"]\n\n'
        '[tool.sourcescore.rules.SRC402]\nenabled = false\n', encoding="utf-8")
    result = runner.invoke(cli, ["check", ".", "-f", "json"])
    report = json.loads(result.output)
    assert report["config"].endswith("pyproject.toml")
    assert {f["path"].rsplit("/", 1)[-1] for f in report["files"]} == {"good.txt", "weak.txt"}
    assert not any(f["code"] == "SRC402" for file in report["files"] for f in file["findings"])
    (stories / "rules.toml").write_text("[rules.SRC402]\nenabled = true\n", encoding="utf-8")
    report = json.loads(runner.invoke(cli, ["check", ".", "-f", "json"]).output)
    assert report["config"].endswith("rules.toml")


def test_a_broken_pyproject_with_our_table_is_one_line_and_exit_2(runner, stories,
                                                                 monkeypatch):
    """A TOML error anywhere in the file must not drop [tool.sourcescore] for the defaults."""
    monkeypatch.chdir(stories)
    monkeypatch.delenv("SOURCESCORE_CONFIG", raising=False)
    (stories / "pyproject.toml").write_text(
        '[project]\nname = "desk\n\n[tool.sourcescore]\nfail_under = 90\n', encoding="utf-8")
    result = runner.invoke(cli, ["check", ".", "-f", "json"])
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert line.startswith("sourcescore: error: ") and "pyproject.toml: invalid TOML" in line


def test_statistics_and_quiet(runner, stories):
    result = runner.invoke(cli, ["check", str(stories), "-f", "concise", "--statistics", "-q",
                                 "--fail-under", "60"])
    lines = result.output.splitlines()
    assert "Statistics:" in lines
    assert re.search(r"^\s+\d+\s+SRC302 vague-attribution$", result.output, re.M)
    assert "3 files, 3 scored" in result.output
    assert not any("good.txt" in line for line in lines)  # passes: quiet says nothing of it
    assert any(line.startswith(str(stories / "weak.txt")) for line in lines)


def test_a_text_too_short_to_judge_is_not_scored(runner):
    result = runner.invoke(cli, ["check", "-", "-f", "json"], input="x")
    file = json.loads(result.output)["files"][0]
    assert (file["status"], file["score"]) == ("too-short", None) and result.exit_code == 0
    french = ("Le gouvernement a annoncé mardi une réforme des retraites. Les syndicats ont "
              "appelé à la grève générale jeudi.")
    file = json.loads(runner.invoke(cli, ["check", "-", "-f", "json"], input=french).output)
    assert file["files"][0]["status"] == "unsupported-language"


def test_min_words_sets_how_long_a_text_must_be_to_be_scored(runner, tmp_path):
    sentence = "The minister said the plan would cost $2 billion."
    story = tmp_path / "brief.txt"
    story.write_text(sentence + "\n", encoding="utf-8")
    assert _status(runner, story) == "ok"  # ten words: over the default of five
    (tmp_path / "rules.toml").write_text("[sourcescore]\nmin_words = 40\n", encoding="utf-8")
    assert _status(runner, story, "--config", str(tmp_path / "rules.toml")) == "too-short"


def _status(runner, path, *options):
    result = runner.invoke(cli, ["check", str(path), "-f", "json", *options])
    return json.loads(result.output)["files"][0]["status"]


def test_explain_finds_a_rule_by_a_word_of_its_name(runner):
    result = runner.invoke(cli, ["explain", "filler"])
    assert result.exit_code == 2 and "did you mean SRC402 (rhetorical-filler)?" in result.output
    assert runner.invoke(cli, ["explain", "src402"]).output.startswith("SRC402")


@pytest.mark.parametrize("text", [STORY, WEAK, SEEDS[0].read_text(encoding="utf-8")])
def test_counts_agree_with_their_nouns(checker, text):
    report = checker.check_text(text)
    wrong = re.compile(r"(?<![\d.,])\b1 (?!of\b)[a-z-]+s\b")
    for line in [r.summary for r in report.rules] + [f.message for f in report.findings]:
        assert not wrong.search(line), line
