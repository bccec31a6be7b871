"""Saved HTML pages of news sites: the article's main text, title, date and site, by trafilatura.

trafilatura runs offline on the page as saved. The date is taken from the page's metadata only
(no search of the visible text, where the dates are those of the events reported, not of the
publication). The source is the site name the page declares, else its host name. A heading that
repeats the title at the start of the text is dropped: the title is read with the text already,
and a copy would count every name in it twice.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from qatynas.errors import InputError
from qatynas.read.raw import check_nul, clean, decode, read_bounded
from qatynas.read.record import Item, build, parse_date
from qatynas.settings import Settings

# A saved page carries scripts, styles and markup besides its article: allow it this many bytes
# for each character an article may have.
HTML_BYTES_PER_CHAR = 8
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def read_html(name: str, stem: str | None, stream: BinaryIO, settings: Settings) -> Iterator[Item]:
    """The article of a saved page; its id is the file stem (from the content for stdin)."""
    limit = settings.max_article_chars
    try:
        page = _decode(name, read_bounded(name, stream, limit * HTML_BYTES_PER_CHAR, limit))
        check_nul(name, page)
        found = _extract(name, page)
    except InputError as err:
        yield err
        return
    if found is None or not (found.text or "").strip():
        yield InputError(name, 1, "no article text found in the HTML page")
        return
    title = clean(found.title or "").strip() or None
    extra: dict[str, object] = {"url": found.url} if found.url else {}
    yield from build(
        name,
        1,
        settings,
        text=_without_title(clean(found.text), title),
        doc_id=stem,
        date=parse_date(found.date) if found.date else None,
        source=found.sitename or found.hostname,
        title=title,
        extra=extra,
    )


def _decode(name: str, raw: bytes) -> str:
    """The page as text: UTF-8, or the charset the page declares (old pages: Windows-1251)."""
    m = _CHARSET.search(raw[:4096])
    declared = m.group(1).decode("ascii").lower() if m else "utf-8"
    try:
        codec = codecs.lookup(declared).name
    except LookupError:
        raise InputError(name, 1, f"unknown charset {declared!r} declared in the page") from None
    if codec == "utf-8":
        return decode(name, raw)
    return raw.decode(codec, errors="replace")


def _extract(name: str, page: str) -> Any:
    """trafilatura's document (text and metadata), or None when it finds no article."""
    import trafilatura  # imported here: slow to import, and only HTML input needs it

    try:
        return trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_comments=False,
            date_extraction_params=_DATE_PARAMS,
        )
    # A page that breaks the HTML parser is one bad record, not the end of the run; lxml and
    # trafilatura raise many kinds of errors, so any is caught, here at the edge only.
    except Exception as exc:
        raise InputError(name, 1, f"HTML page could not be parsed: {exc}") from None


def _without_title(text: str, title: str | None) -> str:
    first, newline, rest = text.strip().partition("\n")
    if title and newline and first.strip() == title:
        return rest
    return text
