"""The `sourcescore` command line. Formatting goes through registered output formats only.

Exit codes: 0 clean; 1 a file scored under `--fail-under` or a finding reached `fail_level`;
2 usage, configuration, input, model or plugin errors (the worst outcome of all files wins).
spaCy is imported only by `check`, so `--help`, `rules`, `explain` and `plugins` start fast.
"""

from __future__ import annotations

import contextlib
import difflib
import math
import sys
from pathlib import Path
from typing import NoReturn

import click

from sourcescore import __version__
from sourcescore.errors import ExitStatus, SourcescoreError

CONTEXT = {"help_option_names": ["-h", "--help"]}


class _Group(click.Group):
    """Usage errors as one line, as every other error: `sourcescore: error: ...` and a hint,
    exit 2 - not click's three-line usage block."""

    def main(self, *args, **kwargs):
        standalone = kwargs.pop("standalone_mode", True)
        try:
            return super().main(*args, standalone_mode=False, **kwargs)
        except click.UsageError as exc:
            if not standalone:
                raise
            command = exc.ctx.command_path if exc.ctx is not None else "sourcescore"
            _die(f"{exc.format_message().rstrip('.')} (see '{command} --help')")
        except click.exceptions.Exit as exc:  # --help, --version
            if not standalone:
                raise
            sys.exit(exc.exit_code)
        except click.Abort:
            if not standalone:
                raise
            click.echo("sourcescore: aborted", err=True)
            sys.exit(int(ExitStatus.ERROR))


class _FormatOption(click.Option):
    """`--output-format`, whose help lists the formats the loaded plugins register, each with
    its description (read when help is shown, so startup stays fast)."""

    def get_help_record(self, ctx):
        record = super().get_help_record(ctx)
        if record is None:
            return None
        try:
            from sourcescore.plugins import load_plugins

            formats = load_plugins().formats
            listed = "; ".join(f"{name}: {fmt.description}" if fmt.description else name
                               for name, fmt in sorted(formats.items()))
        except Exception:  # noqa: BLE001 - help must print even if a plugin is broken
            listed = "see `sourcescore plugins`"
        return record[0], f"Report format (default: full). {listed}."


class _Finite(click.FloatRange):
    """A number within bounds, and a real one: `nan` compares false with every bound, so
    click's FloatRange lets it through (`--fail-under nan` would turn the gate off)."""

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number", param, ctx)
        return number


#: The longest time limit an option takes: a day (larger ones overflow the timers).
MAX_SECONDS = 86_400.0


@click.group(cls=_Group, context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="sourcescore")
def cli() -> None:
    """Lint news articles for sourcing: who is quoted and how, unattributed claims,
    dropped wire credits and filler, folded into a 0-100 sourcing score."""


@cli.command(context_settings=CONTEXT)
@click.argument("paths", nargs=-1, required=True)
@click.option("--output-format", "-f", cls=_FormatOption, default=None, metavar="FORMAT",
              envvar="SOURCESCORE_OUTPUT_FORMAT", help="Report format.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Configuration file (default: the nearest rules.toml or pyproject.toml "
                   "[tool.sourcescore] from the checked files' folder upwards, else the "
                   "built-in defaults).")
@click.option("--show-settings", is_flag=True,
              help="Print the configuration file the run would use and every setting in "
                   "force (as TOML), then stop.")
@click.option("--fail-under", type=_Finite(0, 100), default=None,
              help="Exit 1 when an article scores below this (overrides the configuration).")
@click.option("--select", multiple=True, metavar="RULES",
              help="Rule codes, code prefixes or names to run (comma-separated; repeatable).")
@click.option("--ignore", multiple=True, metavar="RULES",
              help="Rule codes, code prefixes or names to skip (comma-separated; repeatable).")
@click.option("--against", "references", multiple=True, type=click.Path(dir_okay=True),
              help="Reference copy (a wire story, a release, a folder of them) to check "
                   "dropped credits against; repeat for more.")
@click.option("--stdin-filename", default=None, help="Name to report for text read from '-'.")
@click.option("-o", "--output-file", default=None, help="Write the report here (atomically).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when articles fail the check.")
@click.option("--jobs", "-j", type=click.IntRange(0), default=1, show_default=True,
              help="Worker processes; 0 means one per CPU. Reports stay in input order.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on standard error (default: when it is a terminal; never for "
                   "machine formats).")
