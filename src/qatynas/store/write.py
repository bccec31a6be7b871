"""Writing one rendered record (spec/output.md) into the knowledge base, in one transaction.

`store_record` is the one writer: it compares the article's content hash with the stored one
(same: nothing to do), removes a changed article's old extraction, then inserts the article, its
entities and mentions, its events (merged into the stored events they match, `store.merge`) and
its quotes. Ids are assigned in the order articles arrive, so the same input in the same order
gives the same database, whether written in one run or resumed after a crash.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from typing import Any, Literal

from qatynas.store import merge, terms
from qatynas.store.db import transaction
from qatynas.store.keys import name_key, person_key, record_hash

Outcome = Literal["added", "replaced", "unchanged"]
_ENTITY_TABLES = (
    ("persons", "person_mentions", "person"),
    ("organizations", "organization_mentions", "organization"),
    ("locations", "location_mentions", "location"),
)


def stored_hash(conn: sqlite3.Connection, article_id: str) -> str | None:
    row = conn.execute("select content_hash from articles where id = ?", (article_id,)).fetchone()
    return None if row is None else str(row[0])


def store_record(
    conn: sqlite3.Connection,
    record: dict[str, Any],
    *,
    content_hash: str | None = None,
    origin: str | None = None,
    force: bool = False,
) -> Outcome:
    """Store `record` unless the same content is there (or `force`); replace an older version."""
    digest = content_hash or record_hash(record)
    with transaction(conn):
        row = conn.execute(
            "select num, content_hash from articles where id = ?", (record["id"],)
        ).fetchone()
        if row is not None and row["content_hash"] == digest and not force:
            return "unchanged"
        if row is not None:
            delete_article(conn, row["num"])
        tags = terms.tags_of(record)
        num = _insert_article(conn, record, digest, origin, tags)
        _insert_countries(conn, num, record.get("countries") or [])
        _insert_entities(conn, num, record)
        touched = [
            _insert_event(conn, num, i, ev) for i, ev in enumerate(record.get("events") or [])
        ]
        for event in dict.fromkeys(touched):
            _refresh_event(conn, event)
        _insert_quotes(conn, num, record.get("quotes") or [], tags)
    return "added" if row is None else "replaced"


def delete_article(conn: sqlite3.Connection, num: int) -> None:
    """Remove an article and all it contributed; events and entities left without a mention go."""
    events = [
        r[0]
        for r in conn.execute("select distinct event from event_mentions where article = ?", (num,))
    ]
    entities = {
        table: [
            r[0] for r in conn.execute(f"select {col} from {mentions} where article = ?", (num,))
        ]
        for table, mentions, col in _ENTITY_TABLES
    }
    persons_quoted = [
        r[0]
        for r in conn.execute(
            "select person from quotes where article = ? and person is not null", (num,)
        )
    ]
    conn.execute("delete from articles where num = ?", (num,))
    for event in events:
        _refresh_event(conn, event)
    for table, mentions, col in _ENTITY_TABLES:
        ids = entities[table] + (persons_quoted if table == "persons" else [])
        for entity in dict.fromkeys(ids):
            _drop_orphan(conn, table, mentions, col, entity)


def _drop_orphan(
    conn: sqlite3.Connection, table: str, mentions: str, col: str, entity: int
) -> None:
    used = conn.execute(f"select 1 from {mentions} where {col} = ? limit 1", (entity,)).fetchone()
    if used is None and table == "persons":
        used = conn.execute("select 1 from quotes where person = ? limit 1", (entity,)).fetchone()
    if used is None:
        conn.execute(f"delete from {table} where id = ?", (entity,))


def _insert_article(
    conn: sqlite3.Connection, record: dict[str, Any], digest: str, origin: str | None, tags: str
) -> int:
    source = record.get("source")
    if source:
        conn.execute("insert or ignore into sources(name) values (?)", (source,))
    search_title = terms.index_text(record.get("title"))
    search_text = terms.index_text(record["text"])
    _add_terms(conn, search_title, search_text)
    cur = conn.execute(
        "insert into articles(id, content_hash, date, source, url, title, lang, script, text,"
        " origin, record, search_title, search_text, search_tags)"
        " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            record["id"],
            digest,
            record.get("date"),
            source or None,
            record.get("url"),
            record.get("title"),
            record.get("lang"),
            record.get("script"),
            record["text"],
            origin,
            json.dumps(record, ensure_ascii=False),
            search_title,
            search_text,
            tags,
        ),
    )
    assert cur.lastrowid is not None
    return cur.lastrowid


def _add_terms(conn: sqlite3.Connection, *indexed: str) -> None:
    """Record the terms of `search_*` column values in `search_terms` (schema m004)."""
    new = {t for text in indexed for t in text.split()}
    conn.executemany("insert or ignore into search_terms(term) values (?)", ((t,) for t in new))


def _insert_countries(conn: sqlite3.Connection, num: int, countries: list[dict[str, Any]]) -> None:
    for c in countries:
        conn.execute(
            "insert or ignore into countries(code, name) values (?, ?)", (c["code"], c["name"])
        )
        conn.execute(
            "insert into article_countries(article, country, mentions) values (?, ?, ?)"
            " on conflict do update set mentions = mentions + excluded.mentions",
            (num, c["code"], int(c.get("mentions") or 0)),
        )


def _upsert_entity(conn: sqlite3.Connection, table: str, key: str, fields: dict[str, Any]) -> int:
    """The id of the entity with `key`, created with `fields`; unknown fields filled in later."""
    cols = ", ".join(["key", *fields])
    marks = ", ".join("?" * (len(fields) + 1))
    conn.execute(f"insert or ignore into {table}({cols}) values ({marks})", (key, *fields.values()))
    fill = ", ".join(f"{k} = coalesce({k}, ?)" for k in fields if k != "name")
    if fill:
        conn.execute(
            f"update {table} set {fill} where key = ?",
            (*(v for k, v in fields.items() if k != "name"), key),
        )
    (entity,) = conn.execute(f"select id from {table} where key = ?", (key,)).fetchone()
    return int(entity)


def _entity_rows(record: dict[str, Any]) -> Iterable[tuple[str, str, str, dict[str, Any], Any]]:
    """(table, key, mention name, entity fields, mentions) of each entity in the record."""
    for p in record.get("persons") or []:
        fields = {"name": p["name"], "latin": p.get("latin"), "country": p.get("country")}
        yield "persons", person_key(p["name"]), p["name"], fields, p
    for o in record.get("organizations") or []:
        key = f"code:{o['code']}" if o.get("code") else name_key(o["name"], o.get("country"))
        fields = {"name": o["name"], "code": o.get("code"), "country": o.get("country")}
        yield "organizations", key, o["name"], fields, o
    for loc in record.get("locations") or []:
        fields = {
            "name": loc["name"],
            "country": loc.get("country"),
            "kind": loc.get("kind"),
            "lat": loc.get("lat"),
            "lon": loc.get("lon"),
        }
        yield "locations", name_key(loc["name"], loc.get("country")), loc["name"], fields, loc


def _insert_entities(conn: sqlite3.Connection, num: int, record: dict[str, Any]) -> None:
    mention_table = {t: (m, c) for t, m, c in _ENTITY_TABLES}
    for table, key, name, fields, ent in _entity_rows(record):
        entity = _upsert_entity(conn, table, key, fields)
        mentions, col = mention_table[table]
        spans = json.dumps(ent.get("mentions") or [])
        extra = {"role": ent.get("role"), "country": ent.get("country")} if col == "person" else {}
        cols = ", ".join(["article", col, "name", "spans", *extra])
        marks = ", ".join("?" * (4 + len(extra)))
        # Two spellings of one person in one article: keep the first row, add the spans.
        conn.execute(
            f"insert into {mentions}({cols}) values ({marks}) on conflict do update set"
            " spans = json_insert(spans, '$[#]', json(excluded.spans))",
            (num, entity, name, spans, *extra.values()),
        )


def _insert_event(conn: sqlite3.Connection, num: int, ordinal: int, ev: dict[str, Any]) -> int:
    actors, recipients = list(ev.get("actors") or []), list(ev.get("recipients") or [])
    modality = ev.get("modality") or "asserted"
    sig = merge.signature(ev["type"], actors, recipients, modality)
    (published,) = conn.execute("select date from articles where num = ?", (num,)).fetchone()
    mention = merge.Mention(
        sig or "", ev.get("mode"), ev.get("location"), ev.get("date"), num, published
    )
    event = _matching_event(conn, mention) if sig else None
    if event is None:
        event = _new_event(conn, ev["type"], sorted(set(actors)), sorted(set(recipients)), modality)
    evidence = ev.get("evidence") or {}
    conn.execute(
        "insert into event_mentions(event, article, ordinal, type, mode, modality, date, location,"
        " contexts, score, evidence, evidence_field, evidence_start, evidence_end)"
        " values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            event,
            num,
            ordinal,
            ev["type"],
            ev.get("mode"),
            modality,
            ev.get("date"),
            ev.get("location"),
            json.dumps(list(ev.get("contexts") or []), ensure_ascii=False),
            float(ev.get("score") or 0.0),
            evidence.get("text", ""),
            evidence.get("field", "text"),
            int(evidence.get("start", 0)),
            int(evidence.get("end", 0)),
        ),
    )
    return event


def _matching_event(conn: sqlite3.Connection, mention: merge.Mention) -> int | None:
    """The first stored event `mention` is a report of, or None.

    SQL narrows the candidates to those of the same signature whose dates could be compatible
    (a superset of what `merge.compatible` accepts, so that a large store stays fast); the
    rules themselves are applied in Python.
    """
    type_, actors, recipients, modality = mention.signature.split("|")
    near, params = _near_in_time(mention)
    rows = conn.execute(
        "select id, mode, location, date, first_reported, last_reported from events"
        " where type = ? and actors = ? and recipients = ? and modality = ?"
        f" and (id in (select event from event_mentions where article = ?) or {near})"
        " order by id",
        (type_, actors, recipients, modality, mention.article, *params),
    ).fetchall()
    for r in rows:
        articles = frozenset(
            a
            for (a,) in conn.execute("select article from event_mentions where event = ?", (r[0],))
        )
        if merge.compatible(
            mention,
            merge.Candidate(
                r["id"],
                r["mode"],
                r["location"],
                r["date"],
                r["first_reported"],
                r["last_reported"],
                articles,
            ),
        ):
            return int(r[0])
    return None


def _near_in_time(mention: merge.Mention) -> tuple[str, list[str]]:
    """An SQL condition on an event's dates that every compatible event meets."""
    own = merge.period(mention.date)
    bounds = merge.bounds(mention)
    if bounds is None:
        return "0", []
    lo, hi = bounds
    undated = "(date is null and last_reported >= ? and first_reported <= ?)"
    if own is not None:
        return f"((date is not null and substr(date, 1, 4) = ?) or {undated})", [
            mention.date[:4] if mention.date else "",
            lo,
            hi,
        ]
    dated = "(date is not null and date >= substr(?, 1, length(date))"
    dated += " and date <= substr(?, 1, length(date)))"
    return f"({dated} or {undated})", [lo, hi, lo, hi]


