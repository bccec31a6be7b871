"""The questions an analyst asks, answered once for every front end (CLI, JSON, web UI).

Each function takes an open connection and returns plain JSON-ready values (dicts, lists,
strings, numbers), so a front end only renders. Dates are ISO strings and compare as strings;
`since`/`until` may be a year, a month or a day, and `until` includes the whole period it names.
An event's date on a timeline is its own date when known, else the date it was first reported.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import Any, Literal

from qatynas.store import terms
from qatynas.store.keys import person_key
from qatynas.store.plover import QUADS, quad_class

Period = Literal["month", "year", "day"]
_PERIOD_LEN = {"year": 4, "month": 7, "day": 10}
_EVENT_DATE = "coalesce(e.date, e.first_reported)"


def _date_filter(column: str, since: str | None, until: str | None) -> tuple[str, list[Any]]:
    sql, params = "", []
    if since:
        sql += f" and {column} >= ?"
        params.append(since)
    if until:
        sql += f" and substr({column}, 1, {len(until)}) <= ?"
        params.append(until)
    return sql, params


def _article_filter(
    country: str | None, event_type: str | None, since: str | None, until: str | None
) -> tuple[str, list[Any]]:
    sql, params = _date_filter("a.date", since, until)
    if country:
        sql += " and exists (select 1 from article_countries c where c.article = a.num"
        sql += " and c.country = ?)"
        params.append(country.upper())
    if event_type:
        sql += " and exists (select 1 from event_mentions m where m.article = a.num"
        sql += " and m.type = ?)"
        params.append(event_type.upper())
    return sql, params


# Search ranks the most recently stored matches only (all of them below this many): exact for a
# query that matches fewer articles, bounded in cost for a common word over a large archive.
SEARCH_WINDOW = 2000


# An article's number and date without its row (schema m004): SQLite would look the number up in
# the table itself.
_DATES = "articles a indexed by articles_num_date"

# Above this many indexed terms a query word is searched as an FTS prefix after all.
_MAX_EXPANSION = 40


def _covering_terms(conn: sqlite3.Connection, lemma: str) -> list[str] | None:
    """The indexed terms that find what the FTS prefix query `lemma*` finds (`terms`)."""
    # Terms compare in binary order: every term that begins with `lemma` sorts before lemma
    # followed by the highest code point.
    rows = conn.execute(
        "select term from search_terms where term >= ? and term < ?",
        [lemma, lemma + "\U0010ffff"],
    ).fetchall()
    found = terms.covering_terms(lemma, (r[0] for r in rows))
    return found if len(found) <= _MAX_EXPANSION else None


def _columns(names: str, expression: str) -> str:
    """`expression` searched in the FTS columns `names` only (not in `search_tags`)."""
    return "{" + names + "} : (" + expression + ")"


def search(
    conn: sqlite3.Connection,
    query: str,
    *,
    country: str | None = None,
    event_type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    kind: Literal["article", "quote"] | None = None,
    limit: int = 20,
) -> list[dict[str, Any]]:
    """Articles and quotes whose words match every word of `query` in any inflected form.

    Filters keep articles that name `country`, report an event of `event_type`, or appeared
    between `since` and `until`; a quote is filtered by its article. Best matches (BM25) first,
    articles before quotes.
    """
    words = terms.match_expression(query, lambda lemma: _covering_terms(conn, lemma))
    if words is None:
        return []
    # Country and event type are FTS terms of their own (`search_tags`, schema m005): the
    # index intersects their posting lists with the words'. The date is read from a covering
    # index, never from an article's row, which is large.
    filters = ""
    if country:
        filters += " AND {search_tags} : " + terms.quote_term(terms.tag("c", country))
    if event_type:
        filters += " AND {search_tags} : " + terms.quote_term(terms.tag("t", event_type))
    dates, params = _date_filter("a.date", since, until)
    hits: list[dict[str, Any]] = []
    if kind in (None, "article"):
        # Rank in a narrow inner query so that only the top rows' texts are read, and among
        # the SEARCH_WINDOW most recently stored matches only: BM25 costs a row per match, so
        # a common word over a large archive would otherwise rank every article it is in.
        window = (
            "select articles_fts.rowid as num, bm25(articles_fts, 1.0, 1.0, 0.0) as rank"
            " from articles_fts"
            + (f" join {_DATES} on a.num = articles_fts.rowid" if dates else "")
            + f" where articles_fts match ? {dates} order by articles_fts.rowid desc limit ?"
        )
        rows = conn.execute(
            "select a.id, a.date, a.source, a.title, a.text from (select num, rank from"
            f" ({window}) order by rank, num limit ?) hit join articles a on a.num = hit.num"
            " order by hit.rank, a.num",
            [_columns("search_title search_text", words) + filters, *params, SEARCH_WINDOW, limit],
        )
        hits += [
            {
                "kind": "article",
                "article": r["id"],
                "date": r["date"],
                "source": r["source"],
                "title": r["title"],
                "snippet": terms.snippet(r["text"], query),
            }
            for r in rows
        ]
    if kind in (None, "quote"):
        if dates:
            window = (
                "select q.id, bm25(quotes_fts, 1.0, 0.0) as rank from quotes_fts join quotes q"
                f" on q.id = quotes_fts.rowid join {_DATES} on a.num = q.article"
                f" where quotes_fts match ? {dates} order by quotes_fts.rowid desc limit ?"
            )
        else:
            window = (
                "select rowid as id, bm25(quotes_fts, 1.0, 0.0) as rank from quotes_fts"
                " where quotes_fts match ? order by rowid desc limit ?"
            )
        rows = conn.execute(
            "select a.id, a.date, a.source, a.title, q.speaker, q.role, q.text from"
            f" (select id, rank from ({window}) order by rank, id limit ?) hit"
            " join quotes q on q.id = hit.id join articles a on a.num = q.article"
            " order by hit.rank, q.id",
            [_columns("search_text", words) + filters, *params, SEARCH_WINDOW, limit],
        )
        hits += [
            {
                "kind": "quote",
                "article": r["id"],
                "date": r["date"],
                "source": r["source"],
                "title": r["title"],
                "speaker": r["speaker"],
                "role": r["role"],
                "snippet": r["text"],
            }
            for r in rows
        ]
    return hits


def _mentions_of(conn: sqlite3.Connection, event_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """The evidence of each event: every article reporting it and the words that do."""
    out: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for chunk in (event_ids[i : i + 500] for i in range(0, len(event_ids), 500)):
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            "select m.event, a.id, a.date, a.source, a.title, a.url, m.evidence, m.evidence_field,"
            " m.evidence_start, m.evidence_end, m.date as event_date, m.modality"
            " from event_mentions m join articles a on a.num = m.article"
            f" where m.event in ({marks}) order by a.date, a.num, m.ordinal",
            chunk,
        )
        for r in rows:
            out[r["event"]].append(
                {
                    "article": r["id"],
                    "date": r["date"],
                    "source": r["source"],
                    "title": r["title"],
                    "url": r["url"],
                    "evidence": r["evidence"],
                    "field": r["evidence_field"],
                    "start": r["evidence_start"],
                    "end": r["evidence_end"],
                }
            )
    return out


def _event(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "date": row["date"],
        "first_reported": row["first_reported"],
        "type": row["type"],
        "quad_class": quad_class(row["type"]),
        "mode": row["mode"],
        "actors": row["actors"].split(";") if row["actors"] else [],
        "recipients": row["recipients"].split(";") if row["recipients"] else [],
        "modality": row["modality"],
        "location": row["location"],
        "contexts": json.loads(row["contexts"]),
        "score": row["score"],
        "mentions": row["mentions"],
        "sources": row["sources"],
        "confidence": row["confidence"],
    }


def events_by_id(conn: sqlite3.Connection, ids: list[int]) -> list[dict[str, Any]]:
    """Events with their evidence, in the order of `ids`."""
    rows = {}
    for chunk in (ids[i : i + 500] for i in range(0, len(ids), 500)):
        marks = ",".join("?" * len(chunk))
        for r in conn.execute(f"select * from events where id in ({marks})", chunk):
            rows[r["id"]] = r
    evidence = _mentions_of(conn, ids)
    return [{**_event(rows[i]), "evidence": evidence[i]} for i in ids if i in rows]


def dyad(
    conn: sqlite3.Connection,
    first: str,
    second: str,
    *,
    since: str | None = None,
    until: str | None = None,
    by: Period = "month",
    limit: int | None = None,
    offset: int = 0,
) -> dict[str, Any]:
    """Events between two parties (either direction): a timeline and the events with evidence.

    Each period has the count of events per quad class and the summed score; an event dated less
    precisely than the period (a year on a monthly timeline) gets a period of its own ("2024").
    The timeline and `total` count every event; `limit` and `offset` page the events listed.
    """
    first, second = first.upper(), second.upper()
    where, params = _date_filter(_EVENT_DATE, since, until)
    rows = conn.execute(
        f"select e.id, e.type, e.score, {_EVENT_DATE} as day from events e"
        " where exists (select 1 from event_parties p where p.event = e.id and p.party = ?)"
        " and exists (select 1 from event_parties p where p.event = e.id and p.party = ?)"
        f" and ? != ? {where} order by day, e.id",
        [first, second, first, second, *params],
    ).fetchall()
    return {
        "parties": [first, second],
        "by": by,
        "total": len(rows),
        "timeline": _timeline(rows, _PERIOD_LEN[by]),
        "events": events_by_id(conn, [r["id"] for r in rows][offset:][:limit]),
    }


def _tally(items: Iterable[tuple[str, str, float]], name: str) -> dict[str, dict[str, Any]]:
    """Per key (a period, a partner): events, summed score and counts per quad class."""
    table: dict[str, dict[str, Any]] = {}
    for key, kind, score in items:
        p = table.get(key)
        if p is None:
            p = table[key] = {
                name: key,
                "events": 0,
                "score": 0.0,
                "counts": dict.fromkeys(QUADS, 0),
            }
        p["events"] += 1
        p["score"] += score
        quad = quad_class(kind)
        p["counts"][quad] = p["counts"].get(quad, 0) + 1
    for p in table.values():
        p["score"] = round(p["score"], 3)
    return table


def _timeline(rows: list[sqlite3.Row], length: int) -> list[dict[str, Any]]:
    periods = _tally(
        (((r["day"] or "unknown")[:length], r["type"], r["score"]) for r in rows), "period"
    )
    return [periods[k] for k in sorted(periods)]


def partners(
    conn: sqlite3.Connection,
    party: str,
    *,
    since: str | None = None,
    until: str | None = None,
    limit: int = 50,
) -> list[dict[str, Any]]:
    """The parties `party` has events with, most events first, then by summed score."""
    party = party.upper()
    where, params = _date_filter(_EVENT_DATE, since, until)
    # SQLite groups the party's events by parties and type; Python spreads each group over
    # the other parties in it.
    rows = conn.execute(
        "select e.actors || ';' || e.recipients, e.type, count(*), sum(e.score) from events e"
        f" where e.id in (select event from event_parties where party = ?) {where}"
        " group by e.actors, e.recipients, e.type",
        [party, *params],
    ).fetchall()
    table: dict[str, dict[str, Any]] = {}
    for joined, kind, n, score in rows:
        quad = quad_class(kind)
        for other in sorted(set(joined.split(";")) - {"", party}):
            p = table.get(other)
            if p is None:
                p = table[other] = {
                    "party": other,
                    "events": 0,
                    "score": 0.0,
                    "counts": dict.fromkeys(QUADS, 0),
                }
            p["events"] += n
            p["score"] += score
            p["counts"][quad] = p["counts"].get(quad, 0) + n
    for p in table.values():
        p["score"] = round(p["score"], 3)
    ranked = sorted(table.values(), key=lambda p: (-p["events"], -p["score"], p["party"]))
    return ranked[:limit]


def person(conn: sqlite3.Connection, name: str, *, limit: int = 10) -> list[dict[str, Any]]:
    """Persons named `name` (by `person_key`, else by part of the name): each with the roles
    the articles give, their quotes, and the events whose evidence mentions them."""
    rows = conn.execute("select * from persons where key = ?", (person_key(name),)).fetchall()
    if not rows:
        rows = conn.execute(
            "select * from persons where name like ? or latin like ? order by id limit ?",
            (f"%{name}%", f"%{name}%", limit),
        ).fetchall()
    return [_dossier(conn, r) for r in rows]


def _dossier(
    conn: sqlite3.Connection, row: sqlite3.Row, limit: int | None = None
) -> dict[str, Any]:
    """A person's roles (from every mention) and, from the latest `limit` articles (all when
    None), the articles, quotes and events; the totals count everything."""
    cap, extra = (" limit ?", [limit]) if limit else ("", [])
    mentions = conn.execute(
        "select * from (select pm.article as num, a.id, a.date, a.title, pm.role, pm.spans"
        " from person_mentions pm join articles a on a.num = pm.article where pm.person = ?"
        f" order by a.date desc, a.num desc{cap}) order by date, num",
        [row["id"], *extra],
    ).fetchall()
    roles = Counter(
        dict(
            conn.execute(
                "select role, count(*) from person_mentions where person = ? and role != ''"
                " group by role order by min(article)",
                (row["id"],),
            ).fetchall()
        )
    )
    quotes = conn.execute(
        "select * from (select a.id as article, a.date, q.text, q.role, q.id from quotes q"
        " join articles a on a.num = q.article where q.person = ?"
        f" order by a.date desc, q.id desc{cap}) order by date, id",
        [row["id"], *extra],
    ).fetchall()
    totals = conn.execute(
        "select (select count(*) from person_mentions where person = ?),"
        " (select count(*) from quotes where person = ?)",
        (row["id"], row["id"]),
    ).fetchone()
    return {
        "id": row["id"],
        "name": row["name"],
        "latin": row["latin"],
        "country": row["country"],
        "key": row["key"],
        "roles": [{"role": r, "articles": n} for r, n in roles.most_common()],
        "articles": [
            {"article": m["id"], "date": m["date"], "title": m["title"]} for m in mentions
        ],
        "quotes": [
            {"article": q["article"], "date": q["date"], "text": q["text"], "role": q["role"]}
            for q in quotes
        ],
        "events": events_by_id(conn, _events_naming(conn, mentions)),
        "articles_total": int(totals[0]),
        "quotes_total": int(totals[1]),
    }


def _span_of(mention: Any) -> tuple[str, int, int]:
    if isinstance(mention, dict):
        return str(mention.get("field", "text")), int(mention["start"]), int(mention["end"])
    return "text", int(mention[0]), int(mention[1])


def _events_naming(conn: sqlite3.Connection, mentions: list[sqlite3.Row]) -> list[int]:
    """Events whose evidence contains one of the person's mentions in that article."""
    found: list[int] = []
    for m in mentions:
        spans = [_span_of(s) for s in json.loads(m["spans"])]
        for ev in conn.execute(
            "select event, evidence_field, evidence_start, evidence_end from event_mentions"
            " where article = ? order by ordinal",
            (m["num"],),
        ):
            if any(
                f == ev["evidence_field"] and ev["evidence_start"] <= s and e <= ev["evidence_end"]
                for f, s, e in spans
            ):
                found.append(ev["event"])
    return list(dict.fromkeys(found))


