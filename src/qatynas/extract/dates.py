"""Dates in a sentence, resolved against the article's date to YYYY, YYYY-MM or YYYY-MM-DD.

Forms: "2024 жылы", "2026 жылғы 1 ақпаннан", "15 қазанда", "28-29 мамырда", "тамызда",
"шілде айында", "өткен жылдың шілде айында", "бүгін", "кеше", "өткен аптада", "биыл".
A month without a year takes the article's year, moved back a year when the month lies ahead of
the article's month in a sentence about the past (and forward for a planned event behind it).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from qatynas import lang
from qatynas.extract.lexicon import Pattern, PatternIndex
from qatynas.model import Token

_YEAR = re.compile(r"(19|20)\d\d")
_DAY = re.compile(r"([1-9]|[12]\d|3[01])(?:-([1-9]|[12]\d|3[01]))?")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str  # YYYY, YYYY-MM or YYYY-MM-DD


@cache
def _months() -> tuple[tuple[str, int], ...]:
    return tuple((r["name"], int(r["month"])) for r in lang.rows("kk", "months.tsv"))


@cache
def _relative() -> tuple[tuple[Pattern, str, int, str], ...]:
    out = [
        (Pattern.parse(r["phrase"]), r["unit"], int(r["shift"]), r["precision"])
        for r in lang.rows("kk", "relative_dates.tsv")
    ]
    return tuple(sorted(out, key=lambda item: -len(item[0].words)))


@cache
def _relative_index() -> PatternIndex:
    """The relative phrases by first word: most words start none (#7)."""
    return PatternIndex([(item[0], n) for n, item in enumerate(_relative())])


def _month_of(word: str) -> int | None:
    for name, number in _months():
        if word.startswith(name):
            return number
    return None


def _parse_base(date: str | None) -> dt.date | None:
    if not date:
        return None
    try:
        return dt.date.fromisoformat(date[:10])
    except ValueError:
        return None


def _shift(base: dt.date, unit: str, shift: int) -> dt.date:
    if unit == "day":
        return base + dt.timedelta(days=shift)
    if unit == "week":
        return base + dt.timedelta(days=7 * shift)
    if unit == "month":
        month = base.month - 1 + shift
        return dt.date(base.year + month // 12, month % 12 + 1, 1)
    return dt.date(base.year + shift, 1, 1)


def _format(day: dt.date, precision: str) -> str:
    if precision == "day":
        return day.isoformat()
    if precision == "month":
        return day.isoformat()[:7]
    return str(day.year)


def find_dates(tokens: tuple[Token, ...], base_date: str | None, future: bool) -> list[DateMention]:
    """Date mentions among `tokens`, earliest first. `future` says the sentence is about what is
    planned, which decides the year of a bare month."""
    base = _parse_base(base_date)
    words = [t.text.lower() for t in tokens]
    return scan(
        len(tokens),
        lambda i: _absolute(tokens, words, i, base, future) or _relative_at(tokens, words, i, base),
    )


def scan(size: int, find_at: Callable[[int], tuple[DateMention, int] | None]) -> list[DateMention]:
    """Date mentions left to right: `find_at(i)` gives the mention starting at token i and the
    index after it, or None; a language's `find_dates` supplies its own."""
    out: list[DateMention] = []
    i = 0
    while i < size:
        found = find_at(i)
        if found:
            out.append(found[0])
            i = found[1]
        else:
            i += 1
    return out


def _absolute(
    tokens: tuple[Token, ...], words: list[str], i: int, base: dt.date | None, future: bool
) -> tuple[DateMention, int] | None:
    """[YEAR жыл...] [DAY] MONTH... | YEAR жыл... — with or without a relative year before."""
    j = i
    year: int | None = None
    if _YEAR.fullmatch(words[j]) and j + 1 < len(words) and words[j + 1].startswith("жыл"):
        year = int(words[j])
        j += 2
    day: int | None = None
    if j + 1 < len(words) and _DAY.fullmatch(words[j]) and _month_of(words[j + 1]):
        day = int(words[j].split("-")[0])
        j += 1
    month = _month_of(words[j]) if j < len(words) else None
    if month is None:
        if year is None:
            return None
        return DateMention(tokens[i].start, tokens[i + 1].end, str(year)), i + 2
    end = j + 1
    if end < len(words) and words[end].startswith("ай"):
        end += 1
    if year is None:
        year = _year_before(words, i, base)
    if year is None:
        if base is None:
            return None
        year = base.year
        if not future and month > base.month:
            year -= 1
        elif future and month < base.month:
            year += 1
    value = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
    return DateMention(tokens[i].start, tokens[end - 1].end, value), end


def _year_before(words: list[str], i: int, base: dt.date | None) -> int | None:
    """A relative year right before a month: "осы жылы тамызда", "өткен жылдың шілде айында"."""
    if base is None:
        return None
    for phrase, unit, shift, _ in _relative():
        n = len(phrase.words)
        if unit == "year" and i - n >= 0 and phrase.matches_at(words, i - n):
            return base.year + shift
    return None


def _relative_at(
    tokens: tuple[Token, ...], words: list[str], i: int, base: dt.date | None
) -> tuple[DateMention, int] | None:
    if base is None:
        return None
    phrases = _relative()
    # The phrases whose first word matches, in the order of `_relative()`: the first one wins.
    for k in sorted(v for _, v in _relative_index().starting(words[i])):
        phrase, unit, shift, precision = phrases[k]
        n = len(phrase.words)
        if not phrase.matches_at(words, i):
            continue
        # A relative year followed by a month is part of that month's date.
        if unit == "year" and i + n < len(words) and _month_of(words[i + n]):
            return None
        value = _format(_shift(base, unit, shift), precision)
        return DateMention(tokens[i].start, tokens[i + n - 1].end, value), i + n
    return None
