"""Dates in a Russian sentence, resolved against the article's date (YYYY, YYYY-MM, YYYY-MM-DD).

Forms: "15 октября 2024 года", "6 декабря", "28-29 мая", "в октябре", "в мае 2025 года",
"2024 год(а/у)", "в 2024 г.", and the relative phrases of `lang/ru/relative_dates.tsv`
(сегодня, вчера, в прошлом году...). Russian gives the day before the month and the year after
it. A month without a year takes the article's year, moved back a year when the month lies ahead
of the article's month in a sentence about the past (forward for a planned event behind it), as
`extract.dates` does for Kazakh; the relative phrases and the arithmetic are shared with it.
dateparser handles Russian too, but searching every sentence with it is far slower than these
few patterns.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

from qatynas import lang
from qatynas.extract.dates import DateMention, _format, _parse_base, _shift, scan
from qatynas.extract.lexicon import Pattern
from qatynas.model import Token

LANG = "ru"
_YEAR = re.compile(r"(19|20)\d\d")
_DAY = re.compile(r"([1-9]|[12]\d|3[01])(?:[-–]([1-9]|[12]\d|3[01]))?")
_YEAR_WORD = ("год", "г")


@cache
def _months() -> tuple[tuple[Pattern, int], ...]:
    return tuple((Pattern.parse(r["name"]), int(r["month"])) for r in lang.rows(LANG, "months.tsv"))


@cache
def _relative() -> tuple[tuple[Pattern, str, int, str], ...]:
    out = [
        (Pattern.parse(r["phrase"]), r["unit"], int(r["shift"]), r["precision"])
        for r in lang.rows(LANG, "relative_dates.tsv")
    ]
    return tuple(sorted(out, key=lambda item: -len(item[0].words)))


def _month_at(words: list[str], i: int) -> int | None:
    for pattern, number in _months():
        if pattern.matches_at(words, i):
            return number
    return None


def _year_at(words: list[str], i: int) -> int | None:
    """A year number followed by год/г. ("2024 года", "2024 г.")."""
    if i + 1 < len(words) and _YEAR.fullmatch(words[i]) and words[i + 1].startswith(_YEAR_WORD):
        return int(words[i])
    return None


def find_dates(tokens: tuple[Token, ...], base_date: str | None, future: bool) -> list[DateMention]:
    """Date mentions among `tokens`, earliest first (see the module docstring)."""
    base = _parse_base(base_date)
    words = [t.text.lower() for t in tokens]
    return scan(
        len(tokens),
        lambda i: _absolute(tokens, words, i, base, future) or _relative_at(tokens, words, i, base),
    )


def _absolute(
    tokens: tuple[Token, ...], words: list[str], i: int, base: dt.date | None, future: bool
) -> tuple[DateMention, int] | None:
    """[DAY] MONTH [YEAR года] | YEAR год."""
    j = i
    day: int | None = None
    if _DAY.fullmatch(words[j]) and j + 1 < len(words) and _month_at(words, j + 1):
        day = int(re.split(r"[-–]", words[j])[0])
        j += 1
    month = _month_at(words, j)
    if month is None:
        year = _year_at(words, i)
        if year is None:
            return None
        return DateMention(tokens[i].start, tokens[i + 1].end, str(year)), i + 2
    end = j + 1
    year = _year_at(words, end)
    if year is not None:
        end += 2
    elif base is None:
        return None
    else:
        year = base.year
        if not future and month > base.month:
            year -= 1
        elif future and month < base.month:
            year += 1
    value = f"{year:04d}-{month:02d}" + (f"-{day:02d}" if day else "")
    return DateMention(tokens[i].start, tokens[end - 1].end, value), end


def _relative_at(
    tokens: tuple[Token, ...], words: list[str], i: int, base: dt.date | None
) -> tuple[DateMention, int] | None:
    if base is None:
        return None
    for phrase, unit, shift, precision in _relative():
        n = len(phrase.words)
        if phrase.matches_at(words, i):
            value = _format(_shift(base, unit, shift), precision)
            return DateMention(tokens[i].start, tokens[i + n - 1].end, value), i + n
    return None
