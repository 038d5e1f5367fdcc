"""CI formats: SARIF validated against the published 2.1.0 schema, GitHub workflow commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, SEEDS
from jsonschema import Draft4Validator

from sourcescore.cli import cli

SARIF_SCHEMA = json.loads((ROOT / "tests" / "schemas" / "sarif-2.1.0.json").read_text())


@pytest.fixture(scope="module")
def stories(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stories")
    for seed in SEEDS[:2]:
        (folder / seed.name).write_text(seed.read_text())
    (folder / "broken.txt").write_bytes(b"\x00\x00binary")
    return folder


def _sarif(runner, *args):
    result = runner.invoke(cli, ["check", *map(str, args), "-f", "sarif"])
    return result.exit_code, json.loads(result.output)


def test_sarif_validates_against_the_published_schema(runner, stories):
    _, log = _sarif(runner, stories)
    Draft4Validator(SARIF_SCHEMA).validate(log)
    run = log["runs"][0]
    assert run["results"], "the seeds have findings"
    assert run["invocations"][0]["executionSuccessful"] is False  # broken.txt
    assert any("binary" in n["message"]["text"]
               for n in run["invocations"][0]["toolExecutionNotifications"])


def test_sarif_rules_carry_metadata_and_results_point_at_them(runner, stories):
    _, log = _sarif(runner, stories)
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(r["id"] for r in rules)
    assert {"SRC101", "SRC402"} <= {r["id"] for r in rules}
    assert all(r["help"]["text"] and r["shortDescription"]["text"] for r in rules)
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        path = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        text = (ROOT / path if not path.startswith("/") else Path(path)).read_text()
        start = region["charOffset"]
        assert text[start:start + region["charLength"]] == region["snippet"]["text"]


def test_sarif_fingerprints_survive_an_edit_above_the_finding(runner, tmp_path):
    seed = SEEDS[0].read_text()
    story = tmp_path / "story.txt"
    story.write_text(seed)
    _, before = _sarif(runner, story)
    story.write_text("An editor's note added at the top of the story.\n\n" + seed)
    _, after = _sarif(runner, story)

    def prints(log):
        return sorted(r["partialFingerprints"]["sourcescore/v1"] for r in log["runs"][0]["results"])

    assert prints(before) == prints(after)
    assert len(set(prints(before))) == len(prints(before))


def _config(folder, line):
    path = folder.parent / f"{folder.name}-rules.toml"
    path.write_text(f"[sourcescore]\n{line}\n")
    return path


def test_github_annotations_escape_and_locate(runner, tmp_path):
    story = tmp_path / "a,b.txt"
    story.write_text("Critics say the plan, which passed 52-48, is a game-changer.\n")
    result = runner.invoke(cli, ["check", str(story), "-f", "github"])
    lines = result.output.splitlines()
    assert lines and all(line.startswith(("::warning ", "::error ", "::notice ")) for line in lines)
    finding = next(line for line in lines if "SRC302" in line)
    assert f"file={str(story).replace(',', '%2C')},line=1,col=1," in finding
    assert lines[-1].startswith("::notice ") and "sourcing score" in lines[-1]
    assert result.exit_code in (0, 1)


def test_github_reports_unreadable_files_as_errors(runner, stories):
    result = runner.invoke(cli, ["check", str(stories / "broken.txt"), "-f", "github"])
    assert result.exit_code == 2
    assert result.output.startswith("::error file=")


def test_sarif_keeps_exempted_findings_as_suppressed_results(runner, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("<!-- sourcescore: ignore SRC302 -- critics named in the sidebar -->\n"
                     "Critics said the plan was doomed.\n")
    _, log = _sarif(runner, story)
    Draft4Validator(SARIF_SCHEMA).validate(log)
    (suppressed,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "SRC302"]
    assert suppressed["suppressions"][0]["justification"] == "critics named in the sidebar"


def test_junit_has_a_suite_per_file_and_fails_what_fails_the_check(runner, stories):
    """Failures are the findings at or above fail_level (here: warning) and a score under
    fail_under; lesser findings are listed in system-out, not counted as failures."""
    import xml.etree.ElementTree as ET

    options = ["--fail-under", "90", "--config", str(_config(stories, 'fail_level = "warning"'))]
    result = runner.invoke(cli, ["check", str(stories), "-f", "junit", *options])
    junit = runner.invoke(cli, ["check", str(stories), "-f", "json", *options])
    files = {f["path"]: f for f in json.loads(junit.output)["files"]}
    root = ET.fromstring(result.output.split("\n", 1)[1])
    assert root.tag == "testsuites"
    suites = {s.get("name"): s for s in root.findall("testsuite")}
    assert set(suites) == set(files)
    for path, file in files.items():
        suite = suites[path]
        failing = [f for f in file["findings"] if f["severity"] in ("warning", "error")]
        low = len(file["findings"]) - len(failing)
        under = file["score"] is not None and file["score"] < 90
        assert len(suite.findall("testcase/failure")) == len(failing) + under
        assert sum(out.text.count("[suggestion] ") for out in
                   suite.findall("testcase/system-out")) == low
        if file["status"] == "error":
            assert "binary" in suite.find("testcase/error").get("message")
        else:
            assert len(suite.findall("testcase")) == len(file["rules"]) + 1  # + the score
            score = {p.get("name"): p.get("value") for p in suite.findall("properties/property")}
            assert float(score["score"]) == file["score"]
    assert int(root.get("failures")) == sum(int(s.get("failures")) for s in suites.values())
    assert int(root.get("errors")) == 1


def test_html_report_has_a_colour_for_every_source_type():
    from sourcescore_plugins.formats.html_report import TYPE_COLOURS

    from sourcescore.model import SOURCE_TYPES

    assert set(TYPE_COLOURS) == set(SOURCE_TYPES)
    assert len(set(TYPE_COLOURS.values())) == len(TYPE_COLOURS)
