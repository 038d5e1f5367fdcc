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


def _module_imports() -> dict[str, set[str]]:
    """For each package module, the package modules it imports, inside functions too (a
    deferred import hides a cycle; it does not remove it)."""
    import ast

    graph: dict[str, set[str]] = {}
    for path in Path(ROOT / "sourcescore").rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[name] = {m for m in found if m.startswith("sourcescore.")}
    return graph


def test_no_import_cycle_between_the_models_and_what_reads_them():
    """The data crossing boundaries (`sourcescore.model`) and the parse indexes
    (`sourcescore.wordtree`) import no reader of theirs: the analysis knows nothing of rules."""
    graph = _module_imports()

    def reaches(start: str) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            for nxt in graph.get(todo.pop(), ()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    assert reaches("sourcescore.model") <= {"sourcescore"}
    assert "sourcescore.wordtree" not in reaches("sourcescore.wordtree")
