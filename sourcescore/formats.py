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
    """

    name: str
    render: Callable[[Report, TextIO, "RenderOptions"], None]
    description: str = ""
    machine: bool = False


@dataclass(frozen=True)
class RenderOptions:
    """Presentation settings the command line passes to formats."""

    color: bool = False
    show_attributions: bool = True
