"""Russian gazetteer of states and international organisations (lang/ru/)."""

from __future__ import annotations

import pytest

from qatynas.extract.countries import find


def codes(text: str) -> list[str]:
    return [m.code for m in find(text, "ru")[0]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Делегация прибыла в Армению.", ["ARM"]),
        ("Товарооборот с Южной Кореей вырос.", ["KOR"]),
        ("Посол Объединенных Арабских Эмиратов вручил грамоты.", ["ARE"]),
        ("Переговоры прошли в Соединенных Штатах Америки.", ["USA"]),
        ("Визит в РФ и встреча в КНР.", ["RUS", "CHN"]),
        ("Министерство иностранных дел РК сообщило об этом.", ["KAZ"]),
        ("Контракт подписали казахстанские и узбекские компании.", ["KAZ", "UZB"]),
        ("Прошли казахстанско-китайские переговоры.", ["KAZ", "CHN"]),
        ("Кыргызстан и Таджикистан договорились о границе.", ["KGZ", "TJK"]),
    ],
)
def test_states_in_any_case_form(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Курс доллара США вырос до 480 тенге.",  # a currency
        "Российский рубль подешевел.",
        "Конференция прошла на казахском языке.",  # a language
        "Страны Центральной Азии и Латинской Америки.",  # regions
        "Туристы отдыхают в Европе и Азии.",  # continents
        "Мы этого не ожидали.",  # Того the pronoun is no Togo
        "Того же мнения придерживаются эксперты.",
    ],
)
def test_what_is_no_state_mention(text: str) -> None:
    assert codes(text) == []


def test_organisations_get_their_codes_in_any_case() -> None:
    _, orgs = find("Казахстан председательствует в ШОС и сотрудничает с Евросоюзом и ООН.", "ru")
    assert {o.code for o in orgs} == {"SCO", "EU", "UN"}
    _, orgs = find("Заседание Организации Договора о коллективной безопасности.", "ru")
    assert [o.code for o in orgs] == ["CSTO"]


def test_state_names_are_nominative_russian() -> None:
    (m,) = find("Переговоры в Кыргызстане прошли успешно.", "ru")[0]
    assert (m.code, m.name) == ("KGZ", "Кыргызстан")
