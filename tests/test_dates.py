"""Dates resolved against the article's date, on real sentences of Kazakh news."""

from __future__ import annotations

import pytest

from qatynas.analyse.text import split_sentences
from qatynas.extract.dates import find_dates


def dates(sentence: str, base: str | None, future: bool = False) -> list[tuple[str, str]]:
    (sent,) = split_sentences(sentence)
    return [(d.value, sentence[d.start : d.end]) for d in find_dates(sent.tokens, base, future)]


@pytest.mark.parametrize(
    ("sentence", "base", "future", "expected"),
    [
        (
            "2024 жылы мемлекеттер басшыларының алғашқы ресми сапарлары болды",
            "2025-10-02",
            False,
            [("2024", "2024 жылы")],
        ),
        (
            "Тоқаевтың осы жылы тамызда Бішкекке жасаған ресми сапары",
            "2025-12-31",
            False,
            [("2025-08", "тамызда")],
        ),
        (
            "2026 жылғы 1 ақпаннан бастап баж салығы енгізіледі",
            "2026-01-18",
            True,
            [("2026-02-01", "2026 жылғы 1 ақпаннан")],
        ),
        (
            "Кеңестің келесі отырысы 28-29 мамырда Астанада өтеді",
            "2025-12-21",
            True,
            [("2026-05-28", "28-29 мамырда")],
        ),
        (
            "Екі тарап өткен жылдың шілде айында Шотландияда келісімге келді",
            "2026-01-21",
            False,
            [("2025-07", "шілде айында")],
        ),
        (
            "3 желтоқсанда Кремльде кездесу өтті",
            "2025-12-09",
            False,
            [("2025-12-03", "3 желтоқсанда")],
        ),
        ("Кеше министрлер телефон арқылы сөйлесті", "2026-01-12", False, [("2026-01-11", "Кеше")]),
        ("Бүгін Астанада форум ашылды", "2026-01-12", False, [("2026-01-12", "Бүгін")]),
        (
            "Өткен аптада делегация Токиоға барды",
            "2026-01-12",
            False,
            [("2026-01", "Өткен аптада")],
        ),
        ("Биыл тауар айналымы өсті", "2025-10-02", False, [("2025", "Биыл")]),
        ("Келер жылы ынтымақтастық кеңейтіледі", "2025-12-21", True, [("2026", "Келер жылы")]),
    ],
)
def test_dates_resolve_against_the_article_date(
    sentence: str, base: str, future: bool, expected: list[tuple[str, str]]
) -> None:
    assert dates(sentence, base, future) == expected


def test_a_past_month_ahead_of_the_article_is_last_year() -> None:
    assert dates("Шілде айында келісімге қол қойылды", "2026-01-21") == [
        ("2025-07", "Шілде айында")
    ]


def test_no_article_date_keeps_only_absolute_years() -> None:
    assert dates("2024 жылы кеше сапар болды", None) == [("2024", "2024 жылы")]


def test_numbers_that_are_not_dates() -> None:
    assert dates("Тауар айналымы 25 пайызға өсті", "2025-10-02") == []
