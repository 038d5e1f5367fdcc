"""Which configuration a run uses: found from the checked files' folder upwards (as ruff finds
its own), said in the report, and printed whole by `--show-settings`."""

from __future__ import annotations

import json
import sys

import pytest

from sourcescore.cli import cli
from sourcescore.config import load_config
from sourcescore.plugins import load_plugins

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

STORY = ("Bridge reopens\n\nMayor Ann Cole said on Monday that the bridge would reopen in May "
         "after repairs. Critics say the repairs will cost 40,000 jobs.\n")


@pytest.fixture
def desk(tmp_path, monkeypatch):
    """A newsroom folder with its own rules.toml and a story two folders below it; the run
    starts from an unrelated working directory that has a configuration of its own."""
    (tmp_path / "desk" / "politics" / "today").mkdir(parents=True)
    (tmp_path / "desk" / "rules.toml").write_text("[sourcescore]\nfail_under = 99\n",
                                                  encoding="utf-8")
    story = tmp_path / "desk" / "politics" / "today" / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "rules.toml").write_text("[sourcescore]\nfail_under = 1\n", encoding="utf-8")
    monkeypatch.chdir(elsewhere)
    monkeypatch.delenv("SOURCESCORE_CONFIG", raising=False)
    return tmp_path


@pytest.mark.model
def test_the_configuration_is_found_from_the_checked_file_upwards(desk, runner):
    story = desk / "desk" / "politics" / "today" / "story.txt"
    result = runner.invoke(cli, ["check", str(story), "-f", "json"])
    report = json.loads(result.stdout)
    assert report["config"] == str(desk / "desk" / "rules.toml")
    assert result.exit_code == 1  # the desk's fail_under of 99, not the working directory's 1


def test_files_under_different_configurations_are_one_clear_error(desk, runner):
    other = desk / "elsewhere" / "story.txt"
    other.write_text(STORY, encoding="utf-8")
    story = desk / "desk" / "politics" / "today" / "story.txt"
    result = runner.invoke(cli, ["check", str(story), str(other)])
    assert result.exit_code == 2
    assert "different configurations" in result.stderr and "--config" in result.stderr


def test_show_settings_names_the_file_and_prints_every_setting_as_loadable_toml(desk, runner):
    story = desk / "desk" / "politics" / "today" / "story.txt"
    result = runner.invoke(cli, ["check", str(story), "--show-settings"])
    assert result.exit_code == 0
    assert f"# Configuration file: {desk / 'desk' / 'rules.toml'}" in result.stdout
    printed = desk / "printed.toml"
    printed.write_text(result.stdout, encoding="utf-8")
    data = tomllib.loads(result.stdout)
    assert data["sourcescore"]["fail_under"] == 99
    registry = load_plugins(autoload=False).rules
    again, original = load_config(printed, registry), load_config(desk / "desk" / "rules.toml",
                                                                 registry)
    assert again.general == original.general and again.rules == original.rules
    assert again.genres == original.genres



@pytest.mark.model
def test_a_file_with_no_configuration_above_it_takes_the_working_directory_s(desk, runner):
    """Only files under a configuration of their own vote: a loose story checked beside one
    from the working directory's folder is judged by the working directory's configuration."""
    loose = desk / "loose" / "story.txt"
    loose.parent.mkdir()
    loose.write_text(STORY, encoding="utf-8")
    here = desk / "elsewhere" / "story.txt"
    here.write_text(STORY, encoding="utf-8")
    result = runner.invoke(cli, ["check", str(loose), str(here), "-f", "json"])
    assert json.loads(result.stdout)["config"] == str(desk / "elsewhere" / "rules.toml")
    assert result.exit_code == 0  # its fail_under of 1
