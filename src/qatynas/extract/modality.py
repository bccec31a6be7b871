"""Modality of an event from its clause: asserted, planned, negated or hypothetical."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from qatynas import lang
from qatynas.extract.lexicon import Pattern, PatternIndex
from qatynas.model import Modality

ORDER: tuple[Modality, ...] = ("negated", "hypothetical", "planned")
_NEUTRAL = -1


@cache
def _markers(language: str) -> tuple[PatternIndex, dict[Modality, re.Pattern[str]]]:
    words: list[tuple[Pattern, int]] = []
    suffixes: dict[Modality, list[str]] = {}
    for r in lang.rows(language, "modality.tsv"):
        kind = r["modality"]
        value = ORDER.index(kind) if kind in ORDER else _NEUTRAL
        if r["kind"] == "word":
            words.append((Pattern.parse(r["marker"]), value))
        elif kind in ORDER:
            suffixes.setdefault(kind, []).append(r["marker"])
    compiled = {k: re.compile("|".join(f"(?:{s})" for s in v)) for k, v in suffixes.items()}
    return PatternIndex(words), compiled


def modality_of(words: Sequence[str], language: str = "kk") -> Modality:
    """`words`: the lowercase tokens of the trigger's clause."""
    index, suffixes = _markers(language)
    found = index.find(words)
    neutral = {i for a, b, v in found if v == _NEUTRAL for i in range(a, b)}
    kinds = {v for _, _, v in found if v != _NEUTRAL}
    for n, kind in enumerate(ORDER):
        if n in kinds:
            return kind
        pattern = suffixes.get(kind)
        if pattern and any(
            i not in neutral and w.isalpha() and pattern.search(w) for i, w in enumerate(words)
        ):
            return kind
    return "asserted"
