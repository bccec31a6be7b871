"""Persons: named real people, each with every mention, its role and the state it serves.

Candidates are runs of capitalised words in a sentence (particles such as фон, дер, бин and
initials such as Дж.Д. may stand inside), cut at country and place mentions, title words and
words that are never names. A run is a person when enough evidence agrees: a known given name,
a surname ending (-ов, -ұлы, -ян), a title right before it, the actor dictionary, or the NER
tagger when one is installed. A run is no person when it is only part of the name of a place,
street, school or organisation (Абай атындағы саябақ, Назарбаев Университеті), when it names the
article's correspondent (Kazinform тілшісі X), or when it stands alone in quotation marks.

Within an article, later short mentions (Қонысбаев, Тоқаевтың) join the full name they end.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, partial

from qatynas.analyse.romanise import romanise
from qatynas.extract import actors, names, ner_signal, organizations, roles
from qatynas.lang import rows
from qatynas.memo import Memo
from qatynas.model import Document, Entity, Sentence, Span, Token

LANG = "kk"
MAX_RUN = 6
MIN_SINGLE = 4
_PARTICLES = frozenset({"фон", "дер", "ван", "де", "да", "ди", "ла", "ле", "бин", "ибн", "бен"})
_NAME_PREFIXES = ("әл-", "аль-", "ал-", "ас-", "әс-", "аш-", "әш-", "ад-", "ат-", "ар-")


@dataclass
class _Run:
    """A candidate name: tokens [first, last] of a sentence."""

    sent: Sentence
    first: int
    last: int
    surname: str = ""
    actor: actors.Actor | None = None
    role: Span | None = None

    @property
    def tokens(self) -> tuple[Token, ...]:
        return self.sent.tokens[self.first : self.last + 1]

    @property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if t.text[:1].isalpha()]

    @property
    def span(self) -> Span:
        return Span(self.tokens[0].start, self.tokens[-1].end)


@dataclass
class _Person:
    name: str
    surname: str
    mentions: list[Span] = field(default_factory=list)
    role: Span | None = None
    actor: actors.Actor | None = None


@cache
def _blockers() -> frozenset[str]:
    return frozenset(r["stem"] for r in rows(LANG, "names_blockers.tsv"))


def _is_blocker(word: str) -> bool:
    low = word.lower()
    stems = _blockers()
    return any(low[:cut] in stems and roles.is_ending(low[cut:]) for cut in range(len(low), 2, -1))


def _is_cap(tok: Token) -> bool:
    return _is_cap_word(tok.text)


def _cap_word(text: str) -> bool:
    """A capitalised word that is no abbreviation (`_is_cap_word`, memoised: asked of every
    token, #7)."""
    low = text.lower()
    for prefix in _NAME_PREFIXES:
        if low.startswith(prefix) and len(text) > len(prefix):
            return text[len(prefix)].isupper()
    if not text[:1].isupper() or not text[:1].isalpha():
        return False
    letters = [ch for ch in text.split("-")[0] if ch.isalpha()]
    return not (len(letters) >= 2 and all(ch.isupper() for ch in letters))


def _overlaps(tok: Token, covered: list[Span]) -> bool:
    return any(s.start < tok.end and tok.start < s.end for s in covered)


def _name_flags(toks: tuple[Token, ...], covered: list[Span]) -> list[bool]:
    """For each token, whether it may stand in a name here: a name word outside `covered`."""
    flags = [_name_word(t.text) for t in toks]
    if covered:
        return [f and not _overlaps(t, covered) for f, t in zip(flags, toks, strict=True)]
    return flags


def _may_name(text: str) -> bool:
    """A word that may stand in a name wherever it is (`_name_word`, memoised: asked of every
    token, #7)."""
    if not _is_cap_word(text):
        return False
    low = text.lower()
    if low not in names.given_names() and (
        low in names.not_names() or names.nominative(low).lower() in names.not_names()
    ):
        return False
    if low not in names.given_names() and roles.title_kind(text) in ("stop", "modifier"):
        return False
    return not roles.is_title_word(text)


_is_cap_word = Memo(_cap_word).__getitem__
_name_word = Memo(_may_name).__getitem__


def _ends_name(tok: Token, nxt: Token) -> bool:
    """Only a name's last word is inflected, and a surname ending closes it (Тоқаевтың Ереванға).

    A patronymic does not (Светлана Қабыкенқызы Жақыпова), nor does a given name (Сайда).
    """
    word = tok.text
    if word.lower() in names.given_names() or names.surname_strength(nxt.text):
        return False
    if len(names.nominative_candidates(word)) > 1 or roles.inflected(word):
        return True
    return names.surname_strength(word) == 2 and not names.is_patronymic(word)


def _trim(toks: tuple[Token, ...], i: int, j: int) -> int:
    """Drop trailing words that end no name.

    Cut after a known full name (Скотт Бессент Давоста); drop Latin after Cyrillic (Трамп
    TruthSocial), adjectives (Тоқаев Қаржылық) and, after two words, a locative (Дмитриев
    Парижде): persons seldom stand in it, places often.
    """
    for k in range(j - 1, i, -1):
        if " ".join(t.text for t in toks[i : k + 1]).lower() in actors.full_forms():
            return k
    if (
        j - i >= 2
        and toks[j].text.lower().endswith(roles.LOCATIVE)
        and (len(names.nominative_candidates(toks[j].text)) == 1)
    ):
        j -= 1
    while j > i:
        word = toks[j].text
        latin = word[:1].isascii() and not toks[i].text[:1].isascii()
        if not (latin or len(word) == 1 or word.lower().endswith(names.ADJECTIVE_ENDINGS)):
            break
        j -= 1
    return j


def _surname_over_state(prev: Token, tok: Token, states: list[Span]) -> bool:
    """A given name followed by a word read as a state or place (Хайма Вашингтонмен)."""
    return (
        prev.text.lower() in names.given_names()
        and _is_cap(tok)
        and _overlaps(tok, states)
        and not _overlaps(prev, states)
    )


def _initial(toks: tuple[Token, ...], j: int) -> bool:
    """Token j is an initial with its full stop, a name word right after (Дж.Д.Венс)."""
    return (
        j + 2 < len(toks)
        and toks[j + 1].text == "."
        and len(toks[j].text) <= 3
        and _is_cap(toks[j + 2])
        and toks[j + 2].start == toks[j + 1].end
    )


def _particle(toks: tuple[Token, ...], j: int, name: list[bool]) -> bool:
    """A particle inside a name, a name word right after (фон дер Ляйен, бин Салман)."""
    return j + 2 < len(toks) and toks[j + 1].text.lower() in _PARTICLES and name[j + 2]


def _split_surnames(sent: Sentence, i: int, j: int) -> list[_Run]:
    """Known surnames side by side are several persons (Трамп Путин кездесуі)."""
    words = sent.tokens[i : j + 1]
    known = actors.surnames()
    if j > i and all(
        t.text.lower() in known and t.text.lower() not in names.given_names() for t in words
    ):
        return [_Run(sent, k, k) for k in range(i, j + 1)]
    return [_Run(sent, i, j)]


def _runs(sent: Sentence, covered: list[Span], states: list[Span]) -> list[_Run]:
    """The candidate names of a sentence; `covered` and `states` are the spans near it."""
    toks = sent.tokens
    name = _name_flags(toks, covered)
    out: list[_Run] = []
    i = 0
    while True:
        try:
            i = name.index(True, i)  # the next name word: most tokens are none (#7)
        except ValueError:
            return out
        j = i
        while j + 1 < len(toks) and not _ends_name(toks[j], toks[j + 1]):
            nxt = toks[j + 1]
            if name[j + 1]:
                j += 1
            elif _surname_over_state(toks[j], nxt, states):
                j += 1
                break
            elif _initial(toks, j) or _particle(toks, j, name):
                j += 2
            else:
                break
        out.extend(_split_surnames(sent, i, _trim(toks, i, j)))
        i = j + 1


def _quoted(run: _Run) -> bool:
    toks = run.sent.tokens
    return (
        run.first > 0
        and toks[run.first - 1].text in '«"“'
        and (run.last + 1 < len(toks) and toks[run.last + 1].text in '»"”')
    )


def _excluded(run: _Run) -> bool:
    toks = run.sent.tokens
    after = toks[run.last + 1] if run.last + 1 < len(toks) else None
    if after is not None and _is_blocker(after.text):
        return True
    if any(_is_blocker(t.text) or organizations.is_head(t.text) for t in run.words):
        return True
    if run.words[0].text.lower().endswith(names.OPENING_ADJECTIVE):
        return True  # Солтүстік Каролина, Қысқы Олимпиада: an adjective opens no person's name
    return _quoted(run) or roles.is_author_before(run.sent, run.first)


_CYRILLIC_WORD = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі-]+")


