"""The actor dictionary (`lang/kk/actors.tsv`): well-known persons and the state they serve.

It lets a surname alone tie a person to a state (Нетаниаху → ISR, Си Цзиньпин → CHN) and gives
their Latin spelling. Look-ups go by the lower-case last word of the name or of a variant.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from qatynas.lang import rows

LANG = "kk"


@dataclass(frozen=True)
class Actor:
    name: str
    forms: tuple[str, ...]  # the name and its variants
    latin: str
    country: str | None
    org: str | None
    office: str
    start: str
    end: str

    def given_names(self) -> frozenset[str]:
        """Lower-case first words of the full forms (Дональд, Доналд)."""
        return frozenset(f.split()[0].lower() for f in self.forms if " " in f)

    def in_office(self, date: str | None) -> bool:
        """Whether the office was held on `date` (YYYY[-MM[-DD]]); unknown dates say yes."""
        if not date:
            return not self.end
        if self.start and date[: len(self.start)] < self.start:
            return False
        return not self.end or date[: len(self.end)] <= self.end


def _last(form: str) -> str:
    return form.replace(".", " ").split()[-1].lower()


@cache
def actors() -> tuple[Actor, ...]:
    out = []
    for r in rows(LANG, "actors.tsv"):
        variants = [v.strip() for v in r["variants"].split(";") if v.strip()]
        out.append(
            Actor(
                name=r["name"],
                forms=(r["name"], *variants),
                latin=r["latin"],
                country=r["country"] or None,
                org=r["org"] or None,
                office=r["office"],
                start=r["start"],
                end=r["end"],
            )
        )
    return tuple(out)


@cache
def _by_surname() -> dict[str, tuple[Actor, ...]]:
    index: dict[str, list[Actor]] = {}
    for actor in actors():
        for key in dict.fromkeys(_last(f) for f in actor.forms):
            index.setdefault(key, []).append(actor)
    return {k: tuple(v) for k, v in index.items()}


@cache
def full_forms() -> frozenset[str]:
    """Every lower-case full form of a name with two words or more (дональд трамп)."""
    return frozenset(f.lower() for a in actors() for f in a.forms if " " in f)


@cache
def surnames() -> frozenset[str]:
    """Every lower-case surname the dictionary knows (asked for every name-like run)."""
    return frozenset(_by_surname())


def lookup(surname: str, given: str | None = None, date: str | None = None) -> Actor | None:
    """The actor with this surname: the one whose given name matches, else the one in office.

    Without a given name an ambiguous surname goes to the holder of an office on `date`, and
    stays unresolved when none or several hold one.
    """
    return choose(_by_surname().get(surname.lower(), ()), given, date)


def choose(
    found: Sequence[Actor],
    given: str | None,
    date: str | None,
    fold: Callable[[str], str] = str.lower,
) -> Actor | None:
    """One actor among those of a surname: the one whose given name matches (compared through
    `fold`, e.g. a cross-language key), else the only one, else the only one in office."""
    if given:
        key = fold(given)
        named = [a for a in found if key in {fold(g) for g in a.given_names()}]
        if named:
            return named[0]
        if found and all(a.given_names() for a in found):
            return None
    if len(found) == 1:
        return found[0]
    current = [a for a in found if a.in_office(date)]
    return current[0] if len(current) == 1 else None
