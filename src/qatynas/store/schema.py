"""The schema of the knowledge base as a list of named migrations (docs/database.md).

Each migration is a function that takes a connection inside an open transaction and moves the
schema one version up; `migrate` applies the missing ones in order and records each in
`schema_version`. A database is never changed except through a new migration appended here, so a
file written by an older Qatynas opens in a newer one.

FTS. `articles_fts` and `quotes_fts` are external-content FTS5 tables over the `search_*` columns,
which hold the text already normalised in Python (`store.terms`): each word as its lemma, and
its lower-cased surface form when different. Triggers keep them in step with their tables, in the
same transaction, so Datasette and sqlite-utils find and search them without configuration.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]

_V1_TABLES = """
create table sources (
  name text primary key                 -- the outlet as named in the input (BAQ.KZ)
);
create table countries (
  code text primary key,                -- ISO 3166-1 alpha-3, or an organisation code (UN, EU)
  name text not null                    -- nominative, Cyrillic: the first name seen
);
create table articles (
  num integer primary key,              -- the FTS rowid
  id text not null unique,              -- from the input, else a content id
  content_hash text not null,           -- sha256 of the input fields: same hash, same article
  date text,
  source text references sources(name),
  url text,
  title text,
  lang text,
  script text,
  text text not null,
  origin text,                          -- file:line it was last read from
  record text not null,                 -- the rendered record (spec/output.md) as JSON
  search_title text not null default '',
  search_text text not null default ''
);
create index articles_date on articles(date);
create table article_countries (
  article integer not null references articles(num) on delete cascade,
  country text not null references countries(code),
  mentions integer not null,
  primary key (article, country)
);
create table persons (
  id integer primary key,
  key text not null unique,             -- store.keys.person_key: one person across languages
  name text not null,
  latin text,
  country text
);
create table person_mentions (
  article integer not null references articles(num) on delete cascade,
  person integer not null references persons(id),
  name text not null,                   -- as this article names the person
  role text,
  country text,
  spans text not null,                  -- JSON list of the record's mentions
  primary key (article, person)
);
create table organizations (
  id integer primary key,
  key text not null unique,
  name text not null,
  code text,
  country text
);
create table organization_mentions (
  article integer not null references articles(num) on delete cascade,
  organization integer not null references organizations(id),
  name text not null,
  spans text not null,
  primary key (article, organization)
);
create table locations (
  id integer primary key,
  key text not null unique,
  name text not null,
  country text,
  kind text,
  lat real,
  lon real
);
create table location_mentions (
  article integer not null references articles(num) on delete cascade,
  location integer not null references locations(id),
  name text not null,
  spans text not null,
  primary key (article, location)
);
create table events (
  id integer primary key,
  type text not null,                   -- PLOVER event type
  mode text,
  actors text not null,                 -- codes joined by ';', sorted
  recipients text not null,
  modality text not null,
  date text,                            -- the most precise date its mentions agree on
  first_reported text,                  -- the earliest date of an article reporting it
  last_reported text,                   -- the latest
  location text,
  contexts text not null,               -- JSON list
  score real not null,                  -- the mean score of its mentions
  mentions integer not null,
  sources integer not null,             -- independent sources (distinct outlets)
  confidence real not null              -- 1 - 0.5 ** sources
);
create index events_signature on events(type, actors, recipients, modality);
create table event_parties (
  event integer not null references events(id) on delete cascade,
  party text not null,
  role text not null check (role in ('actor', 'recipient')),
  primary key (event, party, role)
);
create index event_parties_party on event_parties(party);
create table event_mentions (
  event integer not null references events(id),
  article integer not null references articles(num) on delete cascade,
  ordinal integer not null,             -- index in the record's events
  type text not null,
  mode text,
  modality text not null,
  date text,
  location text,
  contexts text not null,
  score real not null,
  evidence text not null,
  evidence_field text not null default 'text',
  evidence_start integer not null,
  evidence_end integer not null,
  primary key (article, ordinal)
);
create index event_mentions_event on event_mentions(event);
create table quotes (
  id integer primary key,
  article integer not null references articles(num) on delete cascade,
  ordinal integer not null,
  person integer references persons(id),
  speaker text,
  role text,
  country text,
  text text not null,
  field text not null default 'text',
  start integer not null,
  "end" integer not null,
  search_text text not null default '',
  unique (article, ordinal)
);
"""

_V1_SEARCH = """
create virtual table articles_fts using fts5(
  search_title, search_text, content="articles", content_rowid="num",
  tokenize="unicode61 remove_diacritics 0"
);
create trigger articles_ai after insert on articles begin
  insert into articles_fts(rowid, search_title, search_text)
  values (new.num, new.search_title, new.search_text);