@click.option("--exclude", "exclude", multiple=True, metavar="GLOB",
              help="Skip files and folders matching this glob when walking directories "
                   "(repeatable; replaces the configuration's `exclude`, by default README*, "
                   "LICENSE*, hidden files...).")
@click.option("--extend-exclude", multiple=True, metavar="GLOB",
              help="Skip these too, on top of `exclude` (repeatable).")
@click.option("--statistics", is_flag=True,
              help="Print the findings per rule and the files per score band at the end.")
@click.option("--quiet", "-q", is_flag=True,
              help="Report only the files that fail the check or cannot be checked.")
@click.option("--follow-symlinks", is_flag=True,
              help="Read symbolic links to files outside the directories given and the working "
                   "directory (refused by default).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Run on a Dask cluster (tcp://host:8786); needs the 'dask' extra.")
@click.option("--server", default=None, metavar="URL", envvar="SOURCESCORE_SERVER",
              help="Check through a running `sourcescore serve` (http://127.0.0.1:8765): no "
                   "pipeline loading; the server's configuration scores, and fail_under and "
                   "fail_level of the configuration found here judge pass or fail.")
def check(exit_zero: bool, select: tuple[str, ...], ignore: tuple[str, ...], **options) -> None:
    """Check articles (files, directories, or - for standard input)."""
    if not (options["server"] or options["scheduler"] or options["show_settings"]):
        from sourcescore.worker import start_fork_server

        start_fork_server()  # loads the pipeline while this process reads settings and files
    from sourcescore.run import CheckOptions, codes
    from sourcescore.run import check as run_check

    options["exclude"] = tuple(options["exclude"]) or None  # none given: the configuration's
    try:
        status = run_check(CheckOptions(select=codes(select), ignore=codes(ignore),
                                        exit_zero=exit_zero, **options))
    except SourcescoreError as exc:
        _die(str(exc))
    except BrokenPipeError:
        _reader_gone()
    sys.exit(int(status))


def _reader_gone() -> NoReturn:
    """Standard output's reader stopped reading (`check stories/ | head -1`): stop quietly, as
    ruff does, with no message and no traceback when Python flushes at exit. Not every file
    was reported, so the run has not passed: exit 2."""
    import os

    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    sys.exit(int(ExitStatus.ERROR))


@cli.command(context_settings=CONTEXT)
def lsp() -> None:
    """Run the language server over stdio (for editors: findings as you write)."""
    from sourcescore.lsp import main as serve_lsp

    serve_lsp()


@cli.command(context_settings=CONTEXT)
@click.option("--output-format", "-f", type=click.Choice(["text", "json"]), default="text")
def rules(output_format) -> None:
    """List the registered rules."""
    plugins = _load()
    rows = [rule.describe() for rule in plugins.rules]
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
    """Print a rule's documentation (by code or name), or `explain exemptions`."""
    if code.lower() in ("exemptions", "exemption"):
        from sourcescore import exemptions

        click.echo((exemptions.__doc__ or "").strip())
        return
    plugins = _load()
    rule = plugins.rules.get(code.upper()) or next(
        (r for r in plugins.rules if r.name == code.lower()), None)
    if rule is None:
        _die(f"unknown rule {code!r}" + _suggest(code, plugins.rules))
    click.echo(f"{rule.code} ({rule.name}) from {rule.plugin}; default weight {rule.weight:g}, "
               f"severity {rule.severity}\n")
    click.echo((rule.doc or rule.summary).strip())
    click.echo("\nScoring: the article score is sum(weight x sub-score) / sum(weight) over the "
               "rules that apply; a rule whose sub-score is n/a for an article gives its weight "
               "to the others. Set this rule's weight and severity under "
               f"[rules.{rule.code}] in rules.toml.")


def _suggest(word: str, rules) -> str:
    """"; did you mean ..." for a mistyped code or name, or a word of a rule's name
    ("filler" for rhetorical-filler)."""
    word = word.lower()
    by_word = [r for r in rules if word in r.name.split("-") or
               any(difflib.get_close_matches(word, r.name.split("-"), n=1, cutoff=0.8))]
    if by_word:
        return "; did you mean " + " or ".join(f"{r.code} ({r.name})" for r in by_word) + "?"
    known = rules.codes() + [r.name for r in rules]
    close = difflib.get_close_matches(word.upper(), known, n=1) or \
        difflib.get_close_matches(word, known, n=1)
    return f"; did you mean {close[0]}?" if close else ""


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
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; the API has no authentication, so keep it local.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535),
              help="Port (0: any free port).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Configuration file (default: nearest rules.toml, else built-in defaults).")
