"""The code stays clean: ruff (the rules pinned in pyproject.toml, complexity 15 at most) over
the repository and mypy over the package and the built-in plugins, as CI runs them through
this suite."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def _run(*command: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *command], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)


def test_ruff_finds_nothing():
    result = _run("ruff", "check", "--no-cache", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_finds_nothing_in_the_package_or_the_plugins():
    result = _run("mypy", "--no-incremental", "--cache-dir", "/dev/null")
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_in_the_package_is_over_400_lines():
    sizes = {str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines())
             for p in Path(ROOT / "sourcescore").rglob("*.py")}
    assert {name: size for name, size in sizes.items() if size > 400} == {}
