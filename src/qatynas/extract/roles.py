"""Titles and roles before a person's name: "Армения Президенті Ваагн Хачатурян".

`lang/kk/titles.tsv` names the title words (президент, министр, елші...) by stem; a word form is
the stem plus an ending of `names_title_endings.txt`. A role is read back from the title right
before a name over what may belong to it: capitalised words (Сыртқы, ҚР), genitives
(министрінің, Республикасының), adjectives (ядролық, жанындағы), the listed lower-case words
(бас, істер, және) and a bare noun before a genitive (физика институтының). It stops at
punctuation other than quotation marks, at a listed stop word, at another person's name and at a
capitalised word in a case other than the genitive (Сенаттағы, Ереванда).
"""

from __future__ import annotations

from collections.abc import Container, Sequence
from functools import cache, lru_cache

from qatynas.extract import names
from qatynas.lang import lines, rows
from qatynas.model import CountryMention, Sentence, Span, Token

LANG = "kk"
MAX_ROLE_TOKENS = 14
_QUOTES = frozenset('«»"“”„')
_GENITIVE = ("ның", "нің", "дың", "дің", "тың", "тің")
_ADJECTIVE = ("лық", "лік", "дық", "дік", "тық", "тік", "ғы", "гі", "қы", "кі", "лы", "лі")
LOCATIVE = ("да", "де", "та", "те", "нда", "нде")
# Case endings of a common noun after the possessive (порталына, елшісіне): such a word is no
# part of the role that follows it.
_CASED = ("на", "не", "ға", "ге", "қа", "ке", *LOCATIVE, "ны", "ні", "мен", "пен", "бен")


@cache
def _titles() -> dict[str, str]:
    return {r["stem"]: r["kind"] for r in rows(LANG, "titles.tsv")}


@cache
def _endings() -> frozenset[str]:
    return frozenset(lines(LANG, "names_title_endings.txt")) | {""}


@lru_cache(maxsize=100_000)
def title_kind(word: str) -> str | None:
    """ "head", "author", "modifier" or "stop" when `word` is a form of a titles.tsv stem."""
    low = word.lower()
    titles, endings = _titles(), _endings()
    for cut in range(len(low), 1, -1):
        kind = titles.get(low[:cut])
        if kind is not None and low[cut:] in endings:
            return kind
    return None


def _plural(word: str) -> bool:
    """The word form of a title carries a plural ending (өкілдері, министрлер)."""
    low = word.lower()
    titles = _titles()
    for cut in range(len(low), 1, -1):
        if low[:cut] in titles and low[cut:] in _endings():
            return low[cut:].startswith(("лар", "лер", "дар", "дер", "тар", "тер"))
    return False


def is_ending(tail: str) -> bool:
    """Whether `tail` may follow a stem in one word form (і, інің, сымен, ...), or is empty."""
    return tail in _endings()


def is_title(tok: Token) -> bool:
    """A title word in the singular; a capitalised given name (Әмір, Ақын) is a name instead.

    A plural (өкілдері Бейжің мен...) names no one person.
    """
    return is_title_word(tok.text)


def is_title_word(word: str) -> bool:
    """`is_title` of a token whose text is `word`."""
    if title_kind(word) not in ("head", "author") or _plural(word):
        return False
    return not (word[:1].isupper() and word.lower() in names.given_names())


def _is_word(tok: Token) -> bool:
    return any(ch.isalpha() for ch in tok.text)


def inflected(word: str) -> bool:
    """A capitalised word in a case other than the nominative or genitive (Сенаттағы, АҚШ-қа)."""
    low = word.lower()
    if low.endswith(_GENITIVE) or low.endswith(("дағы", "дегі", "тағы", "тегі")):
        return False
    if low.endswith(LOCATIVE) and len(low) > 4:
        return True
    if "-" in low:
        tail = low.rsplit("-", 1)[1]
        return tail not in _GENITIVE and tail in {c.ending for c in names.case_endings()}
    return len(names.nominative_candidates(word)) > 1 and word.lower() not in names.not_names()


def _state_form(tok: Token, state: CountryMention) -> bool:
    """A state's name as a role holds it: bare, genitive or -дағы (Чехия Республикасындағы)."""
    low = tok.text.lower()
    if "-" in low:
        return low.rsplit("-", 1)[1] in _GENITIVE
    name = state.name.lower()
    rest = low[len(name) :] if low.startswith(name) else ""
    return rest in ("", *_GENITIVE) or rest.endswith(("дағы", "дегі", "тағы", "тегі"))


