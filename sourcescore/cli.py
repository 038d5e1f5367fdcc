"""The `sourcescore` command line. Formatting goes through registered output formats only.

Exit codes: 0 clean; 1 a file scored under `--fail-under` or a finding reached `fail_level`;
2 usage, configuration, input, model or plugin errors (the worst outcome of all files wins).
spaCy is imported only by `check`, so `--help`, `rules`, `explain` and `plugins` start fast.
"""

from __future__ import annotations

import difflib
import os
import sys
import tempfile
from pathlib import Path

import click

from sourcescore import __version__
from sourcescore.errors import ExitStatus, SourcescoreError

CONTEXT = {"help_option_names": ["-h", "--help"]}


class _Group(click.Group):
    """Lets `--against a.txt b.txt` name several references, as `--against a --against b`."""

    def parse_args(self, ctx, args):
        return super().parse_args(ctx, expand_against(list(args)))


def expand_against(args: list[str]) -> list[str]:
    out, taking = [], False
    for arg in args:
        if arg == "--against":
            taking = True
            continue
        if taking and not arg.startswith("-"):
            out += ["--against", arg]
            continue
        taking = False
        out.append(arg)
    return out


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="sourcescore")
def cli() -> None:
    """Lint news articles for sourcing: who is quoted and how, unattributed claims,
    dropped wire credits and filler, folded into a 0-100 sourcing score."""


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True)
@click.option("--output-format", "-f", default=None, envvar="SOURCESCORE_OUTPUT_FORMAT",
              help="full (default), concise, json, json-lines, or a plugin's format.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Configuration file (default: nearest rules.toml, else built-in defaults).")
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None,
              help="Exit 1 when an article scores below this (overrides the configuration).")
@click.option("--select", default="", help="Comma-separated rule codes or prefixes to run.")
@click.option("--ignore", default="", help="Comma-separated rule codes or prefixes to skip.")
@click.option("--against", "references", multiple=True, type=click.Path(dir_okay=True),
              help="Reference copy (wire stories, releases) to check dropped credits against.")
@click.option("--stdin-filename", default=None, help="Name to report for text read from '-'.")
@click.option("-o", "--output-file", default=None, help="Write the report here (atomically).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when articles fail the check.")
def check(paths, output_format, config_path, fail_under, select, ignore, references,
          stdin_filename, output_file, exit_zero) -> None:
    """Check articles (files, directories, or - for standard input)."""
    try:
        status = _check(paths, output_format, config_path, fail_under, select, ignore,
                        references, stdin_filename, output_file)
    except SourcescoreError as exc:
        _die(str(exc))
    if exit_zero and status == ExitStatus.FAILED:
        status = ExitStatus.OK
    sys.exit(int(status))


def _check(paths, output_format, config_path, fail_under, select, ignore, references,
           stdin_filename, output_file) -> ExitStatus:
    from sourcescore.api import Checker, iter_inputs
    from sourcescore.formats import RenderOptions

    checker = Checker(config_path, select=_codes(select), ignore=_codes(ignore))
    _check_codes(checker, _codes(select) + _codes(ignore))
    fmt_name = output_format or "full"
    fmt = checker.plugins.formats.get(fmt_name)
    if fmt is None:
        raise SourcescoreError(f"unknown output format {fmt_name!r}; choose from "
                               f"{', '.join(sorted(checker.plugins.formats))}")
    if output_file and not Path(output_file).resolve().parent.is_dir():
        raise SourcescoreError(f"{output_file}: directory does not exist")
    if references:
        checker.set_references(_reference_texts(references))
    inputs = _inputs(paths, stdin_filename, iter_inputs)
    files = list(checker.check_texts(inputs))
    report = checker.report(files)
    color = not fmt.machine and output_file is None and sys.stdout.isatty() and \
        "NO_COLOR" not in os.environ
    _emit(fmt, report, RenderOptions(color=color), output_file)
    threshold = checker.config.general.fail_under if fail_under is None else fail_under
    return _status(report, threshold, checker.config)


def _inputs(paths, stdin_filename, iter_inputs):
    from sourcescore.textio import decode

    for path in paths:
        if path == "-":
            try:
                yield stdin_filename or "-", decode(sys.stdin.buffer.read(), "<stdin>")
            except SourcescoreError as exc:
                yield stdin_filename or "-", exc
        else:
            yield from iter_inputs([path])


