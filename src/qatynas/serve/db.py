"""Read-only access to the knowledge base for the server: one connection per worker thread.

The file is opened with SQLite's `mode=ro` and `query_only`, so no request can change it; SQL
lives in `store/` and is always run there with parameters. Connections are kept per thread (FastAPI
runs plain functions in a thread pool, and a sqlite3 connection belongs to its thread).
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from qatynas.store.db import connect


class Reader:
    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise FileNotFoundError(f"no database at {self.path}; run 'qatynas ingest' first")
        self._local = threading.local()

    def conn(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = connect(self.path, readonly=True)
            conn.execute("pragma query_only = on")
            self._local.conn = conn
        return conn
