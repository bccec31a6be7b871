"""The committed NER model as a function of tokens: `tag(tokens) -> IOB2 labels`.

The model (`qatynas/models/ner-kk.crfsuite`) is opened once, on first use. Its attribute set is
read at open time so the featurizer caches only attributes the model weighs, which keeps
tagging above 20,000 tokens a second on one core.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path

import pycrfsuite

from qatynas.ner.features import Featurizer
from qatynas.ner.lexicon import Lexicon, load_lexicon

MODEL_NAME = "ner-kk.crfsuite"


def default_model_path() -> Path:
    return Path(str(resources.files("qatynas").joinpath("models", MODEL_NAME)))


class NerTagger:
    """A crfsuite model with the featurizer it was trained with."""

    def __init__(self, model: Path, lexicon: Lexicon | None = None) -> None:
        self._crf = pycrfsuite.Tagger()
        self._crf.open(str(model))
        known = _state_attributes(self._crf)
        self._features = Featurizer(lexicon if lexicon is not None else load_lexicon(), known)

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """IOB2 labels of `tokens`, one per token; an empty sentence gives an empty list."""
        if not tokens:
            return []
        labels: list[str] = self._crf.tag(self._features.sentence(tokens))
        return labels


# A line of crfsuite's dump under STATE_FEATURES: "  (0) ATTRIBUTE --> LABEL: WEIGHT".
_STATE_LINE = re.compile(r"^  \(\d+\) (.+) --> [^\n]*$", re.M)


def _state_attributes(crf: pycrfsuite.Tagger) -> frozenset[str]:
    """The attributes the model has state features for. `Tagger.info()` gives the same set but
    parses the whole dump in Python, half a second for this model; one regex over the state
    features' section of the dump takes a tenth of that."""
    fd, name = tempfile.mkstemp(suffix=".txt")
    os.close(fd)
    try:
        crf.dump(name)
        text = Path(name).read_text(encoding="utf-8")
    finally:
        os.unlink(name)
    start = text.find("STATE_FEATURES = {")
    if start < 0:
        return frozenset()
    end = text.find("\n}", start)
    return frozenset(_STATE_LINE.findall(text, start, end if end >= 0 else len(text)))


@cache
def default_tagger() -> NerTagger:
    """The committed model, opened on first call."""
    return NerTagger(default_model_path())


def tag(tokens: Sequence[str]) -> list[str]:
    """IOB2 labels of one tokenised sentence by the committed model."""
    return default_tagger().tag(tokens)
