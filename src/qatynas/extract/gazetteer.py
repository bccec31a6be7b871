"""Find gazetteer names in Kazakh text, in any case form: Арменияның, Ресейге, АҚШ-қа, ҚР-ның.

A name is matched at a word start (case-insensitively, through one Aho-Corasick automaton over
the lower-cased text); the rest of its last word must be a chain of nominal suffixes
(`lang/kk/suffix_chains.tsv`): empty, `ның`, `ға`, `лық`, `дағы`, `тарының`... Checking the tail
rather than lemmatising the word keeps the match exact where the lemmatiser would have to guess
(a foreign name's stem), and the name list decides what a stem is.

How a form must be written depends on how it names the thing (`Entry.via`):
- "name": the first letter capitalised (Қытай, not қытай), or all lower case when the tail
  makes an adjective of it (қазақстандық, америкалық);
- "common_name": a name that is also a common word (Қатар, "Qatar" and "row"): capitalised and
  not at a sentence start;
- "abbreviation": exactly as listed (ҚР, ЕО), the suffix directly or after a hyphen (АҚШ-тың);
- "adjective": lower case (or all capitals, as in a headline): a capitalised adjective begins a
  proper name (Қазақ ұлттық консерваториясы) about as often as a sentence, so it is left out;
- "block": any case; a block is matched only so that the longer match wins over a name inside it
  (Латын Америкасы over Америка) and is then discarded by the caller.

Where matches overlap, the one that starts first wins, then the longer one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import ahocorasick

from qatynas.lang import rows

_WORD_TAIL = re.compile(r"[^\W\d_]*")
_SENTENCE_END = frozenset(".!?…\n")
_OPENERS = frozenset("«\"“'(–—- \t\u00a0")


@dataclass(frozen=True)
class Entry:
    """One surface form (nominative, as listed) and what it stands for."""

    form: str
    key: str  # a code (ARM, UN) or another id the caller understands
    via: str  # "name", "abbreviation", "adjective" or "block"
    kind: str = ""  # the caller's grouping: "country", "org", "city"...


@dataclass(frozen=True)
class Match:
    """A form found in the text: [start, end) covers the whole word with its suffixes."""

    entry: Entry
    start: int
    end: int
    tail: str  # the suffix chain after the form, lower case, without a hyphen


@cache
def _suffix_pattern() -> re.Pattern[str]:
    """A regex for a whole suffix chain, built from the slot table in order."""
    slots = {r["slot"]: r for r in rows("kk", "suffix_chains.tsv")}

    def alt(forms: str) -> str:
        items = sorted(forms.split(), key=len, reverse=True)
        return "(?:" + "|".join(map(re.escape, items)) + ")"

    poss, case = slots["possessive"], slots["case"]
    after_poss = alt(case["forms"] + " " + case["after_possessive"])
    chain = (
        f"{alt(slots['deriv']['forms'])}?"
        f"{alt(slots['plural']['forms'])}?"
        f"(?:{alt(poss['forms'])}{after_poss}?|{alt(case['forms'])})?"
        f"{alt(slots['attrib']['forms'])}?"
    )
    return re.compile(chain)


@cache
def _after_possessive_pattern() -> re.Pattern[str]:
    """A chain after a form that itself ends in a possessive (Республикасы+на, Ұйымы+нда)."""
    slots = {r["slot"]: r for r in rows("kk", "suffix_chains.tsv")}
    case = slots["case"]
    forms = sorted((case["forms"] + " " + case["after_possessive"]).split(), key=len, reverse=True)
    attrib = sorted(slots["attrib"]["forms"].split(), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, forms)) + ")?(?:" + "|".join(attrib) + ")?")


def is_suffix_chain(tail: str, after_possessive: bool = False) -> bool:
    """True when `tail` (lower case, may be empty) is a valid chain of nominal suffixes.

    `after_possessive`: the stem ends in a possessive (Штаттары), so the pronominal n of
    Штаттарына is allowed too.
    """
    if _suffix_pattern().fullmatch(tail) is not None:
        return True
    return after_possessive and _after_possessive_pattern().fullmatch(tail) is not None


def is_derivation(tail: str) -> bool:
    """True when the tail begins with an adjective-forming suffix (ресей+лік, қытай+лық)."""
    return tail.startswith(_derivations())


@cache
def _derivations() -> tuple[str, ...]:
    slots = {r["slot"]: r["forms"] for r in rows("kk", "suffix_chains.tsv")}
    return tuple(slots["deriv"].split())


def sentence_initial(text: str, start: int) -> bool:
    """True when only opening punctuation separates `start` from a sentence or line start."""
    i = start - 1
    while i >= 0 and text[i] in _OPENERS and text[i] != "\n":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a few letters (İ) lower-case to two characters
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.replace("\u00a0", " ").replace("ё", "е")


class Gazetteer:
    """An automaton over the lower-cased forms of `entries`; `find` returns resolved matches."""

    def __init__(self, entries: Iterable[Entry], language: str = "kk") -> None:
        self.language = language
        by_key: dict[str, list[Entry]] = defaultdict(list)
        for entry in entries:
            by_key[_lower(entry.form)].append(entry)
        self._automaton = ahocorasick.Automaton()
        for low, items in by_key.items():
            self._automaton.add_word(low, (len(low), tuple(items)))
        self._automaton.make_automaton()
        self.size = len(by_key)

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches, leftmost first, longest first among equal starts."""
        if self.size == 0:
            return []
        low = _lower(text)
        found: list[Match] = []
        for last, (length, items) in self._automaton.iter(low):
            start = last + 1 - length
            if start > 0 and text[start - 1].isalnum():
                continue
            for entry in items:
                if self.language == "ru":
                    match = _accept_whole(text, start, last + 1, entry)
                else:
                    match = _accept(text, low, start, last + 1, entry)
                if match is not None:
                    found.append(match)
                    break
        return _resolve(found)


