"""Keys that identify a thing across articles: persons, organisations, places, content.

`person_key` is language-independent: it romanises a name to a coarse Latin skeleton
(lang/kk/person_key.tsv), drops patronymics and initials and sorts the parts, so that
"Қасым-Жомарт Тоқаев", "Касым-Жомарт Токаев", "Тоқаев Қасым-Жомарт" and "Kassym-Jomart Tokayev"
are one person when a Russian or English article arrives. It errs towards merging spellings of
one name; two people with the same full name share a key (the data holds no more to part them).
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from functools import cache
from typing import Any

from qatynas.lang import lines, rows

_PART = re.compile(r"[^\W\d_]+")
_REPEAT = re.compile(r"(.)\1+")
# The rendered record's fields that extraction adds; the rest are the article as read.
EXTRACTED = frozenset(
    {"lang", "script", "countries", "persons", "organizations", "locations", "events", "quotes"}
)


@cache
def _romaniser() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {r["from"]: r["to"] for r in rows("kk", "person_key.tsv")}
    alternation = "|".join(re.escape(k) for k in sorted(table, key=len, reverse=True))
    return re.compile(alternation), table


def skeleton(word: str) -> str:
    """The coarse Latin form of one word: romanised, without y, doubled letters collapsed."""
    pattern, table = _romaniser()
    latin = pattern.sub(lambda m: table[m.group()], unicodedata.normalize("NFC", word.casefold()))
    latin = "".join(c for c in latin if "a" <= c <= "z" and c != "y")
    return _REPEAT.sub(r"\1", latin)


def _is_patronymic(part: str) -> bool:
    return any(
        part.endswith(e) and len(part) > len(e) + 1 for e in lines("kk", "patronymic_endings.txt")
    )


def person_key(name: str) -> str:
    """The key two spellings of one person's name share (see the module docstring)."""
    parts = [p.casefold() for p in _PART.findall(name)]
    if len(parts) > 2:
        parts = [p for p in parts if not _is_patronymic(p)] or parts
    if len(parts) > 1:
        parts = [p for p in parts if len(p) > 1] or parts  # initials: "Қ. Тоқаев"
    return " ".join(sorted(s for s in (skeleton(p) for p in parts) if s)) or name.casefold()


def name_key(name: str, *qualifiers: str | None) -> str:
    """The key of an organisation or place: its case-folded name, with code or country."""
    base = " ".join(_PART.findall(name.casefold())) or name.casefold()
    return "|".join([base, *(q or "" for q in qualifiers)])


def content_hash(fields: dict[str, Any]) -> str:
    """sha256 of an article as read (id, date, source, title, text and extra input fields)."""
    data = json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def record_hash(record: dict[str, Any]) -> str:
    """The content hash of a rendered record: of its fields that are not extraction."""
    return content_hash({k: v for k, v in record.items() if k not in EXTRACTED})
