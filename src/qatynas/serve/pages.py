"""The HTML pages: each route asks `store.queries` once and hands the result to a template.

Templates autoescape everything; the only computed markup is the SVG of `charts`, built in the
template from numbers. Labels come from `i18n` in the language the request asks for.
"""

from __future__ import annotations

import sqlite3
from typing import Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from qatynas.analyse.romanise import romanise
from qatynas.serve import charts, highlight, i18n
from qatynas.serve.params import (
    ArticleId,
    By,
    Code,
    FormText,
    Offset,
    PersonId,
    Since,
    Text,
    Until,
    form_value,
)
from qatynas.store import queries

router = APIRouter(include_in_schema=False)
PAGE = 50


def _conn(request: Request) -> sqlite3.Connection:
    conn: sqlite3.Connection = request.app.state.reader.conn()
    return conn


def context(request: Request, **values: Any) -> dict[str, Any]:
    """What every template gets: the language, a label function, country names, the switch."""
    lang = i18n.choose(request.query_params.get("lang"), request.cookies.get("lang"))
    names = queries.country_names(_conn(request))

    def t(key: str) -> str:
        return i18n.label(key, lang)

    def country(code: str) -> str:
        if lang == "en":
            return i18n.english_name(code) or code
        return names.get(code, code)

    def country_tip(code: str) -> str:
        kazakh = names.get(code)
        return f"{code} · {romanise(kazakh)}" if kazakh else code

    kept = urlencode([(k, v) for k, v in request.query_params.multi_items() if k != "lang"])
    here = request.url.path + (f"?{kept}" if kept else "")
    switch = {other: "/lang/" + other + "?" + urlencode({"next": here}) for other in i18n.LANGS}
    return {
        "request": request,
        "lang": lang,
        "t": t,
        "country": country,
        "country_tip": country_tip,
        "romanise": romanise,
        "switch": switch,
        "quad_colours": charts.QUAD_COLOURS,
        **values,
    }


def _render(request: Request, name: str, status: int = 200, **values: Any) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context(request, **values), status_code=status)


def _found(value: Any, what: str) -> Any:
    if value is None:
        raise HTTPException(status_code=404, detail=f"no {what}")
    return value


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> Response:
    conn = _conn(request)
    pairs = queries.pairs(conn, limit=60)
    return _render(
        request,
        "overview.html",
        stats=queries.stats(conn),
        pairs=pairs[:15],
        graph=charts.graph(pairs),
        events=queries.events(conn, limit=10)["events"],
    )


@router.get("/dyad/{first}/{second}", response_class=HTMLResponse)
def dyad(
    request: Request,
    first: Code,
    second: Code,
    by: By = "month",
    since: Since = None,
    until: Until = None,
    offset: Offset = 0,
) -> Response:
    found = queries.dyad(
        _conn(request), first, second, since=since, until=until, by=by, limit=PAGE, offset=offset
    )
    return _render(
        request,
        "dyad.html",
        dyad=found,
        chart=charts.timeline(found["timeline"], by),
        offset=offset,
        page=PAGE,
    )


@router.get("/country/{code}", response_class=HTMLResponse)
def country(request: Request, code: Code, by: By = "month") -> Response:
    found = _found(queries.country(_conn(request), code, by=by, limit=PAGE), f"country {code}")
    return _render(
        request, "country.html", info=found, chart=charts.timeline(found["timeline"], by)
    )


@router.get("/article/{article_id:path}", response_class=HTMLResponse)
def article(request: Request, article_id: ArticleId) -> Response:
    found = _found(queries.article(_conn(request), article_id), f"article {article_id!r}")
    record = found["record"]
    marks = highlight.marks(record, found["person_ids"])
    return _render(
        request,
        "article.html",
        found=found,
        record=record,
        title_pieces=highlight.pieces(record.get("title") or "", "title", marks),
        text_pieces=highlight.pieces(record.get("text") or "", "text", marks),
    )


@router.get("/person/{person_id}", response_class=HTMLResponse)
def person(request: Request, person_id: PersonId) -> Response:
    found = _found(
        queries.person_by_id(_conn(request), person_id, limit=PAGE), f"person {person_id}"
    )
    return _render(request, "person.html", person=found)


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request,
    q: FormText = None,
    country: FormText = None,
    type: FormText = None,
    kind: FormText = None,
    since: FormText = None,
    until: FormText = None,
) -> Response:
    """The CLI's search with its filters; blank form fields are left out."""
    filters = {
        k: form_value(k, v)
        for k, v in {"country": country, "type": type, "since": since, "until": until}.items()
    }
    chosen: Literal["article", "quote"] | None = (
        "article" if kind == "article" else "quote" if kind == "quote" else None
    )
    hits = None
    if q and q.strip():
        hits = queries.search(
            _conn(request),
            q,
            country=filters["country"],
            event_type=filters["type"],
            since=filters["since"],
            until=filters["until"],
            kind=chosen,
            limit=PAGE,
        )
    form = {"q": q or "", "kind": chosen or ""} | {k: v or "" for k, v in filters.items()}
    return _render(request, "search.html", hits=hits, form=form)


@router.get("/lang/{lang}")
def switch_lang(lang: i18n.Lang, next: Text = None) -> Response:
    """Set the language cookie and go back; only a path on this site is followed."""
    target = next if next and next.startswith("/") and not next.startswith("//") else "/"
    response = RedirectResponse(target, status_code=303)
    response.set_cookie("lang", lang, max_age=365 * 86400, samesite="lax")
    return response


def error_page(request: Request, status: int, message: str) -> HTMLResponse:
    return _render(request, "error.html", status, code=status, message=message)
