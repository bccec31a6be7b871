"""Read and write CoNLL files: one `token LABEL` pair a line, a blank line between sentences.

KazNERD separates token and label with one space; a tab is accepted too. The label is the last
field of a line, so extra middle columns (as in a `token gold predicted` file) are ignored. The
sentence-ID pseudo-token of KazNERD's `with_sentID/` files (`AID283875 O`) is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from qatynas.errors import InputError

_SENTENCE_ID = re.compile(r"[A-F]ID\d+")


@dataclass(frozen=True)
class Tagged:
    """One sentence: its tokens and their IOB2 labels, of equal length."""

    tokens: tuple[str, ...]
    labels: tuple[str, ...]


def read_conll(path: Path) -> list[Tagged]:
    """All sentences of `path`; raises InputError with the line of a line without a label."""
    return list(_iter_conll(path))


def _iter_conll(path: Path) -> Iterator[Tagged]:
    tokens: list[str] = []
    labels: list[str] = []
    with path.open(encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.strip()
            if not line:
                if tokens:
                    yield Tagged(tuple(tokens), tuple(labels))
                    tokens, labels = [], []
                continue
            cells = line.split()
            if len(cells) < 2:
                raise InputError(str(path), number, "expected 'token LABEL'")
            if not tokens and _SENTENCE_ID.fullmatch(cells[0]):
                continue
            tokens.append(cells[0])
            labels.append("O" if cells[-1] == "0" else cells[-1])
    if tokens:
        yield Tagged(tuple(tokens), tuple(labels))


def conll_lines(sents: Iterable[Tagged], predicted: Sequence[Sequence[str]]) -> Iterator[str]:
    """Lines `token gold predicted`, a blank line after each sentence."""
    for sent, pred in zip(sents, predicted, strict=True):
        for token, gold, guess in zip(sent.tokens, sent.labels, pred, strict=True):
            yield f"{token} {gold} {guess}"
        yield ""
