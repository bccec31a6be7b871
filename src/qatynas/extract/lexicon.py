"""Word-prefix patterns of the lexicons (triggers, modality): parse once, match on tokens.

A pattern is a sequence of lowercase word prefixes matched on consecutive tokens; a word ending
in "=" must match a token whole, a word starting with "*" matches a token's ending ("*уға":
a verbal noun in the dative). This is how one stem covers its inflected forms. Words in square
brackets at the start are context: they must match the tokens before, but the match begins
after them ("[*енін] жеткіз": the verb alone, where a clause ending in -енін comes first).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress

from qatynas.memo import Memo

ANY_START = "*"
MEMO_SIZE = 100_000  # words whose starting patterns are remembered (bounded memory)


@dataclass(frozen=True)
class Pattern:
    words: tuple[str, ...]
    exact: tuple[bool, ...]
    lead: int = 0  # context words at the start, outside the match

    @classmethod
    def parse(cls, text: str) -> Pattern:
        parts = text.lower().split()
        lead = 0
        while lead < len(parts) - 1 and parts[lead].startswith("[") and parts[lead].endswith("]"):
            parts[lead] = parts[lead][1:-1]
            lead += 1
        words = tuple(p.rstrip("=") for p in parts)
        return cls(words, tuple(p.endswith("=") for p in parts), lead)

    def matches_at(self, words: Sequence[str], i: int) -> bool:
        if i + len(self.words) > len(words):
            return False
        exact = self.exact
        # Most calls fail on the first word: no zip, the word test inline (#7).
        for k, stem in enumerate(self.words):
            word = words[i + k]
            if stem.startswith(ANY_START):
                if not (word.endswith(stem[1:]) and len(word) > len(stem)):
                    return False
            elif not (word == stem if exact[k] else word.startswith(stem)):
                return False
        return True


def _word_matches(word: str, stem: str, exact: bool) -> bool:
    if stem.startswith(ANY_START):
        return word.endswith(stem[1:]) and len(word) > len(stem)
    return word == stem if exact else word.startswith(stem)


class PatternIndex:
    """Patterns indexed by the first two letters of their first word, for speed."""

    def __init__(self, patterns: Sequence[tuple[Pattern, int]]) -> None:
        self._by_head: dict[str, list[tuple[Pattern, int]]] = {}
        for pattern, value in patterns:
            head = pattern.words[0]
            key = ANY_START if head.startswith(ANY_START) else head[:2]
            self._by_head.setdefault(key, []).append((pattern, value))
        self._any = self._by_head.pop(ANY_START, [])
        self._memo = Memo(self._starting, MEMO_SIZE)

    def find(self, words: Sequence[str]) -> list[tuple[int, int, int]]:
        """(start, end, value) of every pattern match over `words` (token indexes; a match
        starts after its pattern's context words)."""
        out: list[tuple[int, int, int]] = []
        starting = list(map(self._memo.__getitem__, words))
        # Most words start no pattern: only those that do are visited in Python (#7).
        for i in compress(range(len(starting)), starting):
            for pattern, value in starting[i]:
                if pattern.matches_at(words, i):
                    out.append((i + pattern.lead, i + len(pattern.words), value))
        return out

    def starting(self, word: str) -> tuple[tuple[Pattern, int], ...]:
        """The patterns whose first word `word` matches, in index order (memoised: a word
        recurs in every article, and most words start no pattern, #7)."""
        return self._memo[word]

    def _starting(self, word: str) -> tuple[tuple[Pattern, int], ...]:
        candidates = (*self._by_head.get(word[:2], ()), *self._any)
        return tuple((p, v) for p, v in candidates if _word_matches(word, p.words[0], p.exact[0]))