end;
create trigger articles_ad after delete on articles begin
  insert into articles_fts(articles_fts, rowid, search_title, search_text)
  values ('delete', old.num, old.search_title, old.search_text);
end;
create trigger articles_au after update on articles begin
  insert into articles_fts(articles_fts, rowid, search_title, search_text)
  values ('delete', old.num, old.search_title, old.search_text);
  insert into articles_fts(rowid, search_title, search_text)
  values (new.num, new.search_title, new.search_text);
end;
create virtual table quotes_fts using fts5(
  search_text, content="quotes", content_rowid="id",
  tokenize="unicode61 remove_diacritics 0"
);
create trigger quotes_ai after insert on quotes begin
  insert into quotes_fts(rowid, search_text) values (new.id, new.search_text);
end;
create trigger quotes_ad after delete on quotes begin
  insert into quotes_fts(quotes_fts, rowid, search_text) values ('delete', old.id, old.search_text);
end;
create trigger quotes_au after update on quotes begin
  insert into quotes_fts(quotes_fts, rowid, search_text) values ('delete', old.id, old.search_text);
  insert into quotes_fts(rowid, search_text) values (new.id, new.search_text);
end;
"""

_V2_FETCHES = """
create table fetches (
  url text primary key,                 -- as requested
  final_url text,                       -- after redirects
  status integer,                       -- HTTP status, null when no answer came
  outcome text not null,                -- stored, unchanged, not-html, no-text, http-error, ...
  article text                          -- articles.id when one was stored
);
"""

_V3_INDEXES = """
create index person_mentions_person on person_mentions(person);
create index quotes_person on quotes(person);
create index article_countries_country on article_countries(country);
"""


_V4_TERMS = """
create table search_terms (
  term text primary key                 -- a term of articles_fts or quotes_fts
) without rowid;
create virtual table articles_vocab using fts5vocab(articles_fts, row);
insert or ignore into search_terms select term from articles_vocab;
drop table articles_vocab;
create virtual table quotes_vocab using fts5vocab(quotes_fts, row);
insert or ignore into search_terms select term from quotes_vocab;
drop table quotes_vocab;
create index event_mentions_article_type on event_mentions(article, type);
create index articles_num_date on articles(num, date);
"""


_V5_FTS = """
alter table articles add column search_tags text not null default '';
alter table quotes add column search_tags text not null default '';
update articles set search_tags = trim(
  coalesce((select group_concat('c' || lower(country), ' ') from article_countries
            where article = articles.num), '')
  || ' ' ||
  coalesce((select group_concat(t, ' ') from (select distinct 't' || lower(type) as t
            from event_mentions where article = articles.num)), ''));
update quotes set search_tags = (select search_tags from articles where num = quotes.article);
drop trigger articles_ai;
drop trigger articles_ad;
drop trigger articles_au;
drop table articles_fts;
drop trigger quotes_ai;
drop trigger quotes_ad;
drop trigger quotes_au;
drop table quotes_fts;
create virtual table articles_fts using fts5(
  search_title, search_text, search_tags, content="articles", content_rowid="num",
  tokenize="unicode61 remove_diacritics 0"
);
create trigger articles_ai after insert on articles begin
  insert into articles_fts(rowid, search_title, search_text, search_tags)
  values (new.num, new.search_title, new.search_text, new.search_tags);
end;
create trigger articles_ad after delete on articles begin
  insert into articles_fts(articles_fts, rowid, search_title, search_text, search_tags)
  values ('delete', old.num, old.search_title, old.search_text, old.search_tags);
end;
create trigger articles_au after update on articles begin
  insert into articles_fts(articles_fts, rowid, search_title, search_text, search_tags)
  values ('delete', old.num, old.search_title, old.search_text, old.search_tags);
  insert into articles_fts(rowid, search_title, search_text, search_tags)
  values (new.num, new.search_title, new.search_text, new.search_tags);
