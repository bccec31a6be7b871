"""Bytes to text at the input edge: UTF-8 with the line of a bad byte, binary files, size limits.

Every reader goes through here, so a bad byte, a binary file or an oversized record gets the
same message whatever its format. Functions raise `InputError` where the problem is found; the
readers catch it, yield it, and go on with the next record.

Cleaning (`clean`). The text a reader hands on is the text the output publishes and its offsets
point into, so cleaning happens once, here, before any offset exists: a leading byte-order mark
is dropped, CRLF and lone CR become LF, the text is put in Unicode NFC (one code point for a
letter such as `й` however it was typed), and lone surrogates (possible in JSON escapes, not
writable as UTF-8) become U+FFFD. The output `text` is therefore the cleaned text.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from typing import BinaryIO, Literal

from qatynas.errors import InputError

Kind = Literal["jsonl", "json", "html", "text"]

HEAD_BYTES = 8192  # what is sniffed for the kind of input and for binary content
BOM = "\ufeff"
# A UTF-8 character is at most 4 bytes; a JSON \uXXXX escape spends 6 bytes on one character.
BYTES_PER_CHAR = 4
JSON_BYTES_PER_CHAR = 6

_NEWLINE = re.compile(r"\r\n?")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_MARKUP = re.compile(rb"<(?:[!?]|[A-Za-z])")  # <!DOCTYPE, <?xml, <html, <div...


def clean(text: str) -> str:
    """The text as published by Qatynas: no BOM, LF line ends, NFC, no lone surrogates."""
    text = _NEWLINE.sub("\n", text.removeprefix(BOM))
    return unicodedata.normalize("NFC", _SURROGATE.sub("\ufffd", text))


def scrub(value: object) -> object:
    """`value` with lone surrogates replaced in every string inside it (they cannot be written)."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [scrub(v) for v in value]
    if isinstance(value, dict):
        return {scrub(k): scrub(v) for k, v in value.items()}
    return value


def decode(name: str, raw: bytes, line: int = 1) -> str:
    """`raw` as UTF-8, or an `InputError` naming the line (counted from `line`) of the bad byte."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        at = line + raw.count(b"\n", 0, exc.start)
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            name,
            at,
            f"not valid UTF-8: byte 0x{raw[exc.start]:02X} at byte {column} of the line "
            "(is it in another encoding, such as Windows-1251? save it as UTF-8)",
        ) from None


def check_text(name: str, head: bytes) -> None:
    """Raise `InputError` if `head` (the start of an input) is not text: NUL bytes or UTF-16."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(name, 1, "UTF-16 text: save it as UTF-8")
    nul = head.find(b"\x00")
    if nul >= 0:
        raise InputError(name, 1 + head.count(b"\n", 0, nul), "binary file (NUL byte), not text")


def check_nul(name: str, text: str) -> None:
    """Raise `InputError` if decoded text holds a NUL character past the sniffed head."""
    nul = text.find("\x00")
    if nul >= 0:
        raise InputError(name, 1 + text.count("\n", 0, nul), "binary data (NUL byte), not text")


def check_length(name: str, line: int, text: str, limit: int) -> None:
    """Raise `InputError` if an article is empty or longer than `limit` characters."""
    if not text:
        raise InputError(name, line, "empty article (no text)")
    if len(text) > limit:
        raise InputError(name, line, too_long(limit))


def too_long(limit: int) -> str:
    return f"article too long: over {limit:,} characters (Settings.max_article_chars), not read"


def read_bounded(name: str, stream: BinaryIO, limit_bytes: int, limit_chars: int) -> bytes:
    """All of `stream`, or an `InputError` once more than `limit_bytes` arrive (not read whole)."""
    data = stream.read(limit_bytes + 1)
    if len(data) > limit_bytes:
        raise InputError(name, 1, too_long(limit_chars))
    return data


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The lines of `stream`; None stands for a line over `limit` bytes, which is skipped unread."""
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(limit)) and not rest.endswith(b"\n"):
            pass
        yield None


def text_chunks(name: str, stream: BinaryIO, size: int = 1 << 16) -> Iterator[str]:
    """`stream` decoded piece by piece; a bad byte is reported with its exact line."""
    line, rest = 1, b""
    while True:
        data = stream.read(size)
        piece = rest + data
        if not data:
            if piece:
                yield decode(name, piece, line)
            return
        cut = _char_boundary(piece)
        piece, rest = piece[:cut], piece[cut:]
        yield decode(name, piece, line)
        line += piece.count(b"\n")


def _char_boundary(data: bytes) -> int:
    """The length of `data` without a UTF-8 character cut off at its end."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte & 0xC0 == 0x80:  # a continuation byte: look further back for the lead
            continue
        need = 2 if byte >= 0xC0 else 1
        need += (byte >= 0xE0) + (byte >= 0xF0)
        return len(data) - back if need > back else len(data)
    return len(data)


def sniff(head: bytes) -> Kind:
    """The kind of an input from its first bytes (stdin, files without a known suffix)."""
    start = head.removeprefix(BOM.encode()).lstrip()
    if _MARKUP.match(start):
        return "html"
    if start.startswith(b"["):
        return "json"
    if start.startswith(b"{"):
        first, newline, _ = start.partition(b"\n")
        # A whole first line that is a complete object is JSON Lines; `{` alone on its line
        # starts a pretty-printed JSON document.
        return "jsonl" if not newline or first.rstrip().endswith(b"}") else "json"
    return "text"


class Rejoined(io.RawIOBase):
    """A stream whose first bytes were already read (to sniff them): `head`, then `rest`."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self._head = memoryview(head)
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]  # buffer protocol
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)


def rejoin(head: bytes, rest: BinaryIO) -> BinaryIO:
    """`head` put back in front of `rest`, as one buffered stream with `readline`."""
    return io.BufferedReader(Rejoined(head, rest))
