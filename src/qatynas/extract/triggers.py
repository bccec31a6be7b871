"""Event triggers: the lexicon of lang/kk/triggers.tsv matched on a sentence's tokens."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from qatynas import lang
from qatynas.extract.lexicon import Pattern, PatternIndex
from qatynas.model import Sentence

BLOCKER = "-"
WEAK, STRONG = 2, 5  # priorities, see lang/kk/triggers.tsv


@dataclass(frozen=True)
class TriggerEntry:
    pattern: str
    type: str
    mode: str | None
    direction: str  # sym | dir | visit
    contexts: tuple[str, ...]
    priority: int


@dataclass(frozen=True)
class TriggerMatch:
    entry: TriggerEntry
    first: int  # token indexes in the sentence, half-open
    last: int


@cache
def _lexicon(language: str) -> tuple[tuple[TriggerEntry, ...], PatternIndex]:
    entries = tuple(
        TriggerEntry(
            pattern=r["pattern"],
            type=r["type"],
            mode=r["mode"] or None,
            direction=r["direction"],
            contexts=tuple(c for c in r["contexts"].split(",") if c),
            priority=int(r["priority"] or 1),
        )
        for r in lang.rows(language, "triggers.tsv")
    )
    index = PatternIndex([(Pattern.parse(e.pattern), n) for n, e in enumerate(entries)])
    return entries, index


def find_triggers(sent: Sentence, language: str = "kk") -> list[TriggerMatch]:
    """Trigger matches of a sentence; where matches overlap, only the highest priority stays."""
    entries, index = _lexicon(language)
    words = sent.words
    found = [TriggerMatch(entries[v], a, b) for a, b, v in index.find(words)]
    kept: list[TriggerMatch] = []
    for m in sorted(found, key=lambda m: (-m.entry.priority, -(m.last - m.first), m.first)):
        if not any(m.first < k.last and k.first < m.last for k in kept):
            kept.append(m)
    events = [m for m in kept if m.entry.type != BLOCKER]
    # A weak trigger (a word that only suggests an event) yields to a strong one in its sentence.
    if any(m.entry.priority >= STRONG for m in events):
        events = [m for m in events if m.entry.priority > WEAK]
    return _join(sorted(events, key=lambda m: m.first))


def _join(matches: list[TriggerMatch], gap: int = 2) -> list[TriggerMatch]:
    """Neighbouring matches of one type and mode are one trigger ("меморандумға қол қойылды")."""
    out: list[TriggerMatch] = []
    for m in matches:
        prev = out[-1] if out else None
        if (
            prev
            and (prev.entry.type, prev.entry.mode) == (m.entry.type, m.entry.mode)
            and m.first - prev.last <= gap
        ):
            best = prev.entry if prev.entry.priority >= m.entry.priority else m.entry
            out[-1] = TriggerMatch(best, prev.first, m.last)
        else:
            out.append(m)
    return out
