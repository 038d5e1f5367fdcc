"""Read `rules.toml`, validate it against the registered rules, and resolve per-rule settings.

Defaults live with the code that uses them: the `[sourcescore]` defaults below and each rule's
options dataclass, weight and severity. The repository's `rules.toml` lists every built-in rule
with those defaults (a test keeps the two in step). Discovery: `--config PATH`, else the
`SOURCESCORE_CONFIG` environment variable, else the nearest `rules.toml` - or `pyproject.toml`
with a `[tool.sourcescore]` table - in the working directory or its parents (in one folder,
`rules.toml` wins), else the defaults alone.
"""

from __future__ import annotations

import dataclasses
import difflib
import math
import os
import re
import sys
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from annotated_types import Interval
from pydantic import TypeAdapter, ValidationError

from sourcescore.errors import ConfigError
from sourcescore.exemptions import plain_text_pattern
from sourcescore.inputs import DEFAULT_MAX_BYTES
from sourcescore.model import GENRES, SEVERITIES
from sourcescore.options import PositiveCount, Seconds
from sourcescore.plugins import BUILTIN_PLUGINS
from sourcescore.profiles import with_shipped_profiles
from sourcescore.rules import unknown_code_message

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

CONFIG_NAME = "rules.toml"
CONFIG_ENV = "SOURCESCORE_CONFIG"
RULE_KEYS = ("enabled", "weight", "severity")
#: What a walk of a stories folder skips by default: a folder's notes, licences and hidden files
#: are not stories.
DEFAULT_EXCLUDE = ("README*", "CHANGELOG*", "CONTRIBUTING*", "LICENSE*", "NOTICE*", ".*",
                   "node_modules")
#: The table of a pyproject.toml that holds sourcescore's configuration.
PYPROJECT_TABLE = ("tool", "sourcescore")


@dataclass(frozen=True)
class GeneralSettings:
    """The `[sourcescore]` table."""

    #: an article scoring below this fails the check (exit 1); 0 disables
    fail_under: Annotated[float, Interval(ge=0, le=100)] = 50.0
    fail_level: str = "error"  #: a finding at or above this severity fails the check
    select: tuple[str, ...] = ()  #: run only these rule codes or prefixes (empty: all)
    ignore: tuple[str, ...] = ()  #: never run these rule codes or prefixes
    rule_errors_fail: bool = True  #: a rule that crashes makes the exit code 2
    rule_timeout: Seconds = 10.0  #: seconds one rule may run on one article (0: no limit)
    #: seconds the whole check of one file may take, reading to rules (0: no limit); the command
    #: line and the server enforce it by checking in a worker process they can stop
    file_timeout: Seconds = 60.0
    #: largest input file (bytes) read; larger files, and standard input beyond it, are refused
    max_bytes: PositiveCount = DEFAULT_MAX_BYTES
    #: load every installed plugin (the `sourcescore` entry-point group); false pins the run to
    #: the built-ins and `plugins`. `SOURCESCORE_DISABLE_PLUGIN_AUTOLOAD=1` also turns it off.
    autoload_plugins: bool = True
    #: plugins to load in any case: entry-point names, or modules to import
    plugins: tuple[str, ...] = ()
    inline_exemptions: bool = True  #: honour `sourcescore: disable/enable/ignore` directives
    #: how a directive is written on a line of its own in plain text (`{directive}` is the body)
    plain_text_exemption: str = "[sourcescore: {directive}]"
    #: sub-scores are raised to this power before they are weighted (`sourcescore.scoring`)
    curve: Annotated[float, Interval(ge=0.5, le=5)] = 2.75
    #: a finding of severity error caps the score here (100: findings never hold a story)
    hold_score: Annotated[float, Interval(ge=0, le=100)] = 45.0
    #: the genre of every story checked (news, analysis, opinion, transcript, list); empty:
    #: detected from each story's text and page metadata
    genre: str = ""
    #: the outlet that publishes the stories, when their text does not say: its own
    #: interviews, polls and analyses are its reporting, not second-hand sourcing
    publisher: str = ""
    #: files and folders a directory walk skips (globs, by name or path under the directory);
    #: files named on the command line are always checked
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    #: more globs to skip, on top of `exclude`
    extend_exclude: tuple[str, ...] = ()
    #: a text of fewer words is too short to judge: status `too-short`, no score
    min_words: Annotated[int, Interval(ge=1)] = 5
    #: a text of at least this many words in which no stretch reads as English is an error
    #: (exit 2), not an unscored pass; 0: never
    unsupported_language_error_words: Annotated[int, Interval(ge=0)] = 150


