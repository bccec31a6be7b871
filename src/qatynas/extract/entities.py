"""PLACEHOLDER: entities extraction."""

from __future__ import annotations

from qatynas.model import Document
from qatynas.settings import Settings


def extract(doc: Document, settings: Settings) -> None:
    return None
