"""Organisations in Russian articles other than the international ones: natasha's ORG spans.

The NER (analyse/ner_ru.py) finds them (Министерство торговли и интеграции, МИД, Сенат) with
their nominative; a span that a state, place, person or listed international organisation
already covers is left to that stage. The country is the state named inside the name or right
before it (МИД Германии → DEU, казахстанская компания → KAZ).
"""

from __future__ import annotations

from qatynas.analyse import morph_ru, ner_ru
from qatynas.model import Document, Entity, Span

_BEFORE = 30  # characters before a name where its state may stand (российская компания X)


def _country(doc: Document, span: Span) -> str | None:
    """The state named inside the name, else right after it in the genitive (МИД России), else
    the nearest before it (российская компания X)."""
    assert doc.analysis is not None
    inside = [m for m in doc.countries if span.start <= m.span.start < span.end]
    if inside:
        return min(inside, key=lambda m: m.span.start).code
    after = [m for m in doc.countries if 0 < m.span.start - span.end <= 1]
    if after:
        first_word = doc.analysis.text[after[0].span.start : after[0].span.end].split()[0]
        if "gent" in morph_ru.case_of(first_word) or first_word.isupper():
            return after[0].code
    before = [m for m in doc.countries if span.start - _BEFORE <= m.span.start < span.start]
    return max(before, key=lambda m: m.span.start).code if before else None


def find_organizations(doc: Document, covered: list[Span]) -> list[Entity]:
    """ORG entities (without an organisation code) of an analysed Russian document."""
    assert doc.analysis is not None
    spans: dict[str, list[Span]] = {}
    states: dict[str, str | None] = {}
    for sp in ner_ru.spans(doc.analysis.text):
        if sp.label != "ORG":
            continue
        span = Span(sp.start, sp.end)
        if any(c.start < span.end and span.start < c.end for c in covered):
            continue
        name = sp.normal[:1].upper() + sp.normal[1:]
        spans.setdefault(name, []).append(span)
        # One name is one organisation: the state named at any of its mentions is its state.
        states[name] = states.get(name) or _country(doc, span)
    return [
        Entity(label="ORG", name=name, mentions=tuple(sorted(found)), country=states[name])
        for name, found in spans.items()
    ]
