"""Russian named entities (PER, LOC, ORG) with natasha's news NER, and their nominative forms.

natasha ships its models inside its wheel (navec news embeddings, 26 MB; slovnet NER and
morphology, 7 MB): nothing is downloaded. The tagger runs once per analysis text (cached for the
stages that ask after it); a glued sentence start (КазахстанеВ, see `text_ru`) is given a space
first so the tagger sees two words, and the offsets are mapped back. `normal` is natasha's
nominative of the span, from the morphology tagger's case, number and gender in context
(Оливером Рентшлером → Оливер Рентшлер, Салтанат Нукеновой → Салтанат Нукенова); places and
organisations get theirs from pymorphy3 (`nominative_phrase`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from threadpoolctl import threadpool_limits

from qatynas.analyse import morph_ru
from qatynas.analyse.text_ru import GLUE


@dataclass(frozen=True)
class NerSpan:
    start: int  # offsets into the analysis text, half-open
    end: int
    label: str  # PER, LOC or ORG
    text: str
    normal: str


@cache
def _models() -> tuple[Any, Any, Any, Any]:
    from natasha import MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    return Segmenter(), NewsNERTagger(embedding), NewsMorphTagger(embedding), MorphVocab()


def _unglue(text: str) -> tuple[str, list[int]]:
    """The text with a space at each glued sentence start, and the map of its offsets back."""
    parts: list[str] = []
    back: list[int] = []
    last = 0
    for m in GLUE.finditer(text):
        parts.append(text[last : m.start()] + " ")
        back.extend(range(last, m.start()))
        back.append(m.start())  # the inserted space stands for the next letter's offset
        last = m.start()
    parts.append(text[last:])
    back.extend(range(last, len(text) + 1))
    return "".join(parts), back


@lru_cache(maxsize=8)
def spans(text: str) -> tuple[NerSpan, ...]:
    """Named entities of `text` in text order."""
    if not text.strip():
        return ()
    from natasha import Doc

    segmenter, ner, morph, vocab = _models()
    fixed, back = _unglue(text)
    doc = Doc(fixed)
    doc.segment(segmenter)
    # The models multiply small matrices: BLAS threads only fight over the cores (on 2 busy
    # cores one thread is 7 times faster than OpenBLAS's default).
    with threadpool_limits(limits=1, user_api="blas"):
        doc.tag_ner(ner)
        _tag_morph(doc, morph)
    out: list[NerSpan] = []
    for span in doc.spans:
        start, end = back[span.start], back[span.stop - 1] + 1
        if span.type == "PER":
            span.normalize(vocab)
            normal = span.normal or span.text
        else:
            normal = nominative_phrase(text[start:end])
        out.append(NerSpan(start, end, span.type, text[start:end], normal))
    return tuple(out)


def _tag_morph(doc: Any, morph: Any) -> None:
    """Case, number and gender in context, for the sentences that name a person only: the
    morphology tagger costs as much as the NER, and only persons' names need it."""
    sents = [s for s in doc.sents if any(sp.type == "PER" for sp in s.spans)]
    if not sents:
        return
    markups = morph.map([[t.text for t in s.tokens] for s in sents])
    for sent, markup in zip(sents, markups, strict=True):
        for target, source in zip(sent.tokens, markup.tokens, strict=False):
            target.pos = source.pos
            target.feats = source.feats


def nominative_phrase(phrase: str) -> str:
    """A place's or organisation's name with its words up to the first noun in the nominative
    (Туркестанской области → Туркестанская область, Министерством торговли → Министерство
    торговли); what follows the noun, a genitive, stays."""
    words = phrase.split(" ")
    for n, word in enumerate(words):
        if morph_ru.pos(word) == "NOUN":
            agree = morph_ru.agreement(word)
            head = [morph_ru.nominative(w, agree) for w in words[: n + 1]]
            return " ".join(head + words[n + 1 :])
    return phrase
