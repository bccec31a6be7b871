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
from qatynas.extract import roles_ru
from qatynas.extract.lexicon import Pattern
from qatynas.model import Document, Entity, Quote, Span
from qatynas.settings import Settings

MIN_WORDS = 4
_DASH = "–—-"
_OPEN = '«“"„'
_CLOSE = '»”"'
_WORD = re.compile(r"\w+")
# "..., – деді X." inside one paragraph: the quote, the dash, then the attribution.
# The dash before an attribution: "..., – деді", "...,- деді", "...» – деп"; not a hyphen in a word.
_ATTR_DASH = re.compile(r"(?:[,.!?…»\"]\s*|\s+)[–—-]\s*(?=\w)")
_PAIRS = {"«": "»", "“": "”", "„": "“"}
# The characters `marked_spans` acts on; it skips the rest of the text in C (#7).
_MARKS = re.compile("[" + re.escape('\n"' + "".join(_PAIRS) + "".join(_PAIRS.values())) + "]")
_ATTR_AFTER = re.compile(r"[\s,.!?…]*[–—-]?\s*(?P<attr>\w[^\n]*)")
_SAID_THAT = re.compile(r"(?P<who>[^.!?\n]{2,120}?)(?P<verb>\w+),?\s+что\s*\Z")
_AS_SAID = re.compile(
    r"(?P<lead>[Пп]о словам|[Кк]ак (?P<verb>\w+))\s+(?P<who>[^.!?\n,]{2,80}),\s*\Z"
)
_COLON_BEFORE = re.compile(r"(?P<who>[^.!?\n]{2,80}):\s*\Z")


@cache
def _verbs(language: str = "kk", kind: str = "speech") -> tuple[Pattern, ...]:
    """Attribution verbs of a language; `kind` "impersonal" gives an institution's (говорится)."""
    return tuple(
        Pattern.parse(r["pattern"])
        for r in lang.rows(language, "speech_verbs.tsv")
        if (r.get("kind") or "speech") == kind
    )


def _language(doc: Document) -> str:
    return "ru" if doc.lang == "ru" else "kk"


def _is_attribution(text: str, language: str = "kk") -> bool:
    words = [w.lower() for w in _WORD.findall(text[:60])]
    return any(p.matches_at(words, 0) for p in _verbs(language))


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


def _person_by_surname(doc: Document, attribution: str) -> Entity | None:
    """A person whose surname opens one of the attribution's first words ("деп жазды Трамп
    Truth Social-да" names Трамп even where the mention was not linked)."""
    words = _WORD.findall(attribution)[:6]
    for ent in doc.persons:
        surname = ent.name.split()[-1].lower() if ent.name.split() else ""
        if len(surname) > 2 and any(w.lower().startswith(surname) for w in words):
            return ent
    return None


def _impersonal(attribution: str, language: str = "kk") -> bool:
    words = [w.lower() for w in _WORD.findall(attribution)[:2]]
    if language != "kk":
        return any(p.matches_at(words, 0) for p in _verbs(language, "impersonal"))
    return bool(words) and words[0].startswith("делін")


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


def _quote(
    doc: Document, start: int, end: int, attr: tuple[int, int], attribution: str
) -> Quote | None:
    text = doc.analysis.text if doc.analysis else ""
    while start < end and (text[start].isspace() or text[start] in _DASH + _OPEN):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",:;–—-" + _CLOSE):
        end -= 1
    if _words(text[start:end]) < MIN_WORDS:
        return None
    named = _person_in(doc, *attr) or _person_by_surname(doc, attribution)
    if named is None and _impersonal(attribution, _language(doc)):
        return None  # "– делінген хабарламада": an institution's statement, not a person's
    speaker = named or _last_person_before(doc, start)
    if speaker is None:
        title = _title_of(text[attr[0] : attr[1]])
        if _language(doc) == "ru" and not any(
            roles_ru.title_kind(w) == "head" for w in (title or "").split()[:4]
        ):
            return None  # "Читайте также:", "— сообщил Tengrinews": no one's words
        return Quote(Span(start, end), title)
    return Quote(Span(start, end), speaker.name, speaker.role, speaker.country)


