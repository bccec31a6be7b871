"""The entities stage: persons (with role and country) and organisations (with country).

Runs after "countries" and "places", which have put states in `doc.countries` and places and
international organisations in `doc.entities`; what they cover is never read again as a person
or an organisation. Appends PERSON and ORG entities to `doc.entities`, each with its mentions
sorted by offset.

Later stages (events, quotes) find the person a span belongs to with `person_at` and the one
named closest before a span with `person_before`.
"""

from __future__ import annotations

from qatynas.extract import organizations, organizations_ru, persons, persons_ru
from qatynas.model import Document, Entity, Span
from qatynas.settings import Settings


def extract(doc: Document, settings: Settings) -> None:
    if doc.analysis is None:
        return
    covered = [m.span for m in doc.countries]
    covered += [span for ent in doc.entities for span in ent.mentions]
    russian = doc.lang == "ru"  # natasha's NER and Russian rules (persons_ru, ...)
    people = (persons_ru if russian else persons).find_persons(doc, covered)
    covered += [span for ent in people for span in ent.mentions]
    orgs = (organizations_ru if russian else organizations).find_organizations(doc, covered)
    doc.entities.extend(people)
    doc.entities.extend(orgs)


def person_at(doc: Document, offset: int) -> Entity | None:
    """The person one of whose mentions covers analysis offset `offset`, or None."""
    for ent in doc.persons:
        if any(m.start <= offset < m.end for m in ent.mentions):
            return ent
    return None


def person_before(doc: Document, offset: int, within: Span | None = None) -> Entity | None:
    """The person mentioned last before `offset` (mention end <= offset), or None.

    With `within` (a sentence or paragraph), only mentions starting inside it count.
    """
    best: tuple[int, Entity] | None = None
    for ent in doc.persons:
        for m in ent.mentions:
            if m.end > offset or (within and not within.start <= m.start < within.end):
                continue
            if best is None or m.start > best[0]:
                best = (m.start, ent)
    return best[1] if best else None
