"""Sentence spans, exactly as razdel's `sentenize` gives them, in a third of the time.

razdel finds every delimiter (full stop, ?, !, …, ;, closing quotes and brackets, smileys),
builds a `SentSplit` (ten characters either side, the sentence so far as its `buffer`) and asks
its rules, in order, whether the two sides join; the pieces that do not join are the sentences,
stripped of white space. Its generators, record objects and the string it rebuilds at every
join were a tenth of an article's analysis (#7).

Here the same delimiter pattern, the same `SentSplit` and the same rules decide every
delimiter; only the plumbing is direct: the buffer is a slice of the text, and the sentences
are (start, stop) offsets, with no search for each sentence in the text afterwards.
Three cases are decided before a split is built, from what the rules would see: a
delimiter at the very end of the text (`empty_side`: no right side, so it joins), one followed
by no white space (`no_space_prefix` joins, or `empty_side` before it, which joins too), and
the commonest, a sentence end between two words, the second not in lower case
(`_plain_split`, which reads razdel's own patterns and abbreviation lists).
`tests/test_sentences.py` compares the two on the corpus and on generated text.
"""

from __future__ import annotations

import re

from razdel.rule import JOIN
from razdel.segmenters.punct import ENDINGS
from razdel.segmenters.sentenize import (
    BULLET_SIZE,
    DELIMITER,
    FIRST_TOKEN,
    HEAD_SOKRS,
    INITIALS,
    LAST_TOKEN,
    PAIR_SOKR,
    PAIR_SOKRS,
    RULES,
    SentSplit,
)

_DELIMITER = re.compile(DELIMITER)
_WINDOW = 10  # razdel's SentSplitter window
_RULES = tuple(rule.function for rule in RULES)
_ENDINGS = frozenset(ENDINGS)


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
        left = text[max(0, start - _WINDOW) : start]
        delimiter = match.group(1)
        right = text[stop : stop + _WINDOW]
        if _plain_split(left, delimiter, right, start - begin):
            _add(out, text, begin, stop)
            begin = stop
            continue
        split = SentSplit(left, delimiter, right)
        split.buffer = text[begin:start]
        if not _joins(split):
            _add(out, text, begin, stop)
            begin = stop
    _add(out, text, begin, end)
    return out


def _plain_split(left: str, delimiter: str, right: str, buffer: int) -> bool:
    """Whether razdel splits here, known without its rules: a sentence ending (. ? ! …), a
    space, then a word that is not lower case, after a word; for a full stop also no
    abbreviation or initial before it (razdel's lists) and a sentence so far (`buffer`
    characters) too long for a list item. False when the rules must be asked."""
    if delimiter not in _ENDINGS:
        return False
    after = FIRST_TOKEN.match(right)  # `empty_side`, `lower_right`, `delimiter_right`
    if after is None:
        return False
    word = after.group(1)
    if not word.isalpha() or word.islower():
        return False
    before = LAST_TOKEN.search(left)
    if before is None:
        return False
    if delimiter != ".":
        return True  # the rules after `delimiter_right` speak of full stops and brackets only
    last = before.group(1)
    low = last.lower()
    return (
        PAIR_SOKR.search(left) is None  # `sokr_left`: т.б., т.с.с.
        and low not in HEAD_SOKRS  # `sokr_left`; a word that is not lower case is no `is_sokr`
        and (low, word.lower()) not in PAIR_SOKRS  # `inside_pair_sokr`
        and not (last.isupper() and len(last) == 1)  # `initials_left`
        and low not in INITIALS
        and buffer > BULLET_SIZE  # `list_item`
    )


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
