"""The worker process: a `Checker` with its pipeline loaded, checking what it is sent.

`check` (through `sourcescore.parallel.Supervisor`) and `serve` (through `Pipeline`) never
check in their own process. A worker checks batches of (path, text) sent over a pipe and answers
with one report per file as it is done; the parent can abandon it at any moment (kill it and
start another) without losing anything but the file in progress. Workers are forked from a fork
server that has loaded the pipeline (where the platform has one), so a new worker is ready in
milliseconds. A worker dies with its parent, and its standard output is standard error, so a
`print()` in a rule never reaches a report on standard output.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass, field
from http import HTTPStatus
from multiprocessing.connection import Connection
from typing import Any

from sourcescore.errors import SourcescoreError
from sourcescore.report import FileReport

#: Seconds a new worker may take to load its pipeline before it counts as failed.
LOAD_TIMEOUT = 300.0
#: The module a fork server imports before forking workers: it loads the pipeline.
PRELOAD = "sourcescore._preload"
ENV_PREFIX = "SOURCESCORE_"


def own_environ() -> tuple[tuple[str, str], ...]:
    """This process's `SOURCESCORE_*` variables, sorted."""
    return tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith(ENV_PREFIX)))


@dataclass(frozen=True)
class CheckerSettings:
    """What a worker needs to build the same `Checker` as the parent (picklable)."""

    config_path: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    use_config_file: bool = True
    #: Compared by identity: a worker rebuilds its Checker when the references change.
    references: Any = field(default=None, compare=False)
    #: The `SOURCESCORE_*` environment the parent had when the settings were made. A worker
    #: forked from a long-lived fork server would otherwise see the server's environment.
    environ: tuple[tuple[str, str], ...] = field(default_factory=lambda: own_environ())
    #: Plugins the parent's probe refused (`sourcescore.probe`): not loaded again here.
    skip_plugins: tuple[str, ...] = ()

    def build(self):
        from sourcescore.api import Checker

        for name in [n for n in os.environ if n.startswith(ENV_PREFIX)]:
            del os.environ[name]
        os.environ.update(self.environ)
        checker = Checker(self.config_path, select=self.select, ignore=self.ignore,
                          use_config_file=self.use_config_file, probe_plugins=False,
                          skip_plugins=self.skip_plugins)
        checker.references = self.references
        return checker


def worker_context():
    """A fork server that has loaded the pipeline where there is one; else fresh processes."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([PRELOAD])
        return context
    return multiprocessing.get_context("spawn")


def start_fork_server() -> None:
    """Start the worker fork server now, so that it loads the pipeline while this process
    reads its configuration and inputs: the first worker is then forked with the pipeline in
    memory. Without a fork server (or when it cannot start) workers load their own, and the
    first check reports any failure. `sourcescore check` and `sourcescore lsp` call this first
    thing; the one-story figures of `benchmarks/speed.py` and `benchmarks/lsp.py` show it."""
    import multiprocessing.forkserver

    if worker_context().get_start_method() == "forkserver":
        with contextlib.suppress(Exception):
            multiprocessing.forkserver.ensure_running()


class WorkerDied(Exception):
    """The worker process ended (or stopped answering) in the middle of a task."""


class Worker:
    """One worker process and the pipe to it."""

    def __init__(self, settings: CheckerSettings, context=None) -> None:
        context = context or worker_context()
        self._conn, child = context.Pipe()
        self.process = context.Process(target=_serve, args=(child, settings, os.getpid()),
                                       daemon=True, name="sourcescore-worker")
        self.process.start()
        child.close()

    @property
    def conn(self) -> Connection:
        return self._conn

    def wait_ready(self, timeout: float = LOAD_TIMEOUT) -> None:
        """Block until the worker has loaded its pipeline; raise what stopped it."""
        message = self.receive(timeout)
        if message is None:
            self.stop()
            raise WorkerDied(f"the worker did not load its pipeline within {timeout:g} s")
        if message[0] == "fatal":
            self.stop()
            raise SourcescoreError(message[1])

    def send(self, items: list[tuple[str, str | Exception]]) -> None:
        try:
            self._conn.send(items)
        except (OSError, EOFError):
            raise WorkerDied(self.ending()) from None

    def receive(self, timeout: float | None) -> tuple | None:
        """The worker's next message, or None after `timeout` seconds without one."""
        try:
            if timeout is not None and not self._conn.poll(max(0.0, timeout)):
                return None
            return self._conn.recv()
        except (OSError, EOFError):
            raise WorkerDied(self.ending()) from None

    def ending(self) -> str:
        """How the process ended, for a file's error slot."""
        self.process.join(1)
        code = self.process.exitcode
        if code is None:
            return "the checking process stopped answering"
        if code < 0:
            with contextlib.suppress(ValueError):
                return f"the checking process was killed by {signal.Signals(-code).name}"
        return f"the checking process exited with status {code}"

    def stop(self) -> None:
        """Kill the process outright (it holds nothing worth flushing) and reap it."""
        with contextlib.suppress(OSError):
            self._conn.close()
        if self.process.is_alive():
            self.process.kill()
        self.process.join(5)


