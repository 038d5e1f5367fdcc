"""What `sourcescore check` does once its options are parsed: read, check, render, decide.

Files are read under the configuration's `ReadPolicy` (`sourcescore.inputs`), checked in worker
processes (`sourcescore.parallel`), through a server (`sourcescore.client`) or on a Dask cluster
(`sourcescore.dask`), and rendered by a registered output format as the reports arrive. The exit
status is the worst of the files' outcomes (`file_status`).
"""

from __future__ import annotations

import itertools
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, TextIO

from sourcescore.errors import ExitStatus, SourcescoreError
from sourcescore.formats import OutputFormat, RenderOptions
from sourcescore.output import open_output, output_target
from sourcescore.report import (
    SEVERITY_RANK,
    FileReport,
    Finding,
    Report,
    threshold_failure,
    under_threshold,
)
from sourcescore.ruletools import plural
from sourcescore.textio import printable

if TYPE_CHECKING:
    from sourcescore.api import Checker
    from sourcescore.client import RemoteChecker
    from sourcescore.config import Config
    from sourcescore.inputs import ReadPolicy


@dataclass(frozen=True)
class CheckOptions:
    """`sourcescore check`'s options, as the command line gives them."""

    paths: tuple[str, ...]
    output_format: str | None = None
    config_path: str | None = None
    fail_under: float | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    references: tuple[str, ...] = ()
    stdin_filename: str | None = None
    output_file: str | None = None
    jobs: int = 1
    progress: bool | None = None
    follow_symlinks: bool = False
    scheduler: str | None = None
    server: str | None = None
    exclude: tuple[str, ...] | None = None  # None: the configuration's
    extend_exclude: tuple[str, ...] = ()
    statistics: bool = False
    quiet: bool = False
    exit_zero: bool = False  #: a failed check exits 0 (errors still exit 2)
    show_settings: bool = False  #: print the configuration the run would use, and stop


def codes(values: str | tuple[str, ...]) -> tuple[str, ...]:
    """Rule codes, prefixes or names from an option given once or more, each value
    comma-separated (`--select SRC302 --select SRC402,loaded-verbs`)."""
    given = (values,) if isinstance(values, str) else values
    return tuple(dict.fromkeys(c.strip() for value in given for c in value.split(",")
                               if c.strip()))


def check(options: CheckOptions) -> ExitStatus:
    """Check every input, write the report, and return the exit status."""
    if options.server and _local_only(options):
        raise SourcescoreError("--server uses the server's configuration: it cannot be "
                               "combined with --config, --select, --ignore, --against, "
                               "--jobs or --scheduler")
    if not options.config_path:  # found from the checked files' folder upwards, as ruff does
        from sourcescore.discovery import config_for_paths

        found = config_for_paths(options.paths)
        options = replace(options, config_path=str(found) if found else None)
    local = _local_checker(options)
    if options.show_settings:
        from sourcescore.showsettings import show_settings

        sys.stdout.write(show_settings(local.config, options.paths))
        return ExitStatus.OK
    checker: Checker | RemoteChecker = local
    if options.server:
        from sourcescore.client import RemoteChecker

        checker = RemoteChecker(options.server, local)
    fmt = _output_format(checker, options)
    policy = _read_policy(local.config, options)
    refused: list[FileReport] = []
    if options.references:
        refused = _index_references(local, options.references, policy)
    sources = _sources(options.paths, options.stdin_filename, policy)
    from sourcescore.inputs import read_inputs

    reports = _reports(checker, read_inputs(sources, policy), options, local)
    if refused:
        reports = itertools.chain(refused, reports)
    if _show_progress(fmt, options, len(sources)):
        reports = _with_progress(reports, len(sources))
    return _write(fmt, checker, reports, options)


def _shown(reports: Iterator[FileReport], threshold: float, config: Config,
           counted: list[FileReport]) -> Iterator[FileReport]:
    """With --quiet, only the files that fail the check or could not be checked; every file
    is still counted (for the exit status and --statistics)."""
    for file in reports:
        counted.append(file)
        if file_status(file, threshold, config) != ExitStatus.OK:
            yield file


def _local_only(options: CheckOptions) -> bool:
    """Whether options that only a local run can honour are given."""
    return any((options.config_path, options.select, options.ignore, options.references,
                options.jobs != 1, options.scheduler))


def _local_checker(options: CheckOptions) -> Checker:
    from sourcescore.api import Checker

    checker = Checker(options.config_path, select=options.select, ignore=options.ignore)
    from sourcescore.engine import selects
    from sourcescore.rules import unknown_code_message

    rules = list(checker.plugins.rules)
    for code in (*options.select, *options.ignore):
        if not any(selects(code, rule) for rule in rules):
            known = [r.code for r in rules] + [r.name for r in rules]
            raise SourcescoreError(f"--select/--ignore: {unknown_code_message(code, known)}")
    return checker