def _accept(run: _Run, ner_person: Callable[[], bool]) -> bool:
    """Whether the evidence makes `run` a person; `ner_person` (whether the NER tagger calls a
    word of it PERSON) is asked only when the rules leave it open: tagging is costly (#7)."""
    words = run.words
    surname = run.surname
    strength = names.surname_strength(surname)
    title = run.first > 0 and roles.title_kind(run.sent.tokens[run.first - 1].text) == "head"
    # The tagger alone names no person from Latin-script words (JPMorgan Chase, Prizes) or a
    # lone word without a surname's ending (Гонконг, Чемпиондар): it only tips a weak case.
    cyrillic = all(_CYRILLIC_WORD.fullmatch(w.text) for w in words)
    if len(words) >= 2:
        given = any(w.text.lower() in names.given_names() for w in words[:-1])
        # A known surname opening the run ("Трамп Трұтх Social") is that person, not a new one.
        known = words[0].text.lower() in actors.surnames()
        return bool(
            given or strength or run.actor or title or (cyrillic and not known and ner_person())
        )
    if len(surname) < MIN_SINGLE or surname.lower() in names.given_names():
        return False
    if run.actor is not None or (run.first > 0 and strength and cyrillic and ner_person()):
        return True
    if strength == 2 and surname.lower().endswith(names.WEAK_SINGLE) and len(surname) < 7:
        return False
    return strength == 2 or (title and strength == 1)


