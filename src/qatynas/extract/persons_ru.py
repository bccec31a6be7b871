"""Persons in Russian articles: natasha's PER spans, in the nominative, with role and country.

The NER (analyse/ner_ru.py) finds the names and natasha's normaliser puts every word back into
the nominative from the case and gender it read in context (Касым-Жомартом Токаевым → Касым-Жомарт
Токаев, Салтанат Нукеновой → Салтанат Нукенова). Rules then keep out what annotation.md says is
no person: a span that a state, place or organisation already covers, a common noun opening the
span (Жительница Сатпаева: the title is dropped, and Сатпаева, which the NER also calls a place,
goes), a name after "имени" (named after), the author, a name alone in «», a lone given name that
no full name explains.

Mentions join one person by the dictionary form of the surname (Бишимбаевым, Бишимбаева →
бишимбаев); a lone given name (Салтанат) joins the one full name that opens with it. The role is
read around the first mention that has one (extract/roles_ru.py); the country is the state named
in the role, else that of a known actor (lang/kk/actors.tsv, matched across spellings by
store.keys.person_key: Тоқаев is Токаев), else the role's default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from qatynas.analyse import morph_ru, ner_ru
from qatynas.analyse.romanise import romanise
from qatynas.extract import actors, names, roles_ru
from qatynas.lang import lines, rows
from qatynas.model import CountryMention, Document, Entity, Sentence, Span
from qatynas.store.keys import person_key

_WORD = re.compile(r"\S+")
_NAMED_AFTER = frozenset({"имени", "им"})
_CREDIT = 30  # a name this close after "©" or "/" credits a photo or text (© Tengrinews.kz /X)
LANG = "ru"
_GLUED_MIN = 9
_MIN_SURNAME = 5  # shorter capitalised words are too often something else (Си, Ли, Ан)
# Parts of speech of a word that follows a name and may have lost the space before it.
_GLUED_POS = frozenset({"VERB", "INFN", "ADVB", "PRTS", "GRND", "PREP", "CONJ", "PRCL"})
_CONSONANTS = frozenset("бвгджзйклмнпрстфхцчшщ")
_HUSHING = frozenset("жшчщц")


@dataclass
class _Mention:
    span: Span
    words: list[str]  # the nominative words of the name
    role: Span | None = None


@dataclass
class _Person:
    name: str
    mentions: list[_Mention] = field(default_factory=list)


def _surname_key(word: str) -> str:
    """The dictionary form of a surname (masculine for both genders), lower case."""
    for p in morph_ru.parses(word):
        if "Surn" in p.tag:
            return str(p.normal_form).replace("ё", "е")
    return word.lower().replace("ё", "е")


def _is_name_word(word: str) -> bool:
    """Not a common noun the dictionary knows (Жительница, Инфекционист): a name word is unknown
    to it or read as a name, surname or patronymic."""
    if not word[:1].isupper() or word.lower() in _not_names():
        return False
    if any(morph_ru.has_tag(word, g) for g in ("Name", "Surn", "Patr")):
        return True
    return not (morph_ru.is_known(word) and morph_ru.pos(word) == "NOUN")


def _nominative_word(word: str, gender: str = "") -> str:
    """A name word natasha left as written, put into the nominative by its ending
    (names_case_endings.tsv; `gender` that of the given name, "" when unknown); initials and
    hyphenated words stay."""
    if len(word) <= 3 or word.endswith(".") or "-" in word or word.lower() in names.given_names():
        return word
    if any(
        p.tag.case == "nomn" and ("Name" in p.tag or "Surn" in p.tag) for p in morph_ru.parses(word)
    ):
        return word
    low = word.lower()
    for ending, replace, after, wanted in _case_endings():
        stem = low[: len(low) - len(ending)]
        if not low.endswith(ending) or len(stem) < 2 or wanted not in ("", gender):
            continue
        last = stem[-1]
        if (
            after == "any"
            or (after == "S" and last in _HUSHING)
            or (after == "C" and last in _CONSONANTS and last not in _HUSHING)
        ):
            return word[: len(stem)] + replace
    return word


@cache
def _case_endings() -> tuple[tuple[str, str, str, str], ...]:
    table = [
        (r["ending"], r["replace"], r["after"], r["gender"])
        for r in rows(LANG, "names_case_endings.tsv")
    ]
    return tuple(sorted(table, key=lambda r: -len(r[0])))


@cache
def _genders() -> dict[str, str]:
    """Given names (lower case) by gender, from the `[male]`/`[female]` sections of the
    given-name lists of lang/kk/ (Kazakh and Russian names in Cyrillic)."""
    out: dict[str, str] = {}
    for file in ("names_given_names_kk.txt", "names_given_names_ru.txt"):
        section = ""
        for line in lines("kk", file):
            if line.startswith("["):
                section = line.strip("[]")
                continue
            if section in ("male", "female"):
                for word in line.split(","):
                    out.setdefault(word.split("(")[0].strip().lower(), section)
    return out


@cache
def _not_names() -> frozenset[str]:
    return frozenset(w.lower() for w in lines(LANG, "names_not_names.txt"))


def _trimmed(text: str, sp: ner_ru.NerSpan) -> tuple[Span, list[str]] | None:
    """The span and its nominative words, leading common nouns and titles dropped."""
    written = list(_WORD.finditer(sp.text))
    normal = sp.normal.split()
    if len(normal) != len(written):
        normal = [w.group() for w in written]
    # Words natasha left as written in a name it did not put into the nominative (С. Масляком)
    # or only partly (Ваагном Хачатурян).
    unchanged = [w == x.group() for w, x in zip(normal, written, strict=True)]
    gender = _genders().get(normal[0].lower(), "") if len(normal) > 1 else ""
    normal = [
        _nominative_word(w, gender) if same else w
        for w, same in zip(normal, unchanged, strict=True)
    ]
    n = 0
    while n < len(written) and not _is_name_word(written[n].group()):
        n += 1
    if n == len(written):
        return None
    words = [w[:1].upper() + w[1:] for w in normal[n:]]
    end = sp.end
    cut = _glued_word(written[-1].group())
    if cut is not None:  # Шамсутдиновсчитает: the name and the verb after it lost their space
        if not _is_name_word(cut) or morph_ru.has_tag(cut, "Geox") or len(cut) <= 2:
            return None  # Египтавыразило, Подробнеездесь: no name before the glue
        words[-1] = _nominative_word(cut)
        end = sp.start + written[-1].start() + len(cut)
    if len(words) == 1 and (len(words[0]) <= 2 or words[0].endswith(".")):
        return None  # an initial alone
    return Span(sp.start + written[n].start(), end), words


def _glued_word(word: str) -> str | None:
    """The part before a known lower-case word glued to the end of an unknown one (the longest
    such word: Шамсутдиновсчитает → Шамсутдинов + считает), or None."""
    if len(word) < _GLUED_MIN or not word[:1].isupper() or morph_ru.is_known(word):
        return None
    for cut in range(3, len(word) - 3):
        rest = word[cut:]
        if rest.islower() and morph_ru.is_known(rest) and morph_ru.pos(rest) in _GLUED_POS:
            return word[:cut]
    return None


def _sentence_of(doc: Document, offset: int) -> tuple[Sentence, int] | None:
    assert doc.analysis is not None
    sent = doc.analysis.sentence_at(offset)
    if sent is None:
        return None
    for i, tok in enumerate(sent.tokens):
        if tok.end > offset:
            return sent, i
    return None


def _excluded(doc: Document, span: Span) -> bool:
    assert doc.analysis is not None
    text = doc.analysis.text
    if span.start > 0 and text[span.start - 1] == "«" and text[span.end : span.end + 1] == "»":
        return True
    found = _sentence_of(doc, span.start)
    if found is None:
        return False
    sent, i = found
    before = sent.tokens[i - 1].text.lower().rstrip(".") if i > 0 else ""
    line_start = text.rfind("\n", 0, span.start) + 1
    credit = any(mark in text[max(line_start, span.start - _CREDIT) : span.start] for mark in "©/")
    return credit or before in _NAMED_AFTER or roles_ru.is_author_before(sent, i)


def _role(doc: Document, span: Span, others: list[Span]) -> Span | None:
    """The role around one mention; a role never reaches into another person's name."""
    found = _sentence_of(doc, span.start)
    if found is None:
        return None
    sent, first = found
    taken = {
        i
        for i, t in enumerate(sent.tokens)
        if any(o.start < t.end and t.start < o.end and o != span for o in others)
    }
    last = first
    while last + 1 < len(sent.tokens) and sent.tokens[last + 1].end <= span.end:
        last += 1
    return roles_ru.role_before(sent, first, taken) or roles_ru.role_after(sent, last)


