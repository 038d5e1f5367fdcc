"""Rules as registered objects, and the registry that collects them from plugins."""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sourcescore.model import SEVERITIES, Analysis, RuleOutcome

#: A rule code is a prefix of capital letters claimed by one plugin and three digits: SRC101.
#: This is the one definition; the scaffold, the hookspec and the JSON schema follow it.
CODE_PREFIX = r"[A-Z]{2,4}"
# Written as JSON Schema writes them (the report schema uses CODE_PATTERN's text); Python
# checks them with `fullmatch`, since `match` lets "$" pass a final newline ("ACM101\n").
CODE_PATTERN = re.compile(rf"^{CODE_PREFIX}[0-9]{{3}}$")
PREFIX_PATTERN = re.compile(rf"^{CODE_PREFIX}$")
#: sourcescore's own prefix; plugins choose another.
RESERVED_PREFIXES = ("SRC",)
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def unknown_code_message(code: str, known: list[str]) -> str:
    """The message for a rule code (or prefix) that names no registered rule."""
    close = difflib.get_close_matches(code.upper(), known, n=1) or \
        difflib.get_close_matches(code.lower(), known, n=1)
    return f"unknown rule code {code!r}" + (f"; did you mean {close[0]}?" if close else "")


@dataclass(frozen=True)
class NoOptions:
    """Options of a rule that has none."""


@dataclass(frozen=True)
class Rule:
    """A sourcing rule.

    `check(analysis, options)` reads the shared analysis (never re-parses) and returns a
    `RuleOutcome`. `options` is an instance of the frozen dataclass `options_type`, built from the
    rule's `[rules.CODE]` table in the configuration. `weight` and `severity` are defaults the
    configuration can override; `doc` is the rule's documentation (its module docstring). A rule
    that reads spaCy tokens (`analysis.doc`) sets `needs_doc`, so that long texts keep their
    parse for it (see `sourcescore.model.Analysis`).
    """

    code: str
    name: str
    summary: str
    check: Callable[[Analysis, Any], RuleOutcome]
    options_type: type = NoOptions
    weight: float = 1.0
    severity: str = "warning"
    doc: str = ""
    plugin: str = ""
    needs_doc: bool = False

    def describe(self) -> dict[str, Any]:
        """The rule as `sourcescore rules -f json` and the server's `GET /rules` list it."""
        return {"code": self.code, "name": self.name, "plugin": self.plugin,
                "weight": self.weight, "severity": self.severity, "summary": self.summary}

    def validate(self) -> None:
        if not CODE_PATTERN.fullmatch(self.code):
            raise ValueError(f"rule code {self.code!r} must look like SRC101")
        if not NAME_PATTERN.fullmatch(self.name):
            raise ValueError(f"rule name {self.name!r} must be kebab-case")
        if self.severity not in SEVERITIES:
            raise ValueError(f"rule {self.code}: severity {self.severity!r} not one of "
                             f"{SEVERITIES}")
        if not dataclasses.is_dataclass(self.options_type):
            raise ValueError(f"rule {self.code}: options_type must be a dataclass")


class RuleRegistry:
    """Rules by code, in registration order, with the plugin that registered each."""

    def __init__(self) -> None:
        self._rules: dict[str, Rule] = {}
        self.problems: list[tuple[str, str]] = []  # (plugin, why its rule was refused)

    def register_for(self, plugin: str) -> Callable[[Rule], None]:
        """The `register` callback handed to one plugin's `sourcescore_register_rules`."""
        def register(rule: Rule) -> None:
            rule = dataclasses.replace(rule, plugin=plugin)
            try:
                rule.validate()
            except ValueError as exc:
                self.problems.append((plugin, str(exc)))
                return
            if rule.code in self._rules:
                first = self._rules[rule.code].plugin
                self.problems.append((plugin, f"rule code {rule.code} is already registered "
                                              f"by {first}; kept {first}'s"))
                return
            self._rules[rule.code] = rule
        return register

    def __iter__(self):
        return iter(sorted(self._rules.values(), key=lambda r: r.code))

    def __len__(self) -> int:
        return len(self._rules)

    def get(self, code: str) -> Rule | None:
        return self._rules.get(code.upper())

    def codes(self) -> list[str]:
        return sorted(self._rules)