end;
create virtual table quotes_fts using fts5(
  search_text, search_tags, content="quotes", content_rowid="id",
  tokenize="unicode61 remove_diacritics 0"
);
create trigger quotes_ai after insert on quotes begin
  insert into quotes_fts(rowid, search_text, search_tags)
  values (new.id, new.search_text, new.search_tags);
end;
create trigger quotes_ad after delete on quotes begin
  insert into quotes_fts(quotes_fts, rowid, search_text, search_tags)
  values ('delete', old.id, old.search_text, old.search_tags);
end;
create trigger quotes_au after update on quotes begin
  insert into quotes_fts(quotes_fts, rowid, search_text, search_tags)
  values ('delete', old.id, old.search_text, old.search_tags);
  insert into quotes_fts(rowid, search_text, search_tags)
  values (new.id, new.search_text, new.search_tags);
end;
insert into articles_fts(articles_fts) values ('rebuild');
insert into quotes_fts(quotes_fts) values ('rebuild');
"""


def m001_initial(conn: sqlite3.Connection) -> None:
    """Articles, entities and their mentions, merged events with mentions, quotes, FTS."""
    _script(conn, _V1_TABLES + _V1_SEARCH)


def m002_fetches(conn: sqlite3.Connection) -> None:
    """The URLs `qatynas fetch` asked for, so that a known URL is not downloaded again."""
    _script(conn, _V2_FETCHES)


def m003_lookup_indexes(conn: sqlite3.Connection) -> None:
    """Indexes for the web UI's lookups (#6): a person's mentions and quotes, a country's
    articles; without them each is a scan of the whole table."""
    _script(conn, _V3_INDEXES)


def m004_search_speed(conn: sqlite3.Connection) -> None:
    """Search at scale (#7). `search_terms` holds every term of the FTS tables in a B-tree:
    search turns a query word into the terms that begin with it by a range scan there, faster
    than FTS5's own prefix query over a large archive (terms of deleted articles stay: they
    match nothing). Two covering indexes let a filtered search test an article's event types
    and date without reading its (large) row."""
    _script(conn, _V4_TERMS)


def m005_search_filters(conn: sqlite3.Connection) -> None:
    """Filters as FTS terms (#7): `search_tags` holds an article's countries (`c` + code) and
    event types (`t` + type), lower-cased, and a quote its article's; both FTS tables index the
    column, so a search filtered by country or type intersects posting lists instead of testing
    each match. The FTS tables are rebuilt from their content tables."""
    _script(conn, _V5_FTS)


MIGRATIONS: tuple[Migration, ...] = (
    m001_initial,
    m002_fetches,
    m003_lookup_indexes,
    m004_search_speed,
    m005_search_filters,
)
VERSION = len(MIGRATIONS)


def _script(conn: sqlite3.Connection, sql: str) -> None:
    # executescript would COMMIT the open transaction; run statement by statement instead.
    buf = ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            conn.execute(buf)
            buf = ""
    assert not buf.strip(), f"incomplete statement: {buf}"


def current_version(conn: sqlite3.Connection) -> int:
    row = conn.execute(
        "select 1 from sqlite_master where type = 'table' and name = 'schema_version'"
    ).fetchone()
    if row is None:
        return 0
    (version,) = conn.execute("select coalesce(max(version), 0) from schema_version").fetchone()
    return int(version)


def migrate(conn: sqlite3.Connection) -> int:
    """Apply the missing migrations, each in its own transaction; return the version reached."""
    conn.execute(
        "create table if not exists schema_version "
        "(version integer primary key, name text not null)"
    )
    while True:
        # The version is read inside the write lock, so two processes opening a new file at once
        # do not both apply a migration.
        conn.execute("begin immediate")
        try:
            version = current_version(conn)
            if version > VERSION:
                raise RuntimeError(f"database schema {version} is newer than Qatynas ({VERSION})")
            if version == VERSION:
                conn.execute("commit")
                return VERSION
            step = MIGRATIONS[version]
            step(conn)
            conn.execute(
                "insert into schema_version(version, name) values (?, ?)",
                (version + 1, step.__name__),
            )
            conn.execute("commit")
        except BaseException:
            conn.execute("rollback")
            raise