def _mentions(doc: Document, covered: list[Span]) -> list[_Mention]:
    assert doc.analysis is not None
    text = doc.analysis.text
    all_spans = ner_ru.spans(text)
    places = {sp.text for sp in all_spans if sp.label == "LOC"}
    out: list[_Mention] = []
    for sp in all_spans:
        if sp.label != "PER" or any(c.start < sp.end and sp.start < c.end for c in covered):
            continue
        trimmed = _trimmed(text, sp)
        if trimmed is None or _excluded(doc, trimmed[0]):
            continue
        span, words = trimmed
        if len(words) == 1 and text[span.start : span.end] in places:
            continue  # Сатпаева: the NER calls the same word a place elsewhere
        out.append(_Mention(span, words))
    return out + _missed(doc, covered + [m.span for m in out], out)


def _missed(doc: Document, covered: list[Span], found: list[_Mention]) -> list[_Mention]:
    """Surnames the NER passed over (a short sentence, "Токаев провел переговоры..."): a
    capitalised word whose surname form is that of a person the NER found in the article, or of
    a known actor (lang/kk/actors.tsv, across spellings)."""
    assert doc.analysis is not None
    known = {_surname_key(m.words[-1]) for m in found}
    out: list[_Mention] = []
    for sent in doc.analysis.sentences:
        for i, tok in enumerate(sent.tokens):
            word = tok.text
            if len(word) < _MIN_SURNAME or not word[:1].isupper() or not word.isalpha():
                continue
            if any(c.start < tok.end and tok.start < c.end for c in covered):
                continue
            key = _surname_key(word)
            actor = None if key in known else _actor(key)
            if key not in known and actor is None:
                continue
            first = i
            while first > 0 and _given_before(sent.tokens[first - 1].text, covered, sent, first):
                first -= 1  # Касым-Жомарт Токаев: the given name the NER passed over too
            if roles_ru.is_author_before(sent, first):
                continue
            given = [_nominative_word(t.text) for t in sent.tokens[first:i]]
            span = Span(sent.tokens[first].start, tok.end)
            out.append(_Mention(span, [*given, key[:1].upper() + key[1:]]))
    return out


