"""Readable, stable ASCII spellings of Kazakh and Russian Cyrillic names (the `latin` field).

One letter table (`lang/kk/romanise.tsv`): Қонысбаев → Konysbayev, Ермұхамет → Yermukhamet,
Хачатурян → Khachaturyan. It is a rule, not a registry of official spellings (Қасым-Жомарт gives
Kasym-Zhomart, not the passport's Kassym-Jomart), so the same name always gives the same letters.
Latin letters pass through without their accents (Kazakh Latin á → a, ı → i).
"""

from __future__ import annotations

import unicodedata
from functools import cache

from qatynas.lang import rows

# Latin letters without a decomposition to plain ASCII.
_LATIN_EXTRA = str.maketrans(
    {"ı": "i", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe"}
    | {"đ": "d", "Đ": "D", "ł": "l", "Ł": "L", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D"}
)


def romanise(name: str) -> str:
    """The name in ASCII letters; spaces, hyphens and other ASCII characters are kept."""
    table = _table()
    out: list[str] = []
    prev = ""  # previous letter of the current word, lower case ("" at a word start)
    for char in name:
        lower = char.lower()
        options = table.get(lower)
        if options is None:
            out.append(_ascii(char))
            prev = lower if char.isalpha() else ""
            continue
        latin = next(lat for lat, after in options if not after or _follows(prev, after))
        out.append(_case(latin, char, name))
        prev = lower
    return "".join(out)


def _follows(prev: str, after: str) -> bool:
    return (prev == "" and "^" in after) or (prev != "" and prev in after)


def _case(latin: str, char: str, name: str) -> str:
    if not char.isupper() or not latin:
        return latin
    letters = [c for c in name if c.isalpha()]
    shouting = len(letters) > 1 and all(c.isupper() for c in letters)
    return latin.upper() if shouting else latin.capitalize()


def _ascii(char: str) -> str:
    if char.isascii():
        return char
    plain = unicodedata.normalize("NFKD", char.translate(_LATIN_EXTRA))
    return "".join(c for c in plain if c.isascii())


@cache
def _table() -> dict[str, tuple[tuple[str, str], ...]]:
    table: dict[str, list[tuple[str, str]]] = {}
    for row in rows("kk", "romanise.tsv"):
        table.setdefault(row["cyrillic"], []).append((row["latin"], row["after"]))
    return {k: tuple(v) for k, v in table.items()}