@click.option("--max-bytes", default=None, type=click.IntRange(1),
              help="Largest request body accepted (413 beyond; default: the configuration's "
                   "max_bytes, 500,000).")
@click.option("--timeout", default=30.0, show_default=True, type=_Finite(0.1, MAX_SECONDS),
              help="Seconds one check may take (503 beyond; the worker is replaced).")
@click.option("--client-timeout", default=30.0, show_default=True,
              type=_Finite(0.1, MAX_SECONDS),
              help="Seconds a client has to send its whole request (slow clients are cut off).")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Another name clients may reach the server by (the Host header); "
                   "127.0.0.1, localhost and [::1] always work.")
def serve(host, port, config_path, max_bytes, timeout, client_timeout, allow_hosts) -> None:
    """Serve the checker over HTTP: POST /check, GET /rules, GET /health, and a page at /."""
    import signal

    from sourcescore.api import Checker
    from sourcescore.parallel import CheckerSettings
    from sourcescore.server import Limits, make_server

    def stop(signum, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, stop)  # from the start: SIGTERM during warm-up stops cleanly
    try:
        checker = Checker(config_path)
        settings = CheckerSettings(str(config_path) if config_path else None,
                                   skip_plugins=checker.refused_plugins())
        limits = Limits(max_bytes or checker.config.general.max_bytes, timeout, client_timeout)
        server, pipeline, seconds, warning = make_server(checker, settings, host, port, limits,
                                                         tuple(allow_hosts))
    except SourcescoreError as exc:
        _die(str(exc))
    except OSError as exc:
        _die(f"cannot listen on {host}:{port}: {exc.strerror or str(exc)}")
    except KeyboardInterrupt:
        sys.exit(0)
    try:  # SIGTERM may come as soon as the banner is out, before serving starts
        _announce(server, host, seconds, warning)
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        # Stop accepting, cancel the check in progress (its client gets no answer), and go:
        # request threads are daemons and end with the process. A second SIGTERM meanwhile
        # changes nothing.
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        server.server_close()
        pipeline.close()


def _announce(server, host: str, seconds: float, warning: str | None) -> None:
    """The start-up warnings and the banner (its line tells a caller the server is ready)."""
    from sourcescore.server import is_loopback

    if not is_loopback(host):
        click.echo(f"sourcescore: warning: listening on {host}, beyond this machine: the API "
                   "has no authentication; put it behind a proxy that has", err=True)
    if warning:
        click.echo(f"sourcescore: warning: {warning}", err=True)
    bound_host, bound_port = server.server_address[:2]
    if isinstance(bound_host, bytes):  # only for Unix sockets, which serve does not use
        bound_host = bound_host.decode()
    click.echo(f"sourcescore: serving on http://{bound_host}:{bound_port}/ (pipeline loaded in "
               f"{seconds:.1f} s; POST /check, GET /rules, GET /health; Ctrl-C stops)")
    sys.stdout.flush()


@cli.command("new-plugin", context_settings=CONTEXT)
@click.argument("project")
@click.option("--prefix", required=True,
              help="Rule code prefix, 2-4 capital letters (ACM -> ACM101).")
@click.option("--directory", type=click.Path(file_okay=False), default=None,
              help="Where to write it (default: ./PROJECT).")
def new_plugin(project, prefix, directory) -> None:
    """Write a working plugin package (entry point, one rule, tests) to start from."""
    from sourcescore.scaffold import new_plugin as scaffold

    target = Path(directory or project)
    try:
        written = scaffold(project, prefix, target)
    except SourcescoreError as exc:
        _die(str(exc))
    for path in written:
        click.echo(f"wrote {path}")
    click.echo(f"next: cd {target} && pip install -e '.[test]' && python -m pytest")


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


def _die(message: str, status: ExitStatus = ExitStatus.ERROR) -> NoReturn:
    from sourcescore.textio import printable

    click.echo(f"sourcescore: error: {printable(message)}", err=True)
    sys.exit(int(status))


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="sourcescore")
