"""The web UI's labels in English and Kazakh (`labels.tsv`), and the language a request asks for.

A page is in the language of the `lang` query parameter, else of the `lang` cookie the switch
sets, else English. Names of persons and places stay as written; their romanisation shows on hover.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

import pycountry
from babel import Locale

Lang = Literal["en", "kk"]
LANGS: tuple[Lang, ...] = ("en", "kk")
DEFAULT: Lang = "en"


@cache
def _labels() -> dict[str, dict[str, str]]:
    text = resources.files("qatynas.serve").joinpath("labels.tsv").read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    table: dict[str, dict[str, str]] = {}
    for line in lines[1:]:
        cells = dict(zip(header, line.split("\t"), strict=True))
        table[cells["key"]] = cells
    return table


def choose(query: str | None, cookie: str | None) -> Lang:
    for value in (query, cookie):
        if value == "en":
            return "en"
        if value == "kk":
            return "kk"
    return DEFAULT


def label(key: str, lang: Lang) -> str:
    """The label for `key`; the key itself where the table has none (a visible gap, no error)."""
    row = _labels().get(key)
    return row[lang] if row else key


@cache
def english_name(code: str) -> str | None:
    """The everyday English name of an ISO alpha-3 code, from CLDR (Babel): Iran, not "Iran,
    Islamic Republic of"; None for UN, EU and other organisation codes."""
    found = pycountry.countries.get(alpha_3=code) if len(code) == 3 else None
    if found is None:
        return None
    name = Locale("en").territories.get(found.alpha_2) or found.name
    return str(name)