def _reference_texts(references):
    from sourcescore.api import iter_inputs

    for path, text in iter_inputs(references):
        if isinstance(text, Exception):
            raise SourcescoreError(f"--against {text}")
        yield path, text


def _emit(fmt, report, options, output_file) -> None:
    if output_file is None:
        fmt.render(report, sys.stdout, options)
        return
    target = Path(output_file)
    # Write beside the target and rename, so a reader never sees half a report.
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.resolve().parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fmt.render(report, fh, options)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _status(report, threshold: float, config) -> ExitStatus:
    from sourcescore.report import SEVERITY_RANK

    fail_rank = SEVERITY_RANK[config.general.fail_level]
    status = ExitStatus.OK
    if report.plugin_errors:
        status = ExitStatus.ERROR
    for file in report.files:
        if file.status == "error" or (file.errors and config.general.rule_errors_fail):
            status = ExitStatus.ERROR
            continue
        failed = (threshold > 0 and file.score is not None and file.score < threshold) or any(
            SEVERITY_RANK[f.severity] >= fail_rank for f in file.findings)
        if failed and status == ExitStatus.OK:
            status = ExitStatus.FAILED
    return status


@cli.command(context_settings=CONTEXT)
@click.option("--output-format", "-f", type=click.Choice(["text", "json"]), default="text")
def rules(output_format) -> None:
    """List the registered rules."""
    plugins = _load()
    rows = [{"code": r.code, "name": r.name, "plugin": r.plugin, "weight": r.weight,
             "severity": r.severity, "summary": r.summary} for r in plugins.rules]
    if output_format == "json":
        import json

        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        click.echo(f"{row['code']}  {row['name']:<26} {row['severity']:<10} "
                   f"weight {row['weight']:<4g} {row['summary']}")


@cli.command(context_settings=CONTEXT)
@click.argument("code")
def explain(code) -> None:
    """Print a rule's documentation (by code or name)."""
    plugins = _load()
    rule = plugins.rules.get(code) or next((r for r in plugins.rules if r.name == code), None)
    if rule is None:
        known = plugins.rules.codes() + [r.name for r in plugins.rules]
        close = difflib.get_close_matches(code.upper(), known, n=1) or \
            difflib.get_close_matches(code, known, n=1)
        _die(f"unknown rule {code!r}" + (f"; did you mean {close[0]}?" if close else ""))
    click.echo(f"{rule.code} ({rule.name}) from {rule.plugin}; default weight {rule.weight:g}, "
               f"severity {rule.severity}\n")
    click.echo((rule.doc or rule.summary).strip())
    click.echo("\nScoring: the article score is sum(weight x sub-score) / sum(weight) over the "
               "rules that apply; a rule whose sub-score is n/a for an article gives its weight "
               "to the others. Set this rule's weight and severity under "
               f"[rules.{rule.code}] in rules.toml.")


@cli.command(context_settings=CONTEXT)
def plugins() -> None:
    """List loaded plugins with their rules and output formats."""
    loaded = _load(fail=False)
    for name, version in sorted(loaded.versions.items()):
        codes = [r.code for r in loaded.rules if r.plugin == name]
        click.echo(f"{name} {version}" + (f": {', '.join(codes)}" if codes else ""))
    click.echo(f"output formats: {', '.join(sorted(loaded.formats))}")
    for error in loaded.errors:
        click.echo(f"error: {error}", err=True)
    if loaded.errors:
        sys.exit(int(ExitStatus.ERROR))


@cli.command(context_settings=CONTEXT)
def schema() -> None:
    """Print the JSON Schema of the `json` report."""
    import json

    from sourcescore.report import report_schema

    click.echo(json.dumps(report_schema(), indent=2, ensure_ascii=False))


def _load(fail: bool = True):
    from sourcescore.plugins import load_plugins

    loaded = load_plugins()
    if fail and loaded.errors:
        for error in loaded.errors:
            click.echo(f"sourcescore: {error}", err=True)
    return loaded


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def _check_codes(checker, codes: list[str]) -> None:
    known = checker.plugins.rules.codes()
    for code in codes:
        if not any(k.startswith(code) for k in known):
            close = difflib.get_close_matches(code, known, n=1)
            raise SourcescoreError(f"unknown rule code {code!r} in --select/--ignore"
                                   + (f"; did you mean {close[0]}?" if close else ""))


def _die(message: str) -> None:
    click.echo(f"sourcescore: error: {message}", err=True)
    sys.exit(int(ExitStatus.ERROR))


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="sourcescore")