def stats(conn: sqlite3.Connection) -> dict[str, int]:
    """How much the knowledge base holds."""
    counts = {
        "articles": "select count(*) from articles",
        "sources": "select count(*) from sources",
        "countries": "select count(distinct country) from article_countries",
        "persons": "select count(*) from persons",
        "organizations": "select count(*) from organizations",
        "locations": "select count(*) from locations",
        "events": "select count(*) from events",
        "event_mentions": "select count(*) from event_mentions",
        "merged_events": "select count(*) from events where mentions > 1",
        "quotes": "select count(*) from quotes",
    }
    return {name: int(conn.execute(sql).fetchone()[0]) for name, sql in counts.items()}


def known_url(conn: sqlite3.Connection, url: str) -> bool:
    """Whether `url` was fetched before, or an article with that URL is stored."""
    row = conn.execute(
        "select 1 from fetches where (url = ? or final_url = ?) and article is not null"
        " union all select 1 from articles where url = ? limit 1",
        (url, url, url),
    ).fetchone()
    return row is not None


# --- pages and the HTTP API (#6): listings, one article, one country, the active pairs -------


def article(conn: sqlite3.Connection, article_id: str) -> dict[str, Any] | None:
    """One stored article: its record (spec/output.md) with the store's ids next to it.

    `person_ids` follows `record["persons"]` (None where a person has no row) and `event_ids`
    follows `record["events"]`, so a page can link each extraction to its own page.
    """
    row = conn.execute(
        "select num, url, origin, record from articles where id = ?", (article_id,)
    ).fetchone()
    if row is None:
        return None
    record = json.loads(row["record"])
    person_ids = []
    for p in record.get("persons") or []:
        found = conn.execute(
            "select id from persons where key = ?", (person_key(p["name"]),)
        ).fetchone()
        person_ids.append(None if found is None else found["id"])
    by_ordinal = {
        r["ordinal"]: r["event"]
        for r in conn.execute(
            "select ordinal, event from event_mentions where article = ?", (row["num"],)
        )
    }
    return {
        "record": record,
        "url": row["url"],
        "person_ids": person_ids,
        "event_ids": [by_ordinal.get(i) for i in range(len(record.get("events") or []))],
    }


