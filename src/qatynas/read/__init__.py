"""Readers: input formats → `Document`s.

`read_paths` yields, in input order, a `Document` for every good record, an `InputError` for
every bad one (so that the caller reports it and goes on, or stops with `--strict`), and an
`InputWarning` just before a Document that was kept without a field it could not use.

Modules: `files` finds inputs and picks the reader; `jsonl`, `text` and `html` read the formats;
`record` validates one record into a Document; `raw` holds what they share at the byte level
(UTF-8 with line numbers, binary files, size limits, text cleaning).
"""

from qatynas.read.files import read_file, read_paths, read_stream
from qatynas.read.raw import clean
from qatynas.read.record import Item, content_id

__all__ = ["Item", "clean", "content_id", "read_file", "read_paths", "read_stream"]
