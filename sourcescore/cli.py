"""The `sourcescore` command line. Formatting goes through registered output formats only.

Exit codes: 0 clean; 1 a file scored under `--fail-under` or a finding reached `fail_level`;
2 usage, configuration, input, model or plugin errors (the worst outcome of all files wins).
spaCy is imported only by `check`, so `--help`, `rules`, `explain` and `plugins` start fast.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

import click

from sourcescore import __version__
from sourcescore.errors import ExitStatus, SourcescoreError
from sourcescore.formats import RenderOptions

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
@click.option("--jobs", "-j", type=click.IntRange(0), default=1, show_default=True,
              help="Worker processes; 0 means one per CPU. Reports stay in input order.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on standard error (default: when it is a terminal; never for "
                   "machine formats).")
@click.option("--follow-symlinks", is_flag=True,
              help="Read symbolic links to files outside the directories given and the working "
                   "directory (refused by default).")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Run on a Dask cluster (tcp://host:8786); needs the 'dask' extra.")
@click.option("--server", default=None, metavar="URL", envvar="SOURCESCORE_SERVER",
              help="Check through a running `sourcescore serve` (http://127.0.0.1:8765): no "
                   "pipeline loading; the server's configuration scores.")
def check(paths, output_format, config_path, fail_under, select, ignore, references,
          stdin_filename, output_file, exit_zero, jobs, progress, follow_symlinks, scheduler,
          server) -> None:
    """Check articles (files, directories, or - for standard input)."""
    try:
        if server and (config_path or select or ignore or references or jobs != 1 or
                       scheduler):
            raise SourcescoreError("--server uses the server's configuration: it cannot be "
                                   "combined with --config, --select, --ignore, --against, "
                                   "--jobs or --scheduler")
        status = _check(paths, output_format, config_path, fail_under, select, ignore,
                        references, stdin_filename, output_file,
                        _Execution(jobs, progress, scheduler, server, follow_symlinks))
    except SourcescoreError as exc:
        _die(str(exc))
    if exit_zero and status == ExitStatus.FAILED:
        status = ExitStatus.OK
    sys.exit(int(status))


@dataclass(frozen=True)
class _Execution:
    jobs: int = 1
    progress: bool | None = None
    scheduler: str | None = None
    server: str | None = None
    follow_symlinks: bool = False


def _check(paths, output_format, config_path, fail_under, select, ignore, references,
           stdin_filename, output_file, execution: _Execution) -> ExitStatus:
    from sourcescore.api import Checker
    from sourcescore.inputs import ReadPolicy, read_inputs

    checker = Checker(config_path, select=_codes(select), ignore=_codes(ignore))
    _check_codes(checker, _codes(select) + _codes(ignore))
    general = checker.config.general
    policy = ReadPolicy(max_bytes=general.max_bytes, follow_symlinks=execution.follow_symlinks)
    if execution.server:
        from sourcescore.client import RemoteChecker

        checker = RemoteChecker(execution.server, checker)
    fmt_name = output_format or "full"
    fmt = checker.plugins.formats.get(fmt_name)
    if fmt is None:
        raise SourcescoreError(f"unknown output format {fmt_name!r}; choose from "
                               f"{', '.join(sorted(checker.plugins.formats))}")
    if output_file and not Path(output_file).resolve().parent.is_dir():
        raise SourcescoreError(f"{output_file}: directory does not exist")
    if references:
        checker.set_references(_reference_texts(references, policy))
    sources = _sources(paths, stdin_filename, policy)
    reports = _run(checker, read_inputs(sources, policy), config_path, select, ignore, execution)
    color = not fmt.machine and output_file is None and sys.stdout.isatty() and \
        "NO_COLOR" not in os.environ
    show_progress = (execution.progress if execution.progress is not None
                     else sys.stderr.isatty()) and not fmt.machine and len(sources) > 1
    if show_progress:
        reports = _with_progress(reports, len(sources))
    threshold = general.fail_under if fail_under is None else fail_under
    status = ExitStatus.ERROR if checker.plugins.errors else ExitStatus.OK
    with _output(output_file) as out:
        options = RenderOptions(color=color, rules=tuple(checker.rules),
                                fail_level=general.fail_level, fail_under=threshold)
        for report in _rendered(fmt, checker, reports, options, out):
            for file in report.files:
                status = max(status, _file_status(file, threshold, checker.config))
    return status


def _run(checker, items, config_path, select, ignore, execution: _Execution):
    """Reports for (path, text) items: on a Dask cluster, through a server, or in worker
    processes this run supervises (never in this process, so no input or plugin can hang or
    end the run; see `sourcescore.parallel`)."""
    settings = _settings(checker, config_path, select, ignore)
    if execution.server:
        return checker.check_texts(items)
    if execution.scheduler:
        from sourcescore.dask import check_on_cluster

        return check_on_cluster(items, execution.scheduler, settings)
    from sourcescore.parallel import Supervisor, default_jobs

    jobs = execution.jobs or default_jobs()
    return Supervisor(settings, jobs, checker.config.general.file_timeout).check(items)


def _settings(checker, config_path, select, ignore):
    from sourcescore.parallel import CheckerSettings

    return CheckerSettings(str(config_path) if config_path else None, tuple(_codes(select)),
                           tuple(_codes(ignore)), references=checker.references)


def _rendered(fmt, checker, reports, options: RenderOptions, out):
    """Render as reports arrive (per-file formats) or all at once; yield what was rendered."""
    if not fmt.per_file:
        report = checker.report(list(reports))
        _render(fmt, report, out, options)
        yield report
        return
    rendered = False
    for index, file in enumerate(reports):
        report = checker.report([file])
        if index:
            report = replace(report, plugin_errors=())  # said once, with the first file
        _render(fmt, report, out, replace(options, file_index=index))
        out.flush()
        rendered = True
        yield report
    if not rendered:
        _render(fmt, checker.report([]), out, options)


def _render(fmt, report, out, options: RenderOptions) -> None:
    """One format call; a format that fails (a plugin's, even one calling sys.exit) is one
    line and exit 2, never a traceback or a silent exit 0."""
    try:
        fmt.render(report, out, options)
    except KeyboardInterrupt:
        raise
    except BaseException as exc:  # noqa: BLE001 - see the docstring
        from sourcescore.engine import failure_of

        raise SourcescoreError(f"output format {fmt.name!r} failed: "
                               f"{failure_of(exc).message}") from None


def _with_progress(reports, total: int):
    with click.progressbar(length=total, label="checking", file=sys.stderr,
                           show_pos=True) as bar:
        for report in reports:
            sys.stderr.write("\r\033[K")  # clear the bar before the report's lines
            yield report
            bar.update(1)


def _sources(paths, stdin_filename, policy):
    """(name, Path | text | error) for each input, unread, so the count is known up front."""
    from sourcescore.inputs import expand_inputs, read_stream

    sources: list = []
    for path in paths:
        if path != "-":
            sources.extend(expand_inputs([path], policy))
            continue
        name = stdin_filename or "-"
        sources.append((name, read_stream(sys.stdin.buffer, name, policy.max_bytes)))
    return sources


def _reference_texts(references, policy):
    from sourcescore.inputs import iter_inputs

    for path, text in iter_inputs(references, policy):
        if isinstance(text, Exception):
            raise SourcescoreError(f"--against {text}")
        yield path, text


@contextlib.contextmanager
def _output(output_file):
    """Standard output, or a temporary file beside `output_file` renamed over it at the end,
    so a reader never sees half a report."""
    if output_file is None:
        yield sys.stdout
        return
    target = Path(output_file)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.resolve().parent)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp's 0600 would hide the report from the CI user
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _file_status(file, threshold: float, config) -> ExitStatus:
    from sourcescore.report import SEVERITY_RANK

    if file.status == "error" or (file.errors and config.general.rule_errors_fail):
        return ExitStatus.ERROR
    failed = (threshold > 0 and file.score is not None and file.score < threshold) or any(
        SEVERITY_RANK[f.severity] >= SEVERITY_RANK[config.general.fail_level]
        for f in file.findings)
    return ExitStatus.FAILED if failed else ExitStatus.OK


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

        click.echo(exemptions.__doc__.strip())
        return
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
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; the API has no authentication, so keep it local.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535),
              help="Port (0: any free port).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Configuration file (default: nearest rules.toml, else built-in defaults).")
@click.option("--max-bytes", default=None, type=click.IntRange(1),
              help="Largest request body accepted (413 beyond; default: the configuration's "
                   "max_bytes, 2,000,000).")
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds one check may take (503 beyond; the worker is replaced).")
@click.option("--client-timeout", default=30.0, show_default=True,
              type=click.FloatRange(min=0.1),
              help="Seconds a client has to send its whole request (slow clients are cut off).")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Another name clients may reach the server by (the Host header); "
                   "127.0.0.1, localhost and [::1] always work.")
def serve(host, port, config_path, max_bytes, timeout, client_timeout, allow_hosts) -> None:
    """Serve the checker over HTTP: POST /check, GET /rules, GET /health, and a page at /."""
    import signal

    from sourcescore.api import Checker
    from sourcescore.parallel import CheckerSettings
    from sourcescore.server import Limits, is_loopback, make_server

    def stop(signum, frame):
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, stop)  # from the start: SIGTERM during warm-up stops cleanly
    try:
        checker = Checker(config_path)
        settings = CheckerSettings(str(config_path) if config_path else None)
        limits = Limits(max_bytes or checker.config.general.max_bytes, timeout, client_timeout)
        server, pipeline, seconds, warning = make_server(checker, settings, host, port, limits,
                                                         tuple(allow_hosts))
    except SourcescoreError as exc:
        _die(str(exc))
    except OSError as exc:
        _die(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
    except KeyboardInterrupt:
        sys.exit(0)
    if not is_loopback(host):
        click.echo(f"sourcescore: warning: listening on {host}, beyond this machine: the API "
                   "has no authentication; put it behind a proxy that has", err=True)
    if warning:
        click.echo(f"sourcescore: warning: {warning}", err=True)
    bound_host, bound_port = server.server_address[:2]
    click.echo(f"sourcescore: serving on http://{bound_host}:{bound_port}/ (pipeline loaded in "
               f"{seconds:.1f} s; POST /check, GET /rules, GET /health; Ctrl-C stops)")
    sys.stdout.flush()
    try:
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        # Stop accepting, cancel the check in progress (its client gets no answer), and go:
        # request threads are daemons and end with the process.
        server.server_close()
        pipeline.close()


@cli.command("new-plugin", context_settings=CONTEXT)
@click.argument("project")
@click.option("--prefix", required=True, help="Rule code prefix, 2-5 letters (ACM -> ACM101).")
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


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def _check_codes(checker, codes: list[str]) -> None:
    from sourcescore.rules import unknown_code_message

    known = checker.plugins.rules.codes()
    for code in codes:
        if not any(k.startswith(code) for k in known):
            raise SourcescoreError(f"--select/--ignore: {unknown_code_message(code, known)}")


def _die(message: str) -> None:
    from sourcescore.textio import printable

    click.echo(f"sourcescore: error: {printable(message)}", err=True)
    sys.exit(int(ExitStatus.ERROR))


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="sourcescore")
