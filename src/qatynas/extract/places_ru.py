"""Places in Russian articles: the NER's locations that the place gazetteer knows.

natasha's NER finds the locations (analyse/ner_ru.py) and gives their nominative (Ереване →
Ереван, Туркестанской области → Туркестанская область). A location is kept when it is a place
of lang/kk/places.tsv, matched by the coarse Latin skeleton of its name (store.keys.skeleton
folds the Kazakh letters: Актобе is Ақтөбе) or through lang/ru/places.tsv where the Russian name
differs (Караганда → Қарағанды); the row gives country, kind and coordinates, the name stays
Russian. States and organisations found by the countries stage are never places; nor is a name
alone in «» (a club, a newspaper).
"""

from __future__ import annotations

from functools import cache

from qatynas.analyse import ner_ru
from qatynas.lang import rows
from qatynas.model import Document, Entity, Span
from qatynas.store.keys import skeleton

LANG = "ru"


def _key(name: str) -> str:
    return " ".join(skeleton(w) for w in name.replace("-", " ").split())


@cache
def _index() -> dict[str, dict[str, str]]:
    """Place rows by the skeleton of each of their names (Kazakh, variants, Russian)."""
    places = rows("kk", "places.tsv")
    by_name = {r["name"]: r for r in places}
    out: dict[str, dict[str, str]] = {}
    for r in places:
        for name in [r["name"], *filter(None, r["forms"].split("|"))]:
            out.setdefault(_key(name), r)
    for r in rows(LANG, "places.tsv"):
        if r["kk"] in by_name:
            out[_key(r["name"])] = by_name[r["kk"]]
    return out


def _quoted(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] == "«" and end < len(text) and text[end] == "»"


def find(doc: Document) -> list[Entity]:
    """LOC entities in order of first mention, each with all its mentions; one entity per
    place, named as first written."""
    assert doc.analysis is not None
    text = doc.analysis.text
    covered = [m.span for m in doc.countries]
    covered += [s for e in doc.entities for s in e.mentions]
    found: dict[str, tuple[str, dict[str, str], list[Span]]] = {}
    for sp in ner_ru.spans(text):
        if sp.label != "LOC" or _quoted(text, sp.start, sp.end):
            continue
        if any(c.start < sp.end and sp.start < c.end for c in covered):
            continue
        # As written first (Актобе, Алматы do not inflect), else in the nominative (Ереване).
        name = next((n for n in (sp.text, sp.normal) if _key(n) in _index()), None)
        if name is None:
            continue
        row = _index()[_key(name)]
        name = name[:1].upper() + name[1:]
        found.setdefault(row["name"], (name, row, []))[2].append(Span(sp.start, sp.end))
    return [
        Entity(
            label="LOC",
            name=name,
            mentions=tuple(spans),
            country=row["country"],
            kind=row["kind"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
        )
        for name, row, spans in found.values()
    ]
