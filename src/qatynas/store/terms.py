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
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache

from qatynas.analyse import morph, script

_WORD = re.compile(r"[^\W_]+")
PREFIX_MIN = 5


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


def match_expression(
    query: str, expand: Callable[[str], list[str] | None] | None = None
) -> str | None:
    """An FTS5 MATCH expression: all the query's lemmas, each quoted, long ones as prefixes;
    None when the query has no word, or (with `expand`) a word no indexed term begins with.

    With `expand` (a lemma → the indexed terms it stands for, or None when they are too many),
    a long lemma becomes those terms OR-ed instead of an FTS prefix: the same articles, found
    without merging the posting list of every inflected form that begins with the lemma.
    """
    parts = []
    for lemma in query_lemmas(query):
        quoted = quote_term(lemma)
        if len(lemma) < PREFIX_MIN:
            parts.append(quoted)
            continue
        found = expand(lemma) if expand else None
        if found is None:
            parts.append(quoted + "*")
        elif not found:
            return None
        else:
            parts.append("(" + " OR ".join(quote_term(t) for t in found) + ")")
    return " AND ".join(parts) or None


def tag(kind: str, value: str) -> str:
    """The `search_tags` term of a filter value: `c` + a country code, `t` + an event type."""
    return kind + value.lower()


def tags_of(record: dict[str, object]) -> str:
    """The `search_tags` column of an article record: its countries, then its event types."""
    countries = [tag("c", c["code"]) for c in _dicts(record.get("countries"))]
    types = [tag("t", e["type"]) for e in _dicts(record.get("events"))]
    return " ".join(dict.fromkeys(countries + types))


def _dicts(value: object) -> list[dict[str, str]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def quote_term(term: str) -> str:
    """`term` as an FTS5 string (a phrase of the tokens it holds)."""
    return '"' + term.replace('"', '""') + '"'


def covering_terms(prefix: str, candidates: Iterable[str]) -> list[str]:
    """The indexed terms among `candidates` (all those beginning with `prefix`) that a search
    for `prefix*` must OR together to find every document any of them is in.

    Every indexed word is stored as its lemma and, when it differs, its surface form, so a
    surface form whose lemma also begins with `prefix` is in no document without that lemma:
    it can be left out, unless it is itself some candidate's lemma (the lemmatiser is not
    idempotent on every form).
    """
    cands = list(dict.fromkeys(candidates))
    lemmas = {t: _lemma(t) for t in cands}
    outputs = set(lemmas.values())
    return [t for t in cands if lemmas[t] == t or t in outputs or not lemmas[t].startswith(prefix)]


def snippet(text: str, query: str, width: int = 160) -> str:
    """About `width` characters of `text` around the first word whose lemma the query names."""
    wanted = set(query_lemmas(query))
    # The text as it is first (a Cyrillic text needs no conversion, which is the costly step
    # for one with a few Latin words), then in Cyrillic, then word by word.
    at = _first_candidate_hit(text, list(range(len(text) + 1)), wanted)
    if at is None:
        cyrillic, offsets, _ = script.to_cyrillic(text)
        if cyrillic != text:
            at = _first_candidate_hit(cyrillic, offsets, wanted)
    if at is None:  # a form whose stem changed more than in its last letter
        at = _first_hit(text, wanted)
    at = at or 0
    start = max(0, at - width // 3)
    end = min(len(text), start + width)
    return ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def _first_candidate_hit(text: str, offsets: Sequence[int], wanted: set[str]) -> int | None:
    """`_first_hit` among the words of the Cyrillic `text` that begin with a wanted lemma less
    its last letter (which may alternate: кітап → кітабы): one regular-expression scan finds
    the candidates, and only they are lemmatised. `offsets` maps `text` to the original."""
    stems = sorted({w[:-1] if len(w) > 2 else w for w in wanted}, key=len, reverse=True)
    if not stems:
        return None
    pattern = r"(?<![^\W_])(?:" + "|".join(map(re.escape, stems)) + r")[^\W_]*"
    for m in re.finditer(pattern, text, re.IGNORECASE):
        surface = m.group()
        if _hit(_lemma(surface), surface.casefold(), wanted):
            return offsets[m.start()]
    return None


def _first_hit(text: str, wanted: set[str]) -> int | None:
    return next((s for lemma, surface, s, _ in words(text) if _hit(lemma, surface, wanted)), None)


def _hit(lemma: str, surface: str, wanted: set[str]) -> bool:
    return lemma in wanted or any(len(w) >= PREFIX_MIN and surface.startswith(w) for w in wanted)
