"""What a person's name looks like in Kazakh text: given names, surname endings, case endings.

The lists come from `lang/kk/names_*` (given names and endings from airlock-pii, Apache-2.0; case
endings and foreign given names written for Qatynas). `nominative` puts the last word of a name
back into the nominative (Хачатурянның → Хачатурян, Кулубаевпен → Кулубаев): only the last word
of a Kazakh name is inflected, and a name's ending is not an ordinary word's, so this module keeps
its own small case-ending table with the sound classes each ending may follow instead of the
general stemmer, which would cut Коста to Кос.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from qatynas.lang import lines, rows

LANG = "kk"
_VOWELS = frozenset("аәеёиоөуұүыіэюя")
_BACK = frozenset("аоұыя")
_FRONT = frozenset("әөүі")
_CLASSES = {
    **dict.fromkeys("лрйу", "S"),
    **dict.fromkeys("мнң", "N"),
    **dict.fromkeys("жз", "Z"),
    **dict.fromkeys("птқкшсфхцчщбвгд", "K"),
}
MIN_STEM = 3
# Strong endings that many place names share (Таллин, Берлин): alone, a short word so ending is
# no surname.
WEAK_SINGLE = ("ин", "ина", "цын")
# Adjective endings: a capitalised word so ending opens an organisation's name, not a person's.
ADJECTIVE_ENDINGS = ("лық", "лік", "дық", "дік", "тық", "тік")
OPENING_ADJECTIVE = (*ADJECTIVE_ENDINGS, "ғы", "гі", "қы", "кі")


@dataclass(frozen=True)
class CaseEnding:
    ending: str
    case: str
    after: frozenset[str]
    harmony: str  # "back", "front" or "any"


def _sections(name: str) -> dict[str, tuple[str, ...]]:
    """Entries of a `[section]`-headed list file; comma-separated variants are split."""
    out: dict[str, list[str]] = {}
    current = ""
    for line in lines(LANG, name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        words = (w.split("(")[0].strip() for w in line.split(","))
        out.setdefault(current, []).extend(w for w in words if w)
    return {k: tuple(v) for k, v in out.items()}


@cache
def given_names() -> frozenset[str]:
    """Given names in lower case: Kazakh, Russian and foreign, plus the actor dictionary's."""
    names: set[str] = set()
    for file in ("names_given_names_kk.txt", "names_given_names_ru.txt"):
        for words in _sections(file).values():
            names.update(w.lower() for w in words)
    names.update(w.lower() for w in lines(LANG, "names_given_foreign.txt"))
    return frozenset(names)


@cache
def surname_endings() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(strong, weak) Cyrillic surname endings, longest first; feminine forms (-ова) added."""
    sections = _sections("names_name_endings.txt")
    # "улы", "кызы" (typed without Kazakh letters) also end Kazakh adjectives (санаулы): weak.
    strong = set(sections.get("surname", ())) | {"ұлы", "қызы"}
    strong |= {e + "а" for e in sections.get("surname", ())}
    strong |= {"баев", "бекова", "баева", "бекұлы"}
    weak = set(sections.get("surname-weak", ())) | set(sections.get("patronymic-kk", ()))
    weak |= {"ская", "цкая"}
    weak -= strong

    def order(s: set[str]) -> tuple[str, ...]:
        return tuple(sorted(s, key=len, reverse=True))

    return order(strong), order(weak)


@cache
def not_names() -> frozenset[str]:
    """Lower-case words that are capitalised without being names (Бүгін, Сонымен)."""
    out: set[str] = set()
    for section, words in _sections("names_not_names.txt").items():
        if section != "surname-too":
            out.update(w.lower() for w in words)
    return frozenset(out)


@cache
def case_endings() -> tuple[CaseEnding, ...]:
    table = (
        CaseEnding(r["ending"], r["case"], frozenset(r["after"].split()), r["harmony"])
        for r in rows(LANG, "names_case_endings.tsv")
    )
    return tuple(sorted(table, key=lambda c: len(c.ending), reverse=True))


def _harmony(stem: str) -> str:
    for ch in reversed(stem.lower()):
        if ch in _BACK:
            return "back"
        if ch in _FRONT:
            return "front"
        if ch in _VOWELS:
            return "any"
    return "any"


def _letter_classes(ch: str) -> frozenset[str]:
    """Sound classes of a stem's last letter; и and у are a vowel and a glide (ій, ұу) at once."""
    if ch in "иу":
        return frozenset({"V", "S"})
    return frozenset({"V"}) if ch in _VOWELS else frozenset({_CLASSES.get(ch, "")})


def nominative_candidates(word: str) -> list[str]:
    """The word and every stem a case ending may have been cut from, longest stem first."""
    return list(_nominative_candidates(word))


@lru_cache(maxsize=100_000)
def _nominative_candidates(word: str) -> tuple[str, ...]:
    out = [word]
    low = word.lower()
    for ce in case_endings():
        if not low.endswith(ce.ending) or len(low) - len(ce.ending) < MIN_STEM:
            continue
        stem = word[: len(word) - len(ce.ending)]
        if stem.endswith("-"):
            stem = stem[:-1]
        if not _letter_classes(stem[-1].lower()) & ce.after:
            continue
        # The vowel of a Russian surname ending follows the word before it (Анарбековтің).
        harmony = "any" if surname_strength(stem) else _harmony(stem)
        if ce.harmony != "any" and harmony not in ("any", ce.harmony):
            continue
        out.append(stem)
    return tuple(sorted(dict.fromkeys(out), key=len, reverse=True))


def nominative(word: str, known: frozenset[str] = frozenset()) -> str:
    """The nominative of a name's last word.

    `known` holds lower-case nominatives already seen (the bare form elsewhere in the article,
    the actor dictionary): a candidate found there wins. Otherwise the shortest grammatical stem
    is taken when the word looks inflected, preferring one that ends like a surname.
    """
    cands = nominative_candidates(word)
    for cand in cands[1:]:
        if cand.lower() in known:
            return cand
    if len(cands) == 1:
        return word
    strong, weak = surname_endings()
    for cand in cands[1:]:
        if cand.lower().endswith(strong + weak):
            return cand
    return cands[-1]


@cache
def _patronymic_endings() -> tuple[str, ...]:
    return tuple(_sections("names_name_endings.txt").get("patronymic-kk", ()))


def is_patronymic(word: str) -> bool:
    """A Kazakh patronymic (Қабыкенқызы, Құнанбайұлы), which a surname may follow."""
    return word.lower().endswith(_patronymic_endings())


def surname_strength(word: str) -> int:
    """2 for a strong surname ending (-ов, -ұлы), 1 for a weak one (-ян, -енко), else 0."""
    low = word.lower()
    strong, weak = surname_endings()
    if len(low) > 4 and low.endswith(strong):
        return 2
    if len(low) > 4 and low.endswith(weak):
        return 1
    return 0
