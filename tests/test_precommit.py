"""The pre-commit hook, run for real: `pre-commit try-repo` installs this checkout in its own
environment and runs the hook on a newsroom repository's stories."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from conftest import ROOT, SEEDS

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def _git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"})


def test_hook_manifest_is_valid():
    pytest.importorskip("pre_commit")
    result = subprocess.run([*PRE_COMMIT, "validate-manifest", ".pre-commit-hooks.yaml"],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_try_repo_fails_the_weak_story_and_passes_the_sourced_one(tmp_path):
    pytest.importorskip("pre_commit")
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of sourcescore")
    newsroom = tmp_path / "newsroom"
    newsroom.mkdir()
    _git(newsroom, "init", "-q")
    (newsroom / "sourced.txt").write_text(SEEDS[1].read_text())
    (newsroom / "weak.md").write_text("Critics say the plan is doomed. In a dramatic turn of "
                                      "events, it would cost $4 billion.\n")
    (newsroom / "notes.py").write_text("print('not a story')\n")
    _git(newsroom, "add", ".")
    result = subprocess.run([*PRE_COMMIT, "try-repo", str(ROOT), "sourcescore", "--all-files"],
                            cwd=newsroom, capture_output=True, text=True,
                            env={**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")})
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "weak.md: sourcing score" in output and "sourced.txt: sourcing score" in output
    assert "notes.py" not in output  # only stories are passed to the hook
