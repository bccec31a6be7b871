"""The web UI end to end in a real headless Chromium (Debian's `chromium`, driven by Playwright).

`qatynas serve` runs as its own process on 127.0.0.1 over a database of the example article and a
hostile one. The test opens the overview, follows the Kazakhstan–Armenia edge of the relations
graph, finds the two visits of the example on the pair's page, opens the article and sees its
highlights; the hostile article runs no script. Screenshots go to the test's folder, and also to
$QATYNAS_SCREENSHOTS when set (docs/ uses them). Skipped where /usr/bin/chromium is absent.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from serve_db import XSS_ID, make_db

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
EXAMPLE_ID = "baq-kz-armenia-2025-10-02"

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = make_db(tmp_path_factory.mktemp("browser"))
    port = _free_port()
    cmd = [sys.executable, "-m", "qatynas.cli", "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(url + "/api/stats", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("qatynas serve did not start")
        yield url
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def page(base: str) -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        tab = browser.new_page(viewport={"width": 1200, "height": 800})
        tab.requests = []
        tab.on("request", lambda r: tab.requests.append(r.url))
        yield tab
        browser.close()


def _shoot(page: Any, tmp_path: Path, name: str) -> None:
    page.screenshot(path=tmp_path / name)
    if folder := os.environ.get("QATYNAS_SCREENSHOTS"):
        page.screenshot(path=Path(folder) / name)


def test_overview_to_pair_to_article(page: Any, base: str, tmp_path: Path) -> None:
    page.goto(base + "/?lang=en")
    assert page.locator("#graph .node").count() >= 2
    _shoot(page, tmp_path, "screenshot-overview.png")
    # A real mouse click on the middle of the edge (a vertical SVG line has no box to aim at).
    middle = page.locator('#graph a.edge[data-pair="ARM-KAZ"] line').evaluate(
        """line => {
            const m = line.getScreenCTM(), p = line.ownerSVGElement.createSVGPoint();
            p.x = (line.x1.baseVal.value + line.x2.baseVal.value) / 2;
            p.y = (line.y1.baseVal.value + line.y2.baseVal.value) / 2;
            const q = p.matrixTransform(m);
            return [q.x, q.y];
        }"""
    )
    page.mouse.click(*middle)
    page.wait_for_url("**/dyad/ARM/KAZ")
    assert page.locator("h1").inner_text() == "Country pair: Armenia – Kazakhstan"
    assert page.locator(".chart svg rect").count() >= 1
    example_rows = page.locator("tr.event-row").filter(
        has=page.locator(f'a[href="/article/{EXAMPLE_ID}"]')
    )
    visits = example_rows.filter(has_text="/visit")
    assert visits.count() == 2
    assert {visits.nth(i).locator("td").nth(2).inner_text() for i in range(2)} == {
        "Kazakhstan → Armenia",
        "Armenia → Kazakhstan",
    }
    _shoot(page, tmp_path, "screenshot-dyad.png")
    visits.first.locator(f'a[href="/article/{EXAMPLE_ID}"]').first.click()
    page.wait_for_url(f"**/article/{EXAMPLE_ID}")
    text = page.locator("#text")
    persons = text.locator("a.ent.person")
    assert persons.count() >= 4
    assert "Kassym-Jomart Tokayev" in (
        text.locator("a.ent.person", has_text="Тоқаев").first.get_attribute("title") or ""
    )
    for kind in ("place", "org"):
        assert text.locator(f".ent.{kind}").count() >= 1, kind
    assert text.locator(".event").count() >= 5 and text.locator(".quote").count() >= 3
    highlight = persons.first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert highlight not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator(".legend .ent.person").is_visible()
    assert page.locator("aside.panel").inner_text().count("Қонысбаев") >= 1
    _shoot(page, tmp_path, "screenshot-article.png")
    assert all(u.startswith(base) for u in page.requests), "a request left the machine"


def test_hostile_article_shows_its_markup_as_text(page: Any, base: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{base}/article/{XSS_ID}")
    page.wait_for_load_state("load")
    assert "<script>alert('xss')</script>" in page.locator("#text").inner_text()
    assert "<script>alert('xss')</script>" in page.locator("h1").inner_text()
    assert page.locator("#text img, h1 img").count() == 0
    assert not dialogs


def test_language_switch_and_kazakh_labels(page: Any, base: str) -> None:
    page.goto(base + "/dyad/KAZ/ARM")
    page.locator("#lang-kk").click()
    page.wait_for_url("**/dyad/KAZ/ARM")
    assert page.locator("h1").inner_text().startswith("Елдер жұбы: Қазақстан")
    page.locator("#lang-en").click()
    assert page.locator("h1").inner_text().startswith("Country pair")


def test_docs_page_renders_offline(page: Any, base: str) -> None:
    page.requests.clear()
    page.goto(base + "/docs")
    page.get_by_text("/api/dyads/{first}/{second}").first.wait_for(timeout=15000)
    assert all(u.startswith(base) for u in page.requests)