def _output_format(checker: Checker | RemoteChecker, options: CheckOptions) -> OutputFormat:
    name = options.output_format or "full"
    fmt = checker.plugins.formats.get(name)
    if fmt is None:
        raise SourcescoreError(f"unknown output format {name!r}; choose from "
                               f"{', '.join(sorted(checker.plugins.formats))}")
    if options.output_file:
        output_target(options.output_file)  # a bad -o is one line before the run, not after
    return fmt


def _read_policy(config: Config, options: CheckOptions) -> ReadPolicy:
    from sourcescore.inputs import ReadPolicy

    general = config.general
    exclude = general.exclude if options.exclude is None else options.exclude
    return ReadPolicy(max_bytes=general.max_bytes, follow_symlinks=options.follow_symlinks,
                      exclude=(*exclude, *general.extend_exclude, *options.extend_exclude))


def _reports(checker: Checker | RemoteChecker, items, options: CheckOptions,
             local: Checker) -> Iterator[FileReport]:
    """Reports for (path, text) items: through a server, on a Dask cluster, or in worker
    processes this run supervises (never in this process, so no input or plugin can hang or
    end the run; see `sourcescore.parallel`)."""
    from sourcescore.parallel import CheckerSettings

    if options.server:
        return checker.check_texts(items)
    settings = CheckerSettings(options.config_path, options.select, options.ignore,
                               references=local.references,
                               skip_plugins=local.refused_plugins())
    if options.scheduler:
        from sourcescore.dask import check_on_cluster

        return check_on_cluster(items, options.scheduler, settings,
                                file_timeout=local.config.general.file_timeout)
    from sourcescore.parallel import Supervisor, default_jobs

    jobs = options.jobs or default_jobs()
    return Supervisor(settings, jobs, checker.config.general.file_timeout).check(items)


def _show_progress(fmt: OutputFormat, options: CheckOptions, count: int) -> bool:
    wanted = options.progress if options.progress is not None else sys.stderr.isatty()
    return wanted and not fmt.machine and not options.quiet and count > 1


def _write(fmt: OutputFormat, checker: Checker | RemoteChecker, reports: Iterator[FileReport],
           options: CheckOptions) -> ExitStatus:
    """Render the reports as they arrive; the worst file's outcome is the exit status."""
    config = checker.config
    threshold = config.general.fail_under if options.fail_under is None else options.fail_under
    color = not fmt.machine and options.output_file is None and sys.stdout.isatty() and \
        "NO_COLOR" not in os.environ
    render = RenderOptions(color=color, rules=tuple(checker.rules),
                           fail_level=config.general.fail_level, fail_under=threshold)
    status = ExitStatus.ERROR if checker.plugins.errors else ExitStatus.OK
    failures: list[str] = []
    counted: list[FileReport] = []
    if options.quiet:
        reports = _shown(reports, threshold, config, counted)
    with open_output(options.output_file) as out:
        for report in _rendered(fmt, checker, reports, render, out):
            if not options.quiet:
                counted.extend(report.files)
        for file in counted:
            status = max(status, file_status(file, threshold, config))
            reason = failure_reason(file, threshold, config)
            if reason:
                failures.append(reason)
        if failures and not fmt.machine:
            out.write(_failure_summary(failures, options.exit_zero))
        if options.statistics:
            (sys.stderr if fmt.machine else out).write(statistics(counted, threshold))
    return ExitStatus.OK if options.exit_zero and status == ExitStatus.FAILED else status


def statistics(files: list[FileReport], threshold: float) -> str:
    """Findings per rule, most first, and the files by score band: what --statistics prints
    (as `ruff --statistics` does)."""
    from collections import Counter

    from sourcescore.scoring import BANDS, band

    findings = Counter((f.code, f.name) for file in files for f in file.findings)
    lines = ["", "Statistics:"]
    lines += [f"  {count:>5}  {code} {name}" for (code, name), count in
              sorted(findings.items(), key=lambda item: (-item[1], item[0]))]
    scored = [f.score for f in files if f.score is not None]
    bands = Counter(band(score) for score in scored)
    summary = ", ".join(f"{bands[name]} {name}" for _, name in BANDS if bands[name])
    lines.append(f"  {plural(len(files), 'file')}, {len(scored)} scored" +
                 (f" (mean {sum(scored) / len(scored):.0f}: {summary})" if scored else ""))
    if threshold > 0:
        under = sum(1 for score in scored if under_threshold(score, threshold))
        lines.append(f"  {under} under fail_under {threshold:g}")
    return "\n".join(lines) + "\n"


