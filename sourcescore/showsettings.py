"""`sourcescore check PATHS --show-settings`: which configuration a run would use, and what it
says, with every default filled in (as `ruff check --show-settings` prints).

The output is TOML a user can copy into a `rules.toml`: the general `[sourcescore]` table,
one `[rules.CODE]` table per registered rule and the genre profiles in force (the shipped ones
with the configuration's overrides), each value as the run reads it.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from typing import Any

from sourcescore.config import Config, RuleSettings


def show_settings(config: Config, paths: Iterable[str]) -> str:
    where = config.path or "none found: the built-in defaults"
    lines = [f"# Settings for: {', '.join(paths)}", f"# Configuration file: {where}", "",
             "[sourcescore]"]
    lines += [f"{f.name} = {_toml(getattr(config.general, f.name))}"
              for f in dataclasses.fields(config.general)]
    for code, settings in config.rules.items():
        lines += ["", f"[rules.{code}]", *_rule_lines(settings)]
    for genre, profile in config.genres.items():
        for code, settings in profile.items():
            lines += ["", f"[genres.{genre}.{code}]", *_rule_lines(settings)]
    return "\n".join(lines) + "\n"


def _rule_lines(settings: RuleSettings) -> list[str]:
    lines = [f"enabled = {_toml(settings.enabled)}", f"weight = {_toml(settings.weight)}",
             f"severity = {_toml(settings.severity)}"]
    options = settings.options
    if dataclasses.is_dataclass(options) and not isinstance(options, type):
        lines += [f"{f.name} = {_toml(getattr(options, f.name))}"
                  for f in dataclasses.fields(options)]
    return lines


def _toml(value: Any) -> str:
    """A value as TOML writes it: booleans in lower case, strings quoted, arrays bracketed."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (list, tuple, frozenset, set)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else value
        return "[" + ", ".join(_toml(v) for v in items) + "]"
    return json.dumps(str(value), ensure_ascii=False)
