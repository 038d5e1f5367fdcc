"""Configuration: the shipped rules.toml, and every way a configuration can be wrong."""

import dataclasses
import sys

import pytest

from sourcescore.config import load_config
from sourcescore.errors import ConfigError
from sourcescore.plugins import load_plugins

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

from conftest import ROOT


@pytest.fixture(scope="module")
def registry():
    return load_plugins(autoload=False).rules


def write(tmp_path, body):
    path = tmp_path / "rules.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_rules_toml_lists_every_builtin_rule_with_its_defaults(registry):
    data = tomllib.loads((ROOT / "rules.toml").read_text(encoding="utf-8"))
    assert sorted(data["rules"]) == registry.codes()
    for rule in registry:
        table = data["rules"][rule.code]
        assert table["weight"] == rule.weight
        assert table["severity"] == rule.severity
        for field in dataclasses.fields(rule.options_type):
            default = getattr(rule.options_type(), field.name)
            assert table[field.name] == (list(default) if isinstance(default, tuple) else default)


def test_rules_toml_general_table_matches_the_defaults():
    from sourcescore.config import GeneralSettings

    data = tomllib.loads((ROOT / "rules.toml").read_text(encoding="utf-8"))["sourcescore"]
    defaults = GeneralSettings()
    assert sorted(data) == sorted(f.name for f in dataclasses.fields(GeneralSettings))
    for key, value in data.items():
        expected = getattr(defaults, key)
        assert value == (list(expected) if isinstance(expected, tuple) else expected), key


def test_shipped_config_validates(registry):
    config = load_config(ROOT / "rules.toml", registry)
    assert config.general.fail_under == 50


def test_unknown_rule_code_names_file_and_suggests(tmp_path, registry):
    path = write(tmp_path, "[rules.SRC110]\nweight = 1.0\n")
    with pytest.raises(ConfigError,
                       match=r"rules.toml: unknown rule code rules.SRC110; did you mean"):
        load_config(path, registry)


def test_unknown_option_key_suggests(tmp_path, registry):
    path = write(tmp_path, "[rules.SRC103]\nmax_shares = 0.5\n")
    with pytest.raises(ConfigError, match="did you mean rules.SRC103.max_share"):
        load_config(path, registry)


def test_unknown_top_level_key(tmp_path, registry):
    with pytest.raises(ConfigError, match="unknown key sourcescore.fail_undr"):
        load_config(write(tmp_path, "[sourcescore]\nfail_undr = 3\n"), registry)


def test_wrong_type(tmp_path, registry):
    with pytest.raises(ConfigError, match="rules.SRC101.weight must be a number"):
        load_config(write(tmp_path, '[rules.SRC101]\nweight = "heavy"\n'), registry)


def test_negative_weight(tmp_path, registry):
    with pytest.raises(ConfigError, match="weight must be a finite number >= 0"):
        load_config(write(tmp_path, "[rules.SRC101]\nweight = -1\n"), registry)


def test_all_weights_zero(tmp_path, registry):
    body = "".join(f"[rules.{code}]\nweight = 0\n" for code in registry.codes())
    with pytest.raises(ConfigError, match="every enabled rule has weight 0"):
        load_config(write(tmp_path, body), registry)


def test_malformed_toml_gives_line_and_column(tmp_path, registry):
    with pytest.raises(ConfigError, match=r"invalid TOML: .*line 2, column"):
        load_config(write(tmp_path, "[sourcescore]\nfail_under = = 3\n"), registry)


def test_bad_severity(tmp_path, registry):
    with pytest.raises(ConfigError, match="severity = 'fatal' is not one of"):
        load_config(write(tmp_path, '[rules.SRC101]\nseverity = "fatal"\n'), registry)


def test_options_reach_the_rule(tmp_path, registry):
    config = load_config(write(tmp_path, "[rules.SRC103]\nmax_share = 0.9\n"), registry)
    assert config.rules["SRC103"].options.max_share == 0.9


@pytest.mark.parametrize("setting", ["file_timeout = 2147484.0", "rule_timeout = 1e12",
                                     "rule_timeout = nan", "file_timeout = inf"])
def test_time_limits_that_would_overflow_their_timers_are_refused(tmp_path, registry, setting):
    path = write(tmp_path, f"[sourcescore]\n{setting}\n")
    with pytest.raises(ConfigError, match=setting.split()[0]):
        load_config(path, registry)


def test_a_genre_profile_that_turns_every_rule_off_is_refused(tmp_path, registry):
    body = "".join(f"[genres.opinion.{rule.code}]\nenabled = false\n" for rule in registry)
    with pytest.raises(ConfigError, match=r"\[genres.opinion\] leaves no enabled rule"):
        load_config(write(tmp_path, body), registry)


@pytest.mark.parametrize("where", ["none", "rules.toml", "pyproject.toml"])
def test_the_shipped_genre_profiles_apply_under_any_configuration(tmp_path, registry, where):
    """With no configuration, a user's own rules.toml or a pyproject's [tool.sourcescore], a
    column and a transcript are judged as the README says, not as news."""
    if where == "none":
        path = None
    elif where == "rules.toml":
        path = write(tmp_path, "[sourcescore]\nfail_under = 60\n")
    else:
        path = tmp_path / "pyproject.toml"
        path.write_text("[tool.sourcescore]\nfail_under = 60\n", encoding="utf-8")
    config = load_config(path, registry)
    assert config.for_genre("SRC402", "opinion").enabled is False
    assert config.for_genre("SRC301", "opinion").options.kinds == ("figure",)
    assert config.for_genre("SRC301", "transcript").enabled is False
    assert config.for_genre("SRC301", "analysis").options.lede_severity == ""
    assert config.for_genre("SRC301", "news").options.lede_severity == "error"


def test_a_configured_genre_table_overrides_the_shipped_profile_key_by_key(tmp_path, registry):
    config = load_config(write(tmp_path, "[genres.opinion.SRC301]\nlede_severity = 'error'\n"
                                         "[genres.opinion.SRC402]\nenabled = true\n"), registry)
    opinion = config.for_genre("SRC301", "opinion")
    assert opinion.options.lede_severity == "error" and opinion.options.kinds == ("figure",)
    assert config.for_genre("SRC402", "opinion").enabled is True


def test_the_repository_rules_toml_repeats_no_shipped_profile():
    """The profiles are defined once, in the package: the repository's rules.toml only
    overrides, and today it has nothing to override."""
    data = tomllib.loads((ROOT / "rules.toml").read_text(encoding="utf-8"))
    assert "genres" not in data
