"""The web UI and JSON API over a real knowledge base (the example and a hostile article)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from qatynas.serve.web import create_app
from serve_db import IMG, SCRIPT, XSS_ID, make_db

EXAMPLE_ID = "baq-kz-armenia-2025-10-02"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_db(tmp_path_factory.mktemp("serve"))


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


def test_dyad_api_has_both_visits_with_evidence(client: TestClient) -> None:
    body = client.get("/api/dyads/kaz/arm").json()
    visits = [
        e
        for e in body["events"]
        if e["type"] == "CONSULT"
        and e["mode"] == "visit"
        and any(m["article"] == EXAMPLE_ID for m in e["evidence"])
    ]
    directions = {(tuple(e["actors"]), tuple(e["recipients"])) for e in visits}
    assert directions == {(("KAZ",), ("ARM",)), (("ARM",), ("KAZ",))}
    assert body["total"] >= len(body["events"]) and body["timeline"][0]["period"] == "2025-10"


def test_the_api_pages_and_bounds_the_events(client: TestClient) -> None:
    page = client.get("/api/events", params={"party": "ARM", "limit": 2}).json()
    assert len(page["events"]) == 2 and page["total"] > 2
    assert client.get("/api/events", params={"limit": 101}).status_code == 422


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/api/dyads/K/ARM", {}),
        ("/api/dyads/KAZ/ARM", {"by": "week"}),
        ("/api/events", {"since": "2025-13"}),
        ("/api/events", {"offset": -1}),
        ("/api/search", {"q": "а" * 201}),
        ("/api/search", {}),
        ("/api/persons/0", {}),
        ("/api/persons/99999999999999999999", {}),
        ("/api/articles", {"country": "<script>"}),
    ],
)
def test_bad_parameters_are_422_with_a_reason(client: TestClient, path: str, params: dict) -> None:
    r = client.get(path, params=params)
    assert r.status_code == 422
    assert r.json()["detail"][0]["msg"]


@pytest.mark.parametrize(
    "path",
    ["/api/articles/nothing-here", "/api/persons/999", "/api/events/999", "/api/countries/ZZZ"],
)
def test_unknown_items_are_404_with_a_reason(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404 and r.json()["detail"].startswith("no ")


@pytest.mark.parametrize(
    "path",
    [
        "/dyad/KAZ/ARM?by=week",
        "/dyad/KAZ/ARM?since=yesterday",
        "/person/abc",
        "/search?q=x&country=%3Cb%3E",
        "/search?q=" + "ж" * 201,
    ],
)
def test_bad_page_parameters_give_a_4xx_page_with_the_reason(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 422 and "text/html" in r.headers["content-type"]
    assert 'class="error"' in r.text


def test_an_article_id_with_a_slash_has_its_page(client: TestClient) -> None:
    assert client.get(f"/api/articles/{XSS_ID}").json()["record"]["id"] == XSS_ID
    assert client.get(f"/article/{XSS_ID}").status_code == 200
    assert f'href="/article/{XSS_ID}"' in client.get("/search?q=Тоқаев").text
    assert client.get("/article/hostile/other").status_code == 404


def test_unknown_pages_are_404_pages(client: TestClient) -> None:
    for path in ("/article/nope", "/person/4242", "/country/ZZZ", "/no/such/page"):
        r = client.get(path)
        assert r.status_code == 404, path


def test_article_text_and_title_render_as_text_never_markup(client: TestClient) -> None:
    html = client.get(f"/article/{XSS_ID}").text
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert" in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<b>outlet</b>" not in html
    assert "javascript:" not in html  # a stored URL is linked only when it is http(s)
    api = client.get(f"/api/articles/{XSS_ID}").json()["record"]
    assert SCRIPT in api["text"] and IMG in api["text"]


def test_hostile_text_is_escaped_in_search_and_dyad_pages(client: TestClient) -> None:
    for path in ("/search?q=Тоқаев", "/dyad/KAZ/ARM", "/", "/country/ARM"):
        html = client.get(path).text
        assert "<script>alert" not in html and "<img src=x" not in html, path


def test_article_page_highlights_each_kind_with_a_legend(client: TestClient) -> None:
    html = client.get(f"/article/{EXAMPLE_ID}").text
    assert '<a class="ent person" href="/person/' in html
    assert 'title="Kassym-Jomart Tokayev' in html  # romanisation on hover
    for kind in ("ent place", "ent org", "event", "quote"):
        assert f'class="{kind}' in html or f' {kind}"' in html, kind
    assert 'class="legend"' in html and 'class="panel"' in html


def test_labels_switch_between_english_and_kazakh(client: TestClient) -> None:
    assert "Country pair" in client.get("/dyad/KAZ/ARM?lang=en").text
    kk = client.get("/dyad/KAZ/ARM?lang=kk").text
    assert "Елдер жұбы" in kk and "Қазақстан" in kk
    r = client.get("/lang/kk", params={"next": "/country/ARM"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/country/ARM"
    assert "lang=kk" in r.headers["set-cookie"]
    outside = client.get("/lang/en", params={"next": "//evil.example"}, follow_redirects=False)
    assert outside.headers["location"] == "/"


def test_search_page_takes_the_cli_filters(client: TestClient) -> None:
    html = client.get("/search", params={"q": "Армения", "country": "ARM", "since": "2025"}).text
    assert f"/article/{EXAMPLE_ID}" in html
    none = client.get("/search", params={"q": "Армения", "until": "2024"}).text
    assert f"/article/{EXAMPLE_ID}" not in none
    assert client.get("/search", params={"q": "", "country": "", "kind": ""}).status_code == 200


def test_pages_and_docs_use_no_outside_asset(client: TestClient) -> None:
    for path in ("/", "/docs", f"/article/{EXAMPLE_ID}", "/dyad/KAZ/ARM"):
        html = client.get(path).text
        assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
        assert "https://" not in html, path
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    assert "default-src 'self'" in client.get("/").headers["content-security-policy"]


def test_the_server_cannot_write_the_database(db: Path) -> None:
    app = create_app(db)
    conn = app.state.reader.conn()
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("delete from articles")
