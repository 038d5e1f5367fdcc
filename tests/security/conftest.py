"""Hostile plugins for the security suite: a module on sys.path and a rules.toml loading it.

The module is loaded by name (`plugins = [...]` in the configuration), exactly as an installed
plugin would be, so the worker processes that check stories load it too.
"""

from __future__ import annotations

import itertools
import textwrap

import pytest

_names = itertools.count()

TEMPLATE = '''
import math, os, sys, time
from dataclasses import dataclass
from sourcescore import hookimpl
from sourcescore.model import Flag, RuleOutcome
from sourcescore.rules import Rule


def check(analysis, options):
{body}


@hookimpl
def sourcescore_register_rules(register):
    register(Rule("HOS101", "hostile-rule", "a hostile rule", check, weight=1.0, doc="HOS101"))
'''


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    """hostile(body, **settings) -> path of a rules.toml loading a rule whose check() is `body`."""
    folder = tmp_path / "hostile_plugins"
    folder.mkdir()
    monkeypatch.syspath_prepend(str(folder))

    def make(body: str, extra: str = "", weight: float | None = None, **settings) -> str:
        name = f"hostile_plugin_{next(_names)}"
        (folder / f"{name}.py").write_text(TEMPLATE.format(
            body=textwrap.indent(textwrap.dedent(body).strip(), "    ")) + extra)
        lines = [f'plugins = ["{name}"]'] + [
            f"{k} = {str(v).lower() if isinstance(v, bool) else repr(v)}"
            for k, v in settings.items()]
        config = tmp_path / f"{name}.toml"
        # a plugin's rule weighs nothing until the configuration gives it a weight
        weighed = f"\n[rules.HOS101]\nweight = {weight}\n" if weight is not None else ""
        config.write_text("[sourcescore]\n" + "\n".join(lines).replace("'", '"') + "\n" +
                          weighed)
        return str(config)
    return make
