"""Scoring on a Dask cluster: the same reports as a local run, computed on the cluster's workers.

Install the extra (`pip install 'sourcescore[dask]'`), start a scheduler and workers the usual
way (`dask scheduler`, `dask worker tcp://host:8786`), each worker with sourcescore and the
English pipeline installed, then either::

    sourcescore check archive/ --scheduler tcp://host:8786 -f json-lines -o archive.jsonl

or, from Python, map over a bag of (path, text) pairs::

    import dask.bag as db
    from sourcescore.dask import check_bag

    bag = db.from_sequence(pairs, partition_size=16)
    reports = check_bag(bag).compute()      # FileReport objects, in the bag's order

Each worker process builds one `Checker` per distinct settings and keeps it (pipeline loaded
once per worker, not per task). Reports come back in input order and are identical, field for
field, to what `Checker.check_texts` gives locally: the work is the same function on the same
text, only the process differs.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from sourcescore.errors import SourcescoreError
from sourcescore.parallel import BATCH, CheckerSettings
from sourcescore.report import FileReport


def _require_dask():
    try:
        import dask.bag  # noqa: F401
        import distributed  # noqa: F401
    except ImportError:
        raise SourcescoreError("Dask is not installed: pip install 'sourcescore[dask]'") from None


def check_bag(bag, settings: CheckerSettings | None = None):
    """A bag of `FileReport`s from a bag of (path, text) pairs; lazy, like any bag."""
    _require_dask()
    return bag.map_partitions(_check_partition, settings or CheckerSettings())


def check_on_cluster(items: Iterable[tuple[str, str | Exception]], address: str,
                     settings: CheckerSettings | None = None,
                     partition_size: int = BATCH,
                     file_timeout: float = 60.0) -> Iterator[FileReport]:
    """Check (path, text) pairs on the cluster at `address`, yielding reports in input order.

    Isolation as a local run has it: a partition whose task dies (a rule ending its worker
    process: Dask's `KilledWorker`) or fails is checked again one file at a time, so the file
    responsible gets an error in its own slot and every other file its report; a task that
    makes no progress for `file_timeout` seconds per file is given up (its worker restarted)
    and its files are treated the same way."""
    _require_dask()
    items = [(path, text if isinstance(text, str) else _Failure.of(text)) for path, text in items]
    if not items:
        return
    settings = settings or CheckerSettings()
    client = _connect(address)
    with client:
        chunks = [items[i:i + partition_size] for i in range(0, len(items), partition_size)]
        futures = [client.submit(_check_partition, chunk, settings, pure=False)
                   for chunk in chunks]
        for chunk, future in zip(chunks, futures, strict=True):
            yield from _collected(client, chunk, future, settings, file_timeout)


def _connect(address: str):
    from distributed import Client

    try:
        return Client(address, timeout="5s")
    except (OSError, TimeoutError) as exc:
        raise SourcescoreError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    except Exception as exc:  # noqa: BLE001 - a malformed address: ValueError, TypeError...
        raise SourcescoreError(f"--scheduler {address!r} is not a Dask scheduler address "
                               f"(tcp://host:8786): {type(exc).__name__}: {exc}") from None


def _collected(client, chunk: list, future, settings: CheckerSettings,
               file_timeout: float) -> Iterator[FileReport]:
    """The chunk's reports; on a failed or stalled task, each file again on its own."""
    limit = file_timeout * len(chunk) if file_timeout else None
    try:
        yield from future.result(timeout=limit)
        return
    except TimeoutError:
        reason = f"checking took longer than the {file_timeout:g} s limit (file_timeout)"
        _restart_worker_of(client, future)
    except Exception as exc:  # noqa: BLE001 - KilledWorker, or any error of the task
        reason = f"the checking process failed ({type(exc).__name__}: {exc})"
    future.cancel()
    if len(chunk) == 1:
        path = chunk[0][0]
        yield FileReport(path=path, status="error", error=f"{path}: {reason}")
        return
    for item in chunk:
        single = client.submit(_check_partition, [item], settings, pure=False)
        yield from _collected(client, [item], single, settings, file_timeout)


def _restart_worker_of(client, future) -> None:
    """A task stuck in a rule that swallows its time limit holds its worker's thread: restart
    the worker so the tasks after it can run."""
    try:
        stuck = [worker for worker, keys in client.processing().items() if future.key in keys]
        if stuck:
            client.restart_workers(workers=stuck, timeout=60)
    except Exception:  # noqa: BLE001, S110 - best effort: the file is reported either way
        pass


class _Failure(SourcescoreError):
    """An input error carried to a worker (plain message, so it pickles anywhere)."""

    @classmethod
    def of(cls, error: Exception) -> SourcescoreError:
        return error if isinstance(error, SourcescoreError) else cls(str(error))


def _check_partition(pairs, settings: CheckerSettings) -> list[FileReport]:
    return list(_checker(settings).check_texts(list(pairs)))


@lru_cache(maxsize=4)
def _checker(settings: CheckerSettings):
    return settings.build()
