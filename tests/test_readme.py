"""The README's promises: its plugin example works, its test command is what CI runs."""

import re
import types

from conftest import ROOT, SEEDS

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
    commands = re.findall(r"```sh\n((?:sh tests/install-browser.sh && )?python3 -m venv[^\n]*)"
                          r"\n```", README)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert len(commands) == 2
    assert commands[1] in ci
    assert "sourcescore check seeds/" in commands[0]


def test_readme_github_actions_step_runs_as_written(runner, tmp_path, monkeypatch):
    """The workflow step parses as YAML, and its check command works on a stories folder."""
    import re
    import shlex

    import yaml

    from sourcescore.cli import cli

    block = re.search(r"```yaml\n(- name: Check sourcing\n.*?)```", README, re.S).group(1)
    step = yaml.safe_load(block)[0]
    commands = [line for line in step["run"].splitlines() if line.strip()]
    assert commands[0] == "pip install sourcescore"
    args = shlex.split(commands[1])
    assert args[:2] == ["sourcescore", "check"]
    stories = tmp_path / "stories"
    stories.mkdir()
    (stories / "story.txt").write_text(SEEDS[1].read_text())
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, args[1:])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].startswith("::notice file=stories/story.txt")


def test_every_against_example_checks_only_the_story_it_means():
    """`--against A B` would check B as a story: every reference needs its own --against."""
    import shlex

    from sourcescore.cli import check

    texts = README + (ROOT / "seeds" / "README.md").read_text(encoding="utf-8")
    examples = [" ".join(m.split()) for m in
                re.findall(r"sourcescore check [^`\n]*(?:\n[^`\n#]*)?--against[^`\n]*(?:\n[^`#]"
                           r"[^`\n]*)?", texts)]
    assert len(examples) >= 2
    for example in examples:
        words = shlex.split(example.split("#")[0])[2:]
        context = check.make_context("check", words)
        assert len(context.params["paths"]) == 1, example
        assert context.params["references"], example
