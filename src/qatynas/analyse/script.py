"""Script detection and Latin→Cyrillic conversion with an offset map back to the original.

PLACEHOLDER: identity conversion until the Latin alphabets land.
"""

from __future__ import annotations


def to_cyrillic(text: str) -> tuple[str, list[int], str]:
    """Return (Cyrillic text, map, script). `map[i]` is the source offset of output char i;
    `map[len(output)] == len(text)`."""
    return text, list(range(len(text) + 1)), "cyrillic"
