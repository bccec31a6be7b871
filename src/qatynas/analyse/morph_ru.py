"""Russian morphology with pymorphy3 (OpenCorpora dictionaries shipped in its wheel).

`lemma("Казахстана") == "казахстан"`; `case_forms("Южная Корея")` lists every singular case form
of a name (Южной Кореи, Южную Корею...), which is how the gazetteers match Russian, where every
word of a name is inflected; `case_of(word)` gives the cases a word form may stand in. Nothing is
downloaded: the dictionaries are files of the `pymorphy3-dicts-ru` wheel.
"""

from __future__ import annotations

from functools import cache, lru_cache

import pymorphy3
from pymorphy3.analyzer import Parse

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_NOMINAL = frozenset({"NOUN", "ADJF", "PRTF", "NUMR", "NPRO"})
_INFLECTED = frozenset({"NOUN", "ADJF", "PRTF"})


@cache
def analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=100_000)
def parses(word: str) -> tuple[Parse, ...]:
    return tuple(analyzer().parse(word))


@lru_cache(maxsize=100_000)
def lemma(word: str) -> str:
    """The lower-case dictionary form of the most likely reading (ё kept as е)."""
    if not any(c.isalpha() for c in word):
        return word
    found = parses(word)
    return (found[0].normal_form if found else word.lower()).replace("ё", "е")


def pos(word: str) -> str | None:
    """The part of speech of the most likely reading (NOUN, VERB, PREP, ...)."""
    found = parses(word)
    return str(found[0].tag.POS) if found and found[0].tag.POS else None


def case_of(word: str) -> frozenset[str]:
    """Every case a reading of the word form has (nominal readings only)."""
    return frozenset(str(p.tag.case) for p in parses(word) if p.tag.case and p.tag.POS in _NOMINAL)


def _restore(template: str, word: str) -> str:
    """`word` written with the capitals of `template` (first letter, or all of it)."""
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
    return word


def _inflected(word: str, case: str) -> str | None:
    """The word in `case`, keeping number and gender; None when it does not inflect."""
    for p in parses(word):
        if p.tag.POS in _INFLECTED and p.tag.case == "nomn":
            number = "plur" if p.tag.number == "plur" else "sing"
            form = p.inflect({case, number})
            return _restore(word, form.word) if form else None
    return None


def case_forms(phrase: str) -> frozenset[str]:
    """The phrase in every case (each segment between "и" up to its first noun is inflected;
    what follows a noun, a genitive or an apposition, stays: Соединённые Штаты Америки,
    Республика Корея). An indeclinable name gives only itself."""
    out = {phrase}
    words = phrase.split()
    for case in CASES:
        built: list[str] = []
        inflecting = True
        for word in words:
            if word == "и":
                inflecting = True
                built.append(word)
                continue
            form = _inflected(word, case) if inflecting else None
            built.append(form or word)
            if any(p.tag.POS == "NOUN" for p in parses(word)[:1]):
                inflecting = False
        out.add(" ".join(built).replace("ё", "е"))  # the data files write е for ё
    return frozenset(out)


def adjective_forms(adjective: str) -> frozenset[str]:
    """Every form of an adjective (казахстанский → казахстанская, казахстанских...) and its
    combining form in compounds (казахстанско-китайский)."""
    out = {adjective}
    for p in parses(adjective):
        if p.tag.POS == "ADJF":
            out.update(f.word.replace("ё", "е") for f in p.lexeme if f.tag.POS == "ADJF")
            break
    for end in ("ский", "цкий", "ный", "ий", "ый", "ой"):
        if adjective.endswith(end):
            out.add(adjective[: len(adjective) - len(end)] + end[:-2] + "о")
            break
    return frozenset(out)


def nominative(word: str, agree: frozenset[str] = frozenset()) -> str:
    """The word put in the nominative, number kept (руководителем → руководитель); unchanged
    when it is already nominative, an abbreviation (УЗ) or does not inflect. `agree`: the gender
    and number of the noun an adjective goes with (Национальным банком → Национальный банк)."""
    if word.isupper() and len(word) > 1:
        return word
    for p in parses(word):
        if p.tag.POS not in _INFLECTED or not p.tag.case:
            continue
        if p.tag.case == "nomn":
            return word
        number = "plur" if p.tag.number == "plur" else "sing"
        wanted = {"nomn", number} | (agree if p.tag.POS != "NOUN" else set())
        form = p.inflect(wanted) or p.inflect({"nomn", number})
        return _restore(word, form.word) if form else word
    return word


def agreement(noun: str) -> frozenset[str]:
    """The gender and number of a noun, for the adjectives that go with it."""
    for p in parses(noun):
        if p.tag.POS == "NOUN":
            if p.tag.number == "plur":
                return frozenset({"plur"})
            return frozenset(str(g) for g in (p.tag.gender, p.tag.number) if g)
    return frozenset()


def has_tag(word: str, grammeme: str) -> bool:
    """Whether some reading of the word carries the grammeme (Name, Surn, Patr, Geox...)."""
    return any(grammeme in p.tag for p in parses(word))


def is_known(word: str) -> bool:
    """Whether the dictionary knows the word (not a guess from its ending)."""
    return bool(analyzer().word_is_known(word.lower()))