def failure_reason(file: FileReport, threshold: float, config: Config) -> str | None:
    """Why a file fails the check (exit 1), in words: its score under `fail_under`, its
    findings at or above `fail_level`."""
    if file.status != "ok":
        return None
    why = []
    if file.score is not None and under_threshold(file.score, threshold):
        why.append(threshold_failure(file.score, threshold))
    level = config.general.fail_level
    cleared = signed_off(file)
    serious = [f for f in file.findings if SEVERITY_RANK[f.severity] >= SEVERITY_RANK[level]
               and f not in cleared]
    if serious:
        codes = ", ".join(dict.fromkeys(f.code for f in serious))
        why.append(f"{plural(len(serious), 'finding')} at or above fail_level {level!r} "
                   f"({codes})")
    return f"{printable(file.path)} {' and '.join(why)}" if why else None


def _failure_summary(failures: list[str], exit_zero: bool = False) -> str:
    status = "exit 0: --exit-zero" if exit_zero else "exit 1"
    lines = [f"sourcescore: the check failed ({status}): {plural(len(failures), 'file')}"]
    lines += [f"  {reason}" for reason in failures]
    return "\n".join(lines) + "\n"


def _rendered(fmt: OutputFormat, checker: Checker | RemoteChecker,
              reports: Iterator[FileReport], options: RenderOptions,
              out: TextIO) -> Iterator[Report]:
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


def _render(fmt: OutputFormat, report: Report, out: TextIO, options: RenderOptions) -> None:
    """One format call; a format that fails (a plugin's, even one calling sys.exit) is one
    line and exit 2, never a traceback or a silent exit 0."""
    try:
        fmt.render(report, out, options)
    except (KeyboardInterrupt, BrokenPipeError):  # a reader that stopped reading: see cli
        raise
    except BaseException as exc:  # noqa: BLE001 - see the docstring
        from sourcescore.engine import failure_of

        raise SourcescoreError(f"output format {fmt.name!r} failed: "
                               f"{failure_of(exc).message}") from None


def _with_progress(reports: Iterator[FileReport], total: int) -> Iterator[FileReport]:
    """"checking 3/40" on standard error, cleared before each report's lines; the time left
    only once it means something (a few files done, a few seconds gone)."""
    began = time.monotonic()
    sys.stderr.write(progress_line(0, total, 0.0))
    sys.stderr.flush()
    for done, report in enumerate(reports, start=1):
        sys.stderr.write("\r\033[K")  # clear the line before the report's lines
        yield report
        sys.stderr.write(progress_line(done, total, time.monotonic() - began))
        sys.stderr.flush()
    sys.stderr.write("\r\033[K")


#: Files and seconds a run needs behind it before the time left is worth showing.
ETA_AFTER_FILES, ETA_AFTER_SECONDS = 3, 2.0


def progress_line(done: int, total: int, elapsed: float) -> str:
    line = f"\rchecking {done}/{total}"
    if done >= ETA_AFTER_FILES and elapsed >= ETA_AFTER_SECONDS and done < total:
        left = elapsed / done * (total - done)
        line += f", about {left:.0f} s left" if left < 90 else f", about {left / 60:.0f} min left"
    return line


def _sources(paths: tuple[str, ...], stdin_filename: str | None, policy: ReadPolicy) -> list:
    """(name, Path | text | error) for each input, unread, so the count is known up front."""
    from sourcescore.inputs import display_name, expand_inputs, read_stream

    sources: list = []
    for path in paths:
        if path != "-":
            sources.extend(expand_inputs([path], policy))
            continue
        name = display_name(stdin_filename or "-")
        sources.append((name, read_stream(sys.stdin.buffer, name, policy.max_bytes)))
    return sources


def _index_references(checker: Checker, references: tuple[str, ...], policy: ReadPolicy
                      ) -> list[FileReport]:
    """Index the `--against` copy, read under the same caps as stories and each analysed
    under `file_timeout`; a reference that cannot be read or analysed is an error in its own
    slot (exit 2), and the stories are still checked against the others."""
    from sourcescore.inputs import iter_inputs

    texts, refused = [], []
    for path, text in iter_inputs(references, policy):
        if isinstance(text, Exception):
            refused.append(FileReport(path=path, status="error", error=f"--against {text}"))
        else:
            texts.append((path, text))
    problems = checker.set_references(texts, checker.config.general.file_timeout)
    refused += [FileReport(path=path, status="error", error=f"--against {why}")
                for path, why in problems]
    return refused


def file_status(file: FileReport, threshold: float, config: Config) -> ExitStatus:
    """A file's part of the exit status: 2 unreadable or a rule failed, 1 failed the check."""
    if file.status == "error" or (file.errors and config.general.rule_errors_fail):
        return ExitStatus.ERROR
    cleared = signed_off(file)
    failed = under_threshold(file.score, threshold) or any(
        SEVERITY_RANK[f.severity] >= SEVERITY_RANK[config.general.fail_level]
        for f in file.findings if f not in cleared)
    return ExitStatus.FAILED if failed else ExitStatus.OK


def signed_off(file: FileReport) -> set[Finding]:
    """The errors a desk sign-off released: still shown, no longer failing the check."""
    return {f for e in file.exemptions for f in e.cleared}
