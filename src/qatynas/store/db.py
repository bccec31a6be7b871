"""Opening the knowledge base: one SQLite file, WAL mode, foreign keys on, migrated.

Connections are in autocommit mode (`isolation_level=None`); every write goes through
`transaction`, which takes the write lock at the start (`begin immediate`), so one article is
stored whole or not at all and readers in other processes never see half of it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from qatynas.errors import StoreError
from qatynas.store.schema import VERSION, current_version, migrate

BUSY_TIMEOUT_MS = 30_000


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open (creating and migrating unless `readonly`) the database at `path`.

    A read-only open of a file written by an older Qatynas migrates it first when the file can
    be written, since the queries rely on the current schema; else it is an error that says so.
    """
    if readonly:
        _upgrade(Path(path))
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None)
    conn.row_factory = sqlite3.Row
    conn.execute(f"pragma busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("pragma foreign_keys = on")
    if not readonly:
        conn.execute("pragma journal_mode = wal")
        # In WAL mode `normal` is still safe against a killed process (only a power cut can
        # lose the last transactions, never corrupt the file).
        conn.execute("pragma synchronous = normal")
        migrate(conn)
    return conn


def _upgrade(path: Path) -> None:
    probe = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        version = current_version(probe)
    finally:
        probe.close()
    if version >= VERSION:
        return
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise StoreError(
            f"{path}: written by an older Qatynas (schema {version}, this one reads {VERSION})"
            " and not writable here; open it once where it can be written to upgrade it"
        )
    connect(path).close()


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    conn.execute("begin immediate")
    try:
        yield conn
    except BaseException:
        conn.execute("rollback")
        raise
    conn.execute("commit")
