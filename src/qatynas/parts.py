"""A folder of extraction records in partitions (`qatynas extract --output DIR`), for `ingest`.

Layout: `DIR/part-00000.parquet`, `part-00001.parquet`, ... (or `.jsonl`), each with up to
`PART_SIZE` records in input order, and `DIR/_qatynas.json`, the manifest: format, part names,
record count and `complete` (false until the run ends). A folder with a manifest is read by
`qatynas ingest` as records, never as articles to extract.

Parquet parts hold three string columns: `id`, `origin` (file and line the article was read
from, which the knowledge base keeps) and `record`, the JSON line exactly as `extract` prints
it. The record stays JSON because its nested lists differ from article to article (a key
present in one evidence and absent from the next); a Parquet struct would add nulls and the
records would no longer be identical to a local run. DuckDB and pandas read the columns
(`json_extract(record, '$.events')`). JSON Lines parts are the printed lines themselves; their
origins are in a `.origins` file beside each part, one a line.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

Format = Literal["parquet", "jsonl"]
MANIFEST = "_qatynas.json"
KIND = "qatynas-extract"
PART_SIZE = 2_000


@dataclass(frozen=True)
class Extracted:
    """One extracted article: its id, where it was read from, and its JSON line."""

    id: str
    origin: str
    line: str


def is_parts(path: str | Path) -> bool:
    """Whether `path` is a folder written by `PartsWriter` (it has the manifest)."""
    return (Path(path) / MANIFEST).is_file()


class PartsWriter:
    """Writes records to `directory` in parts of `size`; `close` marks the folder complete."""

    def __init__(self, directory: Path, fmt: Format = "parquet", size: int = PART_SIZE) -> None:
        if directory.exists() and any(directory.iterdir()) and not is_parts(directory):
            raise FileExistsError(f"{directory} exists and holds other files")
        directory.mkdir(parents=True, exist_ok=True)
        for old in directory.glob("part-*"):  # a former run's
            old.unlink()
        self.directory, self.fmt, self.size = directory, fmt, size
        self.parts: list[str] = []
        self.records = 0
        self._buffer: list[Extracted] = []
        self._manifest(complete=False)

    def add(self, item: Extracted) -> None:
        self._buffer.append(item)
        if len(self._buffer) >= self.size:
            self._flush()

    def close(self) -> None:
        self._flush()
        self._manifest(complete=True)

    def _flush(self) -> None:
        if not self._buffer:
            return
        name = f"part-{len(self.parts):05d}.{self.fmt}"
        path = self.directory / name
        if self.fmt == "parquet":
            _write_parquet(path, self._buffer)
        else:
            with path.open("w", encoding="utf-8", newline="\n") as f:
                f.writelines(item.line + "\n" for item in self._buffer)
            with _origins(path).open("w", encoding="utf-8", newline="\n") as f:
                f.writelines(item.origin + "\n" for item in self._buffer)
        self.parts.append(name)
        self.records += len(self._buffer)
        self._buffer = []

    def _manifest(self, *, complete: bool) -> None:
        manifest = {
            "kind": KIND,
            "format": self.fmt,
            "parts": self.parts,
            "records": self.records,
            "complete": complete,
        }
        (self.directory / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")


def _write_parquet(path: Path, items: list[Extracted]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "id": pa.array([i.id for i in items], pa.string()),
            "origin": pa.array([i.origin for i in items], pa.string()),
            "record": pa.array([i.line for i in items], pa.string()),
        }
    )
    pq.write_table(table, path, compression="zstd")


def read_parts(directory: str | Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """(origin, record) of every record of a parts folder, in order."""
    folder = Path(directory)
    manifest = json.loads((folder / MANIFEST).read_text("utf-8"))
    if manifest.get("kind") != KIND:
        raise ValueError(f"{folder / MANIFEST} is no manifest of qatynas extract")
    # Every part there, so that the parts of an interrupted run are stored too.
    names = sorted(p.name for p in folder.glob("part-*") if p.suffix in (".parquet", ".jsonl"))
    for name in names:
        path = folder / name
        yield from _read_parquet(path) if name.endswith(".parquet") else _read_jsonl(path)


def _origins(part: Path) -> Path:
    return part.with_suffix(".origins")


def _read_jsonl(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    """The records of a JSON Lines part, with the origins of its `.origins` file (or the part's
    own file and line when that file is gone)."""
    side = _origins(path)
    origins = side.read_text("utf-8").splitlines() if side.exists() else []
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            yield (origins[n - 1] if n <= len(origins) else f"{path}:{n}"), json.loads(line)


def _read_parquet(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(path).iter_batches(columns=["origin", "record"], batch_size=1000):
        for origin, line in zip(
            batch.column(0).to_pylist(), batch.column(1).to_pylist(), strict=True
        ):
            yield str(origin), json.loads(line)
