"""The documented shapes of the JSON API's answers (its OpenAPI schema is built from these).

They mirror what `store.queries` returns; FastAPI checks every answer against them, and the
schemathesis test checks the answers against the published schema.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Error(BaseModel):
    detail: str = Field(description="what was wrong, for a person to read")


class Stats(BaseModel):
    articles: int
    sources: int
    countries: int
    persons: int
    organizations: int
    locations: int
    events: int
    event_mentions: int
    merged_events: int
    quotes: int


class QuadCounts(BaseModel):
    verbal_cooperation: int = 0
    material_cooperation: int = 0
    verbal_conflict: int = 0
    material_conflict: int = 0
    other: int = 0


class Evidence(BaseModel):
    article: str
    date: str | None
    source: str | None
    title: str | None
    url: str | None
    evidence: str
    field: str
    start: int
    end: int


class Event(BaseModel):
    id: int
    date: str | None
    first_reported: str | None
    type: str
    quad_class: str
    mode: str | None
    actors: list[str]
    recipients: list[str]
    modality: str
    location: str | None
    contexts: list[str]
    score: float
    mentions: int
    sources: int
    confidence: float
    evidence: list[Evidence]


class EventPage(BaseModel):
    total: int
    events: list[Event]


class ArticleSummary(BaseModel):
    id: str
    date: str | None
    source: str | None
    title: str | None
    url: str | None
    lead: str


class ArticlePage(BaseModel):
    total: int
    articles: list[ArticleSummary]


class ArticleDetail(BaseModel):
    record: dict[str, Any] = Field(description="the extraction record of spec/output.md")
    url: str | None
    person_ids: list[int | None]
    event_ids: list[int | None]


class PersonSummary(BaseModel):
    id: int
    name: str
    latin: str | None
    country: str | None
    articles: int


class PersonPage(BaseModel):
    total: int
    persons: list[PersonSummary]


class Role(BaseModel):
    role: str
    articles: int


class PersonArticle(BaseModel):
    article: str
    date: str | None
    title: str | None


class PersonQuote(BaseModel):
    article: str
    date: str | None
    text: str
    role: str | None


class Dossier(BaseModel):
    id: int
    name: str
    latin: str | None
    country: str | None
    key: str
    roles: list[Role]
    articles: list[PersonArticle]
    quotes: list[PersonQuote]
    events: list[Event]
    articles_total: int
    quotes_total: int


class CountrySummary(BaseModel):
    code: str
    name: str
    articles: int
    events: int


class Partner(BaseModel):
    party: str
    events: int
    score: float
    counts: QuadCounts


class Period(BaseModel):
    period: str
    events: int
    score: float
    counts: QuadCounts


class CountryDetail(BaseModel):
    code: str
    name: str | None
    articles: int
    partners: list[Partner]
    timeline: list[Period]
    events: list[Event]


class Pair(BaseModel):
    parties: list[str]
    events: int
    score: float
    counts: QuadCounts


class Dyad(BaseModel):
    parties: list[str]
    by: str
    total: int
    timeline: list[Period]
    events: list[Event]


class Hit(BaseModel):
    kind: str
    article: str
    date: str | None
    source: str | None
    title: str | None
    snippet: str
    speaker: str | None = None
    role: str | None = None
