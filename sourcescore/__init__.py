"""sourcescore: a linter for journalism sourcing.

Public API: `hookimpl` (for plugins), `check_text`, `Checker`, and the data types in
`sourcescore.model` and `sourcescore.report`. Importing this package does not import spaCy.
"""

from __future__ import annotations

import pluggy

__version__ = "0.1.0"

hookimpl = pluggy.HookimplMarker("sourcescore")

__all__ = ["__version__", "hookimpl", "check_text", "Checker"]


def __getattr__(name: str):
    # Lazy so that `import sourcescore` (and the CLI's --help) stays cheap.
    if name in ("check_text", "Checker"):
        from sourcescore import api

        return getattr(api, name)
    raise AttributeError(f"module 'sourcescore' has no attribute {name!r}")
