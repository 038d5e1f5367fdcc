"""Which configuration governs the files a run checks (`check PATHS`, the language server).

`config.find_config` finds the nearest configuration above one folder; here the folders are
the checked files' own, as ruff finds its configuration, so a story under a newsroom's folder
is judged by that newsroom's rules.toml wherever the command is run from.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sourcescore.config import find_config
from sourcescore.errors import ConfigError


def config_for_paths(paths: Iterable[str]) -> Path | None:
    """The configuration that governs the checked paths, found as ruff finds it: from each
    path's own folder upwards (a directory from itself, `-` from the working directory), and
    for a path with none above it, from the working directory. All paths must agree: files
    under different configurations are checked in separate runs (or with `--config`), never
    silently under one of them."""
    fallback = find_config(None)
    found: dict[Path | None, str] = {}
    for given in paths:
        found.setdefault(_config_above(given) or fallback, given)
    if len(found) > 1:
        listed = "; ".join(f"{p or 'the defaults'} (for {g})" for p, g in found.items())
        raise ConfigError(f"the paths given fall under different configurations: {listed}; "
                          "check each in its own run, or choose one with --config")
    return next(iter(found), fallback)


def _config_above(given: str) -> Path | None:
    """The nearest configuration above a path given on the command line; None for `-`, a
    path that does not exist or one the system cannot look at (a name too long)."""
    if given == "-":
        return None
    try:
        path = Path(given)
        start = path if path.is_dir() else path.parent
        return find_config(None, start) if start.is_dir() else None
    except (OSError, ValueError):
        return None
