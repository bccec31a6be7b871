"""Script detection and Latin→Cyrillic conversion with an offset map back to the original.

Kazakh news comes in Cyrillic, in the 2018 Latin alphabet with acute accents (Kazinform's Latin
edition: `Qyrǵyzstannyń`, `Mádenıet`) and in the 2021 alphabet (`Qyrğyzstannyñ`). Every stage
works on Cyrillic, so Latin text is converted here, word by word:

1. the letter table of the alphabet (`lang/kk/latin2018.tsv`, `latin2021.tsv`): one- and
   two-letter units, some bound to the letter before or after (ı is й after a vowel, и
   elsewhere; ıa is я at the start of a word and after a vowel);
2. the restoration table (`lang/kk/latin_restore.tsv`): the spelling the Latin alphabets lose
   (ь, ъ, э, ё, ц, я after a consonant...) put back by word beginning (`електр` → `электр`);
3. the case of each source letter carried over to the letters it gave.

Words that are not Kazakh stay in Latin, as Kazakh Cyrillic editions print them: words with
letters the alphabet lacks (`Warner`, `UFC`), Roman numerals, names in `lang/kk/latin_keep.txt`,
web addresses and handles. A Cyrillic text passes through unchanged at almost no cost, and so
do the Cyrillic words of a mixed text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate

from qatynas.lang import lines, rows

Script = str  # "cyrillic", "latin2018", "latin2021", "mixed"

# Letters of any Latin alphabet (Basic Latin, Latin-1, Extended-A/B); their absence is the
# fast path for Cyrillic text.
_ANY_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# A word: letters with combining accents (text in NFD form keeps its accents this way).
_WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")
_WORD_SPLIT = re.compile(f"({_WORD.pattern})")
# Addresses, e-mails, handles and domain names are not words to convert.
_PROTECTED = re.compile(
    r"https?://|www\.|[@#]\w|\w\.(?:com|kz|ru|org|net|gov|edu|info|io|uz|kg|tv)\b"
)
_SPACE = re.compile(r"\s")
_EDGE = "«»\"'“”„()[].,;:!?"
_ROMAN = re.compile(r"(?=[IVXLC])(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# Capital I is the capital of ı in both alphabets; 2021's İ is the capital of its i.
_LOWER = str.maketrans({"I": "ı", "İ": "i"})
# What may follow a `word+` row of the restoration table: Kazakh suffixes use only these letters
# (no о ө ұ ү ә, nor the letters of Russian words), so `Михаил+` does not reach `Михайлович`.
_SUFFIX = re.compile("[абгғдежзйклмнңпрстуқшыі]*")
_SUFFIX_VOWELS = frozenset("аеыі")  # vowels a Kazakh suffix starts with; ь drops before them
_MEMO_SIZE = 500_000  # distinct words remembered per alphabet
# Share of Cyrillic letters beside converted Latin letters above which a text is "mixed".
_MIXED_SHARE = 0.1


@dataclass(frozen=True)
class Alphabet:
    """One Latin alphabet of Kazakh: its letter table, compiled for `convert_word`."""

    name: str
    singles: dict[int, str]  # context-free one-letter units, for str.translate
    units: re.Pattern[str]  # longer and context-bound units, one group per row
    outputs: tuple[str, ...]  # Cyrillic of each group of `units`
    letters: frozenset[str]  # the letters that are units by themselves
    digraphs: tuple[str, ...]  # units with a letter that is no unit by itself (ch)
    multi: tuple[str, ...]  # units of more than one letter
    markers: frozenset[str]  # units that tell this alphabet from the other
    native: frozenset[str]  # letters that mark a word as Kazakh (q, ı and the accented ones)


@dataclass(frozen=True)
class Restore:
    """Word beginnings the letter rules get wrong, with their right Cyrillic spelling."""

    prefixes: dict[str, str]
    words: dict[str, str]  # whole words (written `word$` in the table)
    stems: dict[str, str]  # whole words, also before Kazakh suffixes (written `word+`)
    lengths: tuple[int, ...]  # prefix lengths present, longest first


def to_cyrillic(text: str, script: Script | None = None) -> tuple[str, Sequence[int], Script]:
    """Return (Cyrillic text, map, script). `map[i]` is the source offset of output char i;
    `map[len(output)] == len(text)`. The map is non-decreasing (a `range` when the text needs
    no conversion). `script` ("latin2018" or "latin2021") forces the alphabet, for a piece of
    a text whose alphabet is known."""
    identity = text, range(len(text) + 1), "cyrillic"
    if not _ANY_LATIN.search(text):
        return identity
    alpha = alphabet(script) if script else detect_alphabet(text)
    if alpha is None:
        return identity
    latin, cyrillic = _letter_counts(text)
    if script:
        cyrillic = 0
    # Whole-text operations in C, a Python step per distinct word only: [gap, word, gap, ...].
    parts = _WORD_SPLIT.split(text)
    words = parts[1::2]
    memo = _decisions(alpha.name, latin < cyrillic)
    if len(memo) > _MEMO_SIZE:
        memo.clear()
    for word in set(words).difference(memo):
        memo[word] = decide(word, alpha.name, latin < cyrillic)
    decisions = [memo[w] for w in words]
    starts = [0, *accumulate(map(len, parts))]  # starts[k]: offset of parts[k]
    for a, b in _protected_ranges(text):
        lo = bisect.bisect_left(starts, a, 1)
        for k in range(lo | 1, len(parts), 2):  # the words (odd parts) that start inside
            if starts[k] >= b:
                break
            decisions[k // 2] = (None, ())
    if all(cyr is None for cyr, _ in decisions):
        return identity
    parts[1::2] = [w if cyr is None else cyr for w, (cyr, _) in zip(words, decisions, strict=True)]
    offsets: list[int] = []
    pos = 0
    for i, (cyr, offs) in enumerate(decisions):
        if offs and cyr is not None:
            start = starts[2 * i + 1]
            offsets.extend(range(pos, start))
            offsets.extend([start + o for o in offs])
            pos = start + len(words[i])
    offsets.extend(range(pos, len(text) + 1))
    mixed = min(latin, cyrillic) > _MIXED_SHARE * (latin + cyrillic)
    # A Cyrillic article with a few Latin words (BAQ.KZ) is still a Cyrillic article.
    label: Script = "mixed" if mixed else ("cyrillic" if cyrillic > latin else alpha.name)
    return "".join(parts), offsets, label


# A word's fate: its Cyrillic (None to keep it as it is) and, when an output letter does not
# come from the source letter at its own index, the source index of each output letter.
Decision = tuple[str | None, tuple[int, ...]]


@cache
def _decisions(alphabet_name: str, in_cyrillic: bool) -> dict[str, Decision]:
    """The memo of `decide` for one alphabet and setting (news repeats its words); bounded by
    the vocabulary it meets."""
    return {}


def decide(word: str, alphabet_name: str, in_cyrillic: bool) -> Decision:
    """Keep a Cyrillic word, a foreign word or a numeral as it is, convert the others. In a
    mostly Cyrillic text (`in_cyrillic`) only words with a Kazakh Latin letter are converted."""
    if not _ANY_LATIN.search(word):
        return None, ()
    alpha = alphabet(alphabet_name)
    lowered = _lower(word)
    # A capital I (English I, Kazakh И) is no sign of Kazakh: only a written ı is.
    native = any(c in alpha.native for c in word.lower())
    if not native and (in_cyrillic or _foreign(word, lowered, alpha)):
        return None, ()
    if word.lower() in _keep_words() or (len(word) > 1 and _ROMAN.fullmatch(word)):
        return None, ()
    cyr, offs = convert_word(word, alpha, _restore())
    same = len(cyr) == len(word) and offs == list(range(len(word)))
    return cyr, () if same else tuple(offs)


def _foreign(word: str, lowered: str, alpha: Alphabet) -> bool:
    """Letters the alphabet lacks, spellings it never produces, or an inner capital (TikTok)."""
    for digraph in alpha.digraphs:
        lowered = lowered.replace(digraph, "")
    if any(c not in alpha.letters and c.isalpha() and not _CYRILLIC.match(c) for c in lowered):
        return True
    if _foreign_cues().search(lowered):
        return True
    for unit in alpha.multi:  # TAShKENT: the capital of a digraph is no inner capital
        word = re.sub(re.escape(unit), "", word, flags=re.IGNORECASE)
    return any(c.isupper() for c in word[1:]) and not word.isupper()


def detect_alphabet(text: str) -> Alphabet | None:
    """The Latin alphabet the text is written in, by the letters only one of them has; None when
    the Latin letters show no Kazakh at all (an English quote in a Cyrillic article)."""
    a2018, a2021 = alphabet("latin2018"), alphabet("latin2021")
    lowered = text.lower()
    n2018 = sum(lowered.count(c) for c in a2018.markers)
    n2021 = sum(lowered.count(c) for c in a2021.markers)
    if n2018 or n2021:
        return a2018 if n2018 >= n2021 else a2021
    if any(c in lowered for c in a2018.native):
        return a2018
    return None


def convert_word(word: str, alpha: Alphabet, restore: Restore) -> tuple[str, list[int]]:
    """Cyrillic for one Latin word and, for each output letter, its index in `word`."""
    lowered = _lower(word)
    pieces: list[str] = []
    offs: list[int] = []
    upper: set[int] = set()  # starts of units with a capital anywhere (Kazinform's ıÝ = Ю)
    pos = 0
    for m in alpha.units.finditer(lowered):
        if not word[m.start() : m.end()].islower():
            upper.add(m.start())
        if m.start() > pos:
            _translate(lowered, pos, m.start(), alpha, pieces, offs)
        cyr = alpha.outputs[(m.lastindex or 1) - 1]
        pieces.append(cyr)
        offs.extend([m.start()] * len(cyr))
        pos = m.end()
    if pos < len(lowered):
        _translate(lowered, pos, len(lowered), alpha, pieces, offs)
    cyr = "".join(pieces)
    cyr, offs = _restore_word(cyr, offs, restore)
    return _recase(cyr, offs, word, upper), offs


def _translate(
    lowered: str, start: int, end: int, alpha: Alphabet, pieces: list[str], offs: list[int]
) -> None:
    """Single letters start..end through the alphabet's table; one letter may give two (x → кс),
    so each output letter gets its source index."""
    chunk = lowered[start:end].translate(alpha.singles)
    pieces.append(chunk)
    if len(chunk) == end - start:
        offs.extend(range(start, end))
        return
    for i in range(start, end):
        offs.extend([i] * len(lowered[i].translate(alpha.singles)))


def _lower(word: str) -> str:
    lowered = word.translate(_LOWER).lower()
    if len(lowered) == len(word):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in word.translate(_LOWER))


def _restore_word(cyr: str, offs: list[int], restore: Restore) -> tuple[str, list[int]]:
    """Replace the longest known wrong beginning (or the whole word) by its right spelling."""
    right = restore.words.get(cyr)
    if right is not None:
        return right, _realign(cyr, right, offs)
    for n in restore.lengths:
        if n <= len(cyr):
            head = cyr[:n]
            right = restore.prefixes.get(head)
            if right is None and head in restore.stems and _SUFFIX.fullmatch(cyr, n):
                right = restore.stems[head]
            if right is not None:
                if right.endswith("ь") and cyr[n : n + 1] in _SUFFIX_VOWELS:
                    right = right[:-1]  # спектакль + і → спектаклі
                return right + cyr[n:], _realign(head, right, offs[:n]) + offs[n:]
    return cyr, offs


def _realign(old: str, new: str, offs: list[int]) -> list[int]:
    """Offsets for `new` that replaced `old`: the common head and tail keep theirs, the changed
    middle takes the offset of the first changed letter (or of the letter before it)."""
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    # A replaced stretch takes its first letter's offset; an insertion, its left neighbour's.
    middle = offs[head] if head < len(old) - tail else offs[max(head - 1, 0)]
    new_middle = len(new) - head - tail
    return offs[:head] + [middle] * new_middle + offs[len(old) - tail :]


def _recase(cyr: str, offs: list[int], word: str, upper: set[int]) -> str:
    """Upper-case each output letter whose source letter (or unit) is upper case."""
    if not any(c.isupper() for c in word):
        return cyr
    if word.isupper():
        return cyr.upper()
    if word[0].isupper() and not any(c.isupper() for c in word[1:]):
        return cyr[:1].upper() + cyr[1:]
    return "".join(
        c.upper() if word[o].isupper() or o in upper else c for c, o in zip(cyr, offs, strict=True)
    )


def _letter_counts(text: str) -> tuple[int, int]:
    """Latin and Cyrillic letters in (the first 5000 characters of) the text."""
    sample = text[:5000]
    return len(_ANY_LATIN.findall(sample)), len(_CYRILLIC.findall(sample))


def _protected_ranges(text: str) -> list[tuple[int, int]]:
    """Spans of the white-space delimited chunks that hold an address, handle or domain."""
    spans: list[tuple[int, int]] = []
    for m in _PROTECTED.finditer(text):
        if spans and m.start() < spans[-1][1]:
            continue
        start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        end = len(text) if (cut := _SPACE.search(text, m.end())) is None else cut.start()
        chunk = text[start:end]
        lead = len(chunk) - len(chunk.lstrip(_EDGE))
        spans.append((start + lead, start + len(chunk.rstrip(_EDGE))))
    return spans


def _inside(ranges: list[tuple[int, int]], pos: int) -> bool:
    """Whether `pos` falls in one of the sorted, disjoint `ranges`."""
    i = bisect.bisect_right(ranges, (pos, len(ranges) + 1 << 40)) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


@cache
def alphabet(name: str) -> Alphabet:
    """The compiled letter table `lang/kk/<name>.tsv`."""
    table = rows("kk", f"{name}.tsv")
    singles: dict[int, str] = {}
    patterns: list[tuple[int, int, str, str]] = []
    for i, row in enumerate(table):
        latin, cyr, after, before = row["latin"], row["cyrillic"], row["after"], row["before"]
        for form in dict.fromkeys((latin, unicodedata.normalize("NFD", latin))):
            if len(form) == 1 and not after and not before:
                singles.setdefault(ord(form), cyr)
            else:
                patterns.append((-len(form), i, _unit_pattern(form, after, before), cyr))
    patterns.sort()
    letters = frozenset(c for row in table for c in row["latin"])
    markers = frozenset(row["latin"] for row in table if row["marker"] == "1")
    native = frozenset(c for c in letters if ord(c) > 127 or c == "q") - frozenset("ş")
    letters = frozenset(
        row["latin"] for row in table if len(row["latin"]) == 1 and row["marker"] != "foreign"
    )
    return Alphabet(
        name=name,
        singles=singles,
        units=re.compile("|".join(f"({p})" for _, _, p, _ in patterns)),
        outputs=tuple(cyr for *_, cyr in patterns),
        letters=letters,
        digraphs=tuple(
            r["latin"] for r in table if len(r["latin"]) > 1 and not set(r["latin"]) <= letters
        ),
        multi=tuple(dict.fromkeys(r["latin"] for r in table if len(r["latin"]) > 1)),
        markers=markers,
        native=native,
    )


def _unit_pattern(latin: str, after: str, before: str) -> str:
    pattern = re.escape(latin)
    if after:
        chars = after.replace("^", "")
        ahead = [f"(?<=[{re.escape(chars)}])"] if chars else []
        if "^" in after:
            ahead.append("^")
        pattern = f"(?:{'|'.join(ahead)}){pattern}"
    if before:
        pattern += f"(?=[{re.escape(before)}])"
    return pattern


@cache
def _restore() -> Restore:
    """The generated table, then the hand-written one, whose rows win."""
    tables: dict[str, dict[str, str]] = {"": {}, "$": {}, "+": {}}
    for name in ("latin_restore.tsv", "latin_restore_extra.tsv"):
        for row in rows("kk", name):
            naive, right = row["naive"], row["cyrillic"]
            kind = naive[-1] if naive[-1] in "$+" else ""
            tables[kind][naive.rstrip("$+")] = right
    prefixes, words, stems = tables[""], tables["$"], tables["+"]
    lengths = tuple(sorted({len(p) for p in (*prefixes, *stems)}, reverse=True))
    return Restore(prefixes, words, stems, lengths)


@cache
def _foreign_cues() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in lines("kk", "latin_foreign.txt")))


@cache
def _keep_words() -> frozenset[str]:
    return frozenset(w.lower() for w in lines("kk", "latin_keep.txt"))


def words(text: str) -> Iterator[re.Match[str]]:
    """The words of a text as `to_cyrillic` sees them (for tests and benchmarks)."""
    return _WORD.finditer(text)
