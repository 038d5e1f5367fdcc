"""The JSON report's published schema: every report the tool writes validates against it."""

import json

import pytest
from conftest import ROOT
from jsonschema import Draft202012Validator, ValidationError

from sourcescore.cli import cli
from sourcescore.report import report_schema

VALIDATOR = Draft202012Validator(report_schema())


def test_the_schema_itself_is_valid_draft_2020_12():
    Draft202012Validator.check_schema(report_schema())


@pytest.mark.parametrize("golden", sorted((ROOT / "tests" / "golden").glob("*.json")),
                         ids=lambda p: p.stem)
def test_seed_goldens_validate(golden):
    VALIDATOR.validate(json.loads(golden.read_text(encoding="utf-8")))


def test_empty_unreadable_and_foreign_files_validate(runner, tmp_path):
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 binary")
    (tmp_path / "german.txt").write_text(
        "Der Minister sagte am Montag, dass die Gespräche mit den Nachbarländern weitergehen "
        "würden. Die Regierung wartet noch auf eine Antwort aus Brüssel, und die Opposition "
        "kritisiert den Plan, weil er zu teuer sei und den Schulen nicht helfe.\n")
    result = runner.invoke(cli, ["check", str(tmp_path), "--output-format", "json"])
    report = json.loads(result.output)
    VALIDATOR.validate(report)
    assert sorted(f["status"] for f in report["files"]) == ["empty", "error",
                                                            "unsupported-language"]


def test_each_json_lines_line_is_a_validating_file_entry(runner):
    seed = str(ROOT / "seeds" / "001_490541945bbf5c72.txt")
    result = runner.invoke(cli, ["check", seed, "--output-format", "json-lines"])
    line = json.loads(result.output)
    assert (line.pop("schema_version"), line.pop("tool")["name"]) == ("2.0", "sourcescore")
    file_schema = {"$defs": report_schema()["$defs"], "$ref": "#/$defs/file"}
    Draft202012Validator(file_schema).validate(line)


def test_the_schema_rejects_what_the_documentation_forbids():
    report = json.loads((ROOT / "tests" / "golden" / "001_490541945bbf5c72.json").read_text())
    report["files"][0]["score"] = 101
    with pytest.raises(ValidationError):
        VALIDATOR.validate(report)


def test_schema_command_prints_the_schema(runner):
    result = runner.invoke(cli, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.output) == report_schema()


def test_the_schema_s_rule_code_is_the_registry_s():
    from sourcescore.rules import CODE_PATTERN

    schema = report_schema()
    assert schema["$defs"]["rule"]["properties"]["code"]["pattern"] == CODE_PATTERN.pattern


def test_the_schema_s_enumerations_are_the_model_s():
    import typing

    from sourcescore.model import SOURCE_TYPES, Pattern

    attribution = report_schema()["$defs"]["attribution"]["properties"]
    assert attribution["source_type"]["enum"] == list(SOURCE_TYPES)
    assert set(attribution["pattern"]["enum"]) == set(typing.get_args(Pattern))
