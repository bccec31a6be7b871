"""A bounded memo of a function of one word, read as fast as a dictionary (#7).

Many rules ask the same question of every token (is it capitalised, may it stand in a name,
is it an organisation's head word). `functools.lru_cache` answers a repeated question in about
twice the time of a dictionary lookup, as it keeps its entries in order of use; an article asks
thousands of them. `Memo` is a dictionary that computes a missing entry, and empties itself when
it is full, as the other memo tables of the pipeline do (runtime.py keeps them out of the
collector's way).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")

SIZE = 100_000


class Memo(dict[K, V]):
    """`memo[key]` is `fn(key)`, computed once while the entry stays (at most `size` of them)."""

    __slots__ = ("fn", "size")

    def __init__(self, fn: Callable[[K], V], size: int = SIZE) -> None:
        super().__init__()
        self.fn = fn
        self.size = size

    def __missing__(self, key: K) -> V:
        if len(self) >= self.size:
            self.clear()
        value = self[key] = self.fn(key)
        return value
