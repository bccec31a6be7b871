"""Build the text layer of a document: analysis text, source map, sentences and tokens."""

from __future__ import annotations

import re
from itertools import repeat

from razdel import sentenize

from qatynas.analyse import morph, script
from qatynas.analyse.tokens import tokenize
from qatynas.model import Analysis, Document, Field, Sentence, Token

SEPARATOR = "\n\n"
_PARAGRAPH = re.compile(r"[^\n]+")


def analyse(doc: Document) -> Analysis:
    """The title (when there is one) and the body, converted to Cyrillic and joined."""
    parts: list[str] = []
    source_map: list[tuple[Field, int]] = []
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
        source_map.extend(zip(repeat(fld), offsets))
        if i < len(segments) - 1:
            parts.append(SEPARATOR)
            source_map.extend([(fld, offsets[-1])] * (len(SEPARATOR) - 1))
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
    for para in _PARAGRAPH.finditer(text):
        base = para.start()
        for sent in sentenize(para.group()):
            at = base + sent.start
            tokens = tuple(
                Token(word, at + start, at + stop, morph.lemma(word))
                for start, stop, word in tokenize(sent.text)
            )
            if tokens:
                out.append(Sentence(base + sent.start, base + sent.stop, tokens))
    return out
