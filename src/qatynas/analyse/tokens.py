"""Word tokens, exactly as razdel's `tokenize` gives them, several times faster on Kazakh.

razdel splits a text into atoms (`[а-яё]+`, `[a-z]+`, digits, one punctuation mark, one other
character) and then decides, for every two atoms with nothing between them, whether they join,
through a list of rule objects. The Kazakh letters ә ғ қ ң ө ұ ү һ і are "other" atoms, so a
Kazakh word is several atoms and the generic rule machinery runs several times a word: that was
the largest single cost of extraction (#7).

Here the atoms come from razdel's own pattern and the decision for two letter atoms is made
directly; it is what razdel's rules give for them (only the `other` rule speaks: an "other"
atom joins any letter atom or another "other"; a Russian run next to a Latin run stays apart).
Every pair that touches a digit or a punctuation mark goes to razdel's rules themselves, with
the same window of atoms, so dashes, numbers, smileys and the rest stay razdel's. The test
`tests/test_tokens.py` compares the two on the corpus and on generated text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from razdel.segmenters.punct import DASHES
from razdel.segmenters.tokenize import ATOM, PUNCTS, RULES, Atom, TokenSplit

_WINDOW = 3  # razdel's TokenSplitter window
_LETTERS = frozenset({"RU", "LAT", "OTHER"})
_JOIN = "join"
# The atoms razdel's dash, underscore, float and fraction rules look around: a word joiner
# (dash, underscore) joins what is no mark; a number joiner (point, slash) two numbers.
_WORD_JOINERS = frozenset(DASHES + "_")
_NUMBER_JOINERS = frozenset(".,/\\")
_JOINERS = _WORD_JOINERS | _NUMBER_JOINERS
_PUNCTS = frozenset(PUNCTS)
_DIGIT = re.compile(r"\d")
# Chunks whose tokens need none of razdel's rules: Cyrillic letters alone (razdel's Russian
# runs and the Kazakh letters, its "other" atoms, which always join them), or such a word and
# one mark after it that no rule joins to a letter. Most chunks of a Kazakh text are one of
# the two; the rest go through the atoms.
_LETTERS_CYR = "а-яёА-ЯЁәғқңөұүһіӘҒҚҢӨҰҮҺІ"
_WORD = re.compile(f"[{_LETTERS_CYR}]+")
_WORD_MARKS = frozenset(",.:;?)»")
# A chunk that is such a word ("word", alone or before one of the marks and the chunk's end),
# that mark, or any other chunk, to tokenise in Python.
_MARKS = re.escape("".join(sorted(_WORD_MARKS)))
_TOKEN = re.compile(
    f"(?P<word>[{_LETTERS_CYR}]+(?=[{_MARKS}]?(?!\\S)))"
    f"|(?P<mark>(?<=[{_LETTERS_CYR}])[{_MARKS}](?!\\S))"
    "|(?P<chunk>\\S+)"
)
_CHUNK_AFTER = re.compile(r"\s+(\S+)")


def tokenize(text: str) -> list[tuple[int, int, str]]:
    """(start, stop, text) of each token of `text`, in order; as `razdel.tokenize` finds them.

    Tokens never cross white space. A chunk between spaces is tokenised on its own (and
    memoised) unless it starts or ends with a joiner mark, whose rules look one atom into the
    next chunk (`сөз -` is one token in razdel's eyes only when a word follows); such a chunk is
    tokenised with its neighbours around it. The commonest chunks (a Cyrillic word, maybe with
    one mark after it) come out of one pattern (`_TOKEN`) with no step of Python each.
    """
    out: list[tuple[int, int, str]] = []
    for match in _TOKEN.finditer(text):
        start, stop = match.span()
        chunk = match.group()
        if match.lastgroup != "chunk":
            out.append((start, stop, chunk))
        elif (chunk[0] in _JOINERS or chunk[-1] in _JOINERS) and _needs_context(chunk):
            lo, hi = _neighbours(text, start, stop)
            out.extend(
                (lo + a, lo + b, t)
                for a, b, t in _atom_tokens(text[lo:hi])
                if start <= lo + a < stop
            )
        else:
            parts = _chunk_tokens(chunk)
            if parts is None:
                out.append((start, stop, chunk))
            else:
                out.extend((start + a, start + b, t) for a, b, t in parts)
    return out


def _neighbours(text: str, start: int, stop: int) -> tuple[int, int]:
    """The start of the chunk before text[start:stop] and the end of the one after it (its
    own edges where there is none)."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    lo = start
    if i >= 0:
        while i >= 0 and not text[i].isspace():
            i -= 1
        lo = i + 1
    after = _CHUNK_AFTER.match(text, stop)
    return lo, (after.end(1) if after else stop)


def _needs_context(chunk: str) -> bool:
    """Whether a rule may look outside `chunk`: a joiner at its edge whose rule could fire on
    the atom inside (a dash after a word, a point after a number); one atom alone has no pair."""
    return len(chunk) > 1 and (_may_reach(chunk[0], chunk[1]) or _may_reach(chunk[-1], chunk[-2]))


def _may_reach(edge: str, inner: str) -> bool:
    if edge in _WORD_JOINERS:
        return inner not in _PUNCTS
    return edge in _NUMBER_JOINERS and _DIGIT.match(inner) is not None


@lru_cache(maxsize=100_000)
def _chunk_tokens(chunk: str) -> tuple[tuple[int, int, str], ...] | None:
    """The tokens of a chunk that needs no context; None when it is one token (most are)."""
    if _WORD.fullmatch(chunk):
        return None
    end = len(chunk) - 1
    if end and chunk[end] in _WORD_MARKS and _WORD.fullmatch(chunk, 0, end):
        return ((0, end, chunk[:end]), (end, end + 1, chunk[end]))
    parts = _atom_tokens(chunk)
    return None if len(parts) == 1 else tuple(parts)


def _atom_tokens(text: str) -> list[tuple[int, int, str]]:
    """razdel's tokens of `text`, atom by atom (the window of the rules: three atoms a side)."""
    atoms = [(m.start(), m.end(), m.lastgroup or "") for m in ATOM.finditer(text)]
    if not atoms:
        return []
    out: list[tuple[int, int, str]] = []
    cache: dict[int, Atom] = {}
    begin = atoms[0][0]
    for i in range(1, len(atoms)):
        prev, cur = atoms[i - 1], atoms[i]
        if prev[1] == cur[0] and _joins(text, atoms, i, begin, cache):
            continue
        out.append((begin, prev[1], text[begin : prev[1]]))
        begin = cur[0]
    end = atoms[-1][1]
    out.append((begin, end, text[begin:end]))
    return out


def _joins(
    text: str, atoms: list[tuple[int, int, str]], i: int, begin: int, cache: dict[int, Atom]
) -> bool:
    """Whether atom i joins atom i - 1 (nothing between them); `begin` starts the token so far."""
    left, right = atoms[i - 1][2], atoms[i][2]
    if left in _LETTERS and right in _LETTERS:
        return "OTHER" in (left, right)
    left_text, right_text = _text(text, atoms[i - 1]), _text(text, atoms[i])
    if (
        left_text not in _JOINERS
        and right_text not in _JOINERS
        and right_text != "!"
        and not left == right == "PUNCT"
    ):
        # No rule speaks: the joiners are absent, `punct` needs two marks, `yahoo` a "!".
        return False
    lo, hi = max(0, i - _WINDOW), min(len(atoms), i + _WINDOW)
    window = [_atom(text, atoms, j, cache) for j in range(lo, hi)]
    split = TokenSplit(window[: i - lo], "", window[i - lo :])
    split.buffer = text[begin : atoms[i - 1][1]]
    for rule in RULES:
        action = rule(split)
        if action:
            return bool(action == _JOIN)
    return False


def _text(text: str, atom: tuple[int, int, str]) -> str:
    return text[atom[0] : atom[1]]


def _atom(text: str, atoms: list[tuple[int, int, str]], j: int, cache: dict[int, Atom]) -> Atom:
    if j not in cache:
        start, stop, kind = atoms[j]
        cache[j] = Atom(start, stop, kind, text[start:stop])
    return cache[j]
