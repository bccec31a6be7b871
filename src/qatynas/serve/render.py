"""Render an extracted Document as the JSON object of spec/output.md."""

from __future__ import annotations

from typing import Any

from qatynas.model import Analysis, Document, Entity, Span
from qatynas.store.keys import person_key


def _span(analysis: Analysis, span: Span) -> list[int]:
    src = analysis.to_source(span)
    return [src.start, src.end]


def _mentions(analysis: Analysis, spans: tuple[Span, ...]) -> list[Any]:
    out: list[Any] = []
    for span in spans:
        src = analysis.to_source(span)
        if src.field == "title":
            out.append({"field": "title", "start": src.start, "end": src.end})
        else:
            out.append([src.start, src.end])
    return out


def _entity(analysis: Analysis, ent: Entity) -> dict[str, Any]:
    rec: dict[str, Any] = {"name": ent.name}
    if ent.label == "PERSON":
        # `key`: one person across languages and spellings (Тоқаев, Токаев, Tokayev).
        rec.update(key=person_key(ent.name), latin=ent.latin, country=ent.country, role=ent.role)
    elif ent.label == "ORG":
        rec.update(country=ent.country, code=ent.code)
    else:
        rec.update(country=ent.country, kind=ent.kind, lat=ent.lat, lon=ent.lon)
    rec["mentions"] = _mentions(analysis, ent.mentions)
    return rec


def _slice(doc: Document, analysis: Analysis, span: Span) -> dict[str, Any]:
    src = analysis.to_source(span)
    body = doc.title or "" if src.field == "title" else doc.text
    rec: dict[str, Any] = {"text": body[src.start : src.end], "start": src.start, "end": src.end}
    if src.field == "title":
        rec["field"] = "title"
    return rec


def document_record(doc: Document) -> dict[str, Any]:
    analysis = doc.analysis
    assert analysis is not None, "render needs an analysed document"
    counts: dict[str, int] = {}
    for m in doc.countries:
        counts[m.code] = counts.get(m.code, 0) + 1
    names = {m.code: m.name for m in doc.countries}
    rec: dict[str, Any] = {
        "id": doc.id,
        "date": doc.date,
        "source": doc.source,
        "title": doc.title,
        "lang": doc.lang,
        "script": analysis.script,
        "text": doc.text,
        "countries": [{"code": c, "name": names[c], "mentions": n} for c, n in counts.items()],
        "persons": [_entity(analysis, e) for e in doc.persons],
        "organizations": [_entity(analysis, e) for e in doc.organizations],
        "locations": [_entity(analysis, e) for e in doc.locations],
        "events": [
            {
                "type": ev.type,
                "mode": ev.mode,
                "actors": list(ev.actors),
                "recipients": list(ev.recipients),
                "location": ev.location,
                "date": ev.date,
                "modality": ev.modality,
                "contexts": list(ev.contexts),
                "score": ev.score,
                "trigger": ev.trigger,
                "evidence": _slice(doc, analysis, ev.evidence),
            }
            for ev in doc.events
        ],
        "quotes": [
            {
                "speaker": q.speaker,
                "role": q.role,
                "country": q.country,
                **_slice(doc, analysis, q.span),
            }
            for q in doc.quotes
        ],
    }
    rec.update({k: v for k, v in doc.extra.items() if k not in rec})
    return rec
