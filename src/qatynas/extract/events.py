"""Events between two or more international actors, typed with PLOVER.

Per sentence: find the triggers (lang/kk/triggers.tsv); give each trigger the parties of its
stretch of the sentence (up to the neighbouring triggers; the whole sentence where that stretch
names fewer than two); tell actors from recipients by grammatical case; read modality, date and
place from the clause. One record per distinct event per article.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache

from qatynas import lang
from qatynas.extract import dates_ru, parties_ru
from qatynas.extract.dates import find_dates
from qatynas.extract.lexicon import Pattern, PatternIndex
from qatynas.extract.modality import modality_of
from qatynas.extract.parties import Party, sentence_parties
from qatynas.extract.triggers import TriggerMatch, find_triggers
from qatynas.model import Document, Event, Modality, Sentence, Span
from qatynas.settings import Settings

_CLAUSE_END = frozenset({",", ";", ":"})
_MODALITY_WEIGHT: dict[str, float] = {
    "asserted": 1.0,
    "planned": 0.5,
    "hypothetical": 0.25,
    "negated": 0.0,
}
# Cases that make a party the target of a directed event or the host of a visit.
_TARGET_CASES = frozenset({"dat", "acc", "ins"})
_HOST_CASES = frozenset({"dat", "loc"})
# Pronouns that open a sentence about the person last named, per language.
_PRONOUNS = {"kk": ("Ол",), "ru": ("Он", "Она")}
_LOOK_BACK = 4  # words before a trigger that still belong to its clause (алдағы уақытта ...)


@cache
def _scores() -> tuple[dict[str, float], dict[tuple[str, str], float]]:
    by_type = {r["type"]: float(r["score"]) for r in lang.rows("", "plover.tsv")}
    by_mode = {(r["type"], r["mode"]): float(r["score"]) for r in lang.rows("", "plover_modes.tsv")}
    return by_type, by_mode


def score_of(event_type: str, mode: str | None, modality: str) -> float:
    by_type, by_mode = _scores()
    base = by_mode.get((event_type, mode or ""), by_type.get(event_type, 0.0))
    return round(base * _MODALITY_WEIGHT[modality], 2)


@dataclass(frozen=True)
class _Roles:
    actors: tuple[str, ...]
    recipients: tuple[str, ...]


def _unique(codes: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(codes))


def _first_cases(parties: Sequence[Party]) -> dict[str, str]:
    """The case each party is first named in: "АҚШ президенті ... АҚШ-қа жеткізілетін" acts."""
    out: dict[str, str] = {}
    for p in parties:
        out.setdefault(p.code, p.case)
    return out


def _roles(direction: str, parties: Sequence[Party]) -> list[_Roles]:
    codes = _unique([p.code for p in parties])
    partners = _unique([p.code for p in parties if p.case == "ins"])
    if direction == "sym":
        others = [c for c in codes if c not in partners]
        if len(partners) >= 2 and others:
            # "Трамппен, Аббаспен және Нетаниахумен сөйлесті": one talk with each partner.
            return [_Roles((others[0], partner), ()) for partner in partners]
        return [_Roles(codes, ())]
    if len({p.group for p in parties}) < 2:
        return []  # one list of parties on one side: who is on the other is not said here
    target_cases = _HOST_CASES if direction == "visit" else _TARGET_CASES
    first = _first_cases(parties)
    targets = _unique([c for c in codes if first[c] in target_cases])
    actors = _unique([c for c in codes if c not in targets])
    if not actors or not targets:
        # No case tells the sides apart: the first list acts on the others.
        group = parties[0].group
        actors = _unique([p.code for p in parties if p.group == group])
        targets = _unique([p.code for p in parties if p.group != group and p.code not in actors])
    # The initiator is the first named (with the list it opens); one event per target.
    lead = next(p.group for p in parties if p.code == actors[0]) if actors else 0
    actors = _unique([p.code for p in parties if p.group == lead and p.code in actors])
    return [_Roles(actors, (t,)) for t in targets]


def _window(triggers: Sequence[TriggerMatch], n: int, size: int) -> tuple[int, int]:
    start = triggers[n - 1].last if n else 0
    end = triggers[n + 1].first if n + 1 < len(triggers) else size
    return start, end


def _clause_words(sent: Sentence, trig: TriggerMatch) -> list[str]:
    words = sent.words
    end = trig.last
    while end < len(words) and words[end] not in _CLAUSE_END:
        end += 1
    return list(words[max(0, trig.first - _LOOK_BACK) : end])


def _place(doc: Document, sent: Sentence, parties: Sequence[Party], at: int) -> str | None:
    """The place of the event: the visit's destination or host city among its parties, else the
    city named nearest to the trigger (at offset `at`) in the sentence."""
    named = [
        (abs(m.start - at), m, ent.name)
        for ent in doc.locations
        for m in ent.mentions
        if sent.start <= m.start < sent.end
    ]
    if not named:
        return None
    hosts = {p.span for p in parties if p.kind == "place" and p.case in _HOST_CASES}
    return min(named, key=lambda item: (item[1] not in hosts, item[0]))[2]


@cache
def _dyad_words(language: str) -> PatternIndex:
    rows = lang.rows(language, "dyad_words.tsv")
    return PatternIndex([(Pattern.parse(r["pattern"]), 0) for r in rows])


def main_pair(doc: Document) -> tuple[str, str] | None:
    """The two parties the article names most, when the second is named at least twice."""
    counts: dict[str, int] = {}
    for m in doc.countries:
        counts[m.code] = counts.get(m.code, 0) + 1
    for ent in doc.entities:
        if ent.label == "ORG" and ent.code:
            counts[ent.code] = counts.get(ent.code, 0) + len(ent.mentions)
    ranked = sorted(counts, key=lambda c: -counts[c])
    if len(ranked) < 2 or counts[ranked[1]] < 2:
        return None
    if len(ranked) > 2 and counts[ranked[2]] == counts[ranked[1]]:
        return None  # no clear pair
    return ranked[0], ranked[1]


def _implied_pair(
    doc: Document,
    sent: Sentence,
    parties: list[Party],
    pair: tuple[str, str] | None,
    language: str = "kk",
) -> list[Party]:
    """Parties of a sentence that names fewer than two but refers to "the two countries"."""
    if pair is None or len({p.code for p in parties}) >= 2:
        return parties
    words = sent.words
    found = _dyad_words(language).find(words)
    if not found:
        return parties
    a, b, _ = found[0]
    span = Span(sent.tokens[a].start, sent.tokens[b - 1].end)
    return [Party(code, a, "nom", "implicit", span) for code in pair]


def _pronoun_party(doc: Document, sent: Sentence, language: str = "kk") -> Party | None:
    """A sentence opened by "Ол" (Russian "Он", "Она") speaks of the person last named before
    it."""
    if not sent.tokens or sent.tokens[0].text not in _PRONOUNS.get(language, ()):
        return None
    best: tuple[int, str] | None = None
    for ent in doc.persons:
        for m in ent.mentions:
            if m.end <= sent.start and ent.country and (best is None or m.start > best[0]):
                best = (m.start, ent.country)
    if best is None:
        return None
    tok = sent.tokens[0]
    return Party(best[1], 0, "nom", "person", Span(tok.start, tok.end))


def article_leads(doc: Document, n: int = 2) -> tuple[str, ...]:
    """The parties the article is most about (at most `n`, each named at least twice): its
    states, organisations and the states of its persons, counted over every mention."""
    counts: dict[str, int] = {}
    for code in [m.code for m in doc.countries] + [
        ent.code if ent.label == "ORG" else ent.country
        for ent in doc.entities
        if ent.label in ("ORG", "PERSON")
        for _ in ent.mentions
    ]:
        if code:
            counts[code] = counts.get(code, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])  # stable: ties by first mention
    return tuple(code for code, count in ranked[:n] if count >= 2)


def _outside_names(
    doc: Document, sent: Sentence, triggers: list[TriggerMatch]
) -> list[TriggerMatch]:
    """A trigger word inside an organisation's name is no trigger ("Еуропадағы қауіпсіздік және
    ынтымақтастық ұйымы" names OSCE; it reports no cooperation)."""
    names = [
        m
        for ent in doc.entities
        if ent.label == "ORG"
        for m in ent.mentions
        if m.start < sent.end and sent.start < m.end
    ]
    return [
        t
        for t in triggers
        if not any(
            n.start <= sent.tokens[t.first].start and sent.tokens[t.last - 1].end <= n.end
            for n in names
        )
    ]


