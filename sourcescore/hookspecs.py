"""The plugin contract: hook specifications only (project name `sourcescore`).

A plugin is a module or object with functions named like these hooks and decorated with
`sourcescore.hookimpl`. Built-in rules (`sourcescore_plugins.*`) are registered with exactly the
same call as third-party plugins found through the `sourcescore` entry-point group. Hooks may gain
keyword arguments in later versions; an implementation may accept fewer than the spec lists.
"""

from __future__ import annotations

import pluggy

hookspec = pluggy.HookspecMarker("sourcescore")


@hookspec
def sourcescore_register_rules(register):
    """Register rules.

    Called once per plugin when the plugin manager is set up.

    Args:
        register: call it once per rule with a `sourcescore.rules.Rule`. Codes are a prefix of
            2-4 capitals and three digits (`sourcescore.rules.CODE_PATTERN`; `SRC` is ours)
            and unique across all plugins; names are kebab-case.

    Returns:
        Nothing; the return value is ignored.

    .. versionadded:: 0.1
    """


@hookspec
def sourcescore_register_output_formats(register):
    """Register output formats for `sourcescore check --output-format NAME`.

    Args:
        register: call it once per format with a `sourcescore.formats.OutputFormat`.

    Returns:
        Nothing; the return value is ignored.

    .. versionadded:: 0.1
    """
