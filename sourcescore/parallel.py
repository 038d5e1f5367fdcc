"""Checking on worker processes that can be abandoned: `check`, at any `--jobs`.

The parent reads files and writes reports in input order; worker processes
(`sourcescore.worker`) check them. Because the work is in other processes, nothing an article or
a plugin does can take the run down or hold it forever:

* A worker that makes no progress for `file_timeout` seconds (a pathological input, a rule stuck
  in C code or one that swallows its own time limit) is killed. The files of its batch that were
  not done are checked again one at a time on a fresh worker, so the file responsible gets an
  error in its own slot and every other file its report.
* A worker that dies (a plugin calling `os._exit`, a crash in a C extension) is handled the same
  way. After `MAX_CONSECUTIVE_FAILURES` files in a row each kill a worker, the remaining files are
  reported as not checked instead of restarting workers without end.

Reports are identical to `Checker.check_texts` in one process: the same function on the same
text. Memory stays bounded: at most a few batches per worker are in flight.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import wait

from sourcescore.errors import SourcescoreError
from sourcescore.report import FileReport
from sourcescore.worker import CheckerSettings, Worker, WorkerDied

__all__ = ["BATCH", "CheckerSettings", "Supervisor", "check_in_processes", "default_jobs"]

#: Articles per task: enough for `nlp.pipe` to batch, small enough to keep workers even.
BATCH = 8
#: Tasks in flight per worker; bounds memory and keeps every worker busy.
AHEAD = 3
#: Files in a row that each kill their worker before the rest of the run is given up.
MAX_CONSECUTIVE_FAILURES = 5


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


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