def _sentence_events(
    doc: Document, sent: Sentence, pair: tuple[str, str] | None, language: str = "kk"
) -> list[Event]:
    triggers = _outside_names(doc, sent, find_triggers(sent, language))
    if not triggers:
        return []
    if language == "ru":
        parties = parties_ru.sentence_parties(doc, sent)
    else:
        parties = sentence_parties(doc, sent)
    pronoun = _pronoun_party(doc, sent, language)
    if pronoun and pronoun.code not in {p.code for p in parties}:
        parties = [pronoun, *(replace(p, group=p.group + 1) for p in parties)]
    parties = _implied_pair(doc, sent, parties, pair, language)
    if len({p.code for p in parties}) < 2:
        return []
    out: list[Event] = []
    for n, trig in enumerate(triggers):
        start, end = _window(triggers, n, len(sent.tokens))
        local = [p for p in parties if start <= p.token < end]
        if len({p.code for p in local}) < 2:
            local = parties
        out.extend(_events_for(doc, sent, trig, local, language))
    return _without_threatened(out)


# What a threat warns of: coded as the threat (PLOVER THREATEN), not as an event of its own.
_THREAT_CONTENTS = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"})


def _without_threatened(events: list[Event]) -> list[Event]:
    """A sentence's events less the action its threat warns of: "егер Иранға шабуыл жасалса,
    ... нысанаға айналады деп ескертті" is one THREATEN, not also an ASSAULT, when the action
    is only planned or conditional and between the threat's own parties."""
    threats = {frozenset((*e.actors, *e.recipients)) for e in events if e.type == "THREATEN"}
    return [
        e
        for e in events
        if not (
            e.type in _THREAT_CONTENTS
            and e.modality in ("planned", "hypothetical")
            and frozenset((*e.actors, *e.recipients)) in threats
        )
    ]


