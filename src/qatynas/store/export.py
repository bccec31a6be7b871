"""Exports: events in PLOVER-compatible fields, and articles with their extractions.

One row per merged event (`EVENT_COLUMNS`, documented in docs/database.md) or per article
(`ARTICLE_COLUMNS`). JSON Lines and Parquet keep lists as lists; CSV joins them with `;`.
"""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal, TextIO

from qatynas.store.plover import quad_class

What = Literal["events", "articles"]
Format = Literal["jsonl", "csv", "parquet"]

# name, Arrow type ("string", "double", "int64", "list")
EVENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"),
    ("date", "string"),
    ("actor", "string"),
    ("recipient", "string"),
    ("event_type", "string"),
    ("mode", "string"),
    ("context", "list"),
    ("event_text", "string"),
    ("source_ids", "list"),
    ("quad_class", "string"),
    ("modality", "string"),
    ("location", "string"),
    ("score", "double"),
    ("mentions", "int64"),
    ("sources", "int64"),
    ("confidence", "double"),
    ("first_reported", "string"),
)
ARTICLE_COLUMNS: tuple[tuple[str, str], ...] = (
    ("id", "string"),
    ("date", "string"),
    ("source", "string"),
    ("url", "string"),
    ("title", "string"),
    ("lang", "string"),
    ("text", "string"),
    ("countries", "list"),
    ("persons", "list"),
    ("organizations", "list"),
    ("locations", "list"),
    ("events", "int64"),
    ("quotes", "int64"),
)


def event_rows(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """One PLOVER-style row per event; actor and recipient join several codes with `;`."""
    for e in conn.execute("select * from events order by id").fetchall():
        mentions = conn.execute(
            "select a.id, m.evidence from event_mentions m join articles a on a.num = m.article"
            " where m.event = ? order by a.num, m.ordinal",
            (e["id"],),
        ).fetchall()
        yield {
            "id": f"qatynas-{e['id']}",
            "date": e["date"] or e["first_reported"],
            "actor": e["actors"],
            "recipient": e["recipients"],
            "event_type": e["type"],
            "mode": e["mode"],
            "context": json.loads(e["contexts"]),
            "event_text": mentions[0]["evidence"] if mentions else "",
            "source_ids": list(dict.fromkeys(m["id"] for m in mentions)),
            "quad_class": quad_class(e["type"]),
            "modality": e["modality"],
            "location": e["location"],
            "score": e["score"],
            "mentions": e["mentions"],
            "sources": e["sources"],
            "confidence": e["confidence"],
            "first_reported": e["first_reported"],
        }


def article_records(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """The stored records (spec/output.md), as extracted."""
    for (record,) in conn.execute("select record from articles order by num"):
        yield json.loads(record)


def article_rows(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """One flat row per article: the names of what it mentions, counts of events and quotes."""
    for rec in article_records(conn):
        yield {
            "id": rec["id"],
            "date": rec.get("date"),
            "source": rec.get("source"),
            "url": rec.get("url"),
            "title": rec.get("title"),
            "lang": rec.get("lang"),
            "text": rec["text"],
            "countries": [c["code"] for c in rec.get("countries") or []],
            "persons": [p["name"] for p in rec.get("persons") or []],
            "organizations": [o["name"] for o in rec.get("organizations") or []],
            "locations": [loc["name"] for loc in rec.get("locations") or []],
            "events": len(rec.get("events") or []),
            "quotes": len(rec.get("quotes") or []),
        }


def write_jsonl(rows: Iterator[dict[str, Any]], out: TextIO) -> int:
    n = 0
    for n, row in enumerate(rows, 1):  # noqa: B007 (n is the count written)
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return n


def write_csv(
    rows: Iterator[dict[str, Any]], columns: tuple[tuple[str, str], ...], out: TextIO
) -> int:
    writer = csv.DictWriter(out, fieldnames=[c for c, _ in columns], lineterminator="\n")
    writer.writeheader()
    n = 0
    for n, row in enumerate(rows, 1):  # noqa: B007
        writer.writerow({k: ";".join(v) if isinstance(v, list) else v for k, v in row.items()})
    return n


def write_parquet(
    rows: Iterator[dict[str, Any]], columns: tuple[tuple[str, str], ...], path: Path
) -> int:
    import pyarrow as pa  # imported here: only the parquet export needs it
    import pyarrow.parquet as pq

    types = {
        "string": pa.string(),
        "double": pa.float64(),
        "int64": pa.int64(),
        "list": pa.list_(pa.string()),
    }
    schema = pa.schema([(name, types[kind]) for name, kind in columns])
    data = list(rows)
    table = pa.Table.from_pylist(data, schema=schema)
    pq.write_table(table, path)
    return len(data)


def export(conn: sqlite3.Connection, what: What, fmt: Format, out: TextIO | Path) -> int:
    """Write the events or articles in `fmt` to `out` (a stream, or a path for parquet)."""
    columns = EVENT_COLUMNS if what == "events" else ARTICLE_COLUMNS
    if fmt == "jsonl":
        assert not isinstance(out, Path)
        return write_jsonl(event_rows(conn) if what == "events" else article_records(conn), out)
    rows = event_rows(conn) if what == "events" else article_rows(conn)
    if fmt == "csv":
        assert not isinstance(out, Path)
        return write_csv(rows, columns, out)
    assert isinstance(out, Path), "parquet is written to a file"
    return write_parquet(rows, columns, out)
