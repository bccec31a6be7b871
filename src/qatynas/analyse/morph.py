"""Kazakh nominal morphology: the nominative form (lemma) of a word form.

`lemma("Тоқаевтың") == "Тоқаев"`, `lemma("елшілігінде") == "елшілік"`. A word is read as
stem + plural? + possessive? + case? (suffixes in `lang/kk/morph_suffixes.tsv`, sound classes
and vowel harmony in `morph_sounds.tsv`). Every segmentation the suffix grammar allows is
listed; its stem is put back into its word-final form (кітаб-ы → кітап, ауз-ы → ауыз) and the
segmentation whose stem a lexicon knows wins:

0. a suffix chain after a hyphen or apostrophe goes with it (ҚР-ның → ҚР, АҚШ-қа → АҚШ);
1. a noun stem (`morph_stems.txt`: KazNLP roots, UD Kazakh train lemmas, CLDR place names) —
   the least stripped such stem, so that Астана, Алматы, министр stay whole; here suffixes
   that break vowel harmony (loans: банкке) and rare ones (first and second person) count;
2. else a form attested alone in news (`morph_attested.txt`, from KazNERD) — least stripped;
3. else the most stripped reading with common suffixes in harmony that leaves a stem of at
   least three letters and cuts no stem ending of `morph_keep_endings.txt` (foreign names:
   Хачатурянның → Хачатурян; Тәжікстанға → Тәжікстан).

Derivational suffixes (-лық, -шы) are kept: the lemma of елшілігінде is елшілік, as in the
UD treebank. A word in capitals alone (АҚШ, НАТО) and a word not ending in a letter (млн.)
are left as they are. The result keeps the letter case of the input (Президенті → Президент).
The analysis is nominal only: verb forms may be cut too (айтты → айт).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from qatynas.lang import lines, rows

LANG = "kk"
JOINERS = "-'’ʼ"
SKIPPED = "ьъ"
MIN_STEM = 2
MIN_GUESSED_STEM = 3
MIN_RESTORED_STEM = 4
SOFT_SIGN = "ь"


@dataclass(frozen=True)
class Suffix:
    """One allomorph: `after` holds the sound classes or possessive tags it may follow."""

    form: str
    slots: tuple[int, ...]
    tag: str
    harmony: str
    after: frozenset[str]
    acts_as: str
    common: bool
    # The sound classes (or the tag, `acts_as`) this suffix presents to the one after it.
    presents: frozenset[str] = frozenset()

    def slot_under(self, bound: int) -> int:
        """The highest slot of this suffix below `bound` (0: none)."""
        for n in reversed(self.slots):  # sorted ascending
            if n < bound:
                return n
        return 0


class Segmentation(NamedTuple):
    """`stem` (lower case, as written in the word) and its suffixes, innermost first.

    `harmonic` is false when some suffix breaks vowel harmony, as loans do (банкке, цехтарда):
    such readings count only towards a stem the noun lexicon knows.
    """

    stem: str
    suffixes: tuple[Suffix, ...]
    harmonic: bool


@dataclass(frozen=True)
class Grammar:
    """The language data the stripper needs, loaded once."""

    suffixes_by_last: dict[str, tuple[Suffix, ...]]
    sound_class: dict[str, str]
    harmony: dict[str, str]
    final_form: dict[str, str]
    end_harmony: dict[str, str]
    vowel_drop: tuple[tuple[str, str], ...]
    stems: frozenset[str]
    attested: frozenset[str]
    keep_endings: tuple[str, ...]
    p3_forms: tuple[str, ...]
    any_class: frozenset[str]
    vowels: frozenset[str]
    # What a stem presents (`_stem_classes`), by the class of its last sound: alone, with P3.
    classes: dict[str, frozenset[str]]
    p3_classes: dict[str, frozenset[str]]
    # The suffixes that may end a text ending in these two letters, in file order (filled as
    # texts ask): a third of `suffixes_by_last[last letter]`, and no `endswith` for the rest.
    suffixes_by_end: dict[str, tuple[Suffix, ...]]

    def ending(self, text: str) -> tuple[Suffix, ...]:
        """The suffixes whose last two letters (or one, for one-letter ones) end `text`."""
        end = text[-2:]
        found = self.suffixes_by_end.get(end)
        if found is None:
            last = self.suffixes_by_last.get(end[-1], ())
            found = tuple(
                s for s in last if len(s.form) == 1 or (len(end) == 2 and s.form[-2] == end[0])
            )
            self.suffixes_by_end[end] = found
        return found


@cache
def grammar() -> Grammar:
    """Read the data files of `lang/kk/` (once per process)."""
    sounds = rows(LANG, "morph_sounds.tsv")
    sound_class = {r["letter"]: r["class"] for r in sounds if r["class"]}
    by_last: dict[str, list[Suffix]] = {}
    for row in rows(LANG, "morph_suffixes.tsv"):
        form = row["form"]
        suffix = Suffix(
            form=form,
            slots=tuple(sorted(int(n) for n in row["slot"].split())),
            tag=row["tag"],
            harmony=row["harmony"],
            after=frozenset(row["after"].split()),
            acts_as=row["acts_as"],
            common=row["common"] == "yes",
            presents=frozenset((row["acts_as"] or sound_class.get(form[-1], ""),)),
        )
        by_last.setdefault(suffix.form[-1], []).append(suffix)
    harmony = {r["letter"]: r["harmony"] for r in sounds if r["harmony"]}
    kinds = {"", *sound_class.values()}
    return Grammar(
        suffixes_by_last={k: tuple(v) for k, v in by_last.items()},
        sound_class=sound_class,
        harmony=harmony,
        final_form={r["letter"]: r["final"] for r in sounds if r["final"]},
        end_harmony={r["letter"]: r["harmony_at_end"] for r in sounds if r["harmony_at_end"]},
        vowel_drop=tuple((r["short"], r["full"]) for r in rows(LANG, "morph_vowel_drop.tsv")),
        stems=frozenset(lines(LANG, "morph_stems.txt")),
        attested=frozenset(lines(LANG, "morph_attested.txt")),
        keep_endings=lines(LANG, "morph_keep_endings.txt"),
        p3_forms=tuple(s.form for v in by_last.values() for s in v if s.tag == "P3"),
        any_class=frozenset(a for v in by_last.values() for s in v for a in s.after),
        vowels=frozenset(harmony),
        classes={k: frozenset((k,)) for k in kinds},
        p3_classes={k: frozenset((k, "P3")) for k in kinds},
        suffixes_by_end={},
    )


def _last_letter(text: str) -> str:
    stripped = text.rstrip(SKIPPED)
    return stripped[-1] if stripped else ""


def _last_vowel_harmony(g: Grammar, text: str) -> str:
    """The harmony class of the last vowel; an е after a vowel (Тоқаев, Алиев) is neutral."""
    if text and text[-1] in g.end_harmony:
        return g.end_harmony[text[-1]]
    for i in range(len(text) - 1, -1, -1):
        ch = text[i]
        if ch in g.harmony:
            if ch == "е" and i and text[i - 1] in g.harmony:
                return "neutral"
            return g.harmony[ch]
    return ""


def _harmonises(g: Grammar, base: str, suffix: Suffix) -> bool:
    if suffix.harmony == "any" or base[-1] in JOINERS:
        return True
    return _last_vowel_harmony(g, base) in (suffix.harmony, "neutral", "")


def _follows(suffix: Suffix, before: frozenset[str]) -> bool:
    """Whether `suffix` may follow a segment that presents the classes `before`."""
    return not suffix.after.isdisjoint(before)


def _stem_classes(g: Grammar, stem: str) -> frozenset[str]:
    """What a stem presents: its last sound, and P3 when it ends like a possessive (отбасы-на)."""
    if stem[-1] in JOINERS:
        return g.any_class
    last = g.sound_class.get(_last_letter(stem), "")
    if stem.endswith(g.p3_forms):
        return g.p3_classes[last]
    return g.classes[last]


def segmentations(word: str, g: Grammar | None = None) -> list[Segmentation]:
    """Every reading of the lower-case `word` as stem + suffixes, the least stripped first."""
    g = g or grammar()
    out = [Segmentation(word, (), harmonic=True)]
    stack: list[tuple[str, tuple[Suffix, ...], int, bool]] = [(word, (), 99, True)]
    while stack:
        rest, outer, bound, harmonic = stack.pop()
        for suffix in g.ending(rest):
            if not rest.endswith(suffix.form):
                continue
            slot = suffix.slot_under(bound)
            if not slot:
                continue
            base = rest[: -len(suffix.form)]
            if len(base.strip(JOINERS)) < MIN_STEM:
                continue
            if outer and not _follows(outer[0], suffix.presents):
                continue
            chain = (suffix, *outer)
            in_harmony = harmonic and _harmonises(g, base, suffix)
            if _follows(suffix, _stem_classes(g, base)) and _has_vowel(g, base):
                out.append(Segmentation(base, chain, in_harmony))
            stack.append((base, chain, slot, in_harmony))
    out.sort(key=_order)
    return out


def _order(seg: Segmentation) -> tuple[int, int, bool]:
    """Least stripped first; then fewer rare suffixes; then in harmony."""
    return (-len(seg.stem), sum(not s.common for s in seg.suffixes), not seg.harmonic)


def _has_vowel(g: Grammar, text: str) -> bool:
    return text[-1] in JOINERS or not g.vowels.isdisjoint(text)


def final_forms(g: Grammar, seg: Segmentation) -> list[str]:
    """The stem's word-final forms, the best guess first (кітаб → кітап, ауз → ауыз).

    Forms after the first count only when a lexicon knows them: a soft sign dropped before a
    vowel (моделі → модель) or a double consonant written single (процеске → процесс).
    """
    stem = seg.stem
    if stem[-1] in JOINERS:
        return [stem.rstrip(JOINERS)]
    if not seg.suffixes:
        return [stem]
    first = seg.suffixes[0].form[0]
    if first not in g.harmony:
        if len(stem) < MIN_RESTORED_STEM:
            return [stem]
        return [stem, stem + stem[-1], stem + first]
    out: list[str] = []
    for short, full in g.vowel_drop:
        if stem.endswith(short):
            out.append(stem[: -len(short)] + full)
    last = stem[-1]
    if last in g.final_form:
        out.append(stem[:-1] + g.final_form[last])
    out.append(stem)
    out.append(stem + SOFT_SIGN)
    return out


def _known(lexicon: frozenset[str], stem: str) -> bool:
    if stem in lexicon:
        return True
    head, sep, tail = stem.rpartition("-")
    return bool(sep and head and tail in lexicon)


def choose(word: str, g: Grammar | None = None) -> str:
    """The lower-case lemma of the lower-case `word` (see the module docstring)."""
    return pick(word, g)[0]


def pick(word: str, g: Grammar | None = None) -> tuple[str, Segmentation]:
    """The lower-case lemma of the lower-case `word` and the reading it comes from."""
    g = g or grammar()
    if word in g.stems:  # the least stripped reading of the first lexicon: no need to look on
        return word, Segmentation(word, (), harmonic=True)
    segs = segmentations(word, g)
    for seg in segs:
        if seg.stem[-1] in JOINERS:  # ҚР-ның, 2025-жылы: the part before the joiner
            return seg.stem.rstrip(JOINERS), seg
    finals: list[list[str] | None] = [None] * len(segs)  # computed as they are asked for
    for lexicon in (g.stems, g.attested):
        for i, seg in enumerate(segs):  # least stripped first
            if _allowed(seg, lexicon is g.stems):
                forms = finals[i]
                if forms is None:
                    forms = finals[i] = final_forms(g, seg)
                for stem in forms:
                    if _known(lexicon, stem):
                        return stem, seg
    guesses = [seg for seg in segs if _guessable(g, word, seg)]
    best = min(guesses, key=lambda seg: len(seg.stem), default=segs[0])
    return final_forms(g, best)[0], best


def _allowed(seg: Segmentation, strong: bool) -> bool:
    return strong or (seg.harmonic and all(s.common for s in seg.suffixes))


def _guessable(g: Grammar, word: str, seg: Segmentation) -> bool:
    """A reading of `word` fit for a stem no lexicon knows: common suffixes in harmony, three
    letters left, no cut through an ending that belongs to stems (Қазақс-тан, енш-і)."""
    if not seg.suffixes:
        return True
    if not _allowed(seg, strong=False) or len(seg.stem) < MIN_GUESSED_STEM:
        return False
    cut = len(seg.stem)
    return not any(
        word.startswith(ending, cut - k)
        for ending in g.keep_endings
        for k in range(1, len(ending))
        if cut - k >= 0
    )


@dataclass(frozen=True)
class Reading:
    """What `read` makes of a word form: its `lemma` (in the input's letter case), the
    `ending` as written after the stem (Тоқаевтың → "тың", кітабы → "ы", ҚР-ның → "ның") and
    the suffix `tags` innermost first (сапарларының → PL P3 GEN; tags in morph_suffixes.tsv)."""

    lemma: str
    ending: str
    tags: tuple[str, ...]


@lru_cache(maxsize=200_000)
def _pick_lower(word: str) -> tuple[str, Segmentation]:
    # `read` is memoised by the form as written: Армения, АРМЕНИЯ and армения are read once.
    return pick(word)


@lru_cache(maxsize=200_000)
def read(word: str) -> Reading:
    """The reading of a Kazakh word form; words it leaves alone get no ending."""
    if len(word) < 3 or not word[-1].isalpha() or word.isupper():
        return Reading(word, "", ())
    found, seg = _pick_lower(word.lower())
    ending = word[len(seg.stem) :] if seg.suffixes else ""
    return Reading(_recase(word, found), ending, tuple(s.tag for s in seg.suffixes))


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The nominative form of a Kazakh word form, in the letter case of the input."""
    return read(word).lemma


def stems(word: str) -> list[str]:
    """Candidate lemmas of `word` (lower case), from the most stripped to the bare word: every
    reading the suffix grammar allows, whether or not a lexicon knows its stem."""
    g = grammar()
    out: list[str] = []
    for seg in reversed(segmentations(word.lower(), g)):
        first, *rest = final_forms(g, seg)
        for stem in (first, *(s for s in rest if _known(g.stems, s) or _known(g.attested, s))):
            if stem not in out:
                out.append(stem)
    return out


def _recase(word: str, lower_lemma: str) -> str:
    """`lower_lemma` with the capitals of `word` at the same positions."""
    if word.islower():
        return lower_lemma
    return "".join(
        ch.upper() if i < len(word) and word[i].isupper() else ch
        for i, ch in enumerate(lower_lemma)
    )