def _events_for(
    doc: Document,
    sent: Sentence,
    trig: TriggerMatch,
    parties: Sequence[Party],
    language: str = "kk",
) -> list[Event]:
    entry = trig.entry
    mode = entry.mode
    direction = entry.direction
    if entry.type == "CONSULT" and len({p.code for p in parties}) >= 3 and direction != "visit":
        mode, direction = "multilateral", "sym"
    if entry.mode == "multilateral":
        # A summit the article reports is one its own main parties attend.
        named = {p.code for p in parties}
        parties = [
            *parties,
            *(
                Party(code, trig.first, "nom", "context", parties[0].span, group=-1)
                for code in article_leads(doc)
                if code not in named
            ),
        ]
    modality: Modality = modality_of(_clause_words(sent, trig), language)
    dated = dates_ru.find_dates if language == "ru" else find_dates
    dates = dated(sent.tokens, doc.date, future=modality == "planned")
    trig_start = sent.tokens[trig.first].start
    date = min(dates, key=lambda d: abs(d.start - trig_start)).value if dates else None
    first = min([p.span.start for p in parties] + [trig_start])
    last = max([p.span.end for p in parties] + [sent.tokens[trig.last - 1].end])
    evidence = Span(_word_start(sent, first), _word_end(sent, last))
    location = _place(doc, sent, parties, trig_start)
    out: list[Event] = []
    for roles in _roles(direction, parties):
        codes = {*roles.actors, *roles.recipients}
        if len(codes) < 2:
            continue
        kind = mode if len(codes) >= 3 else entry.mode  # talks split per partner are bilateral
        out.append(
            Event(
                type=entry.type,
                mode=kind,
                actors=roles.actors,
                recipients=roles.recipients,
                modality=modality,
                evidence=evidence,
                location=location,
                date=date,
                contexts=entry.contexts,
                score=score_of(entry.type, kind, modality),
                trigger=entry.pattern,
            )
        )
    return out


def _word_start(sent: Sentence, offset: int) -> int:
    return next((t.start for t in sent.tokens if t.end > offset), offset)


def _word_end(sent: Sentence, offset: int) -> int:
    return next((t.end for t in reversed(sent.tokens) if t.start < offset), offset)


def _merge(events: Sequence[Event]) -> list[Event]:
    """Repeated mentions of one event in an article become one record, the first mention's
    (its evidence, date and place: a later mention may be a different occasion)."""
    merged: dict[tuple[object, ...], Event] = {}
    for ev in events:
        key = (ev.type, ev.mode, frozenset(ev.actors), frozenset(ev.recipients), ev.modality)
        merged.setdefault(key, ev)
    return list(merged.values())


def extract(doc: Document, settings: Settings) -> None:
    assert doc.analysis is not None
    if doc.lang not in (None, "kk", "ru"):
        return
    language = doc.lang or "kk"  # the lexicons and grammar of lang/<language>/
    found: list[Event] = []
    pair = main_pair(doc)
    for sent in doc.analysis.sentences:
        found.extend(_sentence_events(doc, sent, pair, language))
    doc.events = _merge(found)
