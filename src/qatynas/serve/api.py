"""The JSON API under /api: thin routes over `store.queries`, each answer a documented model."""

from __future__ import annotations

import sqlite3
from typing import Any

from fastapi import APIRouter, HTTPException, Request

from qatynas.serve import models
from qatynas.serve.params import (
    ArticleId,
    By,
    Code,
    EventId,
    EventType,
    Kind,
    Limit,
    Offset,
    OptCode,
    PersonId,
    SearchText,
    Since,
    Text,
    Until,
)
from qatynas.store import queries

NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": models.Error}}
router = APIRouter(prefix="/api", tags=["api"])


def _conn(request: Request) -> sqlite3.Connection:
    conn: sqlite3.Connection = request.app.state.reader.conn()
    return conn


def _found(value: Any, what: str) -> Any:
    if value is None:
        raise HTTPException(status_code=404, detail=f"no {what}")
    return value


@router.get("/stats", response_model=models.Stats, summary="What the knowledge base holds")
def stats(request: Request) -> Any:
    return queries.stats(_conn(request))


@router.get("/articles", response_model=models.ArticlePage, summary="Articles, newest first")
def articles(
    request: Request,
    country: OptCode = None,
    type: EventType = None,
    source: Text = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Any:
    return queries.articles(
        _conn(request),
        country=country,
        event_type=type,
        source=source,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )


@router.get(
    "/articles/{article_id:path}",
    response_model=models.ArticleDetail,
    responses=NOT_FOUND,
    summary="One article with its extraction",
)
def article(request: Request, article_id: ArticleId) -> Any:
    return _found(queries.article(_conn(request), article_id), f"article {article_id!r}")


@router.get(
    "/events", response_model=models.EventPage, summary="Events with evidence, latest first"
)
def events(
    request: Request,
    party: OptCode = None,
    type: EventType = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Any:
    return queries.events(
        _conn(request),
        party=party,
        event_type=type,
        since=since,
        until=until,
        limit=limit,
        offset=offset,
    )


@router.get(
    "/events/{event_id}", response_model=models.Event, responses=NOT_FOUND, summary="One event"
)
def event(request: Request, event_id: EventId) -> Any:
    found = queries.events_by_id(_conn(request), [event_id])
    return _found(found[0] if found else None, f"event {event_id}")


@router.get(
    "/persons", response_model=models.PersonPage, summary="Persons, most written about first"
)
def persons(
    request: Request,
    name: Text = None,
    country: OptCode = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Any:
    return queries.persons(_conn(request), name=name, country=country, limit=limit, offset=offset)


@router.get(
    "/persons/{person_id}",
    response_model=models.Dossier,
    responses=NOT_FOUND,
    summary="A person's roles, quotes and events",
)
def person(request: Request, person_id: PersonId, limit: Limit = 50) -> Any:
    """Roles from every article; articles, quotes and events from the latest `limit` articles."""
    found = queries.person_by_id(_conn(request), person_id, limit=limit)
    return _found(found, f"person {person_id}")


@router.get("/countries", response_model=list[models.CountrySummary], summary="Every country named")
def countries(request: Request) -> Any:
    return queries.countries(_conn(request))


@router.get(
    "/countries/{code}",
    response_model=models.CountryDetail,
    responses=NOT_FOUND,
    summary="A country's partners, timeline and latest events",
)
def country(request: Request, code: Code, by: By = "month", limit: Limit = 20) -> Any:
    return _found(queries.country(_conn(request), code, by=by, limit=limit), f"country {code}")


@router.get("/pairs", response_model=list[models.Pair], summary="The most active country pairs")
def pairs(request: Request, since: Since = None, until: Until = None, limit: Limit = 20) -> Any:
    return queries.pairs(_conn(request), since=since, until=until, limit=limit)


@router.get(
    "/dyads/{first}/{second}",
    response_model=models.Dyad,
    summary="Events between two parties: timeline and evidence",
)
def dyad(
    request: Request,
    first: Code,
    second: Code,
    by: By = "month",
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Any:
    return queries.dyad(
        _conn(request),
        first,
        second,
        since=since,
        until=until,
        by=by,
        limit=limit,
        offset=offset,
    )


@router.get("/search", response_model=list[models.Hit], summary="Full-text search (any word form)")
def search(
    request: Request,
    q: SearchText,
    country: OptCode = None,
    type: EventType = None,
    kind: Kind = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 20,
) -> Any:
    return queries.search(
        _conn(request),
        q,
        country=country,
        event_type=type,
        since=since,
        until=until,
        kind=kind,
        limit=limit,
    )
