"""`qatynas fetch` against a local HTTP server on 127.0.0.1 serving pages written here and a feed.

The server also answers 404, 503 once, too slowly, and with JSON, to check the client's manners:
retries only what may pass, backs off, names itself, and never downloads a stored URL again.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from qatynas.fetch.client import Client
from qatynas.fetch.pages import Fetcher
from qatynas.settings import Settings
from qatynas.store import queries
from qatynas.store.db import connect

VISIT = (
    "Қазақстан Президенті Қасым-Жомарт Тоқаев Ереванға ресми сапармен барды. "
    "Сапар барысында екі ел басшылары сауда мен көлік саласындағы ынтымақтастықты талқылады. "
    "Тараптар үкіметаралық комиссияның келесі отырысын Астанада өткізуге келісті."
)
MEETING = (
    "Армения Президенті Ваагн Хачатурян Астанаға жауап сапарымен келді. "
    "Кездесуде мәдени-гуманитарлық байланыстарды дамыту мәселелері қаралды. "
    "Келесі жылы Арменияда Қазақстан мәдениеті күндері өтеді."
)


def page(title: str, body: str, date: str) -> bytes:
    paragraphs = "".join(f"<p>{s.strip()}.</p>" for s in body.split(".") if s.strip())
    html = (
        '<!doctype html><html lang="kk"><head><meta charset="utf-8">'
        f'<title>{title}</title><meta property="article:published_time" content="{date}">'
        '<meta property="og:site_name" content="Сынақ жаңалықтары"></head><body>'
        '<nav><a href="/">Басты бет</a> <a href="/news">Жаңалықтар</a></nav>'
        f"<article><h1>{title}</h1>{paragraphs}</article>"
        "<footer>© 2025 Сынақ</footer></body></html>"
    )
    return html.encode("utf-8")


def feed(base: str) -> bytes:
    items = "".join(
        f"<item><title>{t}</title><link>{base}{p}</link></item>"
        for t, p in [("Сапар", "/news/visit"), ("Жауап", "/news/meeting"), ("Жоқ", "/gone")]
    )
    xml = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Сынақ</title><link>{base}/</link>{items}</channel></rss>"
    )
    return xml.encode("utf-8")


class Site:
    """What the server serves, and what it was asked."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.agents: set[str] = set()
        self.base = ""

    def answer(self, path: str) -> tuple[int, str, bytes]:
        if path == "/news/visit":
            return 200, "text/html; charset=utf-8", page("Тоқаев Ереванда", VISIT, "2024-10-01")
        if path == "/news/meeting":
            return 200, "text/html; charset=utf-8", page("Жауап сапары", MEETING, "2024-11-20")
        if path == "/flaky" and self.hits[path] == 1:
            return 503, "text/plain", b"busy"
        if path == "/flaky":
            return 200, "text/html", page("Тоқаев Ереванда", VISIT, "2024-10-02")
        if path == "/slow":
            time.sleep(1.0)
            return 200, "text/html", page("Кеш", VISIT, "2024-10-01")
        if path == "/data.json":
            return 200, "application/json", b'{"a": 1}'
        if path == "/feed.xml":
            return 200, "application/rss+xml", feed(self.base)
        return 404, "text/html", b"<html><body>not found</body></html>"


@pytest.fixture
def site() -> Iterator[Site]:
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.hits[self.path] += 1
            state.agents.add(self.headers.get("User-Agent", ""))
            status, ctype, body = state.answer(self.path)
            try:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up: a timeout
                pass

        def log_message(self, format: str, *args: object) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()


@pytest.fixture
def fetcher(tmp_path: Path) -> Fetcher:
    waits: list[float] = []
    client = Client(timeout=0.3, retries=1, backoff=0.01, sleep=waits.append)
    return Fetcher(connect(tmp_path / "kb.db"), Settings(), client, delay=0)


def test_pages_are_extracted_stored_and_not_downloaded_again(site: Site, fetcher: Fetcher) -> None:
    url = site.base + "/news/visit"
    (first,) = fetcher.urls([url])
    assert first.outcome == "stored", first
    (again,) = fetcher.urls([url])
    assert again.outcome == "known"
    assert site.hits["/news/visit"] == 1
    (hit,) = queries.search(fetcher.conn, "Ереван")
    assert hit["article"] == first.article
    assert hit["title"] == "Тоқаев Ереванда"
    assert hit["date"] == "2024-10-01"
    row = fetcher.conn.execute("select url, text from articles").fetchone()
    assert row["url"] == url
    assert "Басты бет" not in row["text"] and "©" not in row["text"]
    assert all(a.startswith("qatynas/") for a in site.agents)


def test_404_timeout_and_non_html_are_reported_not_stored(site: Site, fetcher: Fetcher) -> None:
    urls = [site.base + p for p in ["/gone", "/slow", "/data.json"]]
    outcomes = {s.url.rsplit("/", 1)[1]: s for s in fetcher.urls(urls)}
    assert outcomes["gone"].outcome == "http-error" and "404" in str(outcomes["gone"].message)
    assert outcomes["slow"].outcome == "no-answer"
    assert outcomes["data.json"].outcome == "not-html"
    assert site.hits["/gone"] == 1  # an answer: not asked again
    assert site.hits["/slow"] == 2  # no answer: one retry
    assert queries.stats(fetcher.conn)["articles"] == 0
    recorded = dict(fetcher.conn.execute("select url, outcome from fetches").fetchall())
    assert sorted(recorded.values()) == ["http-error", "no-answer", "not-html"]


def test_a_busy_server_is_asked_again_after_a_pause(site: Site, fetcher: Fetcher) -> None:
    (step,) = fetcher.urls([site.base + "/flaky"])
    assert step.outcome == "stored"
    assert site.hits["/flaky"] == 2


def test_feed_articles_are_fetched(site: Site, fetcher: Fetcher) -> None:
    steps = list(fetcher.feed(site.base + "/feed.xml"))
    assert [s.outcome for s in steps] == ["stored", "stored", "http-error"]
    again = list(fetcher.feed(site.base + "/feed.xml"))
    assert [s.outcome for s in again] == ["known", "known", "http-error"]
    assert site.hits["/news/visit"] == 1 and site.hits["/feed.xml"] == 2


def test_a_page_that_is_not_a_feed(site: Site, fetcher: Fetcher) -> None:
    (step,) = fetcher.feed(site.base + "/data.json")
    assert step.outcome == "not-a-feed"


def test_fetch_command(site: Site, tmp_path: Path) -> None:
    db = tmp_path / "kb.db"
    cmd = [sys.executable, "-m", "qatynas.cli", "fetch", "--db", str(db), "--delay", "0"]
    proc = subprocess.run(
        [*cmd, "--timeout", "2", "--feed", site.base + "/feed.xml", site.base + "/data.json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "2 stored" in proc.stderr and "1 http-error" in proc.stderr
    assert "1 not-html" in proc.stderr
    stats = subprocess.run(
        [sys.executable, "-m", "qatynas.cli", "stats", "--json", "--db", str(db)],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(stats.stdout)["articles"] == 2