def _given_before(word: str, covered: list[Span], sent: Sentence, i: int) -> bool:
    tok = sent.tokens[i - 1]
    if any(c.start < tok.end and tok.start < c.end for c in covered):
        return False
    base = word.split("-")[-1].lower()
    return word[:1].isupper() and (base in _genders() or morph_ru.has_tag(word, "Name"))


def _link(mentions: list[_Mention]) -> list[_Person]:
    """Full names first, then single words by surname or by the given name they open."""
    by_surname: dict[str, _Person] = {}
    order: list[_Person] = []
    for m in (m for m in mentions if len(m.words) >= 2):
        key = _surname_key(m.words[-1])
        person = by_surname.get(key)
        if person is None:
            person = by_surname[key] = _Person(" ".join(m.words))
            order.append(person)
        person.mentions.append(m)
    for m in (m for m in mentions if len(m.words) == 1):
        word = m.words[0]
        person = by_surname.get(_surname_key(word))
        if person is None:
            opened = [p for p in order if p.name.split()[0].lower() == word.lower()]
            person = opened[0] if len(opened) == 1 else None
        if person is None and _lone_surname(word):
            person = by_surname[_surname_key(word)] = _Person(word)
            order.append(person)
        if person is not None:
            person.mentions.append(m)
    return order


def _lone_surname(word: str) -> bool:
    """A single word stands for a person when it reads as a surname or is a known actor."""
    return (
        morph_ru.has_tag(word, "Surn")
        or _actor(word) is not None
        or not (morph_ru.has_tag(word, "Name") or morph_ru.is_known(word))
    )


@cache
def _actors_by_key() -> dict[str, tuple[actors.Actor, ...]]:
    index: dict[str, list[actors.Actor]] = {}
    for actor in actors.actors():
        for form in actor.forms:
            key = person_key(form.split()[-1])
            if actor not in index.get(key, []):
                index.setdefault(key, []).append(actor)
    return {k: tuple(v) for k, v in index.items()}


def _actor(name: str, date: str | None = None) -> actors.Actor | None:
    """The known actor of this name, across spellings: by surname, then given name or office."""
    words = name.split()
    found = _actors_by_key().get(person_key(words[-1]), ())
    given = words[0] if len(words) >= 2 else None
    return actors.choose(found, given, date, fold=person_key)


def _role_country(countries: list[CountryMention], role: Span) -> str | None:
    inside = [m for m in countries if role.start <= m.span.start < role.end]
    return min(inside, key=lambda m: m.span.start).code if inside else None


def find_persons(doc: Document, covered: list[Span]) -> list[Entity]:
    """PERSON entities of an analysed Russian document; `covered` spans are never names."""
    assert doc.analysis is not None
    text = doc.analysis.text
    mentions = _mentions(doc, covered)
    every = [m.span for m in mentions]
    persons = _link(mentions)
    out: list[Entity] = []
    for person in persons:
        spans = sorted(m.span for m in person.mentions)
        role = next((r for r in (_role(doc, s, every) for s in spans) if r), None)
        role_text = roles_ru.nominative_role(text[role.start : role.end]) if role else None
        actor = _actor(person.name, doc.date)
        country = _role_country(doc.countries, role) if role else None
        if country is None and actor is not None:
            country = actor.country
        if country is None and role_text and (actor is None or actor.org is None):
            country = roles_ru.home_state(role_text)
        out.append(
            Entity(
                label="PERSON",
                name=person.name,
                mentions=tuple(spans),
                country=country,
                role=role_text,
                latin=actor.latin if actor else romanise(person.name),
                code=actor.org if actor else None,
            )
        )
    return out
