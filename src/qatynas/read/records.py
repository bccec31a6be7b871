"""Find input files and turn each record into a Document (PLACEHOLDER: JSONL and date-text)."""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from qatynas.errors import InputError
from qatynas.model import Document
from qatynas.settings import Settings

_DATE_LINE = re.compile(r"\A\s*date\s+(\d{4}-\d{2}-\d{2})[ \t]*\n?")


def content_id(text: str) -> str:
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def read_paths(paths: Iterable[str], settings: Settings) -> Iterator[Document | InputError]:
    for p in paths:
        if p == "-":
            yield from _read_text_stream("<stdin>", sys.stdin.read(), settings)
            continue
        path = Path(p)
        files = sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
        for f in files:
            yield from _read_file(f, settings)


def _read_file(path: Path, settings: Settings) -> Iterator[Document | InputError]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield InputError(str(path), None, f"cannot read: {exc.strerror}")
        return
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        yield InputError(str(path), line, f"not valid UTF-8 (byte {exc.start})")
        return
    if path.suffix == ".jsonl":
        yield from _read_jsonl(str(path), text, settings)
    else:
        yield from _read_text_stream(str(path), text, settings, stem=path.stem)


def _read_jsonl(name: str, text: str, settings: Settings) -> Iterator[Document | InputError]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(name, n, f"malformed JSON: {exc.msg}")
            continue
        body = obj.get("text") if isinstance(obj, dict) else None
        if not isinstance(body, str) or not body.strip():
            yield InputError(name, n, "no text in record")
            continue
        doc_id = str(obj.get("id") or content_id(body))
        extra = {k: v for k, v in obj.items() if k not in {"id", "date", "source", "title", "text"}}
        yield Document(
            id=doc_id,
            text=body,
            date=obj.get("date"),
            source=obj.get("source"),
            title=obj.get("title"),
            extra=extra,
            origin=f"{name}:{n}",
        )


def _read_text_stream(
    name: str, text: str, settings: Settings, stem: str | None = None
) -> Iterator[Document | InputError]:
    date = None
    m = _DATE_LINE.match(text)
    if m:
        date = m.group(1)
        text = text[m.end() :]
    text = text.strip()
    if not text:
        yield InputError(name, 1, "empty article")
        return
    yield Document(id=stem or content_id(text), text=text, date=date, origin=f"{name}:1")