def _resolve(run: _Run, known: frozenset[str], date: str | None) -> None:
    words = run.words
    run.surname = names.nominative(words[-1].text, known)
    given = words[0].text if len(words) >= 2 and len(words[0].text) > 3 else None
    run.actor = actors.lookup(run.surname, given, date)


def _bare_forms(doc: Document) -> frozenset[str]:
    """Lower-case capitalised words of the article: a name's bare form, where it occurs."""
    assert doc.analysis is not None
    cap = _is_cap_word
    words = {t.text for s in doc.analysis.sentences for t in s.tokens}
    return frozenset({w.lower() for w in words if cap(w)}) | actors.surnames()


def _full_name(doc: Document, run: _Run) -> str:
    assert doc.analysis is not None
    last = run.words[-1]
    text = doc.analysis.text
    return text[run.tokens[0].start : last.start] + run.surname


class _Spans:
    """Spans sorted by start, to pick those over a sentence (a rule then tests a token against
    a few, not against every mention of the article)."""

    def __init__(self, spans: list[Span]) -> None:
        self._spans = sorted(spans)
        self._starts = [s.start for s in self._spans]
        self._reach = max((s.end - s.start for s in spans), default=0)

    def over(self, sent: Sentence) -> list[Span]:
        lo = bisect_left(self._starts, sent.start - self._reach)
        hi = bisect_left(self._starts, sent.end)
        return [s for s in self._spans[lo:hi] if s.end > sent.start]


