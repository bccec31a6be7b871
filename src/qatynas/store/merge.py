"""When two event mentions are one event: the rules of cross-article merging, without SQL.

Two mentions are one event when they have the same signature (type, actor set, recipient set,
modality), compatible modes and places (equal, or one unknown) and compatible dates:
- both dated: one date is a prefix of the other (`2024` and `2024-10-02`);
- one dated: the other's article appeared within `WINDOW` of the dated one's period;
- neither dated: their articles appeared within `UNDATED_WINDOW` of each other;
- within one article: dates need only not contradict (a title and body naming one visit).
Mentions without any party never merge. The checks are conservative on purpose: two distinct
visits must stay two; a missed merge only lowers a confidence.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

WINDOW = dt.timedelta(days=31)
UNDATED_WINDOW = dt.timedelta(days=7)
_DATE = re.compile(r"\A(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")


@dataclass(frozen=True)
class Mention:
    """What merging looks at in one event of one article."""

    signature: str
    mode: str | None
    location: str | None
    date: str | None  # the event's own date, as extracted
    article: int
    published: str | None  # the article's date


@dataclass(frozen=True)
class Candidate:
    """What merging looks at in a stored event."""

    id: int
    mode: str | None
    location: str | None
    date: str | None
    first_reported: str | None
    last_reported: str | None
    articles: frozenset[int]


def signature(type_: str, actors: list[str], recipients: list[str], modality: str) -> str | None:
    """The part of an event that must be equal to merge; None when it has no party."""
    if not actors and not recipients:
        return None
    return "|".join(
        [type_, ";".join(sorted(set(actors))), ";".join(sorted(set(recipients))), modality]
    )


def period(date: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day a date (`2024`, `2024-10`, `2024-10-02`) can mean; None if unknown."""
    m = _DATE.match(date or "")
    if not m:
        return None
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if day:
            d = dt.date(year, int(month), int(day))
            return d, d
        if month:
            last = calendar.monthrange(year, int(month))[1]
            return dt.date(year, int(month), 1), dt.date(year, int(month), last)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None


def _same_or_unknown(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.casefold() == b.casefold()


def _near(day: dt.date, span: tuple[dt.date, dt.date], window: dt.timedelta) -> bool:
    return span[0] - window <= day <= span[1] + window


def dates_compatible(mention: Mention, event: Candidate) -> bool:
    own, other = period(mention.date), period(event.date)
    if own and other:
        return own[0] <= other[0] <= other[1] <= own[1] or other[0] <= own[0] <= own[1] <= other[1]
    if mention.article in event.articles:
        return True
    published = period(mention.published)
    reported = period(event.first_reported), period(event.last_reported)
    if own:  # the event is undated: its articles must fall near the mention's date
        return all(r is not None and _near(r[0], own, WINDOW) for r in reported)
    if published is None:
        return False
    if other:
        return _near(published[0], other, WINDOW)
    if reported[0] is None or reported[1] is None:
        return False
    return _near(published[0], (reported[0][0], reported[1][1]), UNDATED_WINDOW)


def bounds(mention: Mention) -> tuple[str, str] | None:
    """The days (ISO) within which a compatible event's date or reports must fall, widened by
    `WINDOW`: around the mention's own date, else around its article's; None if neither."""
    span = period(mention.date) or period(mention.published)
    if span is None:
        return None
    return (span[0] - WINDOW).isoformat(), (span[1] + WINDOW).isoformat()


def compatible(mention: Mention, event: Candidate) -> bool:
    return (
        _same_or_unknown(mention.mode, event.mode)
        and _same_or_unknown(mention.location, event.location)
        and dates_compatible(mention, event)
    )


def most_precise(dates: list[str | None]) -> str | None:
    """The longest valid date among the mentions' (they are compatible, so it refines them)."""
    valid = [d for d in dates if d and period(d)]
    return max(valid, key=len) if valid else None


def confidence(sources: int) -> float:
    """Each independent source halves the doubt: 0.5, 0.75, 0.875, ..."""
    return round(1.0 - 0.5**sources, 6)