@dataclass(frozen=True)
class RuleSettings:
    """How one rule runs: whether, with what weight and severity, and its options."""

    enabled: bool
    weight: float
    severity: str
    options: Any


@dataclass(frozen=True)
class Config:
    """A validated configuration: the general settings, each rule's settings, and per genre the
    rules whose settings differ for it (`[genres.GENRE.CODE]`)."""

    general: GeneralSettings = GeneralSettings()
    rules: Mapping[str, RuleSettings] = field(default_factory=dict)
    path: str | None = None
    genres: Mapping[str, Mapping[str, RuleSettings]] = field(default_factory=dict)

    def for_genre(self, code: str, genre: str) -> RuleSettings:
        """How rule `code` runs on a story of `genre`."""
        return self.genres.get(genre, {}).get(code) or self.rules[code]


def find_config(explicit: str | None = None, start: Path | None = None) -> Path | None:
    """The configuration file to use, or None for the defaults: `explicit`, else
    `$SOURCESCORE_CONFIG`, else in the working directory or the nearest parent that has one, a
    `rules.toml` or (if none) a `pyproject.toml` with a `[tool.sourcescore]` table."""
    chosen = explicit or os.environ.get(CONFIG_ENV)
    if chosen:
        path = Path(chosen)
        if not path.is_file():
            raise ConfigError(f"{path}: configuration file not found")
        return path
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate  # a rules.toml wins over a pyproject.toml beside it
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _has_tool_table(pyproject):
            return pyproject
    return None


#: A `[tool.sourcescore]` (or `[[tool.sourcescore...`) header, for a file that does not parse.
_TOOL_TABLE = re.compile(r"^[ \t]*\[\[?[ \t]*tool[ \t]*\.[ \t]*sourcescore\b", re.M)


def _has_tool_table(path: Path) -> bool:
    """Whether a pyproject.toml configures sourcescore. One that does not parse but names
    `tool.sourcescore` counts (loading it then reports the TOML error): its settings must not
    be dropped in silence for the defaults."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False  # not ours to judge
    try:
        data = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, RecursionError):
        return _TOOL_TABLE.search(text) is not None
    return isinstance(data.get("tool"), dict) and "sourcescore" in data["tool"]


def load_config(path: Path | None, registry) -> Config:
    """Parse and validate `path` (or the defaults) against the rules in `registry`."""
    name = str(path) if path else "<defaults>"
    data = _read(path) if path is not None else {}
    _unknown(name, "", data, ("sourcescore", "rules", "genres"))
    general = _build(name, "sourcescore", GeneralSettings, data.get("sourcescore", {}))
    if general.fail_level not in SEVERITIES:
        raise ConfigError(f"{name}: sourcescore.fail_level = {general.fail_level!r} is not one of "
                          f"{', '.join(SEVERITIES)}")
    if general.genre and general.genre not in GENRES:
        raise ConfigError(f"{name}: sourcescore.genre = {general.genre!r} is not one of "
                          f"{', '.join(GENRES)} (or empty, to detect it)")
    for key in ("select", "ignore"):
        for code in getattr(general, key):
            if not any(known.startswith(code.upper()) for known in registry.codes()):
                raise ConfigError(f"{name}: sourcescore.{key}: "
                                  f"{unknown_code_message(code, registry.codes())}")
    try:
        plain_text_pattern(general.plain_text_exemption)
    except ConfigError as exc:
        raise ConfigError(f"{name}: {exc}") from None
    tables = data.get("rules", {})
    if not isinstance(tables, dict):
        raise ConfigError(f"{name}: [rules] must be a table of [rules.CODE] tables")
    _unknown(name, "rules.", tables, registry.codes(), what="rule code")
    rules = {rule.code: _rule_settings(name, rule, tables.get(rule.code, {})) for rule in registry}
    _check_weights(name, rules)
    genres = _genre_profiles(name, with_shipped_profiles(data.get("genres", {})), tables,
                             registry)
    for genre, profile in genres.items():
        effective = {**rules, **profile}
        if not any(s.enabled and s.weight > 0 for s in effective.values()):
            raise ConfigError(f"{name}: [genres.{genre}] leaves no enabled rule with a weight "
                              f"above 0, so no {genre} story could be scored")
    return Config(general, rules, str(path) if path else None, genres)


def _genre_profiles(name: str, profiles: Any, tables: Mapping[str, Any],
                    registry) -> dict[str, dict[str, RuleSettings]]:
    """`[genres.GENRE.CODE]` tables: what differs for a genre, over the rule's own table."""
    if not isinstance(profiles, dict):
        raise ConfigError(f"{name}: [genres] must be a table of [genres.GENRE] tables")
    _unknown(name, "genres.", profiles, GENRES, what="genre")
    by_code = {rule.code: rule for rule in registry}
    found: dict[str, dict[str, RuleSettings]] = {}
    for genre, overrides in profiles.items():
        if not isinstance(overrides, dict):
            raise ConfigError(f"{name}: [genres.{genre}] must be a table of rule tables")
        _unknown(name, f"genres.{genre}.", overrides, list(by_code), what="rule code")
        found[genre] = {}
        for code, override in overrides.items():
            if not isinstance(override, dict):
                raise ConfigError(f"{name}: [genres.{genre}.{code}] must be a table")
            base = tables.get(code, {})
            merged = {**(base if isinstance(base, dict) else {}), **override}
            found[genre][code] = _rule_settings(name, by_code[code], merged,
                                                where=f"genres.{genre}.{code}")
        _check_weight_bounds(name, f"genres.{genre}.", found[genre])
    return found


