"""Extraction on several processes (`--workers N`) or on a Dask cluster (`--dask ADDRESS`).

Every way gives the records of one process, in input order: the reader runs here, in one
process, so ids, origins, warnings and errors are the same; documents go to the workers in
batches and their results are taken back batch by batch in the order sent. At most `AHEAD`
batches per worker are in flight, so memory stays flat however long the input is, and a run
stopped early (`--strict`) wastes only those. The stages are pure functions of the document,
so a worker's record is the record the single process would have made.

The knowledge base has one writer: `ingest_steps` extracts on the workers and stores in this
process, in input order, so the database is the one a single-process ingest makes.

Dask: `--dask local` starts a `LocalCluster` of processes (`--workers` of them, else one per
core); any other value is a scheduler address (`tcp://host:8786`), whose workers must have
qatynas installed (docs/cluster.md). A Dask partition is `DASK_BATCH` articles.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from functools import partial
from typing import Any, TypeVar

from qatynas.errors import InputError, InputWarning
from qatynas.model import Document
from qatynas.parts import Extracted, is_parts, read_parts
from qatynas.pipeline import process
from qatynas.read import read_paths
from qatynas.runtime import is_settled, settle, warm_up
from qatynas.serve.render import document_record
from qatynas.settings import Settings
from qatynas.store.ingest import Step, document_hash, ingest
from qatynas.store.write import store_record, stored_hash

Item = Document | InputError | InputWarning
T = TypeVar("T")
Q = TypeVar("Q")  # what is queued: reader items, and for ingest known articles

# Articles a local worker process gets at a time: each batch costs this process about a
# millisecond of the pool's queues and threads, which compete with the workers for the cores.
BATCH = 32
DASK_BATCH = 200  # articles in one Dask task (a partition of the input)
AHEAD = 3  # batches in flight per worker: busy workers, bounded memory
# What the stages or the store may raise on a record they cannot take; as store.ingest catches.
RECORD_ERRORS = (
    ValueError,
    KeyError,
    TypeError,
    AssertionError,
    IndexError,
    sqlite3.IntegrityError,
)


def extract_one(doc: Document, settings: Settings, indent: int | None = None) -> Extracted:
    """The JSON line of one article, as `qatynas extract` prints it."""
    record = document_record(process(doc, settings))
    line = json.dumps(record, ensure_ascii=False, indent=indent)
    return Extracted(doc.id, doc.origin, line)


def extract_batch(docs: Sequence[Document], settings: Settings, indent: int | None) -> list[str]:
    """The JSON lines of a batch (what a worker runs)."""
    settle(settings)
    return [extract_one(d, settings, indent).line for d in docs]


def extract_items(
    items: Iterable[Item],
    settings: Settings,
    *,
    workers: int = 1,
    dask: str | None = None,
    indent: int | None = None,
) -> Iterator[Extracted | InputError | InputWarning]:
    """`items` (a reader's output) with every Document replaced by its extraction, in order."""
    if dask is None and workers <= 1:
        for item in items:
            yield extract_one(item, settings, indent) if isinstance(item, Document) else item
        return
    run = partial(extract_batch, settings=settings, indent=indent)
    with _executor(workers, dask, settings) as (pool, width):
        size = DASK_BATCH if dask else BATCH
        for item, line in ordered(pool, run, items, size, width * AHEAD):
            if isinstance(item, Document):
                yield Extracted(item.id, item.origin, str(line))
            else:
                yield item


def ordered(
    pool: Executor,
    run: Callable[[list[Document]], list[T]],
    items: Iterable[Q],
    size: int,
    ahead: int,
) -> Iterator[tuple[Q, T | None]]:
    """(item, result) for every item in order: Documents are run on `pool` in batches of
    `size`, with at most `ahead` batches in flight; other items come back with None."""
    pending: deque[tuple[list[Q], Future[list[T]] | None]] = deque()
    batch: list[Q] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            pending.append(_submit(pool, run, batch))
            batch = []
            if len(pending) >= ahead:
                yield from _merge(*pending.popleft())
    if batch:
        pending.append(_submit(pool, run, batch))
    while pending:
        yield from _merge(*pending.popleft())


def _submit(
    pool: Executor, run: Callable[[list[Document]], list[T]], batch: list[Q]
) -> tuple[list[Q], Future[list[T]] | None]:
    docs: list[Document] = [x for x in batch if isinstance(x, Document)]
    return batch, (pool.submit(run, docs) if docs else None)


def _merge(batch: list[Q], future: Future[list[T]] | None) -> Iterator[tuple[Q, T | None]]:
    results = iter(future.result() if future is not None else ())
    for item in batch:
        yield item, next(results) if isinstance(item, Document) else None


@contextmanager
def _executor(workers: int, dask: str | None, settings: Settings) -> Iterator[tuple[Executor, int]]:
    """A pool of `workers` processes, or a Dask cluster's executor; with its width (slots)."""
    if dask is None:
        # fork: the workers start at once with what this process has loaded (the lexicons).
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        if "fork" in methods and not is_settled():  # settled: loaded already
            warm_up(settings)
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            yield pool, workers
        return
    with _dask_client(dask, workers) as client:
        slots = sum(w["nthreads"] for w in client.scheduler_info()["workers"].values())
        with client.get_executor(pure=False) as pool:
            yield pool, max(1, slots)


@contextmanager
def _dask_client(address: str, workers: int) -> Iterator[Any]:
    try:
        from distributed import Client, LocalCluster  # the `cluster` extra
    except ImportError as exc:
        raise RuntimeError(
            "--dask needs the cluster extra: pip install 'qatynas[cluster]'"
        ) from exc
    if address != "local":
        with Client(address) as client:  # type: ignore[no-untyped-call]
            yield client
        return
    n = workers if workers > 1 else os.cpu_count() or 1
    with (
        LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=n,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.CRITICAL,  # workers' shutdown chatter is no news to the user
        ) as cluster,
        Client(cluster) as client,  # type: ignore[no-untyped-call]
    ):
        yield client


