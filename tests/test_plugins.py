"""The plugin system: built-ins as ordinary plugins, entry points, and plugin failures."""

import importlib.metadata
import pkgutil
import types

import pytest
from conftest import ROOT

from sourcescore import hookimpl
from sourcescore.model import RuleOutcome
from sourcescore.plugins import BUILTIN_PLUGINS, load_plugins
from sourcescore.rules import CODE_PATTERN, NAME_PATTERN, NoOptions, Rule

HEADINGS = ("What it flags:", "Why it matters:", "Example (flagged):", "Not flagged:",
            "Options:", "Sources:")
MEASURING_HEADINGS = ("What it measures:", "Why it matters:", "Example (scores low):",
                      "Scores full marks:", "Options:", "Sources:")


def test_every_module_in_plugins_is_a_builtin_and_vice_versa():
    modules = {f"sourcescore_plugins.{m.name}"
               for m in pkgutil.iter_modules([str(ROOT / "plugins")]) if not m.ispkg}
    modules |= {f"sourcescore_plugins.formats.{m.name}"
                for m in pkgutil.iter_modules([str(ROOT / "plugins" / "formats")])}
    assert modules == set(BUILTIN_PLUGINS)


def test_builtins_load_cleanly():
    plugins = load_plugins(autoload=False)
    assert plugins.errors == []
    assert len(plugins.rules) == 9
    assert set(plugins.formats) == {"full", "concise", "json", "json-lines", "sarif", "github",
                                    "junit", "html"}


def test_rule_codes_names_and_docs_follow_the_conventions():
    for rule in load_plugins(autoload=False).rules:
        assert CODE_PATTERN.fullmatch(rule.code) and NAME_PATTERN.fullmatch(rule.name)
        assert rule.doc.startswith(f"{rule.code} {rule.name}:")
        headings = MEASURING_HEADINGS if "What it measures:" in rule.doc else HEADINGS
        positions = [rule.doc.index(h) for h in headings]
        assert positions == sorted(positions), rule.code


def test_rule_modules_stay_small():
    for path in (ROOT / "plugins").glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 200, path.name


def _plugin(name, **hooks):
    module = types.ModuleType(name)
    for hook, function in hooks.items():
        setattr(module, hook, hookimpl(function))
    return module


def _rule(code="TST101", check=None):
    return Rule(code, "test-rule", "a test rule", check or (lambda a, o: RuleOutcome(100.0)),
                NoOptions, doc=f"{code} test-rule: doc")


def test_extra_plugin_registers_like_a_builtin():
    plugin = _plugin("tests.extra", sourcescore_register_rules=lambda register: register(_rule()))
    plugins = load_plugins(extra=(plugin,), autoload=False)
    assert plugins.rules.get("TST101").plugin == "tests.extra"


def test_a_plugin_rule_moves_the_score_only_once_the_configuration_weighs_it(checker, tmp_path):
    """Installing a plugin whose rule gives every story 100 must not lift the built-in score:
    its rule reports beside the score at weight 0 until `[rules.CODE] weight` is set."""
    from sourcescore.api import Checker

    plugin = _plugin("tests.perfect", sourcescore_register_rules=lambda register: register(
        _rule("TST105")))
    text = "The mayor said the plan failed. Critics say it was doomed from the start."
    plain = Checker(ROOT / "rules.toml", nlp=checker.nlp, plugins=load_plugins(autoload=False))
    local = Checker(ROOT / "rules.toml", nlp=checker.nlp,
                    plugins=load_plugins(extra=(plugin,), autoload=False))
    base, with_plugin = plain.check_text(text), local.check_text(text)
    assert with_plugin.score == base.score
    assert [(r.score, r.weight, r.contribution) for r in with_plugin.rules
            if r.code == "TST105"] == [(100.0, 0.0, 0.0)]
    weighed = tmp_path / "rules.toml"
    weighed.write_text((ROOT / "rules.toml").read_text(encoding="utf-8") +
                       "\n[rules.TST105]\nweight = 2.0\n", encoding="utf-8")
    configured = Checker(weighed, nlp=checker.nlp,
                         plugins=load_plugins(extra=(plugin,), autoload=False))
    assert configured.check_text(text).score > base.score


def test_misspelt_hook_fails_loudly():
    plugin = _plugin("tests.typo", sourcescore_register_rule=lambda register: None)
    plugins = load_plugins(extra=(plugin,), autoload=False)
    assert any(e.plugin == "tests.typo" and e.stage == "validate" and "unknown hook" in e.message
               for e in plugins.errors)


