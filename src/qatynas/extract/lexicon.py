"""Word-prefix patterns of the lexicons (triggers, modality): parse once, match on tokens.

A pattern is a sequence of lowercase word prefixes matched on consecutive tokens; a word ending
in "=" must match a token whole. This is how one stem covers its inflected forms.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Pattern:
    words: tuple[str, ...]
    exact: tuple[bool, ...]

    @classmethod
    def parse(cls, text: str) -> Pattern:
        parts = text.lower().split()
        return cls(tuple(p.rstrip("=") for p in parts), tuple(p.endswith("=") for p in parts))

    def matches_at(self, words: Sequence[str], i: int) -> bool:
        if i + len(self.words) > len(words):
            return False
        for k, (stem, exact) in enumerate(zip(self.words, self.exact, strict=True)):
            word = words[i + k]
            if word != stem if exact else not word.startswith(stem):
                return False
        return True


class PatternIndex:
    """Patterns indexed by the first two letters of their first word, for speed."""

    def __init__(self, patterns: Sequence[tuple[Pattern, int]]) -> None:
        self._by_head: dict[str, list[tuple[Pattern, int]]] = {}
        for pattern, value in patterns:
            self._by_head.setdefault(pattern.words[0][:2], []).append((pattern, value))

    def find(self, words: Sequence[str]) -> list[tuple[int, int, int]]:
        """(start, end, value) of every pattern match over `words` (token indexes)."""
        out: list[tuple[int, int, int]] = []
        for i, word in enumerate(words):
            for pattern, value in self._by_head.get(word[:2], ()):
                if pattern.matches_at(words, i):
                    out.append((i, i + len(pattern.words), value))
        return out
