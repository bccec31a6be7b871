"""PLACEHOLDER: places (cities, regions) as LOC entities with country and coordinates."""

from __future__ import annotations

from qatynas.model import Document
from qatynas.settings import Settings


def extract(doc: Document, settings: Settings) -> None:
    return None