def plugin_choice(path: Path | None) -> tuple[bool | None, tuple[str, ...]]:
    """`(autoload, named)` for `load_plugins`, read before the rest of the configuration (which
    is validated against the rules the plugins register). `autoload` None leaves it to the
    environment."""
    if path is None:
        return None, ()
    table = _read(path).get("sourcescore", {})
    if not isinstance(table, dict):
        return None, ()  # reported with the rest of the configuration
    hints = typing.get_type_hints(GeneralSettings)
    autoload = _typed(str(path), "sourcescore.autoload_plugins",
                      table.get("autoload_plugins", True), hints["autoload_plugins"])
    named = _typed(str(path), "sourcescore.plugins", table.get("plugins", []), hints["plugins"])
    return (None if autoload else False), named


def _read(path: Path) -> dict[str, Any]:
    """A configuration file's tables in rules.toml's shape: a pyproject.toml's
    `[tool.sourcescore]` holds the general keys, `rules` and `genres`."""
    data = _parse(path)
    if path.name != "pyproject.toml":
        return data
    table = data.get("tool", {}).get("sourcescore", {}) if isinstance(data.get("tool"),
                                                                        dict) else {}
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.sourcescore] must be a table")
    general = {k: v for k, v in table.items() if k not in ("rules", "genres")}
    shaped: dict[str, Any] = {"sourcescore": general}
    for key in ("rules", "genres"):
        if key in table:
            shaped[key] = table[key]
    return shaped


