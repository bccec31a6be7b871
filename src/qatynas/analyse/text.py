"""Build the text layer of a document: analysis text, source map, sentences and tokens."""

from __future__ import annotations

import re

from qatynas.analyse import morph, script
from qatynas.analyse.sentences import sentence_spans
from qatynas.analyse.tokens import tokenize
from qatynas.model import Analysis, Document, Field, Sentence, SourceMap, Token

SEPARATOR = "\n\n"
_PARAGRAPH = re.compile(r"[^\n]+")
# Builds a Token from its fields without the named tuple's `__new__` written in Python: an
# article has hundreds of tokens (#7).
_token = tuple.__new__


def analyse(doc: Document) -> Analysis:
    """The title (when there is one) and the body, converted to Cyrillic and joined."""
    parts: list[str] = []
    source_map = SourceMap()
    scripts: set[str] = set()
    segments: list[tuple[Field, str]] = []
    if doc.title:
        segments.append(("title", doc.title))
    segments.append(("text", doc.text))
    for i, (fld, raw) in enumerate(segments):
        converted, offsets, name = script.to_cyrillic(raw)
        if converted.strip():
            scripts.add(name)
        parts.append(converted)
        # `offsets` ends with the segment's end marker, which also stands for the first
        # separator character; the rest of the separator maps there too, never into the text.
        last = i == len(segments) - 1
        source_map.add(fld, offsets, len(converted) + (1 if last else len(SEPARATOR)))
        if not last:
            parts.append(SEPARATOR)
    text = "".join(parts)
    # One end marker was kept for the last segment: the map has len(text) + 1 entries.
    assert len(source_map) == len(text) + 1, (len(source_map), len(text))
    kind = scripts.pop() if len(scripts) == 1 else ("mixed" if scripts else "cyrillic")
    analysis = Analysis(text=text, source_map=source_map, script=kind)
    analysis.sentences = split_sentences(text)
    return analysis


def split_sentences(text: str) -> list[Sentence]:
    """Sentences never cross a line break (titles and paragraphs end sentences)."""
    out: list[Sentence] = []
    lemma = morph.lemma
    for para in _PARAGRAPH.finditer(text):
        base = para.start()
        chunk = para.group()
        for first, last in sentence_spans(chunk):
            at = base + first
            tokens = tuple(
                [
                    _token(Token, (word, at + start, at + stop, lemma))
                    for start, stop, word in tokenize(chunk[first:last])
                ]
            )
            if tokens:
                out.append(Sentence(at, base + last, tokens))
    return out