def _new_event(
    conn: sqlite3.Connection, type_: str, actors: list[str], recipients: list[str], modality: str
) -> int:
    cur = conn.execute(
        "insert into events(type, actors, recipients, modality, contexts, score, mentions,"
        " sources, confidence) values (?, ?, ?, ?, '[]', 0, 0, 0, 0)",
        (type_, ";".join(actors), ";".join(recipients), modality),
    )
    assert cur.lastrowid is not None
    event = cur.lastrowid
    parties = [(event, p, "actor") for p in actors] + [(event, p, "recipient") for p in recipients]
    conn.executemany("insert into event_parties(event, party, role) values (?, ?, ?)", parties)
    return event


def _commonest(values: list[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def _refresh_event(conn: sqlite3.Connection, event: int) -> None:
    """Recompute an event's summary from its mentions; delete it when none is left."""
    rows = conn.execute(
        "select m.mode, m.location, m.date, m.contexts, m.score, a.date as published,"
        " coalesce(a.source, a.id) as outlet from event_mentions m"
        " join articles a on a.num = m.article where m.event = ? order by a.num, m.ordinal",
        (event,),
    ).fetchall()
    if not rows:
        conn.execute("delete from events where id = ?", (event,))
        return
    published = sorted(r["published"] for r in rows if merge.period(r["published"]))
    contexts = sorted({c for r in rows for c in json.loads(r["contexts"])})
    sources = len({r["outlet"] for r in rows})
    conn.execute(
        "update events set mode = ?, location = ?, date = ?, first_reported = ?,"
        " last_reported = ?, contexts = ?, score = ?, mentions = ?, sources = ?, confidence = ?"
        " where id = ?",
        (
            _commonest([r["mode"] for r in rows]),
            _commonest([r["location"] for r in rows]),
            merge.most_precise([r["date"] for r in rows]),
            published[0] if published else None,
            published[-1] if published else None,
            json.dumps(contexts, ensure_ascii=False),
            round(sum(r["score"] for r in rows) / len(rows), 3),
            len(rows),
            sources,
            merge.confidence(sources),
            event,
        ),
    )


def _insert_quotes(
    conn: sqlite3.Connection, num: int, quotes: list[dict[str, Any]], tags: str
) -> None:
    for ordinal, q in enumerate(quotes):
        speaker = q.get("speaker")
        person = None
        if speaker:
            fields = {"name": speaker, "latin": None, "country": q.get("country")}
            person = _upsert_entity(conn, "persons", person_key(speaker), fields)
        search_text = terms.index_text(q["text"])
        _add_terms(conn, search_text)
        conn.execute(
            "insert into quotes(article, ordinal, person, speaker, role, country, text, field,"
            ' start, "end", search_text, search_tags) values (?,?,?,?,?,?,?,?,?,?,?,?)',
            (
                num,
                ordinal,
                person,
                speaker,
                q.get("role"),
                q.get("country"),
                q["text"],
                q.get("field", "text"),
                int(q["start"]),
                int(q["end"]),
                search_text,
                tags,
            ),
        )


def record_fetch(
    conn: sqlite3.Connection,
    url: str,
    outcome: str,
    *,
    final_url: str | None = None,
    status: int | None = None,
    article: str | None = None,
) -> None:
    """Remember what fetching `url` gave, so a stored URL is not downloaded again."""
    with transaction(conn):
        conn.execute(
            "insert into fetches(url, final_url, status, outcome, article) values (?,?,?,?,?)"
            " on conflict(url) do update set final_url = excluded.final_url,"
            " status = excluded.status, outcome = excluded.outcome,"
            " article = coalesce(excluded.article, article)",
            (url, final_url, status, outcome, article),
        )