class _Tags:
    """The NER tagger's PERSON tokens of a sentence, asked for at most once, when needed."""

    def __init__(self, sent: Sentence) -> None:
        self._sent = sent
        self._tags: frozenset[int] | None = None

    def person(self, run: _Run) -> bool:
        if self._tags is None:
            self._tags = ner_signal.person_tokens(self._sent)
        return any(i in self._tags for i in range(run.first, run.last + 1))


def find_persons(doc: Document, covered: list[Span]) -> list[Entity]:
    """PERSON entities of an analysed document; `covered` spans are never names."""
    assert doc.analysis is not None
    known = _bare_forms(doc)
    states = [m.span for m in doc.countries]
    states += [span for ent in doc.locations for span in ent.mentions]
    near_covered, near_states = _Spans(covered), _Spans(states)
    accepted: list[_Run] = []
    pending: list[_Run] = []
    for sent in doc.analysis.sentences:
        tags = _Tags(sent)
        here: list[_Run] = []
        rest: list[_Run] = []
        runs = _runs(sent, near_covered.over(sent), near_states.over(sent))
        for run in runs:
            if _excluded(run):
                continue
            _resolve(run, known, doc.date)
            (here if _accept(run, partial(tags.person, run)) else rest).append(run)
        taken = {i for r in here for i in range(r.first, r.last + 1)}
        for run in here + rest:
            run.role = roles.role_before(sent, run.first, taken, doc.countries) or (
                roles.role_after(sent, run.last, doc.countries)
            )
        accepted.extend(here)
        pending.extend(rest)
    persons = _link(doc, accepted, pending)
    return [_entity(doc, p) for p in persons]


def _link(doc: Document, accepted: list[_Run], pending: list[_Run]) -> list[_Person]:
    """Group runs into persons: full names first, then short mentions by surname."""
    by_surname: dict[str, _Person] = {}
    order: list[_Person] = []
    full = sorted((r for r in accepted if len(r.words) >= 2), key=lambda r: r.span)
    for run in full:
        key = run.surname.lower()
        person = by_surname.get(key)
        if person is None:
            person = _Person(_full_name(doc, run), run.surname, actor=run.actor)
            by_surname[key] = person
            order.append(person)
        _add(person, run)
    singles = sorted((r for r in accepted + pending if len(r.words) == 1), key=lambda r: r.span)
    for run in singles:
        key = run.surname.lower()
        person = by_surname.get(key)
        if person is None and run in accepted:
            person = _Person(run.surname, run.surname, actor=run.actor)
            by_surname[key] = person
            order.append(person)
        if person is not None:
            _add(person, run)
    return order


def _add(person: _Person, run: _Run) -> None:
    person.mentions.append(run.span)
    if person.actor is None:
        person.actor = run.actor
    if person.role is None:
        person.role = run.role


def _entity(doc: Document, person: _Person) -> Entity:
    assert doc.analysis is not None
    role = doc.analysis.text[person.role.start : person.role.end] if person.role else None
    country = _role_country(doc, person.role) if person.role else None
    actor = person.actor
    if country is None and actor is not None:
        country = actor.country
    if country is None and role is not None and (actor is None or actor.org is None):
        country = roles.home_state(role)
    return Entity(
        label="PERSON",
        name=person.name,
        mentions=tuple(sorted(person.mentions)),
        country=country,
        role=role,
        latin=actor.latin if actor else romanise(person.name),
        code=actor.org if actor else None,
    )


def _role_country(doc: Document, role: Span) -> str | None:
    """The state of the first country mention inside the role (Қазақстанның ... елшісі)."""
    inside = [m for m in doc.countries if role.start <= m.span.start < role.end]
    return min(inside, key=lambda m: m.span.start).code if inside else None
