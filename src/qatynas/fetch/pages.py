"""Fetched pages into the knowledge base: download, extract (trafilatura), ingest, remember.

A URL whose article is stored already is not downloaded again; every URL asked for gets a row in
`fetches` saying what came of it. A fetched article's id comes from its URL, so a page edited
since is replaced, not added beside the old one. Consecutive downloads wait `delay` seconds.
"""

from __future__ import annotations

import hashlib
import io
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from qatynas.errors import InputError, InputWarning
from qatynas.fetch import feed
from qatynas.fetch.client import Client, FetchError, Response
from qatynas.read.html import read_html
from qatynas.settings import Settings
from qatynas.store.ingest import ingest_document
from qatynas.store.queries import known_url
from qatynas.store.write import record_fetch

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


@dataclass(frozen=True)
class Fetched:
    """What came of one URL: `outcome` is stored, unchanged, replaced, known, not-html,
    no-text, http-error or no-answer; `message` says more for the failures."""

    url: str
    outcome: str
    message: str | None = None
    article: str | None = None
    warnings: tuple[str, ...] = ()


def url_id(url: str) -> str:
    return "url-" + hashlib.sha1(url.encode("utf-8")).hexdigest()[:16]


@dataclass
class Fetcher:
    conn: sqlite3.Connection
    settings: Settings
    client: Client
    delay: float = 1.0
    sleep: Callable[[float], None] = time.sleep
    _downloaded: int = 0

    def urls(self, urls: Iterable[str]) -> Iterator[Fetched]:
        for url in urls:
            yield self.url(url)

    def feed(self, feed_url: str) -> Iterator[Fetched]:
        """Each article linked from the feed; the feed itself is always read afresh."""
        try:
            reply = self._download(feed_url)
            links = feed.links(reply.body)
        except FetchError as err:
            yield Fetched(feed_url, _failure(err), str(err))
            return
        except feed.FeedError as err:
            yield Fetched(feed_url, "not-a-feed", str(err))
            return
        yield from self.urls(links)

    def url(self, url: str) -> Fetched:
        if known_url(self.conn, url):
            return Fetched(url, "known")
        try:
            reply = self._download(url)
        except FetchError as err:
            record_fetch(self.conn, url, _failure(err), status=err.status)
            return Fetched(url, _failure(err), str(err))
        if reply.content_type not in HTML_TYPES:
            message = f"{url}: not an HTML page ({reply.content_type})"
            record_fetch(self.conn, url, "not-html", final_url=reply.final_url, status=reply.status)
            return Fetched(url, "not-html", message)
        return self._store(reply)

    def _download(self, url: str) -> Response:
        if self._downloaded and self.delay:
            self.sleep(self.delay)
        self._downloaded += 1
        return self.client.get(url)

    def _store(self, reply: Response) -> Fetched:
        url, warnings = reply.url, []
        stream = io.BytesIO(reply.body)
        for item in read_html(url, url_id(url), stream, self.settings):
            if isinstance(item, InputWarning):
                warnings.append(str(item))
                continue
            if isinstance(item, InputError):
                record_fetch(
                    self.conn, url, "no-text", final_url=reply.final_url, status=reply.status
                )
                return Fetched(url, "no-text", str(item), warnings=tuple(warnings))
            item.extra["url"] = reply.final_url
            item.origin = url
            step = ingest_document(self.conn, item, self.settings)
            if step.error is not None:
                return Fetched(url, "not-stored", str(step.error), warnings=tuple(warnings))
            outcome = "stored" if step.outcome == "added" else str(step.outcome)
            record_fetch(
                self.conn,
                url,
                outcome,
                final_url=reply.final_url,
                status=reply.status,
                article=item.id,
            )
            return Fetched(url, outcome, article=item.id, warnings=tuple(warnings))
        record_fetch(self.conn, url, "no-text", final_url=reply.final_url, status=reply.status)
        return Fetched(url, "no-text", f"{url}: no article in the page")


def _failure(err: FetchError) -> str:
    return "no-answer" if err.status is None else "http-error"
