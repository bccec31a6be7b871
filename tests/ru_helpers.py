"""Run the whole pipeline on a Russian text (shared by the tests/test_ru_*.py files)."""

from __future__ import annotations

from typing import Any

from qatynas.model import Document
from qatynas.pipeline import process
from qatynas.serve.render import document_record
from qatynas.settings import Settings


def extract(text: str, date: str | None = "2024-10-02", title: str | None = None) -> Any:
    """The output record (spec/output.md) of one article."""
    return document_record(process(Document(id="t", text=text, date=date, title=title), Settings()))