def _accept(text: str, low: str, start: int, stop: int, entry: Entry) -> Match | None:
    """The match of `entry` at [start, stop) with its tail, if casing and tail allow it."""
    end = _word_end(text, stop)
    tail = low[stop:end]
    if not _cased(text, start, stop, tail, entry):
        return None
    if entry.via == "abbreviation" and tail and not text[stop:end].islower():
        return None  # ҚР inside ҚРҰБ
    if not tail and text.startswith("-", stop):
        after_end = _word_end(text, stop + 1)
        after = low[stop + 1 : after_end]
        if after and text[stop + 1 : after_end].islower() and is_suffix_chain(after):
            return Match(entry, start, after_end, after)  # АҚШ-қа, ЕО-ның
        return Match(entry, start, stop, "")  # a compound: Қазақстан-Ресей, қазақ-қырғыз
    if end < len(text) and text[end].isdigit():
        return None
    if not is_suffix_chain(tail, low[stop - 1] in "ыі"):
        return None
    return Match(entry, start, end, tail)


def _accept_whole(text: str, start: int, stop: int, entry: Entry) -> Match | None:
    """A Russian form, listed in every case: it must end its word, before a hyphen (российско-
    китайский) or before a capital that opens a glued next sentence (КазахстанеВ)."""
    if stop < len(text) and (
        text[stop].isdigit() or (text[stop].isalpha() and text[stop].islower())
    ):
        return None
    if not _cased(text, start, stop, "", entry):
        return None
    return Match(entry, start, stop, "")


def _word_end(text: str, pos: int) -> int:
    """The end of the run of letters that starts at `pos`."""
    found = _WORD_TAIL.match(text, pos)
    return found.end() if found else pos


def _cased(text: str, start: int, stop: int, tail: str, entry: Entry) -> bool:
    written = text[start:stop]
    if entry.via == "abbreviation":
        return written == entry.form
    if entry.via == "name":
        return written[:1].isupper() or (written.islower() and is_derivation(tail))
    if entry.via == "common_name":
        return written[:1].isupper() and not sentence_initial(text, start)
    if entry.via == "adjective":
        return written.islower() or (len(written) > 1 and written.isupper())
    return True


def _resolve(found: list[Match]) -> list[Match]:
    found.sort(key=lambda m: (m.start, -(m.end - m.start), -len(m.entry.form)))
    out: list[Match] = []
    reach = -1
    for match in found:
        if match.start >= reach:
            out.append(match)
            reach = match.end
    return out
