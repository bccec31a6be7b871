"""Organisations other than the international ones: ministries, parliaments, agencies, firms.

Three shapes, listed in `lang/kk/organizations.tsv`: a capitalised phrase that ends with a head
word (Сыртқы істер министрлігі, Ұлттық банк, «Respublica» партиясы), read back from the head as
roles are; a capitalised word that names one alone (Сенат, Мәжіліс, Ақорда); and an abbreviation
(СІМ, ҰҚК). The country is the state named inside or right before the name (ҚР СІМ → KAZ,
Иран парламенті → IRN), else the default of the word (an unqualified Сенат is Kazakhstan's).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from qatynas.extract import roles
from qatynas.lang import rows
from qatynas.memo import Memo
from qatynas.model import Document, Entity, Sentence, Span, Token

LANG = "kk"
_POSSESSIVE = ("сі", "сы", "і", "ы")


@dataclass(frozen=True)
class _Form:
    kind: str
    name: str
    country: str | None


@dataclass(frozen=True)
class _Found:
    name: str
    span: Span
    country: str | None


@cache
def _forms() -> dict[str, _Form]:
    return {
        r["form"]: _Form(r["kind"], r["name"], r["country"] or None)
        for r in rows(LANG, "organizations.tsv")
    }


def _find_form(word: str) -> tuple[str, str, _Form] | None:
    """(stem as written, ending, form) when `word` is a form of a listed stem (`_match`,
    memoised: asked of every token, #7)."""
    forms = _forms()
    base, _, tail = word.partition("-")
    if base in forms and forms[base].kind == "abbr":
        return base, tail, forms[base]
    low = word.lower()
    for cut in range(len(low), 2, -1):
        form = forms.get(low[:cut])
        if form is not None and form.kind != "abbr" and roles.is_ending(low[cut:]):
            return word[:cut], low[cut:], form
    return None


_match = Memo(_find_form).__getitem__


def is_head(word: str) -> bool:
    """A form of a word that heads or names an organisation (Әкімшілігі, Сенаттың, СІМ)."""
    return _match(word) is not None


def _nominative(stem: str, ending: str) -> str:
    """Keep the possessive of a head word and drop its case (министрлігінің → министрлігі)."""
    for poss in _POSSESSIVE:
        if ending.startswith(poss):
            return stem + poss
    return stem


def _country(doc: Document, span: Span, before: Token | None) -> str | None:
    lo = before.start if before is not None else span.start
    inside = [m for m in doc.countries if lo <= m.span.start < span.end]
    return min(inside, key=lambda m: m.span.start).code if inside else None


def _overlaps(tok: Token, covered: list[Span]) -> bool:
    return any(s.start < tok.end and tok.start < s.end for s in covered)


def _in_sentence(doc: Document, sent: Sentence, covered: list[Span]) -> list[_Found]:
    assert doc.analysis is not None
    text = doc.analysis.text
    toks = sent.tokens
    out: list[_Found] = []
    match = _match
    hits = [(i, hit) for i, tok in enumerate(toks) if (hit := match(tok.text)) is not None]
    for i, (stem, ending, form) in hits:
        tok = toks[i]
        if _overlaps(tok, covered):
            continue
        before = toks[i - 1] if i > 0 else None
        after = toks[i + 1] if i + 1 < len(toks) else None
        if form.kind == "head" and tok.text[:1].isupper() and after and after.text[:1].isupper():
            continue  # Орталық Азия: a capitalised head word opening another name
        if form.kind == "abbr":
            span = Span(tok.start, tok.start + len(stem))
            country = _country(doc, span, before) or form.country
            out.append(_Found(form.name, span, country))
            continue
        start = roles.extend_back(sent, i, states=doc.countries)
        while start < i and _overlaps(toks[start], covered):
            start += 1
        first = toks[start]
        lead = toks[start - 1] if start > 0 else None
        after_state = lead is not None and _country(doc, Span(lead.start, lead.end), None)
        if start == i and form.kind == "standalone" and (tok.text[:1].isupper() or after_state):
            span = Span(tok.start, tok.end)
            country = _country(doc, span, before) or form.country
            out.append(_Found(form.name, span, country))
        elif start < i and (first.text[:1].isupper() or after_state):
            span = Span(first.start, tok.end)
            name = text[first.start : tok.start] + _nominative(stem, ending)
            out.append(_Found(name, span, _country(doc, span, lead)))
    return out


def find_organizations(doc: Document, covered: list[Span]) -> list[Entity]:
    """ORG entities (without an organisation code) of an analysed document."""
    assert doc.analysis is not None
    merged: dict[tuple[str, str | None], list[Span]] = {}
    for sent in doc.analysis.sentences:
        for found in _in_sentence(doc, sent, covered):
            merged.setdefault((found.name, found.country), []).append(found.span)
    return [
        Entity(label="ORG", name=name, mentions=tuple(sorted(spans)), country=country)
        for (name, country), spans in merged.items()
    ]
