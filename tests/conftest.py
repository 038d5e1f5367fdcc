"""Shared fixtures. The suite loads only built-in plugins unless a test asks for more."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("SOURCESCORE_DISABLE_PLUGIN_AUTOLOAD", "1")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def pytest_addoption(parser):
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite tests/golden/*.json from the current output")


@pytest.fixture(scope="session")
def checker():
    """A Checker with the repository's rules.toml and the real English pipeline."""
    from sourcescore.api import Checker

    return Checker(ROOT / "rules.toml")


@pytest.fixture(scope="session")
def analyse(checker):
    """Parse a text with the real pipeline and return its Analysis."""
    return checker.analyse


@pytest.fixture
def runner():
    from click.testing import CliRunner

    return CliRunner()
