"""Ingest: read, extract and store articles, one transaction each, reporting every record.

`ingest` consumes what a reader yields (`Document`s and `InputError`s) and yields one `Step` per
record, so the caller shows progress and reports bad records as they come; nothing here stops
the run for one bad record. An article whose content hash is already stored is not extracted
again, which makes a second run cheap and a run resumed after a crash finish the same database.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from qatynas.errors import InputError, InputWarning
from qatynas.model import Document
from qatynas.pipeline import process
from qatynas.serve.render import document_record
from qatynas.settings import Settings
from qatynas.store.keys import content_hash
from qatynas.store.write import Outcome, store_record, stored_hash


@dataclass(frozen=True)
class Step:
    """What became of one input record: an outcome, or the error that kept it out; or a
    warning about the record that comes next (it is still stored)."""

    origin: str
    outcome: Outcome | None = None
    error: InputError | None = None
    warning: InputWarning | None = None
    article: str | None = None


def document_hash(doc: Document) -> str:
    """The content hash of an article as read; equals `keys.record_hash` of its record."""
    fields: dict[str, Any] = {
        "id": doc.id,
        "date": doc.date,
        "source": doc.source,
        "title": doc.title,
        "text": doc.text,
    }
    fields.update({k: v for k, v in doc.extra.items() if k not in fields})
    return content_hash(fields)


def _where(origin: str) -> tuple[str, int | None]:
    path, _, line = origin.rpartition(":")
    return (path, int(line)) if path and line.isdigit() else (origin, None)


def ingest(
    conn: sqlite3.Connection,
    items: Iterable[Document | InputError | InputWarning],
    settings: Settings,
    *,
    force: bool = False,
) -> Iterator[Step]:
    """Store each good record (re-extracting known content only with `force`)."""
    for item in items:
        if isinstance(item, InputError):
            yield Step(item.path, error=item)
        elif isinstance(item, InputWarning):
            yield Step(item.path, warning=item)
        else:
            yield ingest_document(conn, item, settings, force=force)


def ingest_document(
    conn: sqlite3.Connection, doc: Document, settings: Settings, *, force: bool = False
) -> Step:
    digest = document_hash(doc)
    if not force and stored_hash(conn, doc.id) == digest:
        return Step(doc.origin, outcome="unchanged", article=doc.id)
    try:
        record = document_record(process(doc, settings))
        outcome = store_record(conn, record, content_hash=digest, origin=doc.origin, force=force)
    except (
        ValueError,
        KeyError,
        TypeError,
        AssertionError,
        IndexError,
        sqlite3.IntegrityError,
    ) as exc:
        # A record the stages or the store cannot take (a bug to fix, not a reason to stop).
        path, line = _where(doc.origin)
        return Step(doc.origin, error=InputError(path, line, f"not stored: {exc!r}"))
    return Step(doc.origin, outcome=outcome, article=doc.id)
