"""HTTP API latency of `qatynas serve` on a knowledge base of 10,000 articles.

Builds (once, reused while it holds the wanted number of articles) a database of the whole
Kazakh corpus, extracted by `qatynas ingest`, replicated with `store.write.store_record` to
`--articles` articles: each copy gets a new id and its dates moved back by 41 days per copy, so
the copies make new events and longer timelines instead of merging into the originals. Then it
starts `qatynas serve` on 127.0.0.1, and times sequential requests to every API operation with
realistic parameters (busy pairs and countries, random articles and persons, search words),
printing p50, p95 and max per operation and overall. The server runs in its own process, on the
loopback interface only; the run is bounded by `--rounds`.
Run: .venv/bin/python bench/api_latency.py [--articles 10000] [--db /tmp/qatynas-bench.db]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from qatynas.read import read_paths
from qatynas.settings import Settings
from qatynas.store import export, queries
from qatynas.store.db import connect
from qatynas.store.ingest import ingest
from qatynas.store.write import store_record

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus/kk_news.jsonl"
SHIFT_DAYS = 41
WORDS = ("Армения", "Ресей", "Қытай", "сапар", "келісім", "президент", "инвестиция", "Тоқаев")


def _shift(date: str | None, days: int) -> str | None:
    if not date or len(date) != 10:
        return date
    try:
        return (dt.date.fromisoformat(date) - dt.timedelta(days=days)).isoformat()
    except ValueError:
        return date


def _copy(record: dict[str, Any], k: int) -> dict[str, Any]:
    rec = json.loads(json.dumps(record))
    rec["id"] = f"{record['id']}~copy{k}"
    rec["date"] = _shift(rec.get("date"), SHIFT_DAYS * k)
    for ev in rec.get("events") or []:
        ev["date"] = _shift(ev.get("date"), SHIFT_DAYS * k)
    return rec


def build(db: Path, corpus: Path, articles: int) -> None:
    conn = connect(db)
    have = queries.stats(conn)["articles"]
    if have >= articles:
        print(f"{db}: {have} articles, reused", file=sys.stderr)
        return
    started = time.monotonic()
    if have == 0:
        for _ in ingest(conn, read_paths([corpus], Settings()), Settings()):
            pass
        print(f"ingested {corpus} in {time.monotonic() - started:.0f} s", file=sys.stderr)
    buf = io.StringIO()
    export.export(conn, "articles", "jsonl", buf)
    base = [json.loads(line) for line in buf.getvalue().splitlines() if "~copy" not in line]
    n, k = queries.stats(conn)["articles"], 1
    while n < articles:
        for record in base:
            if n >= articles:
                break
            if store_record(conn, _copy(record, k)) == "added":
                n += 1
        k += 1
        print(f"{n} articles ({time.monotonic() - started:.0f} s)", file=sys.stderr)
    conn.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def requests_to_time(db: Path, seed: int = 7) -> list[tuple[str, str]]:
    """(operation, URL path) pairs: every API operation with parameters drawn from the data."""
    conn = connect(db, readonly=True)
    rnd = random.Random(seed)
    pairs = [p["parties"] for p in queries.pairs(conn, limit=20)]
    codes = [c["code"] for c in queries.countries(conn)[:20]]
    page = queries.articles(conn, limit=100, offset=rnd.randrange(5000))["articles"]
    people = queries.persons(conn, limit=100)["persons"]
    events = queries.events(conn, limit=100, offset=rnd.randrange(2000))["events"]
    conn.close()
    out = [("stats", "/api/stats"), ("pairs", "/api/pairs"), ("countries", "/api/countries")]
    for a, b in pairs:
        out.append(("dyad", f"/api/dyads/{a}/{b}"))
    for code in codes:
        out.append(("country", f"/api/countries/{code}"))
        out.append(("events", f"/api/events?party={code}"))
        out.append(("articles", f"/api/articles?country={code}&since=2024"))
    out += [("article", f"/api/articles/{httpx.URL(a['id']).path}") for a in page[:20]]
    out += [("person", f"/api/persons/{p['id']}") for p in people[:20]]
    out += [("persons", f"/api/persons?name={p['name'][:4]}") for p in people[:10]]
    out += [("event", f"/api/events/{e['id']}") for e in events[:20]]
    out += [("search", f"/api/search?q={w}") for w in WORDS]
    out += [("search", f"/api/search?q={w}&kind=quote&since=2025") for w in WORDS]
    return out


def measure(db: Path, rounds: int) -> dict[str, list[float]]:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "qatynas.cli", "serve", "--db", str(db), "--port", str(port)],
        stderr=subprocess.DEVNULL,
    )
    times: dict[str, list[float]] = {}
    try:
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base, timeout=30) as client:
            for _ in range(100):
                try:
                    client.get("/api/stats")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            todo = requests_to_time(db)
            for path in [p for _, p in todo]:  # warm-up: page cache, per-thread connections
                client.get(path)
            for _ in range(rounds):
                for op, path in todo:
                    t0 = time.perf_counter()
                    r = client.get(path)
                    elapsed = (time.perf_counter() - t0) * 1000
                    if r.status_code != 200:
                        raise SystemExit(f"{path}: HTTP {r.status_code} {r.text[:200]}")
                    times.setdefault(op, []).append(elapsed)
    finally:
        server.terminate()
        server.wait(timeout=10)
    return times


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--db", type=Path, default=Path("/tmp/qatynas-bench.db"))
    ap.add_argument("--rounds", type=int, default=3, help="times each request is timed")
    args = ap.parse_args()
    build(args.db, args.corpus, args.articles)
    times = measure(args.db, args.rounds)
    conn = connect(args.db, readonly=True)
    print(f"database: {json.dumps(queries.stats(conn))}")
    print(f"{'operation':<10} {'n':>4} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    every = [t for ts in times.values() for t in ts]
    for op, ts in [*sorted(times.items()), ("all", every)]:
        print(
            f"{op:<10} {len(ts):>4} {statistics.median(ts):>8.1f} {_p(ts, 0.95):>8.1f}"
            f" {max(ts):>8.1f}"
        )


if __name__ == "__main__":
    main()
