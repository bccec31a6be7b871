"""PLOVER's quad classes: the four-way grouping of the 16 event types (spec/annotation.md)."""

from __future__ import annotations

QUADS: dict[str, tuple[str, ...]] = {
    "verbal_cooperation": ("AGREE", "CONSULT", "SUPPORT", "CONCEDE"),
    "material_cooperation": ("COOPERATE", "AID", "RETREAT"),
    "verbal_conflict": ("REQUEST", "ACCUSE", "REJECT", "THREATEN"),
    "material_conflict": ("PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
}
QUAD_OF: dict[str, str] = {t: quad for quad, types in QUADS.items() for t in types}


def quad_class(event_type: str) -> str:
    return QUAD_OF.get(event_type, "other")
