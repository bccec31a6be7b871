"""Places as LOC entities in real Kazakh sentences (extract/places.py)."""

from __future__ import annotations

import pytest

from qatynas.extract.places import find


def places(text: str) -> list[tuple[str, str | None]]:
    return [(e.name, e.country) for e in find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Қасым-Жомарт Тоқаевтың Ереванға сапары.", [("Ереван", "ARM")]),
        (
            "Форум Астанада өтті, келесісі Алматыдан басталады.",
            [("Астана", "KAZ"), ("Алматы", "KAZ")],
        ),
        ("Делегация Бішкекке аттанды.", [("Бішкек", "KGZ")]),
        ("Мәскеудегі кездесуден кейін Бейжіңге ұшты.", [("Мәскеу", "RUS"), ("Бейжің", "CHN")]),
        ("Пекинде келіссөз өтті.", [("Бейжің", "CHN")]),
        ("Нью-Йоркке БҰҰ сессиясына барды.", [("Нью-Йорк", "USA")]),
        ("Абай облысында жаңа мектеп ашылды.", [("Абай облысы", "KAZ")]),
        ("Қорғас шекара бекеті арқылы жүк өтті.", [("Қорғас", "KAZ")]),
        ("Қонаев қаласында форум өтті.", [("Қонаев", "KAZ")]),
        ("Давоста экономикалық форум басталды.", [("Давос", "CHE")]),
    ],
)
def test_places(text: str, expected: list[tuple[str, str]]) -> None:
    assert places(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "АСТАНА. KAZINFORM — Үкімет отырысы өтті.",
        "Абай атындағы саябақта концерт болды.",
        "Ұлы ақын Абай туралы кітап шықты.",
        "Қазақ халқының салт-дәстүрі.",
        "Динмұхамед Қонаев республиканы басқарды.",
        "«Астана» клубы жеңіске жетті.",
        "Шанхай ынтымақтастық ұйымының саммиті.",
        "Сингапурмен сауда өсті.",
        "Арал теңізінің тартылуы.",
    ],
)
def test_not_a_place(text: str) -> None:
    assert places(text) == []


def test_entity_fields() -> None:
    (place,) = find("Ереванға сапар, Ереванда кездесу.")
    assert place.label == "LOC"
    assert (place.kind, len(place.mentions)) == ("city", 2)
    assert place.lat is not None and abs(place.lat - 40.18) < 0.1
    assert place.lon is not None and abs(place.lon - 44.51) < 0.1
