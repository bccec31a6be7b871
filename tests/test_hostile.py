"""Hostile input never crashes the product, and every offset it publishes is true.

Random text, built from real Kazakh news fragments mixed with control characters, Latin,
Cyrillic and Arabic letters, combining marks, very long tokens and empty lines, goes through the
whole pipeline and the renderer. Whatever the extractors are, every span in the model must lie
inside the analysis text, every span in the output inside `text` (or `title`), and every quoted
or evidence text must be exactly `text[start:end]`. Random bytes and random JSON go through the
readers, which must turn everything into Documents or reported errors.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import unicodedata
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qatynas.errors import InputError, InputWarning
from qatynas.model import Document, Span
from qatynas.pipeline import process
from qatynas.read import read_stream
from qatynas.read.raw import Kind
from qatynas.serve.render import document_record
from qatynas.settings import Settings

SETTINGS = Settings()
KINDS: tuple[Kind | None, ...] = (None, "jsonl", "json", "html", "text")
# QATYNAS_FUZZ_EXAMPLES=5000 for a longer hunt; 200 keeps the suite fast.
BOUNDED = settings(
    max_examples=int(os.environ.get("QATYNAS_FUZZ_EXAMPLES", "200")),
    deadline=None,
    database=None,  # tests write only to temporary folders
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

FRAGMENTS = [
    "Қасым-Жомарт Тоқаев",
    "Қазақстан Президенті",
    "Ресей Сыртқы істер министрі Сергей Лавров",
    "«Біз ынтымақтастықты жалғастырамыз», – деді ол.",
    "– Екі ел арасындағы тауар айналымы өсті, – деп атап өтті министр.",
    "ҚР Сыртқы істер министрінің орынбасары Ермұхамет Қонысбаев мәлімдеді",
    "АҚШ",
    "БҰҰ",
    "Еуропалық одақ",
    "Қытай ХР Төрағасы Си Цзиньпин",
    "Астанада келіссөздер жүргізді.",
    "Мәскеуге ресми сапармен барды",
    "меморандумға қол қойды",
    "санкциялар енгізді",
    "2025 жылғы 2 қазанда",
    "Qazaqstan Respublikasy Prezidenti",
    "Armeniia Premer-ministri Nikol Pashinian",
    "Россия и Казахстан подписали соглашение",
    "الأمم المتحدة",
    "Türkiye Cumhurbaşkanı Erdoğan",
    "«",
    "»",
    "“",
    "”",
    '"',
    "„",
    "–",
    "—",
    "-",
    "(",
    ")",
    ":",
    ".",
    "?!",
]
HOSTILE_CHARS = st.one_of(
    st.characters(min_codepoint=0, max_codepoint=0x1F),  # control characters, NUL included
    st.characters(min_codepoint=0x7F, max_codepoint=0x9F),
    st.characters(min_codepoint=0x0400, max_codepoint=0x04FF),  # Cyrillic with Kazakh letters
    st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),  # Arabic
    st.characters(min_codepoint=0x0300, max_codepoint=0x036F),  # combining marks
    st.sampled_from("azAZ0189 \u00a0\u200b\u200d\u2028\u2029\ufeff\ufffd\t\r\n«»“”„\"'–—-.,:;!?()"),
    st.characters(exclude_categories=("Cs",)),  # anything but lone surrogates
)
LETTERS = st.characters(min_codepoint=0x0410, max_codepoint=0x044F) | st.sampled_from("әғқңөұүһі")
PIECES = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(HOSTILE_CHARS, max_size=40),
    st.text(LETTERS, min_size=200, max_size=2000),  # a very long token
    st.sampled_from(["\n", "\n\n\n", "\r\n", " \n \n", "\t"]),
)
SEPARATORS = st.sampled_from(["", " ", " ", "\n", "\n\n", ", ", ". "])
TEXTS = st.lists(st.tuples(PIECES, SEPARATORS), min_size=1, max_size=25).map(
    lambda parts: "".join(p + s for p, s in parts)
)
TITLES = st.none() | st.lists(
    st.sampled_from(FRAGMENTS) | st.text(HOSTILE_CHARS, max_size=20), max_size=4
).map(" ".join)


def model_spans(value: object) -> list[tuple[int, int]]:
    """(start, end) of every Span, Token and Sentence inside `value`, however deep."""
    found: list[tuple[int, int]] = []
    if isinstance(value, Span):
        found.append((value.start, value.end))
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        if {"start", "end"} <= {f.name for f in dataclasses.fields(value)}:
            found.append((value.start, value.end))
        for f in dataclasses.fields(value):
            if f.name not in ("analysis", "text", "source_map"):
                found.extend(model_spans(getattr(value, f.name)))
    elif isinstance(value, list | tuple):
        for item in value:
            found.extend(model_spans(item))
    return found


def check_record(rec: dict[str, Any], node: object, key: str = "") -> None:
    """Every span in the rendered record lies in its field; every span text is that slice."""
    if isinstance(node, dict):
        if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
            base = rec["title"] if node.get("field") == "title" else rec["text"]
            assert isinstance(base, str), node
            assert 0 <= node["start"] <= node["end"] <= len(base), node
            if "text" in node:
                assert node["text"] == base[node["start"] : node["end"]], node
        for k, v in node.items():
            if node is not rec or k not in ("text", "title"):
                check_record(rec, v, k)
    elif isinstance(node, list):
        if key == "mentions":
            for m in node:
                if isinstance(m, list):
                    start, end = m
                    assert 0 <= start <= end <= len(rec["text"]), m
        for item in node:
            check_record(rec, item, key)


@BOUNDED
@given(text=TEXTS, title=TITLES)
def test_the_pipeline_survives_hostile_text(text: str, title: str | None) -> None:
    if not text.strip():
        text = "Қазақстан" + text  # readers never hand on an empty article
    doc = process(Document(id="hostile", text=text, title=title or None), SETTINGS)
    analysis = doc.analysis
    assert analysis is not None
    assert len(analysis.source_map) == len(analysis.text) + 1
    for start, end in model_spans(doc):
        assert 0 <= start <= end <= len(analysis.text), (start, end)
    rec = document_record(doc)
    json.dumps(rec, ensure_ascii=False, allow_nan=False).encode("utf-8")  # writable as output
    assert rec["text"] == text
    check_record(rec, rec)


@BOUNDED
@given(data=st.binary(max_size=3000) | TEXTS.map(str.encode))
def test_the_readers_survive_random_bytes(data: bytes) -> None:
    for kind in KINDS:
        for item in read_stream("<fuzz>", "fuzz", io.BytesIO(data), SETTINGS, kind):
            assert isinstance(item, Document | InputError | InputWarning)
            if isinstance(item, Document):
                assert item.text and item.text == item.text.strip()
                assert unicodedata.is_normalized("NFC", item.text)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(HOSTILE_CHARS),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
RECORDS = st.fixed_dictionaries(
    {},
    optional={
        "id": JSON_VALUES,
        "date": JSON_VALUES | st.sampled_from(["2025-10-02", "2025-02-30", "2025-10-02T10:00:00Z"]),
        "source": JSON_VALUES,
        "title": JSON_VALUES,
        "text": TEXTS | JSON_VALUES,
    },
)


@BOUNDED
@given(records=st.lists(RECORDS | JSON_VALUES, max_size=5))
def test_the_json_readers_survive_random_records(records: list[object]) -> None:
    lines = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode()
    array = json.dumps(records, ensure_ascii=False, indent=1).encode()
    inputs: tuple[tuple[bytes, Kind], ...] = ((lines, "jsonl"), (array, "json"))
    for reader_input, kind in inputs:
        items = list(read_stream("<fuzz>", None, io.BytesIO(reader_input), SETTINGS, kind))
        docs = [i for i in items if isinstance(i, Document)]
        bad = [i for i in items if isinstance(i, InputError)]
        assert len(docs) + len(bad) == len(records)
        for doc in docs:
            assert doc.text and (doc.date is None or len(doc.date) == 10)
            assert all(isinstance(v, str) for v in (doc.id, *filter(None, (doc.title, doc.source))))
            json.dumps(doc.extra, ensure_ascii=False).encode()  # writable as output


def test_the_record_check_catches_a_false_span() -> None:
    """The property above is only as good as `check_record`: it must fail on a wrong offset."""
    rec = {"text": "Тоқаев Ереванға барды.", "title": None}
    check_record(rec, {**rec, "quotes": [{"text": "Ереванға", "start": 7, "end": 15}]})
    for bad in (
        {"quotes": [{"text": "Ереванға", "start": 6, "end": 14}]},
        {"events": [{"evidence": {"text": "x", "start": 20, "end": 40}}]},
        {"persons": [{"mentions": [[0, 99]]}]},
        {"persons": [{"mentions": [{"field": "title", "start": 0, "end": 1}]}]},
    ):
        try:
            check_record(rec, {**rec, **bad})
        except AssertionError:
            continue
        raise AssertionError(f"check_record let {bad} through")
