"""Checking on several processes (`check --jobs N`), with reports in input order.

Each worker process builds its own `Checker` from the same settings and loads the pipeline once;
the parent only reads files and writes reports. Work goes out in small batches, so `nlp.pipe`
still batches inside a worker, and at most a few batches per worker are in flight at any time:
memory stays bounded however many files are checked, and a report is printed as soon as every
report before it is done.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice
from multiprocessing import get_context
from typing import Any

from sourcescore.errors import SourcescoreError
from sourcescore.report import FileReport

#: Articles per task: enough for `nlp.pipe` to batch, small enough to keep workers even.
BATCH = 8
#: Tasks in flight per worker; bounds memory and keeps every worker busy.
AHEAD = 3


@dataclass(frozen=True)
class CheckerSettings:
    """What a worker needs to build the same `Checker` as the parent (picklable)."""

    config_path: str | None = None
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    use_config_file: bool = True
    #: Compared by identity: a worker rebuilds its Checker when the references change.
    references: Any = None

    def build(self):
        from sourcescore.api import Checker

        checker = Checker(self.config_path, select=self.select, ignore=self.ignore,
                          use_config_file=self.use_config_file)
        checker.references = self.references
        return checker


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_in_processes(items: Iterable[tuple[str, str | Exception]], settings: CheckerSettings,
                       jobs: int) -> Iterator[FileReport]:
    """Check (path, text) pairs on `jobs` worker processes, yielding reports in input order."""
    # spawn, not fork: the parent may hold threads (BLAS, the progress bar) that fork would
    # copy in a locked state.
    context = get_context("spawn")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=start_worker,
                             initargs=(settings,)) as pool:
        pending: deque[Future] = deque()
        batches = _batches(items, BATCH)
        for batch in batches:
            pending.append(pool.submit(check_batch, batch))
            if len(pending) >= jobs * AHEAD:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()


def _batches(items, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


_worker_checker = None
_worker_error: SourcescoreError | None = None


def start_worker(settings: CheckerSettings, one_thread: bool = True) -> None:
    global _worker_checker, _worker_error
    if one_thread:
        # One process per core: a BLAS thread pool in every worker would only fight over cores.
        for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(name, "1")
    try:
        _worker_checker = settings.build()
        _worker_checker.nlp  # load the pipeline now, not inside the first task
    except SourcescoreError as exc:
        # Raised from the first task instead: a failing initializer would make the pool
        # restart the worker forever (multiprocessing) or break it without the message.
        _worker_error = exc


def check_batch(batch: list[tuple[str, str | Exception]]) -> list[FileReport]:
    if _worker_error is not None:
        raise _worker_error
    return list(_worker_checker.check_texts(batch))
