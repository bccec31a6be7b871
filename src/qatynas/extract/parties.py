"""The parties a sentence names, with the grammatical case they stand in.

Parties are states (doc.countries), international organisations (ORG entities with a code), the
states of named persons and of places (only where the text names that state too), and phrases
that stand for a state (lang/kk/implicit_parties.tsv). The case of the word a party is named by
(genitive owner, dative destination, locative place, instrumental partner...) tells the event
stage who acts and who is acted upon.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from qatynas import lang
from qatynas.extract.lexicon import Pattern, PatternIndex
from qatynas.model import Document, Sentence, Span

_HYPHENS = "-‐–'’ʼ"
# Words after a name that make it a target, or join it to the next one symmetrically.
_TOWARDS = frozenset({"қарсы", "қатысты"})
_AND = frozenset({"мен", "пен", "бен", "және", "әрі"})
# Where a clause ends, for the source phrases (`_drop_sources`).
_CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—", "«", "»", '"'})
# What may stand between the members of one list of parties.
_GLUE = _AND | {",", "сондай-ақ", "да", "де", "та", "те"}


@dataclass(frozen=True)
class Party:
    code: str
    token: int  # index of the token in the sentence
    case: str  # nom, gen, dat, loc, abl, ins, acc
    kind: str  # state, org, person, place, implicit
    span: Span
    conj: bool = False  # joined to the next party by "мен/және"
    group: int = 0  # parties listed together ("Армения мен Әзербайжанға") share a group


@cache
def _endings(language: str) -> tuple[tuple[str, str], ...]:
    rows = [(r["ending"], r["case"]) for r in lang.rows(language, "case_endings.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@cache
def _implicit(language: str) -> tuple[PatternIndex, tuple[str, ...]]:
    rows = lang.rows(language, "implicit_parties.tsv")
    codes = tuple(r["code"] for r in rows)
    return PatternIndex([(Pattern.parse(r["pattern"]), n) for n, r in enumerate(rows)]), codes


def case_of(suffix: str, language: str = "kk") -> str:
    suffix = suffix.lower().lstrip(_HYPHENS)
    if not suffix:
        return "nom"
    for ending, case in _endings(language):
        if suffix.endswith(ending):
            return case
    return "nom"


def _token_index(sent: Sentence, offset: int) -> int | None:
    for i, tok in enumerate(sent.tokens):
        if tok.start <= offset < tok.end:
            return i
    return None


def _suffix(sent: Sentence, i: int, mention_end: int, name: str) -> str:
    """The ending after a party's name in its token: "ЕО-ның" → "ның", "Норвегияға" → "ға"
    (from the nominative name the stage gave it), else what the lemma leaves over."""
    tok = sent.tokens[i]
    text = tok.text
    if mention_end < tok.end:
        rest = text[mention_end - tok.start :]
        # "қазақ-естон", "Қазақстан-Ресей": a compound of names, not a case ending.
        return "" if rest[:1] in _HYPHENS and len(rest) > 5 else rest
    for mark in _HYPHENS:
        head, sep, tail = text.rpartition(mark)
        if sep and head and tail.isalpha() and tail.islower() and len(tail) <= 6:
            return tail
    words = name.split()
    last = words[-1].lower() if words else ""
    if last and text.lower().startswith(last):
        return text[len(last) :]
    lemma = tok.lemma
    if lemma and len(lemma) < len(text) and text.lower().startswith(lemma.lower()):
        return text[len(lemma) :]
    return ""


def _mentions(doc: Document) -> list[tuple[str, str, Span, str]]:
    """(code, kind, span, nominative name) of every party mention in the document."""
    named = {m.code for m in doc.countries}
    out = [(m.code, "state", m.span, m.name) for m in doc.countries]
    for ent in doc.entities:
        if ent.label == "ORG" and ent.code:
            out.extend((ent.code, "org", s, ent.name) for s in ent.mentions)
        elif ent.label == "PERSON" and ent.country:
            out.extend((ent.country, "person", s, ent.name) for s in ent.mentions)
        elif ent.label == "LOC" and ent.country in named and ent.country:
            out.extend((ent.country, "place", s, ent.name) for s in ent.mentions)
    return out


def sentence_parties(doc: Document, sent: Sentence, language: str = "kk") -> list[Party]:
    """Parties of one sentence in text order, one per mention."""
    found: dict[tuple[int, int], Party] = {}
    for code, kind, span, name in _mentions(doc):
        if not (sent.start <= span.start < sent.end):
            continue
        i = _token_index(sent, max(span.start, span.end - 1))
        if i is None:
            continue
        case = case_of(_suffix(sent, i, span.end, name), language)
        nxt = sent.tokens[i + 1].text.lower() if i + 1 < len(sent.tokens) else ""
        if nxt in _TOWARDS:
            case = "dat"
        elif kind == "place" and case == "nom":
            case = _head_case(nxt, language) or case
        party = Party(code, i, case, kind, span, conj=nxt in _AND)
        # A person's own mention beats the state in their title ("Армения Президенті Хачатурян");
        # one word may name two states ("қазақ-естон").
        key = (i, span.start)
        same_token = [k for k in found if k[0] == i]
        if kind == "person":
            for k in same_token:
                del found[k]
            found[key] = party
        elif not any(found[k].kind == "person" for k in same_token):
            found[key] = party
    words = sent.words
    index, codes = _implicit(language)
    for a, b, value in index.find(words):
        if any(a - 3 <= i < b for i, _ in found):
            continue  # a state is named right before: "АҚШ мемлекет басшысы"
        tok = sent.tokens[b - 1]
        case = case_of(_suffix(sent, b - 1, tok.end, ""), language)
        found[(b - 1, -1)] = Party(
            codes[value], b - 1, case, "implicit", Span(sent.tokens[a].start, tok.end)
        )
    parties = _drop_venues(sent, [found[k] for k in sorted(found)], language)
    return _group(sent, _fold_titles(_drop_sources(sent, parties, language)))


@cache
def _source_phrases(language: str) -> PatternIndex:
    rows = lang.rows(language, "source_phrases.tsv")
    return PatternIndex([(Pattern.parse(r["pattern"]), 0) for r in rows])


def _drop_sources(sent: Sentence, parties: list[Party], language: str) -> list[Party]:
    """Drop the states, organisations and places of a clause that names a report's source
    ("Америкалық HRANA ұйымының мәліметі бойынша, ...": the USA is where the figures come
    from, no party). A person named as the source stays: an official reports what their
    state does (Ерлан Ақкенженовтің мәліметінше, Үкімет ...)."""
    if not parties:
        return parties
    spans: list[tuple[int, int]] = []
    for a, _, _ in _source_phrases(language).find(sent.words):
        start = a
        while start > 0 and sent.words[start - 1] not in _CLAUSE_BREAKS:
            start -= 1
        spans.append((start, a))
    if not spans:
        return parties
    return [
        p for p in parties if p.kind == "person" or not any(lo <= p.token < hi for lo, hi in spans)
    ]


@cache
def _venue_words(language: str) -> tuple[str, ...]:
    return tuple(r["word"] for r in lang.rows(language, "venue_words.tsv"))


def _drop_venues(sent: Sentence, parties: list[Party], language: str) -> list[Party]:
    """Drop states that only locate a place, and the place they locate ("Швейцарияның Давос
    қаласында": neither Switzerland nor Davos is a party)."""
    out: list[Party] = []
    venue: Party | None = None
    for party in parties:
        if _is_venue(sent, party, language):
            venue = party
            continue
        if (
            venue
            and party.kind == "place"
            and party.code == venue.code
            and party.token - venue.token <= 3
        ):
            continue
        out.append(party)
    return out


def _head_case(word: str, language: str) -> str | None:
    """The case of a place phrase's head noun: "Давос қаласында" is in the locative."""
    for head in _venue_words(language):
        if word.startswith(head):
            return case_of(word[len(head) :], language)
    return None


def _is_venue(sent: Sentence, party: Party, language: str) -> bool:
    """A state in the genitive that only locates a place phrase ("Кореяның Кенджу қаласында")."""
    if party.kind != "state" or party.case != "gen":
        return False
    return any(
        _head_case(tok.text.lower(), language) in ("loc", "abl")
        for tok in sent.tokens[party.token + 1 : party.token + 4]
    )


def _group(sent: Sentence, parties: list[Party]) -> list[Party]:
    """Number the lists of parties. Kazakh puts the case on the last member of a list only
    ("Армения мен Әзербайжанға" is two datives), so every member takes the last one's case."""
    groups: list[list[Party]] = []
    for party in parties:
        if groups:
            prev = groups[-1][-1]
            between = [t.text.lower() for t in sent.tokens[prev.token + 1 : party.token]]
            same_word = party.token == prev.token
            if (same_word or (between and all(w in _GLUE for w in between))) and prev.case == "nom":
                groups[-1].append(party)
                continue
        groups.append([party])
    out: list[Party] = []
    for n, members in enumerate(groups):
        case = members[-1].case
        out.extend(Party(p.code, p.token, case, p.kind, p.span, p.conj, n) for p in members)
    return out


def _fold_titles(parties: list[Party]) -> list[Party]:
    """Drop a state mention that only opens the title of the next party, a person of that state
    a few words on ("Қазақстан Президенті Қасым-Жомарт Тоқаевтың" is one genitive party)."""
    out: list[Party] = []
    for n, party in enumerate(parties):
        nxt = parties[n + 1] if n + 1 < len(parties) else None
        if (
            party.kind == "state"
            and nxt is not None
            and nxt.kind == "person"
            and nxt.code == party.code
            and nxt.token - party.token <= 7
        ):
            continue
        out.append(party)
    return out
