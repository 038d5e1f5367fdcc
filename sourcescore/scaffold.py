"""`sourcescore new-plugin`: a working plugin package to start from.

The package it writes has the entry point, one rule in its own module (documented the way
`sourcescore explain` prints it), options, and model-free tests using `sourcescore.testing`; its
README lists the conventions. The templates live in `sourcescore/templates/plugin/`.
"""

from __future__ import annotations

import importlib.util
import re
from importlib.resources import files
from pathlib import Path
from string import Template

from sourcescore import __version__
from sourcescore.errors import SourcescoreError
from sourcescore.rules import PREFIX_PATTERN, RESERVED_PREFIXES

#: template file -> where it goes ({package} and {rule_module} filled in)
LAYOUT = {
    "pyproject.toml.tmpl": "pyproject.toml",
    "README.md.tmpl": "README.md",
    "__init__.py.tmpl": "{package}/__init__.py",
    "rule.py.tmpl": "{package}/{rule_module}.py",
    "test_rule.py.tmpl": "tests/test_{rule_module}.py",
}
RULE_MODULE = "reportedly"
RULE_NAME = "unattributed-reportedly"


def package_name(project: str) -> str:
    """The import package for a project, named as pytest-* and datasette-* plugins are:
    `sourcescore_<name>`, so `demo` cannot shadow another top-level package."""
    name = project.lower().replace("-", "_")
    return name if name.startswith("sourcescore_") else f"sourcescore_{name}"


def new_plugin(project: str, prefix: str, directory: Path) -> list[Path]:
    """Write the package for `project` with rule codes under `prefix`; return the files."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", project):
        raise SourcescoreError(f"{project!r} is not a usable project name (letters, digits, - _)")
    prefix = prefix.upper()
    if not PREFIX_PATTERN.fullmatch(prefix):
        raise SourcescoreError(f"code prefix {prefix!r} must be 2 to 4 letters (codes look like "
                               f"{prefix[:4] or 'ACM'}101)")
    if prefix in RESERVED_PREFIXES:
        raise SourcescoreError(f"code prefix {prefix} is sourcescore's own; choose another")
    if directory.exists() and not directory.is_dir():
        raise SourcescoreError(f"{directory}: already exists and is not a directory")
    if directory.exists() and any(directory.iterdir()):
        raise SourcescoreError(f"{directory}: already exists and is not empty")
    package = package_name(project)
    if importlib.util.find_spec(package) is not None:
        raise SourcescoreError(f"{package} is already an importable package (sourcescore's "
                               "built-in rules are sourcescore_plugins); a plugin by that name "
                               "would shadow it: choose another project name")
    values = {"project": project, "package": package, "entry_point": package, "prefix": prefix,
              "rule_name": RULE_NAME, "rule_module": RULE_MODULE,
              "sourcescore_version": __version__}
    templates = files("sourcescore").joinpath("templates").joinpath("plugin")
    written = []
    for template, target in LAYOUT.items():
        path = directory / target.format(package=package, rule_module=RULE_MODULE)
        path.parent.mkdir(parents=True, exist_ok=True)
        text = Template(templates.joinpath(template).read_text("utf-8")).substitute(values)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