def _parse(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: arrays or tables nested too deeply") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None


def default_weight(rule) -> float:
    """A built-in rule's own weight; 0 for a plugin's rule until the configuration sets one.
    Installing a plugin must not move the score the built-in rules give: its rule runs and
    reports its sub-score beside the score, and counts once `[rules.CODE] weight` says how
    much (the author's `Rule(weight=...)` is the value to suggest, not to impose)."""
    return rule.weight if rule.plugin in BUILTIN_PLUGINS else 0.0


def _rule_settings(name: str, rule, table: Any, where: str = "") -> RuleSettings:
    where = where or f"rules.{rule.code}"
    if not isinstance(table, dict):
        raise ConfigError(f"{name}: [{where}] must be a table")
    option_names = [f.name for f in dataclasses.fields(rule.options_type)]
    _unknown(name, where + ".", table, (*RULE_KEYS, *option_names))
    common = {k: table[k] for k in RULE_KEYS if k in table}
    enabled = _typed(name, f"{where}.enabled", common.get("enabled", True), bool)
    weight = _typed(name, f"{where}.weight", common.get("weight", default_weight(rule)), float)
    severity = _typed(name, f"{where}.severity", common.get("severity", rule.severity), str)
    if severity not in SEVERITIES:
        raise ConfigError(f"{name}: {where}.severity = {severity!r} is not one of "
                          f"{', '.join(SEVERITIES)}")
    options = _build(name, where, rule.options_type,
                     {k: v for k, v in table.items() if k not in RULE_KEYS})
    return RuleSettings(enabled, weight, severity, options)


#: The largest weight a rule may have: weights are relative, and this keeps their sum finite.
MAX_WEIGHT = 1000.0


def _check_weights(name: str, rules: Mapping[str, RuleSettings]) -> None:
    _check_weight_bounds(name, "rules.", rules)
    enabled = [s for s in rules.values() if s.enabled]
    if enabled and not any(s.weight > 0 for s in enabled):
        raise ConfigError(f"{name}: every enabled rule has weight 0, so no score can be computed")


def _check_weight_bounds(name: str, prefix: str, rules: Mapping[str, RuleSettings]) -> None:
    for code, settings in rules.items():
        if not 0 <= settings.weight <= MAX_WEIGHT:
            raise ConfigError(f"{name}: {prefix}{code}.weight must be a finite number >= 0 and "
                              f"<= {MAX_WEIGHT:g}, not {settings.weight}")


def _build(name: str, where: str, cls: type, table: Any):
    """Instantiate a frozen options dataclass from a TOML table: names, types, then limits."""
    if not isinstance(table, dict):
        raise ConfigError(f"{name}: [{where}] must be a table")
    hints = typing.get_type_hints(cls)
    fields = {f.name for f in dataclasses.fields(cls)}
    _unknown(name, where + ".", table, sorted(fields))
    values = {key: _typed(name, f"{where}.{key}", value, hints[key]) for key, value in
              table.items()}
    try:
        return _validator(cls).validate_python(values)
    except ValidationError as exc:
        error = exc.errors()[0]
        loc = error["loc"]
        key = f"{where}.{loc[0]}" + "".join(f"[{part}]" for part in loc[1:])
        message = error["msg"].removeprefix("Value error, ").replace("Input should be", "must be")
        value = values.get(str(loc[0])) if len(loc) == 1 else error.get("input")
        raise ConfigError(f"{name}: {key}: {message}, not {value!r}") from None


@cache
def _validator(cls: type) -> TypeAdapter:
    """pydantic's validator for an options dataclass: it checks the limits its fields declare
    (`sourcescore.options`); the basic types were checked strictly before."""
    return TypeAdapter(cls)


def _typed(name: str, key: str, value: Any, expected: Any) -> Any:
    """Check (and lightly convert) one configuration value against its declared type."""
    origin = typing.get_origin(expected)
    if expected is float and isinstance(value, (int, float)) and not isinstance(value, bool):
        if not math.isfinite(value):
            raise ConfigError(f"{name}: {key} must be a finite number, not {value!r}")
        return float(value)
    if expected in (bool, int, str) and type(value) is expected:
        return value
    if origin is typing.Literal:
        if value in typing.get_args(expected):
            return value
        choices = ", ".join(repr(v) for v in typing.get_args(expected))
        raise ConfigError(f"{name}: {key} must be one of {choices}, not {_short(value)}")
    if origin is tuple and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    wanted = {float: "a number", int: "an integer", bool: "true or false", str: "a string"}.get(
        expected, "a list of strings")
    raise ConfigError(f"{name}: {key} must be {wanted}, not {_short(value)}")


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _unknown(name: str, prefix: str, table: Mapping, allowed, what: str = "key") -> None:
    for key in table:
        if key in allowed:
            continue
        close = difflib.get_close_matches(str(key), list(allowed), n=1)
        hint = f"; did you mean {prefix}{close[0]}?" if close else ""
        raise ConfigError(f"{name}: unknown {what} {prefix}{key}{hint}")
