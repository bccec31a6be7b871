"""Exports; and the database opened with pyarrow, DuckDB, Datasette and sqlite-utils."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import sqlite3
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
import sqlite_utils
from datasette.app import Datasette

from conftest import EXAMPLE
from qatynas.read import read_paths
from qatynas.settings import Settings
from qatynas.store.db import connect
from qatynas.store.export import ARTICLE_COLUMNS, EVENT_COLUMNS, export
from qatynas.store.ingest import ingest
from qatynas.store.write import store_record
from test_store import MEETING_YEREVAN, VISIT_ASTANA, VISIT_YEREVAN, event, record

PLOVER = ["id", "date", "actor", "recipient", "event_type", "mode", "context", "event_text"]


@pytest.fixture
def kb(tmp_path: Path) -> sqlite3.Connection:
    """Two articles on one visit (one merged event) and one on the return visit."""
    conn = connect(tmp_path / "kb.db")
    visit = event(VISIT_YEREVAN, ["KAZ"], ["ARM"], location="Ереван", date="2024-10-01")
    store_record(conn, record("baq-1", VISIT_YEREVAN, events=[visit]))
    again = event(MEETING_YEREVAN, ["KAZ"], ["ARM"], location="Ереван")
    store_record(conn, record("inform-1", MEETING_YEREVAN, source="Kazinform", events=[again]))
    back = event(VISIT_ASTANA, ["ARM"], ["KAZ"], location="Астана", date="2024-11")
    store_record(conn, record("baq-2", VISIT_ASTANA, date="2024-11-20", events=[back]))
    return conn


def test_parquet_reads_in_pyarrow_and_duckdb_one_row_per_event(
    kb: sqlite3.Connection, tmp_path: Path
) -> None:
    out = tmp_path / "events.parquet"
    assert export(kb, "events", "parquet", out) == 2
    table = pq.read_table(out)
    assert table.column_names == [name for name, _ in EVENT_COLUMNS]
    assert table.column_names[: len(PLOVER)] == PLOVER
    rows = table.to_pylist()
    assert [(r["actor"], r["recipient"], r["event_type"]) for r in rows] == [
        ("KAZ", "ARM", "CONSULT"),
        ("ARM", "KAZ", "CONSULT"),
    ]
    assert rows[0]["source_ids"] == ["baq-1", "inform-1"]
    assert rows[0]["event_text"] == VISIT_YEREVAN
    found = duckdb.sql(
        f"select event_type, count(*), max(len(source_ids)) from read_parquet('{out}')"
        " group by event_type"
    ).fetchall()
    assert found == [("CONSULT", 2, 2)]


def test_csv_and_jsonl_exports(kb: sqlite3.Connection) -> None:
    buf = io.StringIO()
    export(kb, "events", "csv", buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert rows[0]["source_ids"] == "baq-1;inform-1"
    assert rows[0]["context"] == "diplomatic"
    buf = io.StringIO()
    assert export(kb, "articles", "jsonl", buf) == 3
    first = json.loads(buf.getvalue().splitlines()[0])
    assert first["id"] == "baq-1" and first["events"][0]["type"] == "CONSULT"


def test_article_parquet_has_the_documented_columns(kb: sqlite3.Connection, tmp_path: Path) -> None:
    out = tmp_path / "articles.parquet"
    export(kb, "articles", "parquet", out)
    table = pq.read_table(out)
    assert table.column_names == [name for name, _ in ARTICLE_COLUMNS]
    assert table.num_rows == 3


def test_sqlite_utils_reads_tables_foreign_keys_and_fts(kb: sqlite3.Connection) -> None:
    (path,) = [row[2] for row in kb.execute("pragma database_list")]
    db = sqlite_utils.Database(path)
    assert db["articles"].detect_fts() == "articles_fts"
    assert db["quotes"].detect_fts() == "quotes_fts"
    fks = {(fk.column, fk.other_table) for fk in db["event_mentions"].foreign_keys}
    assert fks == {("event", "events"), ("article", "articles")}
    assert db["events"].count == 2


def test_datasette_finds_the_example_by_full_text_search(tmp_path: Path) -> None:
    path = tmp_path / "qatynas.db"
    conn = connect(path)
    steps = list(ingest(conn, read_paths([str(EXAMPLE)], Settings()), Settings()))
    assert [s.outcome for s in steps] == ["added"]
    conn.close()

    async def search(term: str) -> list[dict[str, object]]:
        ds = Datasette([str(path)])
        await ds.invoke_startup()
        response = await ds.client.get(
            f"/qatynas/articles.json?_search={term}&_shape=array&_col=id"
        )
        assert response.status_code == 200, response.text
        rows: list[dict[str, object]] = response.json()
        return rows

    assert [r["id"] for r in asyncio.run(search("Армения"))] == ["baq-kz-armenia-2025-10-02"]
    assert asyncio.run(search("Бразилия")) == []
