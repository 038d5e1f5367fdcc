"""The README's promises: its plugin example works, its test command is what CI runs."""

import re
import types

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _plugin_example() -> str:
    section = README.split("## Writing a rule plugin", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_plugin_example_registers_and_flags(checker):
    from sourcescore.api import Checker

    module = types.ModuleType("readme_example")
    exec(compile(_plugin_example(), "README.md", "exec"), module.__dict__)
    local = Checker(ROOT / "rules.toml", extra_plugins=(module,), nlp=checker.nlp)
    report = local.check_text("The deal is done! “Great!” she said.")
    assert [f.code for f in report.findings if f.code == "XYZ101"] == ["XYZ101"]
    result = next(r for r in report.rules if r.code == "XYZ101")
    assert result.score == 75.0


def test_ci_runs_the_readme_test_command():
    commands = re.findall(r"```sh\n(python3 -m venv[^\n]*)\n```", README)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert len(commands) == 2
    assert commands[1] in ci
    assert "sourcescore check seeds/" in commands[0]
