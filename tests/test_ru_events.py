"""Russian events: the trigger lexicon, parties by case and preposition, modality and dates."""

from __future__ import annotations

from typing import Any

import pytest

from qatynas.analyse.text_ru import split_sentences
from qatynas.extract.dates_ru import find_dates
from ru_helpers import extract


def events(text: str, date: str | None = "2024-10-02") -> list[tuple[Any, ...]]:
    return [
        (e["type"], e["mode"], e["actors"], e["recipients"], e["modality"])
        for e in extract(text, date)["events"]
    ]


@pytest.mark.parametrize(
    ("text", "event"),
    [
        (
            "Президент Узбекистана прибыл с государственным визитом в Казахстан.",
            ("CONSULT", "visit", ["UZB"], ["KAZ"], "asserted"),
        ),
        (
            "Министры иностранных дел Казахстана и Китая провели переговоры в Пекине.",
            ("CONSULT", None, ["KAZ", "CHN"], [], "asserted"),
        ),
        (
            "Состоялся телефонный разговор президентов Казахстана и Азербайджана.",
            ("CONSULT", None, ["KAZ", "AZE"], [], "asserted"),
        ),
        (
            "Казахстан и Армения подписали меморандум о взаимопонимании.",
            ("SUPPORT", "sign", ["KAZ", "ARM"], [], "asserted"),
        ),
        (
            "Товарооборот между Казахстаном и Турцией вырос на 10 процентов.",
            ("COOPERATE", None, ["KAZ", "TUR"], [], "asserted"),
        ),
        (
            "Германия окажет Казахстану гуманитарную помощь.",
            ("AID", None, ["DEU"], ["KAZ"], "asserted"),
        ),
        (
            "Евросоюз ввел новые санкции против России.",
            ("SANCTION", None, ["EU"], ["RUS"], "asserted"),
        ),
        (
            "МИД России вручил ноту протеста послу Латвии.",
            ("PROTEST", None, ["RUS"], ["LVA"], "asserted"),
        ),
        (
            "Литва объявила о высылке дипломатов Беларуси.",
            ("SANCTION", None, ["LTU"], ["BLR"], "asserted"),
        ),
    ],
)
def test_a_trigger_and_its_parties_make_an_event(text: str, event: tuple[Any, ...]) -> None:
    assert event in events(text)


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("В следующем году Казахстан и Китай планируют провести совместные учения.", "planned"),
        ("Визит министра иностранных дел Турции в Казахстан не состоялся.", "negated"),
        ("Переговоры Казахстана и России о продаже завода не ведутся.", "negated"),
        ("Россия может ввести пошлины против Казахстана.", "hypothetical"),
    ],
)
def test_modality_from_the_clause(text: str, modality: str) -> None:
    assert [e[4] for e in events(text)] == [modality]


def test_one_preposition_governs_a_list_and_the_article_state_is_the_other_side() -> None:
    text = (
        "Казахстан наращивает экспорт. Экспорт зерна достиг рекорда, с основными поставками "
        "в Россию, Китай и Узбекистан. Казахстан доволен."
    )
    got = {(e[0], tuple(e[2]), tuple(e[3])) for e in events(text)}
    assert {("COOPERATE", ("KAZ",), (c,)) for c in ("RUS", "CHN", "UZB")} <= got


def test_a_framework_is_no_party() -> None:
    text = "В рамках ШОС Казахстан укрепляет экологическое партнерство с Беларусью."
    assert events(text) == [("AGREE", None, ["KAZ", "BLR"], [], "asserted")]


def test_one_state_alone_is_no_event() -> None:
    assert events("Казахстан провел переговоры о развитии экспорта.") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Встреча прошла 15 октября 2024 года в Астане.", "2024-10-15"),
        ("Визит состоялся 6 декабря.", "2023-12-06"),
        ("Соглашение подписали в мае 2025 года.", "2025-05"),
        ("В 2024 году объем вырос.", "2024"),
        ("Об этом стало известно вчера.", "2024-10-01"),
        ("В прошлом году стороны договорились.", "2023"),
    ],
)
def test_dates_resolve_against_the_article_date(text: str, value: str) -> None:
    (sent,) = split_sentences(text)
    assert [d.value for d in find_dates(sent.tokens, "2024-10-02", future=False)] == [value]


def test_a_martin_is_no_march() -> None:
    (sent,) = split_sentences("Мартин Шульц приедет в Астану.")
    assert find_dates(sent.tokens, "2024-10-02", future=True) == []
