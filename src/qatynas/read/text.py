"""Plain-text articles: one article a file, with an optional `date YYYY-MM-DD` first line.

The date may stand on a line of its own or share it with the first sentence, as in
`date 2025-10-02 Қазақстан мен Армения ...`; the text is what follows the date. Only a token
shaped like a date counts, so a text that merely starts with the word "date" is left whole; a
date-shaped token that is no real date (2025-13-40) is removed with a warning, date null.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import BinaryIO

from qatynas.errors import InputError
from qatynas.read.raw import BYTES_PER_CHAR, check_nul, clean, decode, read_bounded
from qatynas.read.record import Item, build, parse_date
from qatynas.settings import Settings

_DATE_LINE = re.compile(r"\A\s*date[ \t]+(\d{4}-\d{1,2}-\d{1,2})(?:[ \t]+|[ \t]*\n|[ \t]*\Z)")


def read_text(name: str, stem: str | None, stream: BinaryIO, settings: Settings) -> Iterator[Item]:
    """The one article of a text stream; its id is the file stem (from the content for stdin)."""
    limit = settings.max_article_chars
    try:
        text = clean(decode(name, read_bounded(name, stream, limit * BYTES_PER_CHAR, limit)))
        check_nul(name, text)
    except InputError as err:
        yield err
        return
    date, warnings, start = None, [], 0
    m = _DATE_LINE.match(text)
    if m:
        date = parse_date(m.group(1))
        if date is None:
            warnings.append(f"date {m.group(1)!r} is not a real YYYY-MM-DD date: set to null")
        start = m.end()
    body = text[start:]
    # The line the article starts on, for messages and Document.origin.
    line = 1 + text.count("\n", 0, start + len(body) - len(body.lstrip()))
    yield from build(name, line, settings, text=body, doc_id=stem, date=date, warnings=warnings)
