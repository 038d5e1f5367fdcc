"""The genre profiles sourcescore ships (`data/genres.toml`), under every configuration.

A column, an analysis, a transcript and a list are judged differently from news (README,
"Genre"). Those differences are part of the tool, not of one repository's `rules.toml`: they
apply with no configuration file, with a user's own `rules.toml` and with a pyproject's
`[tool.sourcescore]`. A configuration's `[genres.GENRE.CODE]` table overrides the shipped one
key by key (set `enabled = true` to check columns for filler after all).
"""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

PROFILES_RESOURCE = "data/genres.toml"


@cache
def _shipped_text() -> str:
    return resources.files("sourcescore").joinpath(PROFILES_RESOURCE).read_text(encoding="utf-8")


def shipped_profiles() -> dict[str, dict[str, dict[str, Any]]]:
    """The shipped `[genres.GENRE.CODE]` tables (a fresh copy each call)."""
    return tomllib.loads(_shipped_text())["genres"]


def with_shipped_profiles(configured: Any) -> Any:
    """The configuration's `[genres]` over the shipped profiles, merged per rule table key by
    key. Anything not shaped as tables is returned for the configuration's own checks to
    report."""
    if not isinstance(configured, dict):
        return configured
    merged: dict[str, Any] = dict(shipped_profiles())
    for genre, tables in configured.items():
        shipped = merged.get(genre)
        if not isinstance(tables, dict) or not isinstance(shipped, dict):
            merged[genre] = tables
            continue
        merged[genre] = {**shipped, **{
            code: {**shipped.get(code, {}), **table} if isinstance(table, dict) else table
            for code, table in tables.items()}}
    return merged
