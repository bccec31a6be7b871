"""The parties a Russian sentence names, with the role their case and preposition give them.

The same parties as the Kazakh `extract.parties` (states, international organisations, the
states of named persons and of places the article names, phrases that stand for a state), read
with Russian grammar: the role (gen owner, dat destination or target, loc place, ins partner,
abl origin, acc object, nom subject) comes from the case of the party's word together with the
preposition before it (`lang/ru/prepositions.tsv`: "в Армению" is the destination, "в Армении"
the place, "с Арменией" the partner). Every member of a Russian list carries its own case, so a
list ("Россию, Китай и Узбекистан") is the parties joined by commas and "и" in one case.
"""

from __future__ import annotations

from functools import cache

from qatynas.analyse import morph_ru
from qatynas.extract.parties import Party, _fold_titles, _implicit, _mentions
from qatynas.lang import rows
from qatynas.model import Document, Sentence, Span

LANG = "ru"
_GLUE = frozenset({",", "и", "а", "также", "или"})
# Destinations, origins and partners ("встреча с министром КНР"): the other side is elsewhere.
_AWAY = frozenset({"dat", "abl", "ins"})
_VENUE = "venue"
_SKIP_BEFORE = 2  # adjectives between a preposition and the name (в соседний Китай)
# Readings of an ambiguous bare word, most likely first after a noun (президента России: owner).
_AFTER_NOUN = ("gent", "nomn", "accs", "datv", "ablt", "loct")
_AFTER_VERB = ("datv", "accs", "ablt", "gent", "nomn", "loct")


@cache
def _table() -> dict[str, tuple[tuple[str, str], ...]]:
    out: dict[str, list[tuple[str, str]]] = {}
    for r in rows(LANG, "prepositions.tsv"):
        out.setdefault(r["preposition"], []).append((r["case"], r["role"]))
    return {k: tuple(v) for k, v in out.items()}


def _preposition(sent: Sentence, i: int) -> str:
    """The preposition that governs token i, over up to two adjectives, or ""."""
    table = _table()
    for k in range(i - 1, max(-1, i - 2 - _SKIP_BEFORE), -1):
        word = sent.tokens[k].text.lower()
        if word in table and word:
            return word
        if morph_ru.pos(sent.tokens[k].text) not in ("ADJF", "PRTF"):
            return ""
    return ""


def _bare_case(sent: Sentence, i: int, cases: frozenset[str]) -> str:
    if len(cases) == 1:
        return next(iter(cases))
    verb_before = any(morph_ru.pos(t.text) in ("VERB", "INFN", "GRND") for t in sent.tokens[:i])
    if not verb_before and "nomn" in cases:
        return "nomn"
    prev = morph_ru.pos(sent.tokens[i - 1].text) if i > 0 else None
    order = _AFTER_NOUN if prev in ("NOUN", "ADJF") else _AFTER_VERB
    return next((c for c in order if c in cases), "nomn")


def role_of(sent: Sentence, first: int, last: int) -> str:
    """The event role of a party named by tokens [first, last] of the sentence."""
    return _role(sent, first, last)[0]


def _role(sent: Sentence, first: int, last: int) -> tuple[str, bool]:
    """The role, and whether a preposition of its own gave it."""
    cases = morph_ru.case_of(sent.tokens[first].text) or morph_ru.case_of(sent.tokens[last].text)
    prep = _preposition(sent, first)
    options = _table().get(prep, ()) if prep else ()
    for case, role in options:
        if not cases or case in cases:
            return role, True
    bare = dict(_table().get("", ()))
    return (bare.get(_bare_case(sent, first, cases), "nom") if cases else "nom"), False


def _firms(doc: Document) -> list[tuple[str, str, Span, str]]:
    """Organisations whose state the text names (итальянская компания «TRAMITE Group», МИД
    Германии): they act for it, as annotation.md has firms and ministries do."""
    named = {m.code for m in doc.countries}
    return [
        (ent.country, "firm", span, ent.name)
        for ent in doc.organizations
        if not ent.code and ent.country in named and ent.country
        for span in ent.mentions
    ]


def _token_range(sent: Sentence, span: Span) -> tuple[int, int] | None:
    inside = [i for i, t in enumerate(sent.tokens) if t.start < span.end and span.start < t.end]
    return (inside[0], inside[-1]) if inside else None


def sentence_parties(doc: Document, sent: Sentence) -> list[Party]:
    """Parties of one sentence in text order, one per mention."""
    found: dict[tuple[int, int], Party] = {}
    governed: set[int] = set()  # tokens of parties with a preposition of their own
    for code, kind, span, _name in _mentions(doc) + _firms(doc):
        if not (sent.start <= span.start < sent.end):
            continue
        where = _token_range(sent, span)
        if where is None:
            continue
        first, last = where
        role, own = _role(sent, first, last)
        if role == _VENUE:
            continue
        if own:
            governed.add(first)
        party = Party(code, first, role, kind, span)
        same_token = [k for k in found if k[0] == first]
        if kind == "person":
            for k in same_token:
                del found[k]
            found[(first, span.start)] = party
        elif not any(found[k].kind == "person" for k in same_token):
            found[(first, span.start)] = party
    words = [t.text.lower() for t in sent.tokens]
    index, codes = _implicit(LANG)
    for a, b, value in index.find(words):
        if any(a - 3 <= i < b for i, _ in found):
            continue
        span = Span(sent.tokens[a].start, sent.tokens[b - 1].end)
        found[(a, -1)] = Party(codes[value], a, role_of(sent, a, a), "implicit", span)
    grouped = _group(sent, _fold_titles([found[k] for k in sorted(found)]), governed)
    return _with_lead(doc, grouped)


def _group(sent: Sentence, parties: list[Party], governed: set[int]) -> list[Party]:
    """Number the lists of parties: neighbours joined by commas and "и". A member without a
    preposition of its own takes its list's ("в Россию, Китай и Японию": three destinations)."""
    out: list[Party] = []
    group = -1
    for party in parties:
        prev = out[-1] if out else None
        between = [
            t.text.lower()
            for t in sent.tokens
            if prev is not None and prev.span.end <= t.start and t.end <= party.span.start
        ]
        glued = prev is not None and (
            party.token == prev.token or bool(between and all(w in _GLUE for w in between))
        )
        case = party.case
        if prev is not None and glued and party.token not in governed:
            case = prev.case
        if not (glued and prev is not None and prev.case == case):
            group += 1
        out.append(Party(party.code, party.token, case, party.kind, party.span, False, group))
    return out


def _lead(doc: Document) -> str | None:
    """The state the article names most (the first named among equals)."""
    counts: dict[str, int] = {}
    for m in doc.countries:
        counts[m.code] = counts.get(m.code, 0) + 1
    return max(counts, key=lambda c: counts[c]) if counts else None


def _with_lead(doc: Document, parties: list[Party]) -> list[Party]:
    """One list of destinations, origins or partners and no one else ("экспорт ... в Россию,
    Китай и Японию", "визиты в Южную Корею и Францию", "встреча с вице-министром КНР"): the
    article's main state is the other side."""
    if not parties or len({p.group for p in parties}) > 1 or parties[0].case not in _AWAY:
        return parties
    lead = _lead(doc)
    if lead is None or lead in {p.code for p in parties}:
        return parties
    first = parties[0]
    shifted = [Party(p.code, p.token, p.case, p.kind, p.span, p.conj, p.group + 1) for p in parties]
    return [Party(lead, first.token, "nom", "context", first.span), *shifted]