def _serve(conn: Connection, settings: CheckerSettings, parent: int) -> None:
    # The parent may close the pipe at any time (it stopped, or gave up on us): nobody to answer.
    with contextlib.suppress(BrokenPipeError, ConnectionResetError, EOFError):
        _answer_tasks(conn, settings, parent)


def _answer_tasks(conn: Connection, settings: CheckerSettings, parent: int) -> None:
    _die_with_parent(parent)
    # A rule's print() must not reach a report on standard output, not even from C code.
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    try:
        checker = settings.build()
        checker.nlp  # load the pipeline now, not inside the first task  # noqa: B018
    except SourcescoreError as exc:
        conn.send(("fatal", str(exc)))
        return
    conn.send(("ready",))
    while True:
        try:
            items = conn.recv()
        except (EOFError, OSError):
            return
        try:
            for number, report in enumerate(checker.check_texts(items)):
                conn.send(("report", number, report))
        except Exception as exc:  # noqa: BLE001 - a bug on one input: its slot, not the run
            conn.send(("failed", f"{type(exc).__name__}: {exc}"))
        conn.send(("done",))


def _die_with_parent(parent: int) -> None:
    """End this worker when the process that started it ends, even if this one is stuck."""
    from sourcescore.probe import die_with_parent

    die_with_parent()  # Linux kills us with our parent

    def watch() -> None:  # elsewhere (and under a fork server): poll for the parent
        while True:
            time.sleep(1.0)
            try:
                os.kill(parent, 0)
            except OSError:
                os._exit(1)
    threading.Thread(target=watch, daemon=True, name="sourcescore-parent-watch").start()


# --- one request at a time, for the server ---------------------------------------------------


class RequestRefused(Exception):
    """A request the worker could not check: the HTTP status and why."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


#: Checked when the server starts, so the first request finds every rule warm: long enough to
#: be scored (`min_words`), with a named source, a vague one and a claim.
WARM_UP_STORY = ("The mayor said it would rain on Tuesday. Critics say the plan is doomed, "
                 "and the budget rose by 4 percent.")


class Pipeline:
    """The worker process that checks, one request at a time; replaced when a check overruns
    its time limit or the process dies (`sourcescore.parallel.Worker`, forked warm, so a
    replacement is ready at once)."""

    #: Seconds a request waits for the previous one to finish before it gets 503 busy.
    QUEUE_WAIT = 300.0

    def __init__(self, settings: CheckerSettings) -> None:
        self._settings = settings
        self._lock = threading.Lock()
        self._worker: Worker | None = None
        self._closed = False

    def start(self, timeout: float) -> tuple[float, str | None]:
        """Start the worker and check one short story under the time limit, so the first real
        request is fast. Returns the seconds it took and a warning when the warm-up check did
        not finish in time (a stuck plugin): the server starts regardless."""
        began = time.perf_counter()
        warning = None
        try:
            self.check("warm-up.txt", WARM_UP_STORY, timeout)
        except RequestRefused as exc:
            warning = f"the warm-up check failed ({exc}); requests may fail the same way"
        return time.perf_counter() - began, warning

    def check(self, path: str, text: str, timeout: float) -> FileReport:
        if not self._lock.acquire(timeout=self.QUEUE_WAIT + timeout):
            raise RequestRefused(HTTPStatus.SERVICE_UNAVAILABLE, "busy: try again shortly")
        try:
            return self._check(path, text, timeout)
        finally:
            self._lock.release()

    def _check(self, path: str, text: str, timeout: float) -> FileReport:
        worker = self._ready_worker()
        report = None
        try:
            worker.send([(path, text)])
            deadline = time.monotonic() + timeout
            while (message := worker.receive(deadline - time.monotonic())) is not None:
                if message[0] == "report":
                    report = message[2]
                elif message[0] == "failed":
                    report = FileReport(path=path, status="error",
                                        error=f"{path}: checking failed: {message[1]}")
                elif message[0] == "done" and report is not None:
                    return report
        except WorkerDied as exc:
            self._replace()
            raise RequestRefused(HTTPStatus.SERVICE_UNAVAILABLE, f"{exc}; try again") from None
        self._replace()
        raise RequestRefused(HTTPStatus.SERVICE_UNAVAILABLE,
                        f"checking took longer than the {timeout:g} s limit (--timeout)")

    def _ready_worker(self) -> Worker:
        if self._closed:  # a request that was queued behind the one close() cancelled
            raise RequestRefused(HTTPStatus.SERVICE_UNAVAILABLE, "the server is stopping")
        if self._worker is None:
            worker = Worker(self._settings)
            try:
                worker.wait_ready()
            except (WorkerDied, SourcescoreError) as exc:
                raise RequestRefused(HTTPStatus.SERVICE_UNAVAILABLE,
                                f"the checking process could not start: {exc}") from None
            self._worker = worker
        return self._worker

    def _replace(self) -> None:
        if self._worker is not None:
            self._worker.stop()
        self._worker = None  # the next request starts a fresh one

    def close(self) -> None:
        """Stop the worker at once, cancelling a check in progress; no new one starts."""
        self._closed = True
        worker, self._worker = self._worker, None
        if worker is not None:
            worker.stop()
