"""JSON Lines (one record a line) and JSON documents (an array of records, or records one after
another, pretty-printed or not), read as a stream: a corpus of thousands of articles is never
held in memory whole, only one record at a time.

A malformed JSON line is reported with its line and the next line is read. In a JSON document
there are no lines to resynchronise on, so a syntax error ends that file (after every record
before it has been read), with the line of the error.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from qatynas.errors import InputError
from qatynas.read.raw import (
    BOM,
    JSON_BYTES_PER_CHAR,
    bounded_lines,
    decode,
    text_chunks,
    too_long,
)
from qatynas.read.record import Item, from_json
from qatynas.settings import Settings

_WHITESPACE = " \t\r\n"
_SLACK_BYTES = 1 << 20  # room in one record for the fields besides its text


def record_limit(settings: Settings) -> int:
    """The most bytes one JSON record may take: its text at the limit, escaped, and the rest."""
    return settings.max_article_chars * JSON_BYTES_PER_CHAR + _SLACK_BYTES


def read_json_lines(name: str, stream: BinaryIO, settings: Settings) -> Iterator[Item]:
    """Every record of a JSON Lines stream; blank lines are allowed and skipped."""
    limit = settings.max_article_chars
    for n, raw in enumerate(bounded_lines(stream, record_limit(settings)), 1):
        if raw is None:
            yield InputError(name, n, too_long(limit))
            continue
        try:
            line = decode(name, raw, n).removeprefix(BOM) if n == 1 else decode(name, raw, n)
        except InputError as err:
            yield err
            continue
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(name, n, f"malformed JSON: {exc.msg} (column {exc.colno})")
            continue
        yield from from_json(obj, name, n, settings)


def read_json(name: str, stream: BinaryIO, settings: Settings) -> Iterator[Item]:
    """Every record of a JSON document: a top-level array of objects, or objects in a row."""
    values = _Values(name, _without_bom(text_chunks(name, stream)), settings)
    try:
        yield from _records(name, values, settings)
    except InputError as err:
        yield err
    except json.JSONDecodeError as exc:
        line = values.line + exc.lineno - 1
        yield InputError(name, line, f"malformed JSON: {exc.msg}; the rest of the file is not read")


def _without_bom(chunks: Iterator[str]) -> Iterator[str]:
    first = next(chunks, "")
    yield first.removeprefix(BOM)
    yield from chunks


def _records(name: str, values: _Values, settings: Settings) -> Iterator[Item]:
    if values.peek() == "[":
        values.take("[")
        yield from _array(name, values, settings)
        if values.peek():
            raise InputError(name, values.here(), "text after the closing ] of the JSON array")
        return
    while values.peek():
        line, obj = values.value()
        yield from from_json(obj, name, line, settings)


def _array(name: str, values: _Values, settings: Settings) -> Iterator[Item]:
    first = True
    while (char := values.peek()) != "]":
        if not char:
            raise InputError(name, values.here(), "JSON array not closed with ]")
        if not first:
            if char != ",":
                raise InputError(name, values.here(), f"expected , or ] in the array, not {char!r}")
            values.take(",")
        line, obj = values.value()
        yield from from_json(obj, name, line, settings)
        first = False
    values.take("]")


class _Values:
    """JSON values decoded one at a time from a stream of text chunks.

    `buf[pos:]` is the unread text; `line` is the line number of `buf[0]`. A value is decoded as
    soon as the buffer holds all of it; the buffer grows by doubling, so decoding stays linear.
    """

    def __init__(self, name: str, chunks: Iterable[str], settings: Settings) -> None:
        self._name = name
        self._chunks = iter(chunks)
        self._max_chars = settings.max_article_chars
        self._limit = record_limit(settings)
        self._decoder = json.JSONDecoder()
        self.buf = ""
        self.pos = 0
        self.line = 1
        self.eof = False

    def here(self) -> int:
        """The line of the read position."""
        return self.line + self.buf.count("\n", 0, self.pos)

    def peek(self) -> str:
        """The next character that is not white space, or "" at the end."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in _WHITESPACE:
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more():
                return ""

    def take(self, char: str) -> None:
        assert self.peek() == char
        self.pos += 1

    def value(self) -> tuple[int, object]:
        """The line where the next value starts, and the value."""
        self.peek()
        while True:
            try:
                obj, end = self._decoder.raw_decode(self.buf, self.pos)
                if end < len(self.buf) or self.eof:
                    line = self.here()
                    self.pos = end
                    return line, obj
            except json.JSONDecodeError:
                if self.eof:
                    raise
                if len(self.buf) - self.pos > self._limit:
                    raise InputError(self._name, self.here(), too_long(self._max_chars)) from None
            self._more()

    def _more(self) -> bool:
        """Read at least as much again as is unread; False at the end of the stream."""
        self.line += self.buf.count("\n", 0, self.pos)
        unread = self.buf[self.pos :]
        parts = [unread]
        got = 0
        for chunk in self._chunks:
            parts.append(chunk)
            got += len(chunk)
            if got >= len(unread):
                break
        else:
            self.eof = True
        self.buf, self.pos = "".join(parts), 0
        return got > 0
