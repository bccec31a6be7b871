"""Kazakh-aware full-text search: the normalisation done in Python at index and query time.

SQLite's tokenizer knows no Kazakh morphology, so the text put into the FTS5 columns is already
normalised: every word becomes its lemma (`analyse.morph.lemma`), followed by its surface form
when that differs, both case-folded. A query is normalised to lemmas the same way, so `Армения`
finds `Арменияның` and `Арменияда`, while a plain FTS query typed into Datasette still finds the
surface forms. Latin-script text goes through `analyse.script.to_cyrillic` first, so one query
finds an article in either alphabet.

A query lemma of at least `PREFIX_MIN` letters also matches as a prefix: Kazakh inflects by
appending suffixes, so `армения*` still finds `арменияның` where the lemmatiser misses a form.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from qatynas.analyse import morph, script

_WORD = re.compile(r"[^\W_]+")
PREFIX_MIN = 5
_HEAD = 1500  # characters searched first for a snippet's word


@lru_cache(maxsize=200_000)
def _lemma(word: str) -> str:
    return morph.lemma(word).casefold() or word.casefold()


def words(text: str) -> Iterator[tuple[str, str, int, int]]:
    """(lemma, surface, start, end) of each word; offsets index `text` as given."""
    cyrillic, offsets, _ = script.to_cyrillic(text)
    for m in _WORD.finditer(cyrillic):
        surface = m.group()
        yield _lemma(surface), surface.casefold(), offsets[m.start()], offsets[m.end()]


def index_text(text: str | None) -> str:
    """The string stored in a `search_*` column for `text`."""
    out: list[str] = []
    for lemma, surface, _, _ in words(text or ""):
        out.append(lemma)
        if surface != lemma:
            out.append(surface)
    return " ".join(out)


def query_lemmas(query: str) -> list[str]:
    return list(dict.fromkeys(lemma for lemma, _, _, _ in words(query)))


def match_expression(query: str) -> str | None:
    """An FTS5 MATCH expression: all the query's lemmas, each quoted, long ones as prefixes."""
    parts = []
    for lemma in query_lemmas(query):
        quoted = '"' + lemma.replace('"', '""') + '"'
        parts.append(quoted + "*" if len(lemma) >= PREFIX_MIN else quoted)
    return " ".join(parts) or None


def snippet(text: str, query: str, width: int = 160) -> str:
    """About `width` characters of `text` around the first word whose lemma the query names."""
    wanted = set(query_lemmas(query))
    # Most hits are near the start: look there first, and through the whole text only if not.
    at = _first_hit(text[:_HEAD], wanted)
    if at is None and len(text) > _HEAD:
        at = _first_hit(text, wanted)
    at = at or 0
    start = max(0, at - width // 3)
    end = min(len(text), start + width)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def _first_hit(text: str, wanted: set[str]) -> int | None:
    return next((s for lemma, surface, s, _ in words(text) if _hit(lemma, surface, wanted)), None)


def _hit(lemma: str, surface: str, wanted: set[str]) -> bool:
    return lemma in wanted or any(len(w) >= PREFIX_MIN and surface.startswith(w) for w in wanted)
