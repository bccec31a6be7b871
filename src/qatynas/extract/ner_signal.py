"""The NER tagger as an extra signal for persons, when it is installed.

`qatynas.ner.tag(words) -> labels` (IOB2 per token: B-PERSON, I-PERSON, ...) is being built
separately; the rules in `persons` work without it. When the package or its model is missing, or
the call fails, this module says nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache
from typing import cast

from qatynas.model import Sentence

Tagger = Callable[[list[str]], list[str]]


@cache
def _tagger() -> Tagger | None:
    try:
        module = importlib.import_module("qatynas.ner")
    except ImportError:
        return None
    tag = getattr(module, "tag", None)
    if not callable(tag):
        return None
    try:
        tag(["Астана"])  # opens the model once: without one, say nothing from here on
    except Exception:  # the tagger is optional: a missing or broken model must not stop us
        return None
    return cast(Tagger, tag)


def person_tokens(sent: Sentence) -> frozenset[int]:
    """Indexes of the sentence's tokens the tagger labels PERSON; empty without a tagger."""
    tag = _tagger()
    if tag is None:
        return frozenset()
    try:
        labels = tag([t.text for t in sent.tokens])
    except Exception:  # the tagger is optional: a failure must not stop extraction
        return frozenset()
    if len(labels) != len(sent.tokens):
        return frozenset()
    return frozenset(i for i, lab in enumerate(labels) if str(lab).endswith("PERSON"))
