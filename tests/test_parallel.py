"""`--workers N`, `--dask local` and `--output DIR` give exactly what one process gives (#7)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from conftest import need_shared
from qatynas import parallel
from qatynas.cli import main
from qatynas.parts import is_parts, read_parts

BAD = '{"id": "bad", "text": 42}\n'


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Ten dev articles with a bad record and an article with a bad date among them."""
    dev = need_shared("gold", "dev.articles.jsonl")
    lines = dev.read_text(encoding="utf-8").splitlines(keepends=True)[:10]
    odd = '{"id": "kk-odd", "date": "2025-13-40", "text": "Қазақстан мен Қытай келісті."}\n'
    path = tmp_path_factory.mktemp("in") / "articles.jsonl"
    path.write_text("".join([*lines[:4], BAD, *lines[4:7], odd, *lines[7:]]), encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def one_worker(articles: Path) -> tuple[int, str, str]:
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["extract", str(articles)])
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize("batch", [parallel.BATCH, 3])
def test_two_workers_print_what_one_prints(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    articles: Path,
    one_worker: tuple[int, str, str],
    batch: int,
) -> None:
    # With batches of 3 the eleven records go out in four batches, taken by both workers.
    monkeypatch.setattr(parallel, "BATCH", batch)
    code, out, err = run(capsys, "extract", "--workers", "2", str(articles))
    assert out.count("\n") == 11
    assert (code, out, err) == one_worker
    assert "skipped" in err and "warning" in err


def test_strict_stops_at_the_same_record(
    capsys: pytest.CaptureFixture[str], articles: Path
) -> None:
    one = run(capsys, "extract", "--strict", str(articles))
    two = run(capsys, "extract", "--strict", "--workers", "2", str(articles))
    assert one == two
    assert one[0] == 1 and one[1].count("\n") == 4


def test_dask_local_prints_what_one_prints(
    capsys: pytest.CaptureFixture[str], articles: Path, one_worker: tuple[int, str, str]
) -> None:
    pytest.importorskip("distributed")
    code, out, err = run(capsys, "extract", "--dask", "local", "--workers", "2", str(articles))
    assert (code, out) == one_worker[:2]
    assert err.splitlines()[-1] == one_worker[2].splitlines()[-1]  # Dask may log on stderr


def _dump(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return list(conn.iterdump())


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_output_parts_hold_the_lines_and_ingest_to_the_same_database(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    articles: Path,
    one_worker: tuple[int, str, str],
    fmt: str,
) -> None:
    parts = tmp_path / "parts"
    code, out, _ = run(
        capsys, "extract", "--workers", "2", "--output", str(parts), "--format", fmt, str(articles)
    )
    assert code == 0 and out == "" and is_parts(parts)
    records = list(read_parts(parts))
    assert [o for o, _ in records][:2] == [f"{articles}:1", f"{articles}:2"]
    run(capsys, "ingest", "--quiet", "--db", str(tmp_path / "direct.db"), str(articles))
    run(capsys, "ingest", "--quiet", "--db", str(tmp_path / "parts.db"), str(parts))
    assert _dump(tmp_path / "parts.db") == _dump(tmp_path / "direct.db")


def test_ingest_on_two_workers_makes_the_same_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, articles: Path
) -> None:
    one = run(capsys, "ingest", "--quiet", "--db", str(tmp_path / "one.db"), str(articles))
    two = run(
        capsys,
        "ingest",
        "--quiet",
        "--workers",
        "2",
        "--db",
        str(tmp_path / "two.db"),
        str(articles),
    )
    assert _dump(tmp_path / "two.db") == _dump(tmp_path / "one.db")
    assert one[0] == two[0] == 0
    again = run(
        capsys,
        "ingest",
        "--quiet",
        "--workers",
        "2",
        "--db",
        str(tmp_path / "two.db"),
        str(articles),
    )
    assert "11 unchanged" in again[2]
