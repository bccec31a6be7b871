"""The ordered stages from a read Document to an extracted one.

Each stage is a function `(doc, settings) -> None` that reads what earlier stages assigned and
assigns its own fields; `STAGES` names what each requires and assigns, so the order is checked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from qatynas.analyse import langid, text_ru
from qatynas.analyse.text import analyse
from qatynas.extract import countries, entities, events, places, quotes
from qatynas.model import Document
from qatynas.settings import Settings


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Document, Settings], None]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


def _analyse(doc: Document, settings: Settings) -> None:
    doc.analysis = analyse(doc)
    doc.lang = langid.detect(doc.analysis.text, settings.languages)
    if doc.lang == "kk" and doc.analysis.script == "mixed":
        # Latin names in a Russian article (Agriqa) convert to Kazakh letters: ask the text
        # as published, where a Russian article stays Russian.
        published = "\n\n".join(filter(None, (doc.title, doc.text)))
        if langid.detect(published, settings.languages) == "ru":
            doc.lang = "ru"
    if doc.lang == "ru":  # as published, with Russian sentences and lemmas (analyse/text_ru.py)
        doc.analysis = text_ru.analyse(doc)


STAGES: tuple[Stage, ...] = (
    Stage("analyse", _analyse, ("text",), ("analysis", "lang")),
    # States (doc.countries) and international organisations (ORG entities with a code).
    Stage("countries", countries.extract, ("analysis",), ("countries", "intl_orgs")),
    # Cities and regions (LOC entities with country and coordinates).
    Stage("places", places.extract, ("analysis",), ("places",)),
    # Persons with role and country, and other organisations (ministries, companies...).
    Stage("entities", entities.extract, ("analysis", "countries", "places"), ("entities",)),
    Stage("events", events.extract, ("analysis", "countries", "entities"), ("events",)),
    Stage("quotes", quotes.extract, ("analysis", "entities"), ("quotes",)),
)


def _check_order(stages: tuple[Stage, ...]) -> None:
    have = {"text"}
    for stage in stages:
        missing = set(stage.requires) - have
        if missing:
            raise RuntimeError(f"stage {stage.name} requires {sorted(missing)} before it")
        have.update(stage.assigns)


_check_order(STAGES)


def process(doc: Document, settings: Settings) -> Document:
    for stage in STAGES:
        stage.run(doc, settings)
    return doc
