"""Kazakh named-entity recognition: a CRF trained on KazNERD with the project's own features.

`tag(tokens)` gives IOB2 labels with KazNERD's 25 classes (PERSON, GPE, ORGANISATION, ...).
"""

from __future__ import annotations

from qatynas.ner.tagger import tag

__all__ = ["tag"]