def test_duplicate_rule_code_is_reported_and_first_kept():
    plugin = _plugin("tests.dup", sourcescore_register_rules=lambda register: register(
        _rule("SRC101")))
    plugins = load_plugins(extra=(plugin,), autoload=False)
    assert plugins.rules.get("SRC101").plugin == "sourcescore_plugins.named_source_ratio"
    assert any(e.plugin == "tests.dup" and e.stage == "invalid"
               and "SRC101 is already registered" in e.message for e in plugins.errors)


def test_plugin_failing_to_register_is_named():
    def boom(register):
        raise RuntimeError("kaboom")
    plugins = load_plugins(extra=(_plugin("tests.boom", sourcescore_register_rules=boom),),
                           autoload=False)
    assert [(e.plugin, e.stage, e.message) for e in plugins.errors] == [
        ("tests.boom", "register", "failed to register: RuntimeError: kaboom")]
    assert str(plugins.errors[0]) == "plugin tests.boom: failed to register: RuntimeError: kaboom"
    assert plugins.rules.get("SRC101") is not None


def test_rule_that_raises_is_reported_and_others_still_run(checker):
    from sourcescore.api import Checker

    def crash(analysis, options):
        raise ValueError("rule bug")
    plugin = _plugin("tests.crash", sourcescore_register_rules=lambda register: register(
        _rule("TST102", crash)))
    local = Checker(ROOT / "rules.toml", extra_plugins=(plugin,), nlp=checker.nlp)
    report = local.check_text("Officials said the plan failed. The mayor said it worked.")
    assert [(e.code, e.plugin) for e in report.errors] == [("TST102", "tests.crash")]
    assert "ValueError: rule bug" in report.errors[0].message
    assert report.score is not None
    assert any(r.code == "SRC101" and r.score is not None for r in report.rules)


def test_rule_returning_garbage_is_an_error(checker):
    from sourcescore.api import Checker
    from sourcescore.model import Flag

    bad = lambda a, o: RuleOutcome(50.0, (Flag(0, 10_000, "out of range"),))  # noqa: E731
    plugin = _plugin("tests.garbage", sourcescore_register_rules=lambda register: register(
        _rule("TST103", bad)))
    local = Checker(ROOT / "rules.toml", extra_plugins=(plugin,), nlp=checker.nlp)
    report = local.check_text("The mayor said the plan worked.")
    assert "outside the text" in report.errors[0].message


def test_a_flag_must_name_what_decided_it_in_words(checker):
    from sourcescore.api import Checker
    from sourcescore.model import Flag

    bad = lambda a, o: RuleOutcome(50.0, (Flag(0, 3, "odd", decided_by=7),))  # noqa: E731
    plugin = _plugin("tests.garbage", sourcescore_register_rules=lambda register: register(
        _rule("TST104", bad)))
    local = Checker(ROOT / "rules.toml", extra_plugins=(plugin,), nlp=checker.nlp)
    report = local.check_text("The mayor said the plan worked.")
    assert "decided_by 7 is not a string" in report.errors[0].message


def _example_installed():
    try:
        importlib.metadata.distribution("sourcescore-example")
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


@pytest.mark.skipif(not _example_installed(),
                    reason="tests/example_plugin not installed (the README test command "
                           "installs it)")
def test_third_party_plugin_found_through_entry_point(checker):
    from sourcescore.api import Checker

    plugins = load_plugins(autoload=True)
    rule = plugins.rules.get("EXM101")
    assert rule is not None and rule.plugin == "example"
    local = Checker(ROOT / "rules.toml", plugins=plugins, nlp=checker.nlp)
    report = local.check_text("The deal is done! “Wow!” she said.")
    assert [f.code for f in report.findings if f.code == "EXM101"] == ["EXM101"]


def test_rule_that_hangs_is_stopped_and_reported(checker, tmp_path):
    import time

    from sourcescore.api import Checker

    def hang(analysis, options):
        time.sleep(30)
    config = tmp_path / "rules.toml"
    config.write_text("[sourcescore]\nrule_timeout = 0.2\n")
    plugin = _plugin("tests.hang", sourcescore_register_rules=lambda register: register(
        _rule("TST104", hang)))
    local = Checker(config, extra_plugins=(plugin,), nlp=checker.nlp)
    started = time.monotonic()
    report = local.check_text("The mayor said the plan worked.")
    assert time.monotonic() - started < 10
    assert [(e.code, e.message) for e in report.errors] == [
        ("TST104", "exceeded the 0.2 s time limit (rule_timeout)")]
    assert report.score is not None
