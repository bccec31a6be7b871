"""Entity-level exact-match scores, computed as seqeval's default (conlleval) mode does.

An entity is a (type, first, last) chunk of a label sequence. Chunks follow conlleval's lenient
reading of IOB: an `I-X` after `O` or after another type starts a new chunk, as a `B-X` would, so
an ill-formed prediction still yields entities. Sentences are scored as one sequence with an `O`
between them, exactly as `seqeval.metrics.classification_report` does, so the figures can be
compared with published ones.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

Chunk = tuple[str, int, int]


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 of one class (or of all), with the counts behind them."""

    precision: float
    recall: float
    f1: float
    support: int  # gold entities
    predicted: int
    correct: int

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "support": self.support,
        }


@dataclass(frozen=True)
class Report:
    micro: Score
    per_class: dict[str, Score]

    def as_dict(self) -> dict[str, object]:
        return {
            "micro": self.micro.as_dict(),
            "per_class": {name: s.as_dict() for name, s in sorted(self.per_class.items())},
        }


def _split(label: str) -> tuple[str, str]:
    """(prefix, type) of a label: `B-GPE` -> (`B`, `GPE`), `O` -> (`O`, `_`)."""
    if label == "O" or not label:
        return "O", "_"
    prefix, _, kind = label.partition("-")
    return prefix, kind or "_"


def _ends(prev: str, prev_kind: str, tag: str, kind: str) -> bool:
    if prev in ("E", "S"):
        return True
    if prev in ("B", "I") and tag in ("B", "S", "O"):
        return True
    return prev != "O" and prev_kind != kind


def _starts(prev: str, prev_kind: str, tag: str, kind: str) -> bool:
    if tag in ("B", "S"):
        return True
    if prev in ("E", "S", "O") and tag in ("E", "I"):
        return True
    return tag != "O" and prev_kind != kind


def chunks(labels: Sequence[str]) -> Iterator[Chunk]:
    """The entities of one label sequence, in order."""
    prev, prev_kind, begin = "O", "_", 0
    for i, label in enumerate([*labels, "O"]):
        tag, kind = _split(label)
        if _ends(prev, prev_kind, tag, kind):
            yield prev_kind, begin, i - 1
        if _starts(prev, prev_kind, tag, kind):
            begin = i
        prev, prev_kind = tag, kind


def _flat_chunks(sequences: Sequence[Sequence[str]]) -> set[Chunk]:
    flat: list[str] = []
    for seq in sequences:
        flat.extend(seq)
        flat.append("O")
    return set(chunks(flat))


def _score(correct: int, predicted: int, support: int) -> Score:
    precision = correct / predicted if predicted else 0.0
    recall = correct / support if support else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1, support, predicted, correct)


def score(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> Report:
    """Micro and per-class scores of `predicted` against `gold`, sentence by sentence."""
    if len(gold) != len(predicted) or any(
        len(g) != len(p) for g, p in zip(gold, predicted, strict=True)
    ):
        raise ValueError("gold and predicted differ in sentence count or length")
    true_set, pred_set = _flat_chunks(gold), _flat_chunks(predicted)
    hits = true_set & pred_set
    support = Counter(c[0] for c in true_set)
    guessed = Counter(c[0] for c in pred_set)
    correct = Counter(c[0] for c in hits)
    per_class = {
        kind: _score(correct[kind], guessed[kind], support[kind]) for kind in support | guessed
    }
    micro = _score(len(hits), len(pred_set), len(true_set))
    return Report(micro, per_class)


def table(report: Report) -> str:
    """A plain-text table of per-class and micro scores, for people."""
    head = f"{'class':<15}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>10}"
    lines = [head, "-" * len(head)]
    for name, s in sorted(report.per_class.items()):
        lines.append(_row(name, s))
    lines.append("-" * len(head))
    lines.append(_row("micro", report.micro))
    return "\n".join(lines)


def _row(name: str, s: Score) -> str:
    return f"{name:<15}{s.precision:>10.4f}{s.recall:>10.4f}{s.f1:>10.4f}{s.support:>10}"
