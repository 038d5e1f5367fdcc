"""Checking in worker processes that can be abandoned: `check` (any `--jobs`) and `serve`.

The command line never checks an article in its own process. Each worker process holds one
`Checker` (pipeline loaded once) and checks batches of files sent over a pipe, answering with one
report per file as it is done. The parent reads files, keeps reports in input order and writes
them. Because the work is in another process, nothing an article or a plugin does can take the run
down or hold it forever:

* A worker that makes no progress for `file_timeout` seconds (a pathological input, a rule stuck
  in C code or one that swallows its own time limit) is killed. The files of its batch that were
  not done are checked again one at a time on a fresh worker, so the file responsible gets an
  error in its own slot and every other file its report.
* A worker that dies (a plugin calling `os._exit`, a crash in a C extension) is handled the same
  way. After `MAX_CONSECUTIVE_FAILURES` files in a row each kill a worker, the remaining files are
  reported as not checked instead of restarting workers without end.
* A worker dies with its parent (Linux: `PR_SET_PDEATHSIG`; elsewhere it notices its parent is
  gone), and its standard output is standard error, so a `print()` in a rule never reaches a
  report on standard output.

Workers are forked from a fork server that has loaded the pipeline (where the platform has one),
so starting or replacing a worker costs milliseconds, not the seconds of a pipeline load.
Reports are identical to `Checker.check_texts` in one process: the same function on the same
text. Memory stays bounded: at most a few batches per worker are in flight.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from sourcescore.errors import SourcescoreError
from sourcescore.report import FileReport

#: Articles per task: enough for `nlp.pipe` to batch, small enough to keep workers even.
BATCH = 8
#: Tasks in flight per worker; bounds memory and keeps every worker busy.
AHEAD = 3
#: Seconds a new worker may take to load its pipeline before it counts as failed.
LOAD_TIMEOUT = 300.0
#: Files in a row that each kill their worker before the rest of the run is given up.
MAX_CONSECUTIVE_FAILURES = 5
#: The module a fork server imports before forking workers: it loads the pipeline.
PRELOAD = "sourcescore._preload"


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

    def build(self):
        from sourcescore.api import Checker

        for name in [n for n in os.environ if n.startswith(ENV_PREFIX)]:
            del os.environ[name]
        os.environ.update(self.environ)
        checker = Checker(self.config_path, select=self.select, ignore=self.ignore,
                          use_config_file=self.use_config_file)
        checker.references = self.references
        return checker


ENV_PREFIX = "SOURCESCORE_"


def own_environ() -> tuple[tuple[str, str], ...]:
    """This process's `SOURCESCORE_*` variables, sorted."""
    return tuple(sorted((k, v) for k, v in os.environ.items() if k.startswith(ENV_PREFIX)))


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def worker_context():
    """A fork server that has loaded the pipeline where there is one; else fresh processes."""
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([PRELOAD])
        return context
    return multiprocessing.get_context("spawn")


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


# --- inside the worker process -------------------------------------------------------------


def _serve(conn: Connection, settings: CheckerSettings, parent: int) -> None:
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
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG: Linux kills us with our parent

    def watch() -> None:  # elsewhere (and under a fork server): poll for the parent
        while True:
            time.sleep(1.0)
            try:
                os.kill(parent, 0)
            except OSError:
                os._exit(1)
    threading.Thread(target=watch, daemon=True, name="sourcescore-parent-watch").start()


# --- in the parent: a pool of workers with a time limit per file ----------------------------


@dataclass
class _Batch:
    items: list[tuple[int, str, str | Exception]]  # (input index, path, text or error)
    single: bool = False  # a retry of one file alone: a failure is that file's


@dataclass
class _Slot:
    worker: Worker
    batch: _Batch | None = None
    done: int = 0
    deadline: float = 0.0