def _dash_quotes(doc: Document, text: str) -> list[Quote]:
    out: list[Quote] = []
    for para in re.finditer(r"[^\n]+", text):
        line, base = para.group(), para.start()
        for m in _ATTR_DASH.finditer(line, 1):
            after = line[m.end() :]
            if not _is_attribution(after, _language(doc)):
                continue
            if _language(doc) == "ru" and line[: m.start() + 1].rstrip(" ,.!?…")[-1:] in _CLOSE:
                break  # «...», — сказал он: the marks bound the quote (_marked_quotes)
            head = line[: m.start()]
            opened = head.rfind(":")
            start = opened + 1 if opened >= 0 and head[opened + 1 :].lstrip()[:1] in _OPEN else 0
            attr = (base + m.end(), base + _sentence_end(line, m.end()))
            q = _quote(doc, base + start, base + m.start(), attr, after)
            if q:
                out.append(q)
            break
    return out


def _opens(text: str, i: int) -> bool:
    """A straight quote at `i` opens: a space, a line start or an opening bracket before it,
    a letter or digit after it."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "(«„") and not after.isspace()


def _said_that(text: str, start: int) -> tuple[int, int] | None:
    """Russian "X заявил, что «...»", "По словам X, «...»", "Как отметил X, «...»": the stretch
    of the sentence where the speaker is named, when such words open the quotation mark at
    `start`."""
    found = _SAID_THAT.search(text, max(0, start - 161), start - 1)
    if found and _is_attribution(found.group("verb"), "ru"):
        return found.start("who"), found.start("verb")
    # "По словам Токаева, «...»", "Как заявил Токаев, «...»"
    found = _AS_SAID.search(text, max(0, start - 121), start - 1)
    if found and (
        found.group("lead").lower() == "по словам" or _is_attribution(found.group("verb"), "ru")
    ):
        return found.start("who"), found.end("who")
    return None


def marked_spans(text: str, nested_straight: bool = False) -> list[tuple[int, int]]:
    """Spans inside outermost quotation marks, nesting counted («... «Алтын күмбез» ...»);
    straight double quotes pair up within a paragraph. With `nested_straight` (Russian feeds
    write "... \"сверили часы\" ...", straight inside straight), a straight quote after a
    space opens and one after a letter closes, so nesting is counted for them too."""
    out: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    straight: int | None = None
    for m in _MARKS.finditer(text):
        i, ch = m.start(), m.group()
        if ch == "\n":
            stack.clear()
            straight = None
        elif nested_straight and ch == '"' and (not stack or stack[-1][0] == '"'):
            if _opens(text, i) or not stack:
                stack.append((ch, i))
            else:
                _, at = stack.pop()
                if not stack:
                    out.append((at + 1, i))
        elif stack and ch == _PAIRS.get(stack[-1][0]):
            _, at = stack.pop()
            if not stack:
                out.append((at + 1, i))
        elif ch in _PAIRS:
            stack.append((ch, i))
        elif ch == '"' and not stack:
            if straight is None:
                straight = i
            else:
                out.append((straight + 1, i))
                straight = None
    return out


def _marked_quotes(doc: Document, text: str, taken: list[Span]) -> list[Quote]:
    out: list[Quote] = []
    previous: Quote | None = None
    for start, end in marked_spans(text, _language(doc) == "ru"):
        if any(s.start <= start < s.end or start <= s.start < end for s in taken):
            continue
        after = _ATTR_AFTER.match(text, end + 1)
        colon = _COLON_BEFORE.search(text, max(0, start - 81), start - 1)
        quote: Quote | None = None
        if after and _is_attribution(after.group("attr"), _language(doc)):
            a = after.start("attr")
            quote = _quote(doc, start, end, (a, _sentence_end(text, a)), after.group("attr"))
        elif colon:
            quote = _quote(doc, start, end, (colon.start("who"), colon.end("who")), "")
        elif _language(doc) == "ru" and (said := _said_that(text, start)):
            quote = _quote(doc, start, end, said, "")
        elif (
            previous
            and 0 <= start - previous.span.end < 120
            and "\n" not in text[previous.span.end : start]
        ):
            quote = _quote(doc, start, end, (start, start), "")
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
