"""One input record (a JSON object, or the fields a text or HTML reader found) → a `Document`.

This is the edge where input is validated. A record is bad, and skipped with an `InputError`,
only when it has no usable text (missing, not a string, blank, or over the length limit). A
field that is present but unusable (a date that is not YYYY-MM-DD, a title that is a number) is
dropped with an `InputWarning` and the record is kept: one bad date must not lose an article.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator

from qatynas.errors import InputError, InputWarning
from qatynas.model import Document
from qatynas.read.raw import check_length, clean, scrub
from qatynas.settings import Settings

Item = Document | InputError | InputWarning

FIELDS = ("id", "date", "source", "title", "text")
# A date, optionally followed by a time (ISO 8601 or with a space), which is dropped.
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")


def content_id(text: str) -> str:
    """A stable id for a record that has none: the same text always gets the same id."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def parse_date(value: str) -> str | None:
    """`value` as YYYY-MM-DD if it is a real calendar date (with or without a time), else None."""
    m = _DATE.fullmatch(value.strip())
    if not m:
        return None
    try:
        return dt.date.fromisoformat(m.group(1)).isoformat()
    except ValueError:
        return None


def from_json(obj: object, name: str, line: int, settings: Settings) -> Iterator[Item]:
    """The Document of one JSON record, after any warnings about it; or the InputError."""
    if not isinstance(obj, dict):
        yield InputError(name, line, f"not a JSON object but {_kind(obj)}")
        return
    obj = scrub(obj)
    assert isinstance(obj, dict)
    text = obj.get("text")
    if not isinstance(text, str):
        why = "no text field" if text is None else f"text is {_kind(text)}, not a string"
        yield InputError(name, line, why)
        return
    warnings: list[str] = []
    doc_id = _id(obj.get("id"), warnings)
    extra = {k: v for k, v in obj.items() if k not in FIELDS}
    yield from build(
        name,
        line,
        settings,
        text=text,
        doc_id=doc_id,
        date=_date(obj.get("date"), warnings),
        source=_string("source", obj.get("source"), warnings),
        title=_string("title", obj.get("title"), warnings),
        extra=extra,
        warnings=warnings,
    )


def build(
    name: str,
    line: int,
    settings: Settings,
    *,
    text: str,
    doc_id: str | None,
    date: str | None = None,
    source: str | None = None,
    title: str | None = None,
    extra: dict[str, object] | None = None,
    warnings: list[str] | None = None,
) -> Iterator[Item]:
    """The warnings, then the Document with cleaned text and title; or the InputError."""
    body = clean(text).strip()
    try:
        check_length(name, line, body, settings.max_article_chars)
    except InputError as err:
        yield err
        return
    for message in warnings or ():
        yield InputWarning(name, line, message)
    yield Document(
        id=doc_id or content_id(body),
        text=body,
        date=date,
        source=clean(source).strip() or None if source else None,
        title=clean(title).strip() or None if title else None,
        extra=extra or {},
        origin=f"{name}:{line}",
    )


def _id(value: object, warnings: list[str]) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if value not in (None, ""):
        warnings.append(f"id is {_kind(value)}, not a string: an id is derived from the text")
    return None


def _date(value: object, warnings: list[str]) -> str | None:
    if value is None or value == "":
        return None
    date = parse_date(value) if isinstance(value, str) else None
    if date is None:
        warnings.append(f"date {value!r} is not a YYYY-MM-DD date: set to null")
    return date


def _string(field: str, value: object, warnings: list[str]) -> str | None:
    if value is None or isinstance(value, str):
        return value
    warnings.append(f"{field} is {_kind(value)}, not a string: set to null")
    return None


def _kind(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "true/false"}
    if value is None:
        return "null"
    return names.get(type(value), "a number")