# --- ingest: extraction on the workers, one writer here -------------------------------------


def record_batch(
    docs: Sequence[Document], settings: Settings
) -> list[tuple[dict[str, Any] | None, str | None]]:
    """(record, None) for each article, or (None, repr of the error the stages raised)."""
    settle(settings)
    out: list[tuple[dict[str, Any] | None, str | None]] = []
    for doc in docs:
        try:
            out.append((document_record(process(doc, settings)), None))
        except RECORD_ERRORS as exc:
            out.append((None, repr(exc)))
    return out


def ingest_steps(
    conn: sqlite3.Connection,
    paths: Sequence[str],
    settings: Settings,
    *,
    force: bool = False,
    workers: int = 1,
) -> Iterator[Step]:
    """The `store.ingest.Step` of every record of `paths`, in order.

    A folder written by `extract --output` is stored as it is (no extraction); other paths
    are read and extracted, on `workers` processes when more than one.
    """
    if not any(is_parts(p) for p in paths) and workers <= 1:
        yield from ingest(conn, read_paths(paths, settings), settings, force=force)
        return
    for path in paths:
        if is_parts(path):
            yield from ingest_records(conn, read_parts(path), force=force)
        elif workers <= 1:
            yield from ingest(conn, read_paths([path], settings), settings, force=force)
        else:
            yield from _ingest_parallel(
                conn, read_paths([path], settings), settings, force, workers
            )


def ingest_records(
    conn: sqlite3.Connection, records: Iterable[tuple[str, dict[str, Any]]], *, force: bool
) -> Iterator[Step]:
    """Store extracted records ((origin, record) pairs) as `ingest` stores what it extracts."""
    for origin, record in records:
        try:
            outcome = store_record(conn, record, origin=origin, force=force)
        except RECORD_ERRORS as exc:
            yield Step(origin, error=_not_stored(origin, repr(exc)))
            continue
        yield Step(origin, outcome=outcome, article=record["id"])


class _Known:
    """An article whose content is stored already: not sent to a worker."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc


def _ingest_parallel(
    conn: sqlite3.Connection, items: Iterable[Item], settings: Settings, force: bool, workers: int
) -> Iterator[Step]:
    def sort(item: Item) -> Item | _Known:
        if (
            isinstance(item, Document)
            and not force
            and stored_hash(conn, item.id) == document_hash(item)
        ):
            return _Known(item)
        return item

    run = partial(record_batch, settings=settings)
    with _executor(workers, None, settings) as (pool, width):
        for item, result in ordered(pool, run, map(sort, items), BATCH, width * AHEAD):
            if isinstance(item, _Known):
                yield Step(item.doc.origin, outcome="unchanged", article=item.doc.id)
            elif isinstance(item, InputError):
                yield Step(item.path, error=item)
            elif isinstance(item, InputWarning):
                yield Step(item.path, warning=item)
            else:
                yield _store(conn, item, result, force)


def _store(
    conn: sqlite3.Connection,
    doc: Document,
    result: tuple[dict[str, Any] | None, str | None] | None,
    force: bool,
) -> Step:
    """Store one worker's record as `store.ingest.ingest_document` does."""
    record, error = result or (None, "no result")
    if record is None:
        return Step(doc.origin, error=_not_stored(doc.origin, str(error)))
    try:
        outcome = store_record(
            conn, record, content_hash=document_hash(doc), origin=doc.origin, force=force
        )
    except RECORD_ERRORS as exc:
        return Step(doc.origin, error=_not_stored(doc.origin, repr(exc)))
    return Step(doc.origin, outcome=outcome, article=doc.id)


def _not_stored(origin: str, why: str) -> InputError:
    path, _, line = origin.rpartition(":")
    if path and line.isdigit():
        return InputError(path, int(line), f"not stored: {why}")
    return InputError(origin, None, f"not stored: {why}")
