"""The data model every stage shares: defined once, here.

A `Document` is what a reader produces and what every later stage reads. Analysis and extraction
attach their results to it; the records they attach (`Entity`, `Event`, `Quote`, ...) are frozen.

Offsets. Stages work on the *analysis text* (`Document.analysis.text`): the title and body, in
Cyrillic, joined by a blank line. `Span` offsets are indexes into that string. `Analysis.to_source`
maps a span back to the field (`"text"` or `"title"`) and the offsets as published, which is what
the output carries. For a Cyrillic article the body part of the analysis text *is* the body.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, NamedTuple

Field = Literal["text", "title"]
Modality = Literal["asserted", "planned", "negated", "hypothetical"]


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range [start, end) in the analysis text."""

    start: int
    end: int


@dataclass(frozen=True)
class SourceSpan:
    """A span as published: offsets into `field` of the input record."""

    field: Field
    start: int
    end: int


class Token(NamedTuple):
    """A word or punctuation token, and the language's lemmatiser for its normalised
    (nominative) form, `lemma`.

    A named tuple, not a frozen dataclass like the records: an article makes hundreds, and a
    tuple is built in a third of the time. The lemma is found when it is asked for: few
    stages ask, and reading a word form met for the first time was the largest cost of a
    new article's analysis (#7); the lemmatisers are memoised, so asking twice costs a lookup.
    """

    text: str
    start: int
    end: int
    lemmatiser: Callable[[str], str]

    @property
    def lemma(self) -> str:
        return self.lemmatiser(self.text)


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    tokens: tuple[Token, ...]

    @cached_property
    def words(self) -> tuple[str, ...]:
        """The tokens' texts in lower case, as the lexicons match them (found once: several
        stages ask, #7)."""
        return tuple([t.text.lower() for t in self.tokens])


class SourceMap:
    """(field, offset as published) of each analysis character: `source_map[i]`.

    Built segment by segment (the title, then the body), each with the source offset of every
    character it contributes and one more for its end; the characters of a separator after a
    segment map to that end too. The offsets are kept as the segment's own sequence (a `range`
    for text that needed no conversion), not a pair per character: an article has thousands of
    characters and few spans to map back (#7).
    """

    __slots__ = ("_fields", "_offsets", "_size", "_starts")

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._fields: list[Field] = []
        self._offsets: list[Sequence[int]] = []
        self._size = 0

    def add(self, fld: Field, offsets: Sequence[int], length: int) -> None:
        """A segment of `length` analysis characters (its text and any separator after it, one
        end entry less), whose characters map to `offsets`; those past the offsets map to the
        last one (the segment's end)."""
        self._starts.append(self._size)
        self._fields.append(fld)
        self._offsets.append(offsets)
        self._size += length

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, i: int) -> tuple[Field, int]:
        if i < 0:
            i += self._size
        if not 0 <= i < self._size:
            raise IndexError(i)
        k = bisect_right(self._starts, i) - 1
        offsets = self._offsets[k]
        local = i - self._starts[k]
        return self._fields[k], offsets[local] if local < len(offsets) else offsets[-1]


@dataclass
class Analysis:
    """The text layer: the Cyrillic analysis text, its map back to the source, sentences.

    `source_map[i]` is (field, offset) of analysis character i; one extra entry at the end of each
    segment lets half-open spans map cleanly.
    """

    text: str
    source_map: SourceMap
    script: str  # "cyrillic", "latin2018", "latin2021", "mixed"
    sentences: list[Sentence] = field(default_factory=list)

    def to_source(self, span: Span) -> SourceSpan:
        fld, start = self.source_map[span.start]
        if span.end > span.start:
            # The entry after the span, not last + 1: one analysis letter may stand for two
            # source letters (Latin "sh" → "ш"), and the map keeps an entry past each segment.
            end_fld, end = self.source_map[span.end]
            if end_fld != fld:
                end = self.source_map[span.end - 1][1] + 1
        else:
            end = start
        return SourceSpan(fld, start, max(start, end))

    def sentence_at(self, offset: int) -> Sentence | None:
        for sent in self.sentences:
            if sent.start <= offset < sent.end:
                return sent
        return None


@dataclass(frozen=True)
class CountryMention:
    code: str  # ISO 3166-1 alpha-3
    name: str  # the state's name in the nominative (Армения)
    span: Span
    via: str  # how it was named: "name", "abbreviation", "adjective"


@dataclass(frozen=True)
class Entity:
    """A person, organisation or location, with every mention of it in the article."""

    label: Literal["PERSON", "ORG", "LOC"]
    name: str  # nominative, Cyrillic for Kazakh articles
    mentions: tuple[Span, ...]
    country: str | None = None
    role: str | None = None  # persons: title or office as written
    latin: str | None = None
    code: str | None = None  # international organisations: UN, EU, ...
    kind: str | None = None  # locations: city, region, ...
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Event:
    type: str  # one of the 16 PLOVER event types
    mode: str | None
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    modality: Modality
    evidence: Span
    location: str | None = None
    date: str | None = None
    contexts: tuple[str, ...] = ()
    score: float = 0.0
    trigger: str = ""


@dataclass(frozen=True)
class Quote:
    span: Span  # the quoted words, without marks, dash or attribution
    speaker: str | None
    role: str | None = None
    country: str | None = None


@dataclass
class Document:
    """One article as read, then as analysed and extracted."""

    id: str
    text: str
    date: str | None = None
    source: str | None = None
    title: str | None = None
    extra: dict[str, object] = field(default_factory=dict)
    origin: str = ""  # file and line it came from, for messages
    lang: str | None = None
    analysis: Analysis | None = None
    countries: list[CountryMention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    @property
    def persons(self) -> list[Entity]:
        return [e for e in self.entities if e.label == "PERSON"]

    @property
    def organizations(self) -> list[Entity]:
        return [e for e in self.entities if e.label == "ORG"]

    @property
    def locations(self) -> list[Entity]:
        return [e for e in self.entities if e.label == "LOC"]
