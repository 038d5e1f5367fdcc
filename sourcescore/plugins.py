"""The plugin manager: built-in plugins by name, third-party plugins by entry point.

Built-ins are listed in `BUILTIN_PLUGINS` (entry-point metadata goes stale under editable
installs) and registered with the same `pm.register(module, name)` call as entry-point plugins.
Set `SOURCESCORE_DISABLE_PLUGIN_AUTOLOAD=1` to load built-ins only.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import EntryPoint, entry_points

import pluggy

from sourcescore import hookspecs
from sourcescore.probe import probe as probe_plugins
from sourcescore.probe import stdout_to_stderr
from sourcescore.rules import RuleRegistry

PROJECT = "sourcescore"
ENTRY_POINT_GROUP = "sourcescore"
BUILTIN_PLUGINS = (
    "sourcescore_plugins.named_source_ratio",
    "sourcescore_plugins.anonymous_source_reason",
    "sourcescore_plugins.source_diversity",
    "sourcescore_plugins.agency_attribution",
    "sourcescore_plugins.attribution_stripping",
    "sourcescore_plugins.unattributed_claims",
    "sourcescore_plugins.vague_attribution",
    "sourcescore_plugins.loaded_verbs",
    "sourcescore_plugins.rhetorical_filler",
    "sourcescore_plugins.formats.text_report",
    "sourcescore_plugins.formats.json_report",
    "sourcescore_plugins.formats.sarif_report",
    "sourcescore_plugins.formats.github_report",
    "sourcescore_plugins.formats.junit_report",
    "sourcescore_plugins.formats.html_report",
)
AUTOLOAD_ENV = "SOURCESCORE_DISABLE_PLUGIN_AUTOLOAD"


@dataclass(frozen=True)
class PluginProblem:
    """A plugin that failed to load or registered something invalid; the others still load.

    `stage` is `load` (import or hook registration), `register` (its registration hook raised),
    `invalid` (a rule or format it registered was refused) or `validate` (pluggy's check of its
    hooks). `traceback` is kept only with `SOURCESCORE_DEBUG=1`.
    """

    plugin: str
    stage: str
    message: str
    traceback: str | None = None

    def __str__(self) -> str:
        return f"plugin {self.plugin}: {self.message}"

    def to_dict(self) -> dict[str, str]:
        data = {"plugin": self.plugin, "stage": self.stage, "message": self.message}
        if self.traceback is not None:
            data["traceback"] = self.traceback
        return data


@dataclass
class Plugins:
    """A loaded plugin manager and what it registered."""

    manager: pluggy.PluginManager
    rules: RuleRegistry
    formats: dict = field(default_factory=dict)
    errors: list[PluginProblem] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)


def load_plugins(extra: tuple[object, ...] = (), autoload: bool | None = None,
                 named: tuple[str, ...] = (), *, probe: bool = True,
                 skip: tuple[str, ...] = ()) -> Plugins:
    """Create the manager, load every plugin, and collect rules and output formats.

    Built-ins always load. Installed plugins (the `sourcescore` entry-point group) load unless
    `autoload` is False or, when it is None, `SOURCESCORE_DISABLE_PLUGIN_AUTOLOAD` is set.
    `named` plugins load in any case: an entry-point name, or a module to import (the
    configuration's `plugins` setting). A plugin that fails to import or to register is named in
    `errors`; the others still load. `extra` are plugin objects registered after the others
    (used by tests and embedders).

    Third-party plugins are first tried in a forked probe (`sourcescore.probe`): one that ends
    or hangs the process loading it is an error and is not loaded here. Nothing a plugin prints
    while loading reaches standard output. `probe=False` and `skip` (the names a probe refused)
    are for worker processes, which load what their parent's probe passed.
    """
    pm = pluggy.PluginManager(PROJECT)
    pm.add_hookspecs(hookspecs)
    errors: list[PluginProblem] = []
    versions: dict[str, str] = {}
    for name in BUILTIN_PLUGINS:
        _register(pm, name, lambda name=name: importlib.import_module(name), errors)
        versions[name] = "builtin"
    if autoload is None:
        autoload = not os.environ.get(AUTOLOAD_ENV)
    candidates = _third_party(autoload, named)
    faults = _probe(pm, candidates) if probe else {}
    errors.extend(PluginProblem(name, "load", message) for name, message in faults.items())
    with stdout_to_stderr():
        for name, load, version in candidates:
            if name in faults or name in skip or pm.has_plugin(name):
                continue
            if _register(pm, name, load, errors):
                versions[name] = version()
        for index, plugin in enumerate(extra):
            name = getattr(plugin, "__name__", f"extra-{index}")
            _register(pm, name, lambda plugin=plugin: plugin, errors)
            versions[name] = "local"
        try:
            pm.check_pending()
        except pluggy.PluginValidationError as exc:
            errors.append(PluginProblem(str(pm.get_name(exc.plugin) or exc.plugin), "validate",
                                        str(exc)))
        plugins = Plugins(pm, RuleRegistry(), {}, errors, versions)
        _collect(plugins)
    return plugins


#: A plugin to load: its name, what imports it, and what tells its version.
Candidate = tuple[str, Callable[[], object], Callable[[], str]]


def _third_party(autoload: bool, named: tuple[str, ...]) -> list[Candidate]:
    """(name, loader, version) for every installed plugin when autoloading, then the named
    ones (an entry point or a module to import)."""
    installed = {ep.name: ep for ep in entry_points(group=ENTRY_POINT_GROUP)}
    chosen = sorted(installed) if autoload else []
    chosen += [name for name in named if name not in chosen]
    found: list[Candidate] = []
    for name in dict.fromkeys(chosen):
        ep = installed.get(name)
        if ep is not None:
            found.append((name, ep.load, functools.partial(_entry_point_version, ep)))
        else:
            found.append((name, functools.partial(importlib.import_module, name),
                          functools.partial(_module_version, name)))
    return found


def _entry_point_version(ep: EntryPoint) -> str:
    return ep.dist.version if ep.dist else "unknown"


def _probe(pm: pluggy.PluginManager, candidates: list[Candidate]) -> dict[str, str]:
    """Which candidates end or hang the process that loads them (`sourcescore.probe`); the
    probe registers them on a forked copy of `pm`, so this manager is untouched."""
    def trial(plugin: object, name: str) -> None:
        if pm.has_plugin(name):
            return
        pm.register(plugin, name=name)
        for hook in (pm.hook.sourcescore_register_rules,
                     pm.hook.sourcescore_register_output_formats):
            for impl in hook.get_hookimpls():
                if impl.plugin_name == name:
                    impl.function(register=lambda *args, **kwargs: None)
    return probe_plugins([(name, load) for name, load, _ in candidates], trial)


def _module_version(name: str) -> str:
    """The version of the distribution a plugin module comes from, or "local"."""
    from importlib.metadata import PackageNotFoundError, packages_distributions, version

    top = name.split(".")[0]
    for distribution in packages_distributions().get(top, ()):
        with contextlib.suppress(PackageNotFoundError):
            return version(distribution)
    return "local"


def _register(pm: pluggy.PluginManager, name: str, load, errors: list[PluginProblem]) -> bool:
    try:
        module = load()
        pm.register(module, name=name)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # noqa: BLE001 - a broken plugin (even one calling
        # sys.exit() on import) must not take the others down
        errors.append(_problem(name, "load", "failed to load", exc))
        return False
    return True


def _problem(plugin: str, stage: str, what: str, exc: BaseException) -> PluginProblem:
    from sourcescore.engine import failure_of

    failure = failure_of(exc)
    return PluginProblem(plugin, stage, f"{what}: {failure.message}", failure.traceback)


def _collect(plugins: Plugins) -> None:
    """Call each plugin's registration hooks with a callback that knows the plugin's name."""
    from sourcescore.formats import OutputFormat

    hooks = plugins.manager.hook
    for impl in hooks.sourcescore_register_rules.get_hookimpls():
        _call(impl, plugins.rules.register_for(impl.plugin_name), plugins.errors)
    for impl in hooks.sourcescore_register_output_formats.get_hookimpls():
        def register(fmt: OutputFormat, plugin=impl.plugin_name) -> None:
            if fmt.name in plugins.formats:
                plugins.errors.append(PluginProblem(
                    plugin, "invalid", f"output format {fmt.name} already registered"))
                return
            plugins.formats[fmt.name] = fmt
        _call(impl, register, plugins.errors)
    plugins.errors.extend(PluginProblem(plugin, "invalid", message)
                          for plugin, message in plugins.rules.problems)


def _call(impl, register, errors: list[PluginProblem]) -> None:
    # Each implementation is called on its own so a failure is pinned on its plugin.
    try:
        impl.function(register=register)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # noqa: BLE001 - as in _register
        errors.append(_problem(impl.plugin_name, "register", "failed to register", exc))
