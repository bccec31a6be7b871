"""Kazakh nominal morphology: the nominative form (lemma) of a word form.

PLACEHOLDER: identity until the suffix stripper lands.
"""

from __future__ import annotations


def lemma(word: str) -> str:
    return word
