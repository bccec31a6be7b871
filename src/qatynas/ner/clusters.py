"""Word clusters learned from raw Kazakh text, as Brown-style bit strings.

Each frequent word is described by the words seen just before and after it (positive PMI,
reduced by SVD to a few dozen dimensions). Bisecting spherical k-means then splits the
vocabulary in two, again and again, and a word's path of left/right choices is its bit
string: words sharing a long prefix occur in similar contexts. NER uses prefixes of several
lengths (`lexicon.CLUSTER_PREFIXES`), so a word unseen in the NER training data still shares
attributes with seen words of its kind.

Deterministic (fixed seed); needs numpy (a training-time dependency only: tagging reads the
committed TSV). On ~350,000 tokens a build takes well under a minute.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

_TOKEN = re.compile(r"\w+(?:-\w+)*|[^\w\s]")
_BOUNDARY = "<s>"


def tokenize(text: str) -> list[str]:
    """Lowercased word and punctuation tokens of raw text."""
    return _TOKEN.findall(text.lower())


def corpus_sentences(paths: Iterable[Path]) -> Iterator[list[str]]:
    """Token lists from `.jsonl` (title and text fields), `.conllu` and CoNLL NER files."""
    for path in paths:
        if path.suffix == ".jsonl":
            with path.open(encoding="utf-8") as f:
                for line in f:
                    record = json.loads(line)
                    for key in ("title", "text"):
                        for para in str(record.get(key) or "").splitlines():
                            yield tokenize(para)
        else:
            yield from _column_sentences(path, 1 if path.suffix == ".conllu" else 0)


def _column_sentences(path: Path, column: int) -> Iterator[list[str]]:
    sent: list[str] = []
    with path.open(encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if not line:
                if sent:
                    yield sent
                sent = []
            elif not line.startswith("#"):
                cells = line.split()
                # CoNLL-U: skip multiword-token ranges (1-2) and empty nodes (8.1).
                if column == 0 or cells[0].isdigit():
                    sent.append(cells[column].lower())
    if sent:
        yield sent


def context_matrix(
    sentences: Iterable[Sequence[str]], min_count: int, contexts: int
) -> tuple[list[str], NDArray[np.float64]]:
    """Words seen `min_count` times or more, and their PPMI left/right context matrix."""
    sents = [list(s) for s in sentences if s]
    counts = Counter(w for s in sents for w in s)
    words = sorted(w for w, c in counts.items() if c >= min_count)
    row = {w: i for i, w in enumerate(words)}
    common = [w for w, _ in counts.most_common(contexts)]
    col = {f"{side}{w}": j for j, (side, w) in enumerate((s, w) for s in "LR" for w in common)}
    for side in "LR":
        col.setdefault(side + _BOUNDARY, len(col))
    pairs: Counter[tuple[int, int]] = Counter()
    for sent in sents:
        padded = [_BOUNDARY, *sent, _BOUNDARY]
        for i in range(1, len(padded) - 1):
            r = row.get(padded[i])
            if r is None:
                continue
            for side, near in (("L", padded[i - 1]), ("R", padded[i + 1])):
                c = col.get(side + near)
                if c is not None:
                    pairs[r, c] += 1
    matrix = np.zeros((len(words), len(col)))
    for (r, c), n in pairs.items():
        matrix[r, c] = n
    return words, _ppmi(matrix)


def _ppmi(counts: NDArray[np.float64]) -> NDArray[np.float64]:
    """Positive pointwise mutual information, context counts smoothed (power 0.75)."""
    total = counts.sum()
    rows = counts.sum(axis=1, keepdims=True)
    ctx = counts.sum(axis=0, keepdims=True) ** 0.75
    ctx = ctx / ctx.sum() * total
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(counts * total / (rows @ ctx))
    return np.where(np.isfinite(pmi) & (pmi > 0), pmi, 0.0)


def embed(matrix: NDArray[np.float64], dims: int) -> NDArray[np.float64]:
    """Rows of `matrix` reduced to `dims` dimensions by truncated SVD, unit length."""
    u, s, _ = np.linalg.svd(matrix, full_matrices=False)
    vecs = u[:, :dims] * np.sqrt(s[:dims])
    norms = np.linalg.norm(vecs, axis=1, keepdims=True)
    return np.asarray(vecs / np.where(norms > 0, norms, 1.0), dtype=np.float64)


def _split(vecs: NDArray[np.float64], rng: np.random.Generator) -> NDArray[np.bool_]:
    """Two-means on the unit sphere; True marks the right half (both halves non-empty)."""
    n = len(vecs)
    centres = vecs[rng.choice(n, 2, replace=False)]
    right = np.zeros(n, dtype=bool)
    for _ in range(10):
        sims = vecs @ centres.T
        new = sims[:, 1] > sims[:, 0]
        if new.all() or not new.any() or (new == right).all():
            break
        right = new
        centres = np.stack([vecs[~right].mean(axis=0), vecs[right].mean(axis=0)])
    if right.all() or not right.any():
        right = np.arange(n) >= n // 2
    return right


def bit_strings(
    words: Sequence[str], vecs: NDArray[np.float64], depth: int, min_size: int = 4, seed: int = 13
) -> dict[str, str]:
    """Word -> bit string of at most `depth` bits, by bisecting k-means of the whole vocabulary."""
    rng = np.random.default_rng(seed)
    out: dict[str, str] = {}
    frontier: list[tuple[str, NDArray[np.intp]]] = [("", np.arange(len(words)))]
    while frontier:
        path, idx = frontier.pop()
        if len(path) >= depth or len(idx) < min_size:
            out.update((words[i], path or "0") for i in idx)
            continue
        right = _split(vecs[idx], rng)
        frontier.append((path + "0", idx[~right]))
        frontier.append((path + "1", idx[right]))
    return out


def build_clusters(
    paths: Iterable[Path], depth: int = 14, min_count: int = 3, contexts: int = 1500, dims: int = 80
) -> dict[str, str]:
    """Bit strings for the words of the texts at `paths` (see `corpus_sentences`)."""
    words, matrix = context_matrix(corpus_sentences(paths), min_count, contexts)
    return bit_strings(words, embed(matrix, dims), depth)


def write_clusters(clusters: dict[str, str], path: Path, sources: Sequence[str]) -> None:
    """Write the TSV `lang/kk/ner_clusters.tsv` reads: a comment, a header, `word<TAB>bits`."""
    with path.open("w", encoding="utf-8") as f:
        f.write("# Word clusters for NER features; read by qatynas.ner.lexicon. Built by\n")
        f.write("# `qatynas train clusters` from: " + ", ".join(sources) + "\n")
        f.write("word\tbits\n")
        for word in sorted(clusters):
            f.write(f"{word}\t{clusters[word]}\n")
