"""Train the CRF NER model on IOB2 sentences, and choose its regularisation by cross-validation.

Only KazNERD's valid split is available for training (its train split is not); its test split
is kept for the final figures, so `cross_validate` folds the training sentences only.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pycrfsuite

from qatynas.ner.conll import Tagged
from qatynas.ner.evaluate import score
from qatynas.ner.features import Featurizer
from qatynas.ner.lexicon import Lexicon, load_lexicon

# ../shared beside the repository, where the training data lies; a user passes paths instead.
SHARED = Path(__file__).resolve().parents[4] / "shared"
KAZNERD = SHARED / "data" / "kaznerd"
# Raw text the word clusters are learned from (never the test split).
CLUSTER_SOURCES = (
    SHARED / "corpus" / "kk_news.jsonl",
    KAZNERD / "IOB2_valid.txt",
    SHARED / "data" / "ud-kazakh" / "kk_ktb-ud-train.conllu",
    SHARED / "data" / "ud-kazakh" / "kk_ktb-ud-test.conllu",
)
DEFAULT_C1 = 0.05
DEFAULT_C2 = 0.05
DEFAULT_ITERATIONS = 150


@dataclass(frozen=True)
class Params:
    """L1 (c1) and L2 (c2) weights of the CRF's elastic-net penalty, and L-BFGS iterations."""

    c1: float = DEFAULT_C1
    c2: float = DEFAULT_C2
    iterations: int = DEFAULT_ITERATIONS


@dataclass(frozen=True)
class TrainResult:
    path: Path
    sentences: int
    tokens: int
    seconds: float
    params: Params


def train(
    sents: Sequence[Tagged],
    output: Path,
    params: Params = Params(),
    lexicon: Lexicon | None = None,
) -> TrainResult:
    """Train on `sents` and write the crfsuite model to `output` (folders are created)."""
    started = time.perf_counter()
    featurize = Featurizer(lexicon if lexicon is not None else load_lexicon())
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for sent in sents:
        trainer.append(featurize.sentence(sent.tokens), list(sent.labels))
    trainer.set_params(
        {
            "c1": params.c1,
            "c2": params.c2,
            "max_iterations": params.iterations,
            "feature.possible_transitions": True,
        }
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(output))
    tokens = sum(len(s.tokens) for s in sents)
    return TrainResult(output, len(sents), tokens, time.perf_counter() - started, params)


def cross_validate(
    sents: Sequence[Tagged],
    grid: Sequence[Params],
    folds: int,
    workdir: Path,
    lexicon: Lexicon | None = None,
) -> list[tuple[Params, float]]:
    """Mean micro F1 of each parameter set over `folds` contiguous folds, best first.

    Folds are contiguous blocks, not interleaved: KazNERD lists up to six renderings of one
    spoken sentence next to each other (digits or words for numbers, `%` or `процент`), and
    interleaved folds would test on near-copies of training sentences.
    """
    lex = lexicon if lexicon is not None else load_lexicon()
    bounds = [len(sents) * k // folds for k in range(folds + 1)]
    results: list[tuple[Params, float]] = []
    for params in grid:
        f1s = []
        for k in range(folds):
            held = sents[bounds[k] : bounds[k + 1]]
            rest = [*sents[: bounds[k]], *sents[bounds[k + 1] :]]
            model = workdir / f"cv-{k}.crfsuite"
            train(rest, model, params, lex)
            f1s.append(_micro_f1(model, held, lex))
        results.append((params, sum(f1s) / len(f1s)))
    return sorted(results, key=lambda r: -r[1])


def _micro_f1(model: Path, held: Sequence[Tagged], lexicon: Lexicon) -> float:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    featurize = Featurizer(lexicon)
    predicted = [tagger.tag(featurize.sentence(s.tokens)) for s in held]
    tagger.close()
    return score([s.labels for s in held], predicted).micro.f1
