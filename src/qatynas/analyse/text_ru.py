"""Sentences and tokens of a Russian article (razdel's, as `analyse.sentences` and
`analyse.tokens` give them), with pymorphy3 lemmas.

The analysis text is the same as for Kazakh (`analyse.text.analyse`); only the sentences differ.
Russian news feeds often lose the break between paragraphs ("в КазахстанеВ 2023 году"): a
lower-case letter glued to a capital that opens a new word ends a sentence here, and splits the
word into its two tokens, so that neither the gazetteers nor the NER see "КазахстанеВ".
"""

from __future__ import annotations

import re

from qatynas.analyse import morph_ru
from qatynas.analyse.sentences import sentence_spans
from qatynas.analyse.text import SEPARATOR
from qatynas.analyse.tokens import tokenize
from qatynas.model import Analysis, Document, Field, Sentence, SourceMap, Token

_PARAGRAPH = re.compile(r"[^\n]+")
# Four lower-case letters, then a capital and a lower-case letter or a space: a glued sentence
# start ("позицииВ", "КазахстанеНо"), not a brand (КазМунайГаз has three before the capital).
GLUE = re.compile(r"(?<=[а-яё]{4})(?=[А-ЯЁ](?:[а-яё]|\s))")


def analyse(doc: Document) -> Analysis:
    """The text layer of a Russian article: the title and the body as published (a Latin word
    in Russian text is a name, «Agriqa Farms», never Kazakh Latin to convert), joined as for
    Kazakh, with the identity map back to the source and Russian sentences."""
    parts: list[str] = []
    source_map = SourceMap()
    segments: list[tuple[Field, str]] = [("title", doc.title)] if doc.title else []
    segments.append(("text", doc.text))
    for i, (fld, raw) in enumerate(segments):
        parts.append(raw)
        last = i == len(segments) - 1
        source_map.add(fld, range(len(raw) + 1), len(raw) + (1 if last else len(SEPARATOR)))
        if not last:
            parts.append(SEPARATOR)
    text = "".join(parts)
    analysis = Analysis(text=text, source_map=source_map, script="cyrillic")
    analysis.sentences = split_sentences(text)
    return analysis


def pieces(text: str) -> list[tuple[int, int]]:
    """[start, end) of the stretches between line breaks and glued sentence starts."""
    out: list[tuple[int, int]] = []
    for para in _PARAGRAPH.finditer(text):
        start = para.start()
        for glue in GLUE.finditer(text, para.start(), para.end()):
            out.append((start, glue.start()))
            start = glue.start()
        out.append((start, para.end()))
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Sentences never cross a line break or a glued sentence start."""
    out: list[Sentence] = []
    for start, end in pieces(text):
        chunk = text[start:end]
        for first, last in sentence_spans(chunk):
            at = start + first
            tokens = tuple(
                Token(word, at + a, at + b, morph_ru.lemma)
                for a, b, word in tokenize(chunk[first:last])
            )
            if tokens:
                out.append(Sentence(at, start + last, tokens))
    return out