def _state_at(tok: Token, states: Sequence[CountryMention]) -> CountryMention | None:
    for m in states:
        if m.span.start < tok.end and tok.start < m.span.end:
            return m
    return None


def _belongs(tok: Token, right: Token, states: Sequence[CountryMention]) -> bool:
    """Whether `tok` may stand in a role before `right`, the role word after it."""
    low = tok.text.lower()
    state = _state_at(tok, states)
    if state is not None:
        return state.via == "adjective" or _state_form(tok, state)
    kind = title_kind(tok.text)
    if kind == "stop" or low in ("мен", "пен", "бен"):
        return False
    if kind == "head" and low.endswith(_GENITIVE) and _state_at(right, states):
        return False  # Мемлекет басшысының | Израиль президенті: a new possessor starts
    if kind in ("head", "modifier"):
        return True
    if tok.text[:1].isupper():
        return low not in names.not_names() and not inflected(tok.text)
    if low.endswith(_GENITIVE) or low.endswith(_ADJECTIVE):
        return True
    bare = len(names.nominative_candidates(tok.text)) == 1 and not low.endswith(_CASED)
    return bare and right.text.lower().endswith(_GENITIVE)


def role_before(
    sent: Sentence,
    first: int,
    persons: Container[int] = (),
    states: Sequence[CountryMention] = (),
) -> Span | None:
    """The role that ends right before token `first` of a name, or None.

    `persons` holds the indexes of tokens that belong to other persons' names: a role never
    reaches into one (Тоқаев Ресей Президенті Путинмен...).
    """
    toks = sent.tokens
    head = first - 1
    if head < 0 or not is_title(toks[head]) or title_kind(toks[head].text) != "head":
        return None
    start = extend_back(sent, head, persons, states)
    begin = toks[start].start
    if start > 0 and toks[start - 1].text == "«":
        begin = toks[start - 1].start
    return Span(begin, toks[head].end)


def extend_back(
    sent: Sentence,
    head: int,
    persons: Container[int] = (),
    states: Sequence[CountryMention] = (),
) -> int:
    """The index of the first token of the phrase that ends with token `head`.

    A dash joins two titles (Президенттің көмекшісі – Баспасөз хатшысы).
    """
    toks = sent.tokens
    start = head
    k = head - 1
    while k >= 0 and head - k < MAX_ROLE_TOKENS and k not in persons:
        tok = toks[k]
        if tok.text in _QUOTES:
            k -= 1
            continue
        if tok.text in ("–", "—") and k > 0 and title_kind(toks[k - 1].text) == "head":
            k -= 1
            continue
        if not _is_word(tok) or not _belongs(tok, toks[k + 1], states):
            break
        start = k
        k -= 1
    while start < head and toks[start].text.lower() == "және":
        start += 1
    return start


@cache
def _homes() -> dict[str, str]:
    return {r["stem"]: r["home"] for r in rows(LANG, "titles.tsv") if r.get("home")}


def home_state(role: str) -> str | None:
    """The state a role that names none serves by default (titles.tsv `home`), or None."""
    words = role.split()
    if not words:
        return None
    low = words[-1].lower()
    homes = _homes()
    for cut in range(len(low), 1, -1):
        if low[:cut] in homes and low[cut:] in _endings():
            return homes[low[:cut]]
    return None


def role_after(sent: Sentence, last: int, states: Sequence[CountryMention] = ()) -> Span | None:
    """A role right after a name, closed by a word of kind `after` (... министрі болып).

    "Светлана Жақыпова Қазақстан Республикасының Еңбек ... министрі болып тағайындалды".
    """
    toks = sent.tokens
    end = min(len(toks) - 1, last + MAX_ROLE_TOKENS)
    for k in range(last + 1, end):
        tok = toks[k]
        if title_kind(tok.text) == "head" and title_kind(toks[k + 1].text) == "after":
            start = last + 1
            return Span(toks[start].start, tok.end) if start <= k else None
        if not _is_word(tok) or not _belongs(tok, toks[k + 1], states):
            return None
    return None


def is_author_before(sent: Sentence, first: int) -> bool:
    """The name is the article's author or correspondent (Kazinform тілшісі X, Автор: X)."""
    toks = sent.tokens
    if first >= 1 and title_kind(toks[first - 1].text) == "author":
        return True
    return (
        first >= 2
        and toks[first - 1].text == ":"
        and toks[first - 2].text.lower() in ("автор", "фото", "тілші", "дереккөз")
    )
