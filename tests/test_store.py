"""The knowledge base: writing records, merging events across articles, search and queries.

Records are made by hand here (real Kazakh sentences, extraction written out), so these tests
check the store whatever the extraction stages find.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from qatynas.store import merge, queries
from qatynas.store.db import connect
from qatynas.store.keys import person_key
from qatynas.store.schema import MIGRATIONS, VERSION
from qatynas.store.write import store_record

VISIT_YEREVAN = "Қазақстан Президенті Қасым-Жомарт Тоқаев Ереванға ресми сапармен барды."
MEETING_YEREVAN = "Тоқаев Ереванда Армения Премьер-министрі Никол Пашинянмен кездесті."
VISIT_ASTANA = "Армения Президенті Ваагн Хачатурян Астанаға жауап сапарымен келді."
QUOTE = "Армения – Қазақстанның маңызды серіктесі, – деді Тоқаев."


def event(
    text: str,
    actors: list[str],
    recipients: list[str],
    *,
    type_: str = "CONSULT",
    mode: str | None = "visit",
    location: str | None = None,
    date: str | None = None,
    score: float = 4.0,
) -> dict[str, Any]:
    return {
        "type": type_,
        "mode": mode,
        "actors": actors,
        "recipients": recipients,
        "location": location,
        "date": date,
        "modality": "asserted",
        "contexts": ["diplomatic"],
        "score": score,
        "evidence": {"text": text, "start": 0, "end": len(text)},
    }


def record(
    id_: str,
    text: str,
    *,
    date: str | None = "2024-10-02",
    source: str | None = "BAQ.KZ",
    events: list[dict[str, Any]] | None = None,
    persons: list[dict[str, Any]] | None = None,
    quotes: list[dict[str, Any]] | None = None,
    countries: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    return {
        "id": id_,
        "date": date,
        "source": source,
        "title": None,
        "lang": "kk",
        "script": "cyrillic",
        "text": text,
        "countries": countries or [],
        "persons": persons or [],
        "organizations": [],
        "locations": [],
        "events": events or [],
        "quotes": quotes or [],
    }


def tokayev(text: str, name: str = "Қасым-Жомарт Тоқаев") -> dict[str, Any]:
    start = text.find(name.split()[-1][:5])
    return {
        "name": name,
        "latin": "Kassym-Jomart Tokayev",
        "country": "KAZ",
        "role": "Қазақстан Президенті",
        "mentions": [[start, start + len(name)]],
    }


@pytest.fixture
def db(tmp_path: Path) -> sqlite3.Connection:
    return connect(tmp_path / "kb.db")


def count(conn: sqlite3.Connection, table: str) -> int:
    return int(conn.execute(f"select count(*) from {table}").fetchone()[0])


def test_new_database_is_migrated_in_wal_mode(db: sqlite3.Connection) -> None:
    assert db.execute("pragma journal_mode").fetchone()[0] == "wal"
    rows = db.execute("select version, name from schema_version order by version").fetchall()
    assert [tuple(r) for r in rows] == [(i + 1, m.__name__) for i, m in enumerate(MIGRATIONS)]
    assert rows[-1][0] == VERSION
    assert db.execute("pragma foreign_key_check").fetchall() == []


def test_reopening_applies_no_migration_twice(tmp_path: Path) -> None:
    connect(tmp_path / "kb.db").close()
    conn = connect(tmp_path / "kb.db")
    assert count(conn, "schema_version") == VERSION


def test_same_record_twice_is_stored_once(db: sqlite3.Connection) -> None:
    rec = record("a1", VISIT_YEREVAN, events=[event(VISIT_YEREVAN, ["KAZ"], ["ARM"])])
    assert store_record(db, rec) == "added"
    before = queries.stats(db)
    assert store_record(db, rec) == "unchanged"
    assert queries.stats(db) == before
    assert before["articles"] == 1 and before["events"] == 1


def test_changed_article_replaces_its_old_extraction(db: sqlite3.Connection) -> None:
    old = record(
        "a1",
        VISIT_YEREVAN,
        events=[event(VISIT_YEREVAN, ["KAZ"], ["ARM"])],
        persons=[tokayev(VISIT_YEREVAN)],
    )
    store_record(db, old)
    new = record("a1", VISIT_ASTANA, events=[event(VISIT_ASTANA, ["ARM"], ["KAZ"])])
    assert store_record(db, new) == "replaced"
    stats = queries.stats(db)
    assert (stats["articles"], stats["events"], stats["persons"]) == (1, 1, 0)
    (actors,) = db.execute("select actors from events").fetchone()
    assert actors == "ARM"
    assert queries.search(db, "Ереван") == []
    assert [h["article"] for h in queries.search(db, "Астана")] == ["a1"]


def test_same_visit_in_two_articles_is_one_event_with_two_mentions(
    db: sqlite3.Connection,
) -> None:
    first = record(
        "baq-1",
        VISIT_YEREVAN,
        date="2024-10-01",
        events=[event(VISIT_YEREVAN, ["KAZ"], ["ARM"], location="Ереван", date="2024-10-01")],
    )
    # Another outlet, the next day, without the date of the visit: still the same visit.
    second = record(
        "inform-1",
        MEETING_YEREVAN,
        date="2024-10-02",
        source="Kazinform",
        events=[event(MEETING_YEREVAN, ["KAZ"], ["ARM"], location="Ереван")],
    )
    store_record(db, first)
    store_record(db, second)
    (ev,) = queries.dyad(db, "KAZ", "ARM")["events"]
    assert ev["mentions"] == 2 and ev["sources"] == 2
    assert ev["confidence"] == pytest.approx(0.75)
    assert ev["date"] == "2024-10-01"
    assert {m["article"] for m in ev["evidence"]} == {"baq-1", "inform-1"}
    assert count(db, "event_mentions") == 2


def test_same_outlet_twice_is_not_an_independent_source(db: sqlite3.Connection) -> None:
    for n, text in enumerate([VISIT_YEREVAN, MEETING_YEREVAN]):
        ev = event(text, ["KAZ"], ["ARM"], location="Ереван", date="2024-10-01")
        store_record(db, record(f"baq-{n}", text, events=[ev]))
    (ev,) = queries.dyad(db, "KAZ", "ARM")["events"]
    assert (ev["mentions"], ev["sources"], ev["confidence"]) == (2, 1, 0.5)


@pytest.mark.parametrize(
    ("other", "why"),
    [
        (event(VISIT_ASTANA, ["ARM"], ["KAZ"], location="Астана", date="2024"), "direction"),
        (event(VISIT_YEREVAN, ["KAZ"], ["ARM"], location="Ереван", date="2025-06"), "date"),
        (event(VISIT_YEREVAN, ["KAZ"], ["ARM"], location="Гюмри", date="2024-10"), "place"),
        (event(VISIT_YEREVAN, ["KAZ"], ["ARM"], mode="phone", date="2024-10-01"), "mode"),
        (event(VISIT_YEREVAN, ["KAZ"], ["RUS"], location="Ереван", date="2024-10-01"), "party"),
    ],
)
def test_distinct_events_stay_distinct(
    db: sqlite3.Connection, other: dict[str, Any], why: str
) -> None:
    visit = event(VISIT_YEREVAN, ["KAZ"], ["ARM"], location="Ереван", date="2024-10-01")
    store_record(db, record("a1", VISIT_YEREVAN, events=[visit]))
    store_record(db, record("a2", other["evidence"]["text"], source="Kazinform", events=[other]))
    assert count(db, "events") == 2, why


def test_two_visits_in_one_article_stay_two(db: sqlite3.Connection) -> None:
    text = f"{VISIT_YEREVAN} {VISIT_ASTANA}"
    visits = [
        event(VISIT_YEREVAN, ["KAZ"], ["ARM"], location="Ереван", date="2024"),
        event(VISIT_ASTANA, ["ARM"], ["KAZ"], location="Астана", date="2024"),
    ]
    store_record(db, record("a1", text, events=visits))
    result = queries.dyad(db, "KAZ", "ARM", by="year")
    assert len(result["events"]) == 2
    assert result["timeline"] == [
        {
            "period": "2024",
            "events": 2,
            "score": 8.0,
            "counts": {
                "verbal_cooperation": 2,
                "material_cooperation": 0,
                "verbal_conflict": 0,
                "material_conflict": 0,
            },
        }
    ]


def test_undated_mentions_far_apart_are_not_merged(db: sqlite3.Connection) -> None:
    for id_, day in [("a1", "2024-10-01"), ("a2", "2025-03-01")]:
        ev = event(VISIT_YEREVAN, ["KAZ"], ["ARM"], location="Ереван")
        store_record(db, record(id_, VISIT_YEREVAN, date=day, events=[ev]))
    assert count(db, "events") == 2


def test_removing_an_article_takes_its_mention_off_the_merged_event(
    db: sqlite3.Connection,
) -> None:
    for id_, source in [("a1", "BAQ.KZ"), ("a2", "Kazinform")]:
        ev = event(VISIT_YEREVAN, ["KAZ"], ["ARM"], location="Ереван", date="2024-10-01")
        store_record(db, record(id_, VISIT_YEREVAN, source=source, events=[ev]))
    store_record(db, record("a2", "Бүгін Астанада жаңбыр жауды.", source="Kazinform"))
    (ev,) = queries.dyad(db, "KAZ", "ARM")["events"]
    assert (ev["mentions"], ev["sources"]) == (1, 1)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("2024", "2024-10-02", True),
        ("2024-10", "2024-10-02", True),
        ("2024-10-01", "2024-10-02", False),
        ("2024-11", "2024-10", False),
    ],
)
def test_dates_are_compatible_when_one_is_a_prefix(a: str, b: str, same: bool) -> None:
    mention = merge.Mention("s", None, None, a, 1, None)
    stored = merge.Candidate(1, None, None, b, None, None, frozenset({2}))
    assert merge.compatible(mention, stored) is same


@pytest.mark.parametrize(
    "spelling",
    [
        "Касым-Жомарт Токаев",
        "Тоқаев Қасым-Жомарт",
        "Kassym-Jomart Tokayev",
        "Қасым-Жомарт Кемелұлы Тоқаев",
        "Касым-Жомарт Кемелевич Токаев",
    ],
)
def test_person_key_is_one_across_languages_and_orders(spelling: str) -> None:
    assert person_key(spelling) == person_key("Қасым-Жомарт Тоқаев")


def test_person_key_tells_different_people_apart() -> None:
    assert person_key("Ермұхамет Қонысбаев") == person_key("Yermukhamet Konysbayev")
    assert person_key("Ермұхамет Қонысбаев") != person_key("Қасым-Жомарт Тоқаев")


def test_a_russian_spelling_links_to_the_same_person(db: sqlite3.Connection) -> None:
    store_record(db, record("kk", VISIT_YEREVAN, persons=[tokayev(VISIT_YEREVAN)]))
    ru = "Президент Казахстана Касым-Жомарт Токаев прибыл в Ереван."
    store_record(db, record("ru", ru, persons=[tokayev(ru, "Касым-Жомарт Токаев")]))
    assert count(db, "persons") == 1
    (found,) = queries.person(db, "Тоқаев Қасым-Жомарт")
    assert [a["article"] for a in found["articles"]] == ["kk", "ru"]


def test_search_finds_inflected_forms(db: sqlite3.Connection) -> None:
    store_record(db, record("gen", "Арменияның сыртқы істер министрі Астанаға келді."))
    store_record(db, record("loc", "Қазақ киносының күндері Арменияда өтті."))
    store_record(db, record("none", "Ресей мен Қытай арасындағы сауда өсті."))
    found = {h["article"] for h in queries.search(db, "Армения")}
    assert found == {"gen", "loc"}
    assert {h["article"] for h in queries.search(db, "Арменияда")} >= {"loc"}


def test_search_covers_quotes_and_filters(db: sqlite3.Connection) -> None:
    start = 0
    quote = {
        "speaker": "Қасым-Жомарт Тоқаев",
        "role": "Президент",
        "country": "KAZ",
        "text": QUOTE[: QUOTE.index(",")],
        "start": start,
        "end": QUOTE.index(","),
    }
    arm = [{"code": "ARM", "name": "Армения", "mentions": 1}]
    store_record(db, record("q", QUOTE, quotes=[quote], countries=arm, date="2024-10-02"))
    store_record(db, record("old", "Арменияда сайлау өтті.", date="2019-05-01"))
    hits = queries.search(db, "серіктес", kind="quote")
    assert [(h["article"], h["speaker"]) for h in hits] == [("q", "Қасым-Жомарт Тоқаев")]
    assert {h["article"] for h in queries.search(db, "Армения", since="2024")} == {"q"}
    assert {h["article"] for h in queries.search(db, "Армения", until="2019")} == {"old"}
    assert {h["article"] for h in queries.search(db, "Армения", country="ARM")} == {"q"}
    (dossier,) = queries.person(db, "Тоқаев")
    assert dossier["quotes"][0]["text"] == quote["text"]


def test_partners_rank_by_events(db: sqlite3.Connection) -> None:
    events = [
        event(VISIT_YEREVAN, ["KAZ"], ["ARM"], location="Ереван", date="2024-10-01"),
        event(VISIT_ASTANA, ["ARM"], ["KAZ"], location="Астана", date="2024-11-01"),
        event(MEETING_YEREVAN, ["KAZ"], ["RUS"], type_="ACCUSE", mode=None, score=-2.0),
    ]
    store_record(db, record("a1", VISIT_YEREVAN, events=events))
    ranked = queries.partners(db, "KAZ")
    assert [(p["party"], p["events"], p["score"]) for p in ranked] == [
        ("ARM", 2, 8.0),
        ("RUS", 1, -2.0),
    ]
    assert ranked[1]["counts"]["verbal_conflict"] == 1


def test_person_events_are_those_whose_evidence_names_them(db: sqlite3.Connection) -> None:
    text = f"{VISIT_YEREVAN} {VISIT_ASTANA}"
    second = event(VISIT_ASTANA, ["ARM"], ["KAZ"], location="Астана")
    second["evidence"] = {
        "text": VISIT_ASTANA,
        "start": len(VISIT_YEREVAN) + 1,
        "end": len(text),
    }
    rec = record(
        "a1",
        text,
        events=[event(VISIT_YEREVAN, ["KAZ"], ["ARM"], location="Ереван"), second],
        persons=[tokayev(text)],
    )
    store_record(db, rec)
    (dossier,) = queries.person(db, "Қасым-Жомарт Тоқаев")
    assert [e["location"] for e in dossier["events"]] == ["Ереван"]
    assert dossier["roles"] == [{"role": "Қазақстан Президенті", "articles": 1}]


def test_search_by_event_type(db: sqlite3.Connection) -> None:
    visit = event(VISIT_YEREVAN, ["KAZ"], ["ARM"], location="Ереван")
    store_record(db, record("visit", VISIT_YEREVAN, events=[visit]))
    store_record(db, record("weather", "Ереванда күн ысып тұр."))
    assert {h["article"] for h in queries.search(db, "Ереван")} == {"visit", "weather"}
    assert [h["article"] for h in queries.search(db, "Ереван", event_type="consult")] == ["visit"]
    assert queries.search(db, "Ереван", event_type="ASSAULT") == []


def test_search_ranks_within_the_most_recent_matches(
    db: sqlite3.Connection, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A common word over a large archive: only the SEARCH_WINDOW most recently stored matches
    # are ranked, with or without filters, so the cost stays bounded.
    for n in range(5):
        store_record(db, record(f"a{n}", f"Армения туралы {n}-жаңалық.", date="2025-01-0{n + 1}"))
    assert len(queries.search(db, "Армения")) == 5
    monkeypatch.setattr(queries, "SEARCH_WINDOW", 2)
    assert {h["article"] for h in queries.search(db, "Армения")} == {"a3", "a4"}
    assert {h["article"] for h in queries.search(db, "Армения", since="2025-01")} == {"a3", "a4"}
