"""One visit reported in Kazakh and in Russian: one person key, and once both articles are
ingested, one person and one merged event in the knowledge base."""

from __future__ import annotations

from pathlib import Path

from qatynas.model import Document
from qatynas.settings import Settings
from qatynas.store import queries
from qatynas.store.db import connect
from qatynas.store.ingest import ingest_document
from ru_helpers import extract

KAZAKH = "Қазақстан Президенті Қасым-Жомарт Тоқаев Армения Республикасына ресми сапармен барды."
RUSSIAN = "Президент Казахстана Касым-Жомарт Токаев прибыл в Армению с официальным визитом."


def test_one_person_key_across_languages() -> None:
    kk, ru = extract(KAZAKH), extract(RUSSIAN)
    assert (kk["lang"], ru["lang"]) == ("kk", "ru")
    (kk_person,) = kk["persons"]
    (ru_person,) = ru["persons"]
    assert (kk_person["name"], ru_person["name"]) == ("Қасым-Жомарт Тоқаев", "Касым-Жомарт Токаев")
    assert kk_person["key"] == ru_person["key"]


def test_one_person_and_one_merged_event_once_ingested(tmp_path: Path) -> None:
    conn = connect(tmp_path / "kb.db")
    for n, (text, source) in enumerate([(KAZAKH, "Kazinform"), (RUSSIAN, "Tengrinews")]):
        doc = Document(id=f"visit-{n}", text=text, date="2024-10-02", source=source)
        step = ingest_document(conn, doc, Settings())
        assert step.error is None
    assert conn.execute("select count(*) from persons").fetchone()[0] == 1
    (ev,) = queries.dyad(conn, "KAZ", "ARM")["events"]
    assert ev["type"] == "CONSULT" and ev["mentions"] == 2 and ev["sources"] == 2
    assert {m["article"] for m in ev["evidence"]} == {"visit-0", "visit-1"}
