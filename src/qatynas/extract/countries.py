"""States (doc.countries) and international organisations (ORG entities with a code).

Both come from one gazetteer (extract/gazetteer.py) so that the longest name wins everywhere:
"Еуропалық Одақ" is the EU, not Europe; "Латын Америкасы" is neither a state nor America;
"Азия даму банкі" is the ADB. Data (lang/kk/): countries.tsv (generated from CLDR),
country_forms.tsv (press forms, abbreviations, adjectives), organizations_intl.tsv,
not_countries*.tsv (continents, regions, seas: matched only to block), not_states.tsv (ISO
territories that are no states: Гренландия, Гонконг), currency_words.tsv.

What annotation.md says a country mention is not, and how it is kept out:
- a currency name (АҚШ доллары, ресей рублі): a state followed by a currency noun is dropped;
- a language (қазақ тілі, ағылшын тілінде): an adjective followed by тіл is dropped;
- a continent: continents are blocks, never reported;
- a dateline (АСТАНА. KAZINFORM) or a city: cities are not in this gazetteer at all.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

from qatynas.extract import countries_ru
from qatynas.extract.gazetteer import Entry, Gazetteer, Match, is_derivation, is_suffix_chain
from qatynas.lang import rows
from qatynas.model import CountryMention, Document, Entity, Span
from qatynas.settings import Settings

_NEXT_WORD = re.compile(r"[ \u00a0]+([^\W\d_]+)")
_LANGUAGE_NOUN = "тіл"


def extract(doc: Document, settings: Settings) -> None:
    """Assign doc.countries and append the international organisations to doc.entities."""
    assert doc.analysis is not None
    mentions, orgs = find(doc.analysis.text, _language(doc.lang))
    doc.countries = mentions
    doc.entities.extend(orgs)


def _language(lang: str | None) -> str:
    """The gazetteer language of an article: Russian for Russian ones, else Kazakh."""
    return "ru" if lang == "ru" else "kk"


def find(text: str, language: str = "kk") -> tuple[list[CountryMention], list[Entity]]:
    """Country mentions in text order, and one ORG entity per organisation named."""
    mentions: list[CountryMention] = []
    org_spans: dict[str, list[Span]] = defaultdict(list)
    russian = language == "ru"
    for match in _gazetteer(language).find(text):
        entry = match.entry
        if entry.kind == "block":
            continue
        if russian and countries_ru.is_currency(text, match):
            continue
        if not russian and _is_currency(text, match):
            continue
        if entry.kind == "org":
            org_spans[entry.key].append(Span(match.start, match.end))
            continue
        if entry.via == "adjective" and (
            countries_ru.before_language_noun(text, match.end)
            if russian
            else _next_word_is(text, match.end, _LANGUAGE_NOUN)
        ):
            continue
        via = "adjective" if entry.via == "name" and is_derivation(match.tail) else entry.via
        name = _country_names(language).get(entry.key, entry.form)
        mentions.append(CountryMention(entry.key, name, Span(match.start, match.end), via))
    codes = _org_codes(language)
    orgs = [
        Entity(label="ORG", name=name, mentions=tuple(spans), code=codes[name])
        for name, spans in org_spans.items()
    ]
    return mentions, orgs


def country_name(code: str, language: str = "kk") -> str | None:
    """The nominative name of an ISO alpha-3 code (Армения for ARM), if known."""
    return _country_names(language).get(code)


def _is_currency(text: str, match: Match) -> bool:
    return _next_word_in(text, match.end, _currency_stems())


def _next_word_is(text: str, pos: int, stem: str) -> bool:
    """True when the word after `pos` is `stem` plus a suffix chain (тілінде)."""
    return _next_word_in(text, pos, frozenset((stem,)))


def _next_word_in(text: str, pos: int, stems: frozenset[str]) -> bool:
    """True when the word after `pos` is one of `stems` plus a suffix chain (доллары)."""
    found = _NEXT_WORD.match(text, pos)
    if not found:
        return False
    word = found.group(1).lower()
    return any(word[:n] in stems and is_suffix_chain(word[n:]) for n in range(len(word), 1, -1))


@cache
def _currency_stems() -> frozenset[str]:
    return frozenset(r["stem"] for r in rows("kk", "currency_words.tsv"))


@cache
def _country_names(language: str = "kk") -> dict[str, str]:
    names = {r["code"]: r["name"] for r in rows(language, "countries.tsv")}
    if language == "ru":
        names.update(countries_ru.preferred_names())
    return names


@cache
def _org_codes(language: str = "kk") -> dict[str, str]:
    return {r["name"]: r["code"] for r in rows(language, "organizations_intl.tsv")}


def _via(form: str, via: str) -> str:
    # CLDR lists abbreviations among the names (АҚШ); they must match case-sensitively.
    return "abbreviation" if form.isupper() and len(form) <= 6 else via


@cache
def _gazetteer(language: str = "kk") -> Gazetteer:
    """One automaton over states, organisations and blocks. A later file's row replaces an
    earlier one of the same form: curated rows replace generated ones (Палау, also "pilaf", is a
    common_name in country_forms.tsv)."""
    if language == "ru":
        return countries_ru.gazetteer()
    entries: dict[str, Entry] = {}
    territories = {r["code"] for r in rows("kk", "not_states.tsv")}

    def add(form: str, code: str, via: str) -> None:
        kind = "block" if code in territories else "country"
        entries[form] = Entry(form, code, via, kind)

    def block(name: str) -> None:
        for r in rows("kk", name):
            entries[r["form"]] = Entry(r["form"], r["kind"], "block", "block")

    block("not_countries_cldr.tsv")  # CLDR's "Америка" is the continent; the press means USA
    for r in rows("kk", "countries.tsv"):
        for form in [r["name"], *filter(None, r["forms"].split("|"))]:
            add(form, r["code"], _via(form, "name"))
    block("not_countries.tsv")
    for r in rows("kk", "country_forms.tsv"):
        add(r["form"], r["code"], r["via"])
    for r in rows("kk", "organizations_intl.tsv"):
        entries[r["form"]] = Entry(r["form"], r["name"], r["via"], "org")
    return Gazetteer(entries.values())
