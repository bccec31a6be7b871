"""The knowledge base: articles and their extractions in one SQLite file (docs/database.md).

`db` opens it (WAL, migrated by `schema`), `write` stores one rendered record per transaction,
`merge` says when two event mentions are one event, `terms` normalises Kazakh words for full-text
search, `keys` identifies persons across languages, `ingest` runs read → extract → store,
`queries` answers the analyst's questions for every front end, `export` writes JSONL, CSV and
Parquet. This package holds all the project's SQL.
"""
