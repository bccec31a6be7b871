"""Organisations in Russian articles other than the international ones: natasha's ORG spans.

The NER (analyse/ner_ru.py) finds them (Министерство торговли и интеграции, МИД, Сенат) with
their nominative; a span that a state, place, person or listed international organisation
already covers is left to that stage. The country is the state named inside the name or right
before it (МИД Германии → DEU, казахстанская компания → KAZ).
"""

from __future__ import annotations

from qatynas.analyse import ner_ru
from qatynas.model import Document, Entity, Span

_BEFORE = 30  # characters before a name where its state may stand (российская компания X)


def _country(doc: Document, span: Span) -> str | None:
    inside = [m for m in doc.countries if span.start - _BEFORE <= m.span.start < span.end]
    inside = [m for m in inside if m.span.end <= span.end]
    return max(inside, key=lambda m: m.span.start).code if inside else None


def find_organizations(doc: Document, covered: list[Span]) -> list[Entity]:
    """ORG entities (without an organisation code) of an analysed Russian document."""
    assert doc.analysis is not None
    merged: dict[tuple[str, str | None], list[Span]] = {}
    for sp in ner_ru.spans(doc.analysis.text):
        if sp.label != "ORG":
            continue
        span = Span(sp.start, sp.end)
        if any(c.start < span.end and span.start < c.end for c in covered):
            continue
        name = sp.normal[:1].upper() + sp.normal[1:]
        merged.setdefault((name, _country(doc, span)), []).append(span)
    return [
        Entity(label="ORG", name=name, mentions=tuple(sorted(spans)), country=country)
        for (name, country), spans in merged.items()
    ]
