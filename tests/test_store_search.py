"""Search at scale (#7): query words expanded to indexed terms instead of FTS prefix queries,
filters read from covering indexes, snippets found without lemmatising every word, and the
schema migration that brings an older knowledge base to all of it.

Real corpus articles are stored with their text only (no extraction), so that what is checked
is the index and the queries.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from conftest import need_shared
from qatynas.store import queries, terms
from qatynas.store.db import connect
from qatynas.store.schema import MIGRATIONS, VERSION, _script
from qatynas.store.write import store_record


def _record(row: dict[str, Any], **extra: Any) -> dict[str, Any]:
    base = {
        "id": row["id"],
        "date": row.get("date"),
        "source": row.get("source"),
        "title": row.get("title"),
        "lang": "kk",
        "script": "cyrillic",
        "text": row["text"],
        "countries": [],
        "persons": [],
        "organizations": [],
        "locations": [],
        "events": [],
        "quotes": [],
    }
    return {**base, **extra}


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> sqlite3.Connection:
    path = need_shared("corpus", "kk_news.jsonl")
    conn = connect(tmp_path_factory.mktemp("search") / "kb.db")
    with path.open(encoding="utf-8") as f:
        for line in list(f)[:120]:
            store_record(conn, _record(json.loads(line)))
    return conn


def _rowids(conn: sqlite3.Connection, match: str | None) -> set[int]:
    if match is None:
        return set()
    rows = conn.execute("select rowid from articles_fts where articles_fts match ?", [match])
    return {r[0] for r in rows}


def test_expanded_words_find_exactly_what_fts_prefixes_find(corpus_db: sqlite3.Connection) -> None:
    # Every 7th indexed term of at least PREFIX_MIN letters, as a query word: the OR of its
    # covering terms must match the same articles as FTS5's own prefix query.
    vocab = [r[0] for r in corpus_db.execute("select term from search_terms order by term")]
    words = [t for t in vocab if len(t) >= terms.PREFIX_MIN and t.isalpha()][::7]
    assert len(words) > 300
    expanded = 0
    for word in words:
        lemma = terms.query_lemmas(word)[0]
        found = queries._covering_terms(corpus_db, lemma)
        if found is None:
            continue
        expanded += 1
        fast = terms.match_expression(word, lambda w: queries._covering_terms(corpus_db, w))
        assert _rowids(corpus_db, fast) == _rowids(corpus_db, terms.match_expression(word)), word
    assert expanded > 0.9 * len(words)


def test_a_common_word_is_a_few_terms_not_every_form(corpus_db: sqlite3.Connection) -> None:
    forms = corpus_db.execute(
        "select count(*) from search_terms where term >= 'президент' and term < 'президену'"
    ).fetchone()[0]
    found = queries._covering_terms(corpus_db, "президент")
    assert found is not None and "президент" in found
    assert forms > 5 and len(found) < forms / 2
    assert terms.match_expression("жоқсөзқазақша", lambda w: []) is None


def test_multiword_search_and_the_searched_word_in_the_snippet(
    corpus_db: sqlite3.Connection,
) -> None:
    query = "сыртқы істер министрі"
    hits = queries.search(corpus_db, query, kind="article", limit=1000)
    nums = _rowids(corpus_db, terms.match_expression(query))
    ids = {r[0] for r in corpus_db.execute("select id, num from articles") if r[1] in nums}
    assert len(hits) > 3 and {h["article"] for h in hits} == ids
    wanted = set(terms.query_lemmas(query))
    for hit in hits:  # around the first word of the text with a lemma of the query
        assert wanted & {lemma for lemma, _, _, _ in terms.words(hit["snippet"])}


def test_snippet_far_into_a_text_and_in_latin_script() -> None:
    far = "Бүгін ауа райы жылы болады. " * 80 + "Армениямен келісімге қол қойылды."
    assert "Армениямен" in terms.snippet(far, "Армения")
    latin = "Búgin aýa raıy jyly bolady. " * 80 + "Armenııamen kelisimge qol qoıyldy."
    assert "Armenııamen" in terms.snippet(latin, "Армения")
    # a form whose stem changed (кітап → кітабы) is still found
    book = "Жаңа жыл. " * 30 + "Оның кітабы шықты."
    assert "кітабы" in terms.snippet(book, "кітап")


def test_filters_are_fts_terms_and_dates_a_covering_index(tmp_path: Path) -> None:
    conn = connect(tmp_path / "kb.db")
    agree = {"type": "AGREE", "actors": ["KAZ"], "recipients": ["ARM"], "modality": "asserted"}
    countries = [{"code": "ARM", "name": "Армения", "mentions": 1}]
    store_record(
        conn,
        _record(
            {"id": "a", "date": "2025-10-02", "text": "Армения мен Қазақстан келісімге келді."},
            countries=countries,
            events=[{**agree, "evidence": {"text": "келісімге келді", "start": 22, "end": 37}}],
        ),
    )
    store_record(conn, _record({"id": "b", "date": "2019-01-01", "text": "Армения туралы."}))
    (tags,) = conn.execute("select search_tags from articles where id = 'a'").fetchone()
    assert tags == "carm tagree"
    assert {h["article"] for h in queries.search(conn, "Армения")} == {"a", "b"}
    assert [h["article"] for h in queries.search(conn, "Армения", country="arm")] == ["a"]
    assert [h["article"] for h in queries.search(conn, "Армения", event_type="AGREE")] == ["a"]
    assert queries.search(conn, "Армения", event_type="SANCTION") == []
    assert queries.search(conn, "Армения", country='A"RM') == []  # quoted, not FTS syntax
    # a tag is no word of the text: the words are searched in the text columns only
    assert queries.search(conn, "carm") == []
    assert [h["article"] for h in queries.search(conn, "Армения", until="2020")] == ["b"]
    plan = " ".join(
        r[3]
        for r in conn.execute(
            "explain query plan select 1 from articles_fts join articles a indexed by"
            " articles_num_date on a.num = articles_fts.rowid where articles_fts match 'армения'"
            " and a.date >= '2025'"
        )
    )
    assert "COVERING INDEX articles_num_date" in plan


def test_an_older_knowledge_base_is_upgraded_and_searchable(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("create table schema_version (version integer primary key, name text not null)")
    for n, step in enumerate(MIGRATIONS[:3], start=1):
        conn.execute("begin")
        step(conn)
        conn.execute("insert into schema_version values (?, ?)", (n, step.__name__))
        conn.execute("commit")
    # an article stored by the schema-3 writer (no search_terms table, no search_tags yet)
    search_text = terms.index_text("Қазақстанның Арменияға экспорты өсті.")
    conn.execute(
        "insert into articles(id, content_hash, text, record, search_title, search_text)"
        " values ('old', 'x', 'Қазақстанның Арменияға экспорты өсті.', '{}', '', ?)",
        [search_text],
    )
    conn.execute("insert into countries values ('ARM', 'Армения')")
    conn.execute("insert into article_countries values (1, 'ARM', 1)")
    conn.close()
    reader = connect(path, readonly=True)  # a read-only open upgrades it first
    assert reader.execute("select max(version) from schema_version").fetchone()[0] == VERSION
    assert "армения" in {r[0] for r in reader.execute("select term from search_terms")}
    assert [h["article"] for h in queries.search(reader, "Армения")] == ["old"]
    assert [h["article"] for h in queries.search(reader, "Армения", country="ARM")] == ["old"]
    assert queries.search(reader, "Армения", country="KAZ") == []
    with pytest.raises(sqlite3.OperationalError):
        _script(reader, "create table nope (x);")
