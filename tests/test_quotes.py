"""Direct quotes and their speakers on real paragraphs of Kazakh news."""

from __future__ import annotations

from conftest import EXAMPLE
from qatynas.model import Document, Quote
from qatynas.pipeline import process
from qatynas.settings import Settings


def quotes(text: str) -> list[tuple[str | None, str]]:
    doc = process(Document(id="t", text=text), Settings())
    assert doc.analysis is not None
    return [(q.speaker, doc.analysis.text[q.span.start : q.span.end]) for q in doc.quotes]


def test_dash_attribution_after_the_paragraph() -> None:
    text = (
        "Бұл туралы ҚР Сыртқы істер министрінің орынбасары Ермұхамет Қонысбаев мәлімдеді.\n"
        "Бүгінде парламентаралық байланыстар қарқынды дамып келеді, – деді Қонысбаев."
    )
    assert quotes(text) == [
        ("Ермұхамет Қонысбаев", "Бүгінде парламентаралық байланыстар қарқынды дамып келеді")
    ]


def test_pronoun_speaker_resolves_to_the_last_named_person() -> None:
    text = (
        "Теннисші Александр Бублик ұлттық құрама туралы айтты.\n"
        "– Девис кубогында сен өзің үшін емес, ел үшін ойнайсың, – деді ол."
    )
    assert quotes(text) == [
        ("Александр Бублик", "Девис кубогында сен өзің үшін емес, ел үшін ойнайсың")
    ]


def test_guillemets_with_attribution_and_a_continuation() -> None:
    text = (
        "АҚШ президенті Дональд Трамп Гренландия туралы айтты.\n"
        "«Бізге бұл аумақ ұлттық қауіпсіздік үшін қажет», деп мәлімдеді америкалық көшбасшы. "
        "«Дания оны қорғай алмайды, бұл анық»."
    )
    got = quotes(text)
    assert [s for s, _ in got] == ["Дональд Трамп", "Дональд Трамп"]
    assert got[0][1] == "Бізге бұл аумақ ұлттық қауіпсіздік үшін қажет"


def test_reported_speech_and_short_fragments_are_not_quotes() -> None:
    text = (
        "Оның айтуынша, екіжақты қатынастар дамып келеді.\n"
        "Министр «Қорғас» орталығының жұмысын атап өтті."
    )
    assert quotes(text) == []


def test_the_example_article_has_its_three_quotes() -> None:
    body = EXAMPLE.read_text(encoding="utf-8").split(" ", 2)[2]
    got = quotes(body)
    assert len(got) == 3
    assert {s for s, _ in got} == {"Ермұхамет Қонысбаев"}


def test_quote_offsets_point_into_the_text() -> None:
    text = "Тоқаев сөз сөйледі.\n– Біз көрші елдермен ынтымақтастықты дамытамыз, – деді Тоқаев."
    doc = process(Document(id="t", text=text), Settings())
    (q,) = doc.quotes
    assert isinstance(q, Quote) and doc.analysis is not None
    src = doc.analysis.to_source(q.span)
    assert text[src.start : src.end] == "Біз көрші елдермен ынтымақтастықты дамытамыз"