def articles(
    conn: sqlite3.Connection,
    *,
    country: str | None = None,
    event_type: str | None = None,
    source: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> dict[str, Any]:
    """A page of articles, newest first, with the total matching the filters."""
    where, params = _article_filter(country, event_type, since, until)
    if source:
        where += " and a.source = ?"
        params.append(source)
    total = conn.execute(f"select count(*) from articles a where 1 {where}", params).fetchone()
    rows = conn.execute(
        "select a.id, a.date, a.source, a.title, a.url, substr(a.text, 1, 200) as lead"
        f" from articles a where 1 {where} order by a.date desc, a.num desc limit ? offset ?",
        [*params, limit, offset],
    )
    return {"total": int(total[0]), "articles": [dict(r) for r in rows]}


def _event_filter(
    party: str | None, event_type: str | None, since: str | None, until: str | None
) -> tuple[str, list[Any]]:
    where, params = _date_filter(_EVENT_DATE, since, until)
    if party:
        where += " and e.id in (select event from event_parties where party = ?)"
        params.append(party.upper())
    if event_type:
        where += " and e.type = ?"
        params.append(event_type.upper())
    return where, params


def events(
    conn: sqlite3.Connection,
    *,
    party: str | None = None,
    event_type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> dict[str, Any]:
    """A page of events with their evidence, latest first, and the total matching."""
    where, params = _event_filter(party, event_type, since, until)
    total = conn.execute(f"select count(*) from events e where 1 {where}", params).fetchone()
    ids = [
        r[0]
        for r in conn.execute(
            f"select e.id from events e where 1 {where}"
            f" order by {_EVENT_DATE} desc, e.id desc limit ? offset ?",
            [*params, limit, offset],
        )
    ]
    return {"total": int(total[0]), "events": events_by_id(conn, ids)}


def persons(
    conn: sqlite3.Connection,
    *,
    name: str | None = None,
    country: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> dict[str, Any]:
    """A page of persons, the most written about first, with the number of their articles."""
    where, params = "", []
    if name:
        where += " and (p.name like ? or p.latin like ?)"
        params += [f"%{name}%", f"%{name}%"]
    if country:
        where += " and p.country = ?"
        params.append(country.upper())
    total = conn.execute(f"select count(*) from persons p where 1 {where}", params).fetchone()
    rows = conn.execute(
        "select p.id, p.name, p.latin, p.country, coalesce(n.articles, 0) as articles"
        " from persons p left join (select person, count(*) as articles from person_mentions"
        f" group by person) n on n.person = p.id where 1 {where}"
        " order by articles desc, p.id limit ? offset ?",
        [*params, limit, offset],
    )
    return {"total": int(total[0]), "persons": [dict(r) for r in rows]}


def person_by_id(
    conn: sqlite3.Connection, person_id: int, *, limit: int | None = None
) -> dict[str, Any] | None:
    """The dossier `person` gives, for the person with this id, from their latest `limit`
    articles (all when None)."""
    row = conn.execute("select * from persons where id = ?", (person_id,)).fetchone()
    return None if row is None else _dossier(conn, row, limit)


def country_names(conn: sqlite3.Connection, codes: list[str] | None = None) -> dict[str, str]:
    """The stored (Kazakh, nominative) name of each code; all codes when `codes` is None."""
    if codes is None:
        rows = conn.execute("select code, name from countries").fetchall()
    else:
        marks = ",".join("?" * len(codes))
        rows = conn.execute(
            f"select code, name from countries where code in ({marks})", codes
        ).fetchall()
    return {r["code"]: r["name"] for r in rows}


def countries(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every country or organisation named: articles naming it and events it is party to."""
    articles_naming = dict(
        conn.execute("select country, count(*) from article_countries group by country").fetchall()
    )
    parties: Counter[str] = Counter()
    for joined, n in conn.execute(
        "select actors || ';' || recipients, count(*) from events group by actors, recipients"
    ):
        parties.update(dict.fromkeys(set(joined.split(";")) - {""}, n))
    out = [
        {
            "code": code,
            "name": name,
            "articles": int(articles_naming.get(code, 0)),
            "events": int(parties.get(code, 0)),
        }
        for code, name in conn.execute("select code, name from countries")
    ]
    return sorted(out, key=lambda c: (-c["events"], -c["articles"], c["code"]))


def country(
    conn: sqlite3.Connection, code: str, *, by: Period = "month", limit: int = 20
) -> dict[str, Any] | None:
    """A country's page: its partners ranked, its events over time, its latest events."""
    code = code.upper()
    name = country_names(conn, [code]).get(code)
    where, params = _event_filter(code, None, None, None)
    rows = conn.execute(
        f"select e.id, e.type, e.score, {_EVENT_DATE} as day from events e where 1 {where}"
        " order by day, e.id",
        params,
    ).fetchall()
    if name is None and not rows:
        return None
    articles_naming = conn.execute(
        "select count(*) from article_countries where country = ?", (code,)
    ).fetchone()
    return {
        "code": code,
        "name": name,
        "articles": int(articles_naming[0]),
        "partners": partners(conn, code),
        "timeline": _timeline(rows, _PERIOD_LEN[by]),
        "events": events(conn, party=code, limit=limit)["events"],
    }


def pairs(
    conn: sqlite3.Connection,
    *,
    since: str | None = None,
    until: str | None = None,
    limit: int = 20,
) -> list[dict[str, Any]]:
    """The most active pairs of parties: events between the two (either direction or jointly),
    summed score and counts per quad class, most events first."""
    where, params = _date_filter(_EVENT_DATE, since, until)
    # SQLite groups the events by their parties and type; Python splits each group into pairs.
    rows = conn.execute(
        "select e.type, count(*), sum(e.score), e.actors || ';' || e.recipients from events e"
        f" where 1 {where} group by e.actors, e.recipients, e.type",
        params,
    )
    table: dict[tuple[str, str], dict[str, Any]] = {}
    for kind, n, score, joined in rows:
        quad = quad_class(kind)
        for pair in combinations(sorted(set(joined.split(";")) - {""}), 2):
            p = table.get(pair)
            if p is None:
                p = table[pair] = {
                    "parties": list(pair),
                    "events": 0,
                    "score": 0.0,
                    "counts": dict.fromkeys(QUADS, 0),
                }
            p["events"] += n
            p["score"] += score
            p["counts"][quad] = p["counts"].get(quad, 0) + n
    for p in table.values():
        p["score"] = round(p["score"], 3)
    ranked = sorted(table.values(), key=lambda p: (-p["events"], -p["score"], p["parties"]))
    return ranked[:limit]
