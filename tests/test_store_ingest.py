"""`qatynas ingest` end to end: idempotence, bad records, and a run killed at random points.

These go through the real readers and extraction stages, and check only what does not depend on
how good the extraction is (except the example's visits, which the issue asks for).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from conftest import EXAMPLE, need_shared

SENTENCES = [
    "Қазақстан мен Армения арасындағы қарым-қатынастар тұрақты оң серпінге ие.",
    "Қазақстан Президенті Қасым-Жомарт Тоқаев Ереванға ресми сапармен барды.",
    "Армения Президенті Ваагн Хачатурян Астанаға жауап сапарымен келді.",
    "Екі ел үкіметаралық комиссия отырысында сауда көлемін арттыру туралы келісті.",
    "Ресей мен Қазақстан шекара маңы ынтымақтастығы туралы меморандумға қол қойды.",
    "Қытай Қазақстанға гуманитарлық көмек жіберді.",
    "Өзбекстан Сыртқы істер министрі Астанада келіссөздер жүргізді.",
]


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qatynas.cli", *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )


def stats(db: Path) -> dict[str, int]:
    proc = run("stats", "--json", "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    result: dict[str, int] = json.loads(proc.stdout)
    return result


def articles(n: int) -> list[dict[str, Any]]:
    """n small articles made of real sentences, each with its own id, date and outlet."""
    rng = random.Random(5)
    out = []
    for i in range(n):
        body = " ".join(rng.sample(SENTENCES, 3))
        out.append(
            {
                "id": f"art-{i:03d}",
                "date": f"2024-{1 + i % 12:02d}-{1 + i % 27:02d}",
                "source": ["BAQ.KZ", "Kazinform", "Egemen"][i % 3],
                "title": None,
                "text": body,
            }
        )
    return out


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), "utf-8")
    return path


def dump(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, FTS shadow tables included, in a fixed order."""
    conn = sqlite3.connect(db)
    names = [
        n
        for (n,) in conn.execute(
            "select name from sqlite_master where type = 'table' and sql not like 'create virtual%'"
            " and name not like 'sqlite_%' order by name"
        )
    ]
    out = {n: sorted(map(tuple, conn.execute(f"select * from {n}")), key=repr) for n in names}
    conn.close()
    return out


def test_ingest_then_again_adds_nothing(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "news.jsonl", articles(6))
    db = tmp_path / "kb.db"
    first = run("ingest", str(src), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert "6 added" in first.stderr
    before = dump(db)
    second = run("ingest", str(src), "--db", str(db))
    assert "6 unchanged" in second.stderr
    assert dump(db) == before


def test_malformed_lines_are_reported_with_their_line(tmp_path: Path) -> None:
    good = articles(2)
    lines = [
        json.dumps(good[0], ensure_ascii=False),
        '{"id": "broken", "text": "Қазақстан',
        json.dumps({"id": "empty", "date": "2024-01-01"}),
        json.dumps(good[1], ensure_ascii=False),
    ]
    src = tmp_path / "bad.jsonl"
    src.write_text("\n".join(lines) + "\n", "utf-8")
    db = tmp_path / "kb.db"
    proc = run("ingest", str(src), "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    assert f"{src}:2:" in proc.stderr
    assert f"{src}:3:" in proc.stderr
    assert f"{src}:1:" not in proc.stderr and f"{src}:4:" not in proc.stderr
    assert "2 added" in proc.stderr and "2 skipped" in proc.stderr
    assert stats(db)["articles"] == 2


def stored(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("select count(*) from articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:  # not created or not migrated yet
        return 0


def ingest_until_killed(src: Path, db: Path, after: int) -> bool:
    """Start an ingest and SIGKILL it once `after` articles are stored; False if it ended first."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "qatynas.cli", "ingest", str(src), "--db", str(db), "--quiet"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        while proc.poll() is None and stored(db) < after:
            time.sleep(0.005)
        if proc.poll() is not None:
            return False
        os.kill(proc.pid, signal.SIGKILL)
        return True
    finally:
        proc.wait()


def test_run_killed_at_random_points_ends_as_a_clean_run(tmp_path: Path) -> None:
    n = 80
    src = write_jsonl(tmp_path / "news.jsonl", articles(n))
    clean = tmp_path / "clean.db"
    assert run("ingest", str(src), "--db", str(clean)).returncode == 0
    killed = tmp_path / "killed.db"
    seed = random.randrange(1_000_000)
    points = sorted(random.Random(seed).sample(range(1, n - 5), 3))
    kills = [ingest_until_killed(src, killed, after) for after in points]
    assert any(kills), f"no run was killed before its end (seed {seed})"
    done = stored(killed)
    assert 0 < done < n
    final = run("ingest", str(src), "--db", str(killed))
    assert final.returncode == 0, final.stderr
    assert f"{n - done} added, 0 replaced, {done} unchanged" in final.stderr
    assert dump(killed) == dump(clean), f"seed {seed}, killed after {points}: {kills}"


def test_example_dyad_has_the_visits_with_evidence(tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    assert run("ingest", str(EXAMPLE), "--db", str(db)).returncode == 0
    proc = run("dyad", "KAZ", "ARM", "--json", "--db", str(db))
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    visits = [e for e in result["events"] if e["type"] == "CONSULT" and e["mode"] == "visit"]
    assert visits, result["events"]
    for visit in visits:
        (mention,) = visit["evidence"]
        assert mention["article"] == "baq-kz-armenia-2025-10-02"
        assert "сапар" in mention["evidence"]
    text = EXAMPLE.read_text("utf-8")
    assert all(m["evidence"] in text for e in result["events"] for m in e["evidence"])


def test_corpus_twice_gives_the_same_counts(tmp_path: Path) -> None:
    corpus = need_shared("corpus", "kk_news.jsonl")
    db = tmp_path / "kb.db"
    first = run("ingest", str(corpus), "--db", str(db), timeout=300)
    assert first.returncode == 0, first.stderr
    counts = stats(db)
    second = run("ingest", str(corpus), "--db", str(db), timeout=300)
    assert f"{counts['articles']} unchanged" in second.stderr
    assert stats(db) == counts
    assert counts["articles"] == sum(1 for line in corpus.open(encoding="utf-8") if line.strip())