class Supervisor:
    """Checks (path, text) pairs on `jobs` worker processes; see the module docstring."""

    def __init__(self, settings: CheckerSettings, jobs: int = 1,
                 file_timeout: float = 60.0, context=None) -> None:
        self.settings = settings
        self.jobs = max(1, jobs)
        self.file_timeout = file_timeout
        self._context = context
        self._slots: list[_Slot] = []
        self._queue: deque[_Batch] = deque()
        self._results: dict[int, FileReport] = {}
        self._failures_in_row = 0
        self._given_up: str | None = None

    def check(self, items: Iterable[tuple[str, str | Exception]]) -> Iterator[FileReport]:
        """Reports in input order, each as soon as it and every report before it is done."""
        source = enumerate(items)
        next_index, exhausted = 0, False
        try:
            while True:
                exhausted = exhausted or self._fill(source)
                while next_index in self._results:
                    yield self._results.pop(next_index)
                    next_index += 1
                if exhausted and not self._queue and not self._busy():
                    return
                self._step()
        finally:
            self.close()

    def close(self) -> None:
        for slot in self._slots:
            slot.worker.stop()
        self._slots = []

    def _fill(self, source) -> bool:
        """Queue batches until enough are in flight; True once the input is exhausted."""
        while len(self._queue) + self._busy() < self.jobs * AHEAD:
            batch = _Batch([(index, path, text) for index, (path, text)
                            in _take(source, BATCH)])
            if not batch.items:
                return True
            self._queue.append(batch)
        return False

    def _busy(self) -> int:
        return sum(slot.batch is not None for slot in self._slots)

    def _step(self) -> None:
        """Hand out queued work, then wait for one event: a report, an end or a deadline."""
        self._assign()
        busy = [slot for slot in self._slots if slot.batch is not None]
        if not busy:
            return
        timeout = max(0.0, min(slot.deadline for slot in busy) - time.monotonic())
        ready = wait([slot.worker.conn for slot in busy], timeout if self.file_timeout else None)
        for slot in busy:
            if slot.worker.conn in ready:
                self._receive(slot)
            elif self.file_timeout and time.monotonic() >= slot.deadline:
                self._fail(slot, f"checking took longer than the {self.file_timeout:g} s "
                                 "limit (file_timeout)")

    def _assign(self) -> None:
        while self._queue:
            if self._given_up is not None:
                self._give_up(self._queue.popleft())
                continue
            slot = next((s for s in self._slots if s.batch is None), None)
            if slot is None and len(self._slots) < self.jobs:
                slot = _Slot(self._start_worker())
                self._slots.append(slot)
            if slot is None:
                return
            batch = self._queue.popleft()
            slot.batch, slot.done = batch, 0
            try:
                slot.worker.send([(path, text) for _, path, text in batch.items])
            except WorkerDied as exc:
                self._fail(slot, str(exc))
                continue
            slot.deadline = time.monotonic() + self.file_timeout

    def _start_worker(self) -> Worker:
        worker = Worker(self.settings, self._context)
        try:
            worker.wait_ready()
        except WorkerDied as exc:
            raise SourcescoreError(f"could not start a checking process: {exc}") from None
        return worker

    def _receive(self, slot: _Slot) -> None:
        assert slot.batch is not None
        try:
            message = slot.worker.receive(0)
        except WorkerDied as exc:
            self._fail(slot, str(exc))
            return
        if message is None:
            return
        kind = message[0]
        if kind == "report":
            index = slot.batch.items[message[1]][0]
            self._results[index] = message[2]
            slot.done += 1
            slot.deadline = time.monotonic() + self.file_timeout
            self._failures_in_row = 0
        elif kind == "failed":
            self._fail(slot, f"checking failed: {message[1]}", restart=False)
        elif kind == "done":
            slot.batch = None

    def _fail(self, slot: _Slot, reason: str, restart: bool = True) -> None:
        """The batch on `slot` could not finish: blame its one file, or retry its rest singly."""
        batch = slot.batch
        assert batch is not None
        remaining = [item for number, item in enumerate(batch.items) if number >= slot.done]
        if restart:
            slot.worker.stop()
            self._slots.remove(slot)
        else:
            self._drain(slot)
        slot.batch = None
        if batch.single or len(remaining) == 1:
            index, path, _ = remaining[0]
            self._results[index] = FileReport(path=path, status="error", error=f"{path}: {reason}")
            self._failures_in_row += 1
            if self._failures_in_row >= MAX_CONSECUTIVE_FAILURES:
                self._given_up = (f"not checked: the {self._failures_in_row} files before it "
                                  f"each failed ({reason})")
            remaining = remaining[1:]
        for item in reversed(remaining):
            self._queue.appendleft(_Batch([item], single=True))

    def _drain(self, slot: _Slot) -> None:
        """Read up to the worker's "done" after a failure it reported itself."""
        try:
            while (message := slot.worker.receive(self.file_timeout or None)) is not None:
                if message[0] == "done":
                    return
        except WorkerDied:
            pass
        slot.worker.stop()
        self._slots.remove(slot)

    def _give_up(self, batch: _Batch) -> None:
        for index, path, _ in batch.items:
            self._results[index] = FileReport(path=path, status="error",
                                              error=f"{path}: {self._given_up}")


def _take(source, count: int) -> list:
    taken = []
    for pair in source:
        taken.append(pair)
        if len(taken) >= count:
            break
    return taken


def check_in_processes(items: Iterable[tuple[str, str | Exception]], settings: CheckerSettings,
                       jobs: int, file_timeout: float = 60.0) -> Iterator[FileReport]:
    """Check (path, text) pairs on `jobs` worker processes, yielding reports in input order."""
    return Supervisor(settings, jobs, file_timeout).check(items)
