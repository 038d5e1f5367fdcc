"""Output formats, registered by plugins through `sourcescore_register_output_formats`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TextIO

from sourcescore.report import Report


@dataclass(frozen=True)
class OutputFormat:
    """A way to print a report.

    `render(report, stream, options)` writes the whole report; `machine` formats never get
    colour or progress output. `options` is a `RenderOptions`.

    A `per_file` format promises that rendering a run file by file (a one-file report each
    time, `options.file_index` counting from 0) writes the same bytes as rendering it whole.
    The command line then prints each file's report as soon as it is ready and keeps nothing,
    so checking an archive needs no more memory than checking one story.
    """

    name: str
    render: Callable[[Report, TextIO, RenderOptions], None]
    description: str = ""
    machine: bool = False
    per_file: bool = False


@dataclass(frozen=True)
class RenderOptions:
    """Presentation settings the command line passes to formats."""

    color: bool = False
    show_attributions: bool = True
    #: Position of the report's first file in the whole run (for `per_file` rendering).
    file_index: int = 0
    #: The rules that ran (`sourcescore.rules.Rule`), for formats that describe them (SARIF).
    rules: tuple = ()
    #: What fails the check, for formats that say which files failed (JUnit): a finding at or
    #: above `fail_level`, or a score under `fail_under` (0: no threshold).
    fail_level: str = "error"
    fail_under: float = 0.0
