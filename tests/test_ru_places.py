"""Russian places: the NER's locations found in the place gazetteer, named in Russian."""

from __future__ import annotations

from ru_helpers import extract


def places(text: str) -> list[tuple[str, str, str]]:
    return [(p["name"], p["country"], p["kind"]) for p in extract(text)["locations"]]


def test_cities_and_regions_in_the_nominative_with_their_state() -> None:
    text = "Аким Карагандинской области встретился с делегацией из Актобе и Усть-Каменогорска."
    assert places(text) == [
        ("Карагандинская область", "KAZ", "region"),
        ("Актобе", "KAZ", "city"),
        ("Усть-Каменогорск", "KAZ", "city"),
    ]


def test_foreign_capitals_keep_their_russian_names_and_coordinates() -> None:
    rec = extract("Переговоры прошли в Ереване и в Москве, а затем в Пекине.")
    found = {p["name"]: p for p in rec["locations"]}
    assert [(n, p["country"]) for n, p in found.items()] == [
        ("Ереван", "ARM"),
        ("Москва", "RUS"),
        ("Пекин", "CHN"),
    ]
    assert 55 < found["Москва"]["lat"] < 56


def test_a_club_in_quotation_marks_is_no_place() -> None:
    assert places("Футбольный клуб «Астана» обыграл соперника.") == []
