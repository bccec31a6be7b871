"""Places (cities, regions) as LOC entities with country, kind and coordinates.

Names come from lang/kk/places.tsv (GeoNames cities with Kazakh spellings and Kazakhstan's
oblasts, built by tools/build_gazetteer.py) and are matched in any case form by the gazetteer
matcher (Ереванға, Астанада, Алматыдан → the nominative name). Kept out:
- state and organisation names, matched as blocks so that the longer wins (Шанхай inside
  "Шанхай ынтымақтастық ұйымы" is no city; Сингапур is the state);
- a dateline (АСТАНА. KAZINFORM), which says where the agency filed, not what the text names;
- a name before "атындағы" ("named after": Абай атындағы саябақ is a park, not a place Абай);
- a name in «» quotes alone («Астана» the club, «Алматы» the newspaper).
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from qatynas.extract import places_ru
from qatynas.extract.gazetteer import Entry, Gazetteer, Match
from qatynas.lang import rows
from qatynas.model import Document, Entity, Span
from qatynas.settings import Settings

_NAMED_AFTER = re.compile(r"[ \u00a0]+атындағы\b")
_DATELINE = re.compile(r"[ \t]*\.[ \t]*[A-ZА-ЯӘҒҚҢӨҰҮҺІ]{2,}")


def extract(doc: Document, settings: Settings) -> None:
    """Append one LOC entity per place named in the article to doc.entities."""
    assert doc.analysis is not None
    if doc.lang == "ru":
        doc.entities.extend(places_ru.find(doc))
        return
    doc.entities.extend(find(doc.analysis.text))


def find(text: str) -> list[Entity]:
    """LOC entities in order of first mention, each with all its mentions."""
    spans: dict[str, list[Span]] = defaultdict(list)
    for match in _gazetteer().find(text):
        if match.entry.kind == "block" or _excluded(text, match):
            continue
        spans[match.entry.key].append(Span(match.start, match.end))
    places = _places()
    out: list[Entity] = []
    for name, mentions in spans.items():
        row = places[name]
        out.append(
            Entity(
                label="LOC",
                name=name,
                mentions=tuple(mentions),
                country=row["country"],
                kind=row["kind"],
                lat=float(row["lat"]),
                lon=float(row["lon"]),
            )
        )
    return out


def _excluded(text: str, match: Match) -> bool:
    written = text[match.start : match.end]
    if written.isupper() and len(written) > 2 and _DATELINE.match(text, match.end):
        return True  # АСТАНА. KAZINFORM
    if _NAMED_AFTER.match(text, match.end):
        return True
    before = text[match.start - 1] if match.start else ""
    after = text[match.end] if match.end < len(text) else ""
    return before == "«" and after == "»"


@cache
def _places() -> dict[str, dict[str, str]]:
    return {r["name"]: r for r in rows("kk", "places.tsv")}


@cache
def _gazetteer() -> Gazetteer:
    """Places, with state and organisation names as blocks (a later row replaces a form)."""
    entries: dict[str, Entry] = {}
    for r in rows("kk", "places.tsv"):
        forms = [f for f in r["forms"].split("|") if f]
        if r["via"] != "forms_only":
            forms.insert(0, r["name"])
        via = "common_name" if r["via"] == "common_name" else "name"
        for form in forms:
            entries[form] = Entry(form, r["name"], via, "place")
    for r in rows("kk", "countries.tsv"):
        entries[r["name"]] = Entry(r["name"], r["code"], "block", "block")
    for r in rows("kk", "not_countries.tsv"):  # seas and regions: Арал теңізі is not Арал
        entries[r["form"]] = Entry(r["form"], r["kind"], "block", "block")
    for name in ("country_forms.tsv", "organizations_intl.tsv"):
        for r in rows("kk", name):
            if r["via"] != "adjective":
                entries[r["form"]] = Entry(r["form"], r["code"], "block", "block")
    return Gazetteer(entries.values())
