"""Exceptions and exit statuses shared by the library and the command line."""

from __future__ import annotations

import enum


class ExitStatus(enum.IntEnum):
    """Process exit codes, as ruff, Vale and textlint use them."""

    OK = 0  #: every file scored at or above the threshold, no finding at the failing severity
    FAILED = 1  #: a file scored under the threshold, or a finding reached the failing severity
    ERROR = 2  #: usage, configuration, input, model or plugin error


class SourcescoreError(Exception):
    """Base class: an error the user can act on, printed as one line without a traceback."""


class ConfigError(SourcescoreError):
    """The configuration file or a command-line option is invalid."""


class InputError(SourcescoreError):
    """An input file cannot be read or decoded."""


class ModelError(SourcescoreError):
    """The English spaCy pipeline is missing or unusable."""
