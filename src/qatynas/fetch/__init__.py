"""Fetching news: a polite HTTP client, RSS/Atom feeds, and fetched pages into the store.

`client` downloads (timeouts, retries with back-off, a user agent), `feed` lists a feed's
article links, `pages` turns a fetched page into a Document with `qatynas.read`'s HTML reader
(trafilatura) and stores it through `store.ingest`, remembering each URL in `fetches`.
"""
