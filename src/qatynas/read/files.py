"""Find the inputs (files, folders, standard input) and hand each to the reader of its kind.

Kinds. A file's suffix names its kind: `.jsonl`/`.ndjson` JSON Lines, `.json` JSON (JSON Lines
or a JSON document, told apart by its first line), `.html`/`.htm`/`.xhtml` a saved page, `.txt`
text (with or without a `date` line). Standard input, and a file named on the command line with
any other suffix, are sniffed from their first bytes.

Folders are read recursively in sorted order (names compared as strings, depth first). Hidden
files and folders (`.git`, `.DS_Store`) are skipped silently, and so are text files of other
kinds (README.md, LICENSE): a folder of articles often holds them. Other binary files (images,
archives) are reported, since they may be articles saved in the wrong form.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from qatynas.errors import InputError
from qatynas.read.html import HTML_BYTES_PER_CHAR, read_html
from qatynas.read.jsonl import read_json, read_json_lines
from qatynas.read.raw import BYTES_PER_CHAR, HEAD_BYTES, Kind, check_text, rejoin, sniff, too_long
from qatynas.read.record import Item
from qatynas.read.text import read_text
from qatynas.settings import Settings

SUFFIX_KINDS: dict[str, Kind] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",  # or JSON Lines, told by the first line
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
}
STDIN = "-"


def read_paths(
    paths: Iterable[str], settings: Settings, stdin: BinaryIO | None = None
) -> Iterator[Item]:
    """Every record of every input, in order; `-` reads `stdin` (standard input by default)."""
    for p in paths:
        if p == STDIN:
            yield from read_stream("<stdin>", None, stdin or sys.stdin.buffer, settings)
            continue
        path = Path(p)
        if path.is_dir():
            yield from _read_folder(path, settings, set())
        elif path.exists():
            yield from read_file(path, settings, SUFFIX_KINDS.get(path.suffix.lower()))
        else:
            yield InputError(p, None, "no such file or folder")


def read_file(path: Path, settings: Settings, kind: Kind | None = None) -> Iterator[Item]:
    """Every record of one file; `kind` None sniffs it. The id of a one-article file is its stem."""
    try:
        too_big = _too_big(path, kind, settings)
        if too_big:
            yield too_big
            return
        with path.open("rb") as stream:
            yield from read_stream(str(path), path.stem, stream, settings, kind)
    except OSError as exc:
        yield InputError(str(path), None, f"cannot read: {exc.strerror or exc}")


def _too_big(path: Path, kind: Kind | None, settings: Settings) -> InputError | None:
    """An error for a one-article file too big to hold an article, found before reading it."""
    per_char = {"text": BYTES_PER_CHAR, "html": HTML_BYTES_PER_CHAR}.get(kind or "")
    size = path.stat().st_size
    if per_char is None or size <= settings.max_article_chars * per_char:
        return None
    return InputError(str(path), 1, f"{too_long(settings.max_article_chars)} ({size:,} bytes)")


def read_stream(
    name: str, stem: str | None, stream: BinaryIO, settings: Settings, kind: Kind | None = None
) -> Iterator[Item]:
    """Every record of a byte stream, after checking that it is text; `kind` None sniffs it."""
    head = stream.read(HEAD_BYTES)
    try:
        check_text(name, head)
    except InputError as err:
        yield err
        return
    sniffed = sniff(head)
    if kind is None or (kind == "json" and sniffed == "jsonl"):
        kind = sniffed
    reader = _READERS[kind]
    yield from reader(name, stem, rejoin(head, stream), settings)


def _read_folder(folder: Path, settings: Settings, seen: set[Path]) -> Iterator[Item]:
    real = folder.resolve()
    if real in seen:  # a symbolic link back up the tree
        return
    seen.add(real)
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        yield InputError(str(folder), None, f"cannot list: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _read_folder(entry, settings, seen)
        elif entry.suffix.lower() in SUFFIX_KINDS:
            yield from read_file(entry, settings, SUFFIX_KINDS[entry.suffix.lower()])
        elif entry.is_file():
            yield from _report_binary(entry)


def _report_binary(path: Path) -> Iterator[Item]:
    """An error for a file of unknown kind that is binary; text files of other kinds pass."""
    try:
        with path.open("rb") as stream:
            check_text(str(path), stream.read(HEAD_BYTES))
    except InputError as err:
        yield err
    except OSError as exc:
        yield InputError(str(path), None, f"cannot read: {exc.strerror or exc}")


def _jsonl(name: str, stem: str | None, stream: BinaryIO, settings: Settings) -> Iterator[Item]:
    return read_json_lines(name, stream, settings)


def _json(name: str, stem: str | None, stream: BinaryIO, settings: Settings) -> Iterator[Item]:
    return read_json(name, stream, settings)


_READERS: dict[Kind, Callable[[str, str | None, BinaryIO, Settings], Iterator[Item]]] = {
    "jsonl": _jsonl,
    "json": _json,
    "html": read_html,
    "text": read_text,
}
