"""Sentence spans, exactly as razdel's `sentenize` gives them, in a third of the time.

razdel finds every delimiter (full stop, ?, !, …, ;, closing quotes and brackets, smileys),
builds a `SentSplit` (ten characters either side, the sentence so far as its `buffer`) and asks
its rules, in order, whether the two sides join; the pieces that do not join are the sentences,
stripped of white space. Its generators, record objects and the string it rebuilds at every
join were a tenth of an article's analysis (#7).

Here the same delimiter pattern, the same `SentSplit` and the same rules decide every
delimiter; only the plumbing is direct: the buffer is a slice of the text, and the sentences
are (start, stop) offsets, with no search for each sentence in the text afterwards.
Two cases are decided before a split is built, from what the first rules would see: a
delimiter at the very end of the text (`empty_side`: no right side, so it joins) and one
followed by no white space (`no_space_prefix` joins, or `empty_side` before it, which joins
too). `tests/test_sentences.py` compares the two on the
corpus and on generated text.
"""

from __future__ import annotations

import re

from razdel.rule import JOIN
from razdel.segmenters.sentenize import DELIMITER, RULES, SentSplit

_DELIMITER = re.compile(DELIMITER)
_WINDOW = 10  # razdel's SentSplitter window
_RULES = tuple(rule.function for rule in RULES)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, stop) of each sentence of `text`, as `razdel.sentenize` finds them (empty
    sentences, which razdel gives for a text of white space, are left out)."""
    out: list[tuple[int, int]] = []
    begin = 0
    end = len(text)
    for match in _DELIMITER.finditer(text):
        start, stop = match.span()
        if stop == end:
            break  # nothing on the right: `empty_side` joins, the rest is the last sentence
        if not text[stop].isspace():
            continue  # `no_space_prefix` joins (or `empty_side` before it: it joins too)
        split = SentSplit(
            text[max(0, start - _WINDOW) : start], match.group(1), text[stop : stop + _WINDOW]
        )
        split.buffer = text[begin:start]
        if not _joins(split):
            _add(out, text, begin, stop)
            begin = stop
    _add(out, text, begin, end)
    return out


def _joins(split: SentSplit) -> bool:
    for rule in _RULES:
        action = rule(split)
        if action:
            return bool(action == JOIN)
    return False


def _add(out: list[tuple[int, int]], text: str, begin: int, stop: int) -> None:
    """The sentence text[begin:stop], stripped as razdel strips it (`str.strip`)."""
    while begin < stop and text[begin].isspace():
        begin += 1
    while stop > begin and text[stop - 1].isspace():
        stop -= 1
    if stop > begin:
        out.append((begin, stop))
