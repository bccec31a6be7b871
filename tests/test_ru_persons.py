"""Russian persons: natasha's PER spans in the nominative, roles, countries, exclusions."""

from __future__ import annotations

import pytest

from ru_helpers import extract


def persons(text: str) -> list[tuple[str, str | None, str | None]]:
    return [(p["name"], p["country"], p["role"]) for p in extract(text)["persons"]]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Министр провел встречу с Оливером Рентшлером.", "Оливер Рентшлер"),
        ("Суд допросил Салтанат Нукенову.", "Салтанат Нукенова"),
        ("Делегацию возглавил вице-министр М. Ошурбаевым.", "М. Ошурбаев"),
        ("Встреча с министром С. Масляком прошла в Минске.", "С. Масляк"),
        ("Во время встречи с вице-министром КНР Юй Хуэйвэнем обсудили планы.", "Юй Хуэйвэнь"),
        ("Переговоры с Касым-Жомартом Токаевым прошли в Ереване.", "Касым-Жомарт Токаев"),
    ],
)
def test_names_are_put_into_the_nominative(text: str, name: str) -> None:
    assert name in [p[0] for p in persons(text)]


def test_role_before_the_name_and_its_state() -> None:
    text = "Вице-министр торговли и интеграции Республики Казахстан Кайрат Торебаев выступил."
    assert persons(text) == [
        ("Кайрат Торебаев", "KAZ", "Вице-министр торговли и интеграции Республики Казахстан")
    ]


def test_role_in_another_case_is_given_in_the_nominative() -> None:
    text = "Он встретился с Генеральным секретарем ШОС Чжан Мином."
    assert ("Чжан Мин", None, "Генеральный секретарь ШОС") in persons(text)


def test_a_role_stops_at_a_new_title_and_at_another_person() -> None:
    text = (
        "В совещании руководителей ведомств стран ШОС министр экологии Казахстана "
        "Ерлан Нысанбаев и министр экологии Узбекистана Азиз Абдухакимов обсудили планы."
    )
    found = persons(text)
    assert ("Ерлан Нысанбаев", "KAZ", "министр экологии Казахстана") in found
    assert ("Азиз Абдухакимов", "UZB", "министр экологии Узбекистана") in found


def test_mentions_join_by_surname_and_the_actor_dictionary_gives_the_state() -> None:
    text = (
        "Касым-Жомарт Токаев прибыл в Ереван. Позже Токаева встретил Никол Пашинян. "
        "Токаев и Пашинян подписали заявление."
    )
    rec = extract(text)
    by_name = {p["name"]: p for p in rec["persons"]}
    assert set(by_name) == {"Касым-Жомарт Токаев", "Никол Пашинян"}
    assert len(by_name["Касым-Жомарт Токаев"]["mentions"]) == 3
    assert by_name["Никол Пашинян"]["country"] == "ARM"
    assert by_name["Касым-Жомарт Токаев"]["latin"] == "Kassym-Jomart Tokayev"


@pytest.mark.parametrize(
    "text",
    [
        "Жительница Сатпаева обвинила врачей. Она живет в Сатпаеве, а Сатпаева знают все.",
        "Студенты университета имени Аль-Фараби вышли на субботник.",
        "Сумма сделки не раскрывается. © Tengrinews.kz /Турар Казангапов",
    ],
)
def test_what_is_no_person(text: str) -> None:
    assert persons(text) == []


def test_a_verb_glued_to_a_surname_is_cut_off() -> None:
    text = "Эксперт Эльдар Шамсутдиновсчитает, что рынок вырастет."
    assert [p[0] for p in persons(text)] == ["Эльдар Шамсутдинов"]
