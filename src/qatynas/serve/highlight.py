"""An article's text cut into pieces, each knowing which extractions cover it (as displaCy does).

Persons, organisations and places are marks with a background colour and a tag after the last
piece of each mention; events and quotes may overlap them and each other, so they are classes
on every piece they cover (an underline, a tint). Cutting at every boundary keeps the pieces
plain text: the template escapes each piece, so no part of an article is ever markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from qatynas.analyse.romanise import romanise

ENTITY_KINDS = ("person", "org", "place")
SPAN_KINDS = ("event", "quote")
_ENTITY_LISTS = (
    ("persons", "person", "PER"),
    ("organizations", "org", "ORG"),
    ("locations", "place", "LOC"),
)


@dataclass(frozen=True)
class Mark:
    """One highlighted stretch of `field` ("text" or "title"): what it is and where it links."""

    kind: str
    field: str
    start: int
    end: int
    tag: str
    tip: str
    href: str | None = None


@dataclass(frozen=True)
class Piece:
    text: str
    kinds: tuple[str, ...]
    entity: Mark | None
    tip: str
    closes: Mark | None  # the entity whose mention ends with this piece (its tag follows)


def _where(span: Any) -> tuple[str, int, int]:
    if isinstance(span, dict):
        return str(span.get("field") or "text"), int(span["start"]), int(span["end"])
    return "text", int(span[0]), int(span[1])


def marks(record: dict[str, Any], person_ids: list[int | None]) -> list[Mark]:
    """Every mark of the record: entity mentions, event evidence, quotes."""
    out: list[Mark] = []
    for key, kind, tag in _ENTITY_LISTS:
        for i, ent in enumerate(record.get(key) or []):
            name = str(ent.get("name") or "")
            tip = str(ent.get("latin") or romanise(name))
            if ent.get("role"):
                tip += f" · {ent['role']}"
            pid = person_ids[i] if kind == "person" and i < len(person_ids) else None
            href = f"/person/{pid}" if pid is not None else None
            for span in ent.get("mentions") or []:
                if not isinstance(span, list | dict):
                    continue  # a malformed mention is shown unmarked, not as an error
                field, start, end = _where(span)
                out.append(Mark(kind, field, start, end, tag, tip, href))
    for ev in record.get("events") or []:
        field, start, end = _where(ev["evidence"])
        parties = "+".join(ev.get("actors") or [])
        if ev.get("recipients"):
            parties += " → " + "+".join(ev["recipients"])
        mode = f"/{ev['mode']}" if ev.get("mode") else ""
        out.append(Mark("event", field, start, end, ev["type"], f"{ev['type']}{mode} {parties}"))
    for q in record.get("quotes") or []:
        field, start, end = _where(q)
        out.append(Mark("quote", field, start, end, "QUOTE", f"«…» {q.get('speaker') or '?'}"))
    return out


def pieces(text: str, field: str, all_marks: list[Mark]) -> list[Piece]:
    """`text` cut at every mark boundary of `field`; offsets outside the text are clipped."""
    mine = [m for m in all_marks if m.field == field and 0 <= m.start < m.end]
    cuts = sorted(
        {0, len(text), *(min(m.start, len(text)) for m in mine)}
        | {min(m.end, len(text)) for m in mine}
    )
    out: list[Piece] = []
    for start, end in pairwise(cuts):
        if start >= end:
            continue
        covering = [m for m in mine if m.start <= start and end <= m.end]
        entities = [m for m in covering if m.kind in ENTITY_KINDS]
        entity = min(entities, key=lambda m: m.end - m.start) if entities else None
        kinds = tuple(k for k in SPAN_KINDS if any(m.kind == k for m in covering))
        tips = [m.tip for m in covering if m.kind in SPAN_KINDS]
        if entity is not None:
            tips.insert(0, entity.tip)
        closes = entity if entity is not None and min(entity.end, len(text)) == end else None
        out.append(Piece(text[start:end], kinds, entity, " | ".join(tips), closes))
    return out
