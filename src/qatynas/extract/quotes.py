"""Direct quotes and their speakers.

Two shapes of direct speech in Kazakh news:
- a paragraph (often opened by a dash) closed by a dash and an attribution verb:
  "Өкінішке қарай, ..., – деді Ермұхамет Қонысбаев." / "– ..., – деп атап өтті ол.";
- words in quotation marks with an attribution next to them: "«...», деді ол", "Трамп: «...»",
  and a second «...» that goes on with the same speaker.
The speaker is the person named in the attribution, else (ол, министр, АҚШ президенті) the
person last named before the quote. Quotes under four words are not kept (annotation.md).
"""

from __future__ import annotations

import re
from functools import cache

from qatynas import lang
from qatynas.extract.lexicon import Pattern
from qatynas.model import Document, Entity, Quote, Span
from qatynas.settings import Settings

MIN_WORDS = 4
_DASH = "–—-"
_OPEN = '«“"„'
_CLOSE = '»”"'
_WORD = re.compile(r"\w+")
# "..., – деді X." inside one paragraph: the quote, the dash, then the attribution.
_DASH_QUOTE = re.compile(r"(?P<q>\S.*?)[\s,.!?…»\"]*\s[–—-]\s*(?P<attr>\w[^\n]*)")
_MARKED = re.compile(r"[«“„\"](?P<q>[^«»“”„\"\n]+)[»”\"]")
_ATTR_AFTER = re.compile(r"\A[\s,.!?…]*[–—-]?\s*(?P<attr>\w[^\n]*)")
_COLON_BEFORE = re.compile(r"(?P<who>[^.!?\n]{2,80}):\s*\Z")


@cache
def _verbs() -> tuple[Pattern, ...]:
    return tuple(Pattern.parse(r["pattern"]) for r in lang.rows("kk", "speech_verbs.tsv"))


def _is_attribution(text: str) -> bool:
    words = [w.lower() for w in _WORD.findall(text[:60])]
    return any(p.matches_at(words, 0) for p in _verbs())


def _title_of(attribution: str) -> str | None:
    """The speaker as the attribution names them when no person is known: "деп атап өтті
    министр" → "министр"."""
    words = attribution.strip(" .,").split()
    if words and words[0].lower() == "деп":
        words = words[2:]
    elif words and _is_attribution(words[0]):
        words = words[1:]
    return " ".join(words) or None


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _person_in(doc: Document, start: int, end: int) -> Entity | None:
    for ent in doc.persons:
        if any(start <= m.start < end for m in ent.mentions):
            return ent
    return None


def _last_person_before(doc: Document, offset: int) -> Entity | None:
    best: tuple[int, Entity] | None = None
    for ent in doc.persons:
        for m in ent.mentions:
            if m.end <= offset and (best is None or m.start > best[0]):
                best = (m.start, ent)
    return best[1] if best else None


def _sentence_end(text: str, start: int) -> int:
    m = re.compile(r"[.!?\n]").search(text, start)
    return m.end() if m else len(text)


def _quote(doc: Document, start: int, end: int, attr: tuple[int, int]) -> Quote | None:
    text = doc.analysis.text if doc.analysis else ""
    while start < end and (text[start].isspace() or text[start] in _DASH + _OPEN):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",:;–—-" + _CLOSE):
        end -= 1
    if _words(text[start:end]) < MIN_WORDS:
        return None
    speaker = _person_in(doc, *attr) or _last_person_before(doc, start)
    if speaker is None:
        return Quote(Span(start, end), _title_of(text[attr[0] : attr[1]]))
    return Quote(Span(start, end), speaker.name, speaker.role, speaker.country)


def _dash_quotes(doc: Document, text: str) -> list[Quote]:
    out: list[Quote] = []
    for para in re.finditer(r"[^\n]+", text):
        line = para.group()
        for m in _DASH_QUOTE.finditer(line):
            if not _is_attribution(m.group("attr")):
                continue
            base = para.start()
            attr = (base + m.start("attr"), base + _sentence_end(line, m.start("attr")))
            q = _quote(doc, base + m.start("q"), base + m.end("q"), attr)
            if q:
                out.append(q)
            break
    return out


def _marked_quotes(doc: Document, text: str, taken: list[Span]) -> list[Quote]:
    out: list[Quote] = []
    previous: Quote | None = None
    for m in _MARKED.finditer(text):
        start, end = m.start("q"), m.end("q")
        if any(s.start <= start < s.end or start <= s.start < end for s in taken):
            continue
        after = _ATTR_AFTER.match(text, m.end())
        colon = _COLON_BEFORE.search(text, max(0, m.start() - 80), m.start())
        quote: Quote | None = None
        if after and _is_attribution(after.group("attr")):
            a = after.start("attr")
            quote = _quote(doc, start, end, (a, _sentence_end(text, a)))
        elif colon:
            quote = _quote(doc, start, end, (colon.start("who"), colon.end("who")))
        elif (
            previous
            and 0 <= start - previous.span.end < 120
            and "\n" not in text[previous.span.end : start]
        ):
            quote = _quote(doc, start, end, (start, start))
            if quote:
                quote = Quote(quote.span, previous.speaker, previous.role, previous.country)
        if quote:
            out.append(quote)
        previous = quote or previous
    return out


def extract(doc: Document, settings: Settings) -> None:
    assert doc.analysis is not None
    text = doc.analysis.text
    dash = _dash_quotes(doc, text)
    marked = _marked_quotes(doc, text, [q.span for q in dash])
    doc.quotes = sorted(dash + marked, key=lambda q: q.span.start)
