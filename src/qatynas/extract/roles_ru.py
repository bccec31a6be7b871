"""Titles and roles of persons in Russian text: before the name, or after it behind a comma.

"Вице-министр торговли и интеграции Республики Казахстан Кайрат Торебаев": walking back from the
name over words that may belong to a role (nouns and adjectives in any case, "и", and the
prepositions по, при, в, на of "посол Казахстана в Германии"), the role begins at the farthest
title word of `lang/ru/titles.tsv` (matched by lemma) that the nearer ones depend on (заместитель
министра: the nearer title in the genitive), with the adjectives right before it (Генеральный
секретарь). A verb, another preposition, a pronoun, punctuation or another person's name ends
the walk. "Кайрат Торебаев, вице-министр торговли":
a title right after the comma opens a role that runs to the next punctuation. The title word
and the adjectives before it are given in the nominative (с руководителем департамента →
руководитель департамента).
"""

from __future__ import annotations

from collections.abc import Container
from functools import cache

from qatynas.analyse import morph_ru
from qatynas.lang import rows
from qatynas.model import Sentence, Span

LANG = "ru"
MAX_ROLE_TOKENS = 14
_QUOTES = frozenset('«»"“”„')
_INSIDE_PREPOSITIONS = frozenset({"по", "при", "в", "во", "на"})
_STOP_POS = frozenset({"VERB", "INFN", "GRND", "PRTS", "ADVB", "PRCL", "INTJ", "NPRO", "PRED"})


@cache
def _titles() -> dict[str, dict[str, str]]:
    return {r["lemma"]: r for r in rows(LANG, "titles.tsv")}


def title_kind(word: str) -> str | None:
    """ "head" or "author" when the word is a form of a listed title, else None."""
    row = _titles().get(morph_ru.lemma(word)) or _titles().get(word.lower())
    return row["kind"] if row else None


def home_state(role: str) -> str | None:
    """The state a role that names none serves by default (titles.tsv `home`)."""
    for word in role.split():
        row = _titles().get(morph_ru.lemma(word))
        if row and row["kind"] == "head":
            return row["home"] or None
    return None


def _may_belong(word: str) -> bool:
    low = word.lower()
    if not any(c.isalpha() for c in word):
        return False
    if low == "и" or low in _INSIDE_PREPOSITIONS:
        return True
    pos = morph_ru.pos(word)
    return pos not in _STOP_POS and pos not in ("PREP", "CONJ")


def role_before(sent: Sentence, first: int, persons: Container[int] = ()) -> Span | None:
    """The role that ends right before token `first` of a name, or None."""
    toks = sent.tokens
    start: int | None = None
    k = first - 1
    while k >= 0 and first - k <= MAX_ROLE_TOKENS and k not in persons:
        tok = toks[k]
        if tok.text in _QUOTES:
            k -= 1
            continue
        if not _may_belong(tok.text):
            break
        if title_kind(tok.text) == "head":
            if start is not None and "gent" not in morph_ru.case_of(toks[start].text):
                break  # руководители ведомств ШОС | министр экологии X: a new title starts
            start = k
        k -= 1
    while start is not None and start > 0 and morph_ru.pos(toks[start - 1].text) == "ADJF":
        start -= 1  # Генеральным секретарем ШОС
    while start is not None and start < first and toks[start].text.lower() in ("и", "в", "на"):
        start += 1
    if start is None or start >= first:
        return None
    return Span(toks[start].start, toks[first - 1].end)


def role_after(sent: Sentence, last: int) -> Span | None:
    """A role after the name and a comma (Кайрат Торебаев, вице-министр торговли, ...)."""
    toks = sent.tokens
    k = last + 1
    if k + 1 >= len(toks) or toks[k].text != "," or title_kind(toks[k + 1].text) != "head":
        return None
    end = k + 1
    while end + 1 < len(toks) and end - k < MAX_ROLE_TOKENS and _may_belong(toks[end + 1].text):
        end += 1
    return Span(toks[k + 1].start, toks[end].end)


def is_author_before(sent: Sentence, first: int) -> bool:
    """The name is the article's author or correspondent (Автор: X, корреспондент X)."""
    toks = sent.tokens
    k = first - 1
    if k >= 0 and toks[k].text == ":":
        k -= 1
    return k >= 0 and title_kind(toks[k].text) == "author"


def nominative_role(text: str) -> str:
    """The role with its title word and the adjectives before it in the nominative."""
    words = text.split(" ")
    for n, word in enumerate(words):
        if title_kind(word) == "head":
            agree = morph_ru.agreement(word)
            head = [morph_ru.nominative(w, agree) for w in words[: n + 1]]
            return " ".join(head + words[n + 1 :])
    return text
