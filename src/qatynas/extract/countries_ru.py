"""The Russian gazetteer of states, organisations and blocks, and its Russian exclusions.

Russian inflects every word of a name (Южной Кореи, Объединённых Арабских Эмиратов), so instead
of the Kazakh suffix-chain tails the gazetteer lists each name in every case
(`morph_ru.case_forms`) and each adjective in every form (`morph_ru.adjective_forms`), and the
matcher takes whole words only. Data (lang/ru/): countries.tsv (CLDR ru), country_forms.tsv,
organizations_intl.tsv, not_countries.tsv, not_states.tsv, currency_words.tsv.

Kept out, as annotation.md asks: a currency (доллар США, российский рубль: a currency noun right
before or after the state), a language (на казахском языке: an adjective before язык).
"""

from __future__ import annotations

import re
from functools import cache

from qatynas.analyse import morph_ru
from qatynas.extract.gazetteer import Entry, Gazetteer, Match
from qatynas.lang import rows

LANG = "ru"
_NEXT_WORD = re.compile(r"[ \u00a0]+([^\W\d_]+)")
_PREV_WORD = re.compile(r"([^\W\d_]+)[ \u00a0]+\Z")
_LANGUAGE_NOUN = "язык"


def _next_lemma(text: str, pos: int) -> str:
    found = _NEXT_WORD.match(text, pos)
    return morph_ru.lemma(found.group(1)) if found else ""


def _prev_lemma(text: str, pos: int) -> str:
    found = _PREV_WORD.search(text, max(0, pos - 40), pos)
    return morph_ru.lemma(found.group(1)) if found else ""


def is_currency(text: str, match: Match) -> bool:
    """A state before or after a currency noun names the currency (доллар США, рубль РФ)."""
    stems = _currency_stems()
    return _next_lemma(text, match.end) in stems or _prev_lemma(text, match.start) in stems


def before_language_noun(text: str, pos: int) -> bool:
    """The word after `pos` is a form of язык (казахский язык, на русском языке)."""
    return _next_lemma(text, pos) == _LANGUAGE_NOUN


@cache
def _currency_stems() -> frozenset[str]:
    return frozenset(r["stem"] for r in rows(LANG, "currency_words.tsv"))


@cache
def preferred_names() -> dict[str, str]:
    """Names the Kazakhstani press uses instead of CLDR's (Кыргызстан for Киргизия)."""
    return {r["code"]: r["form"] for r in rows(LANG, "country_forms.tsv") if r["preferred"]}


def _forms(form: str, via: str) -> frozenset[str]:
    if via == "abbreviation":
        return frozenset((form,))
    if via == "adjective":
        return morph_ru.adjective_forms(form)
    return morph_ru.case_forms(form)


def _via(form: str) -> str:
    return "abbreviation" if form.isupper() and len(form) <= 6 else "name"


@cache
def gazetteer() -> Gazetteer:
    """States, organisations and blocks in every case form; a later file's row replaces an
    earlier one of the same form (curated press forms replace CLDR's)."""
    entries: dict[str, Entry] = {}
    territories = {r["code"] for r in rows(LANG, "not_states.tsv")}

    def add(form: str, key: str, via: str, kind: str) -> None:
        for written in _forms(form, via):
            entries[written] = Entry(written, key, via, kind)

    for r in rows(LANG, "countries.tsv"):
        kind = "block" if r["code"] in territories else "country"
        add(r["name"], r["code"], _via(r["name"]), kind)
    for r in rows(LANG, "not_countries.tsv"):
        via = "adjective" if r["kind"] == "adjective" else "name"
        for written in _forms(r["form"], via):
            entries[written] = Entry(written, r["kind"], "block", "block")
    for r in rows(LANG, "country_forms.tsv"):
        add(r["form"], r["code"], r["via"], "country")
    for r in rows(LANG, "organizations_intl.tsv"):
        add(r["form"], r["name"], r["via"], "org")
    return Gazetteer(entries.values(), language=LANG)
