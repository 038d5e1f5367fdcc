"""Built-in sourcescore plugins, installed as `sourcescore_plugins`.

Each module is an ordinary plugin: one `@hookimpl` registering one rule (or output format), listed
in `sourcescore.plugins.BUILTIN_PLUGINS` and registered with the same call a third-party plugin
gets. A rule's module docstring is its documentation, printed by `sourcescore explain CODE`.
"""
