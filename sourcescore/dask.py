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
                     partition_size: int = BATCH) -> Iterator[FileReport]:
    """Check (path, text) pairs on the cluster at `address`, yielding reports in input order."""
    _require_dask()
    import dask.bag as db
    from distributed import Client

    items = [(path, text if isinstance(text, str) else _Failure.of(text)) for path, text in items]
    if not items:
        return
    try:
        client = Client(address, timeout="5s")
    except OSError as exc:
        raise SourcescoreError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    with client:
        bag = db.from_sequence(items, partition_size=partition_size)
        yield from check_bag(bag, settings).compute(scheduler=client.get)


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
