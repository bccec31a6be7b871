"""The sentence splitter gives exactly razdel's sentences (#7)."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from razdel import sentenize

from conftest import need_shared
from qatynas.analyse.sentences import sentence_spans

_PARAGRAPH = re.compile(r"[^\n]+")


def razdel_spans(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.stop) for s in sentenize(text) if s.text]


@pytest.mark.parametrize(
    "text",
    [
        "Қасым-Жомарт Тоқаев Ереванға барды. Ол Никол Пашинянмен кездесті.",
        "2025 ж. 2 қазанда т.б. елдер келді. Қ.Тоқаев сөз сөйледі!Кейін үзіліс.",
        "«Біз бірге жұмыс істейміз», - деді ол. «Келісім жасалды.» Сосын (қараңыз.) Иә.",
        "1. Бірінші тармақ. 2) Екінші. а. Үшінші. IV. Төртінші.",
        "Сапар аяқталды... Не болды?! Белгісіз :) Ертең; бүгін.",
        "В 2023 г. ВВП вырос. Т.е. рост был. См. ст. 5. Путин В.В. сказал: «Да». Всё.",
        "Ол: — Жоқ. — деді. Иә… ал бұл? дұрыс.",
        "Проф. Иванов келді. Ул. Абай бойы. А. Құнанбаев. ҚР. Ел. т.б. Ресей. Ж.Ж. Бек.",
        "Дж. Байден келді. Ол т. Е. жоқ. Вс. Бек. Тағы т. Д. жоқ.",
        # after a sentence long enough for no list item: the abbreviation lists alone decide
        "Кездесуге келгендердің ішінде Дж. Байден болды. Министрдің міндетін атқарушы и. О. Бек.",
        "1. Бірінші. Екінші тармақ ұзын сөйлем. Ол т. б. Жоқ. Жаңа_сөз. Ия. 2025. Иә.",
        "   ",
        ".",
        "Мәтін соңында нүкте.",
    ],
)
def test_same_sentences_as_razdel(text: str) -> None:
    assert sentence_spans(text) == razdel_spans(text)


_ALPHABET = "аәқңұгулАӘҚТЖabcXYZ019 .?!…;:)(»«\"'-–—*=_\t"
_WORDS = ["Проф", "г", "ул", "т", "Е", "б", "Дж", "ҚР", "Ресей", "А", "бек", "1", ". ", ". ", "? "]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60))
def test_same_sentences_on_generated_text(text: str) -> None:
    assert sentence_spans(text) == razdel_spans(text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30).map(" ".join))
def test_same_sentences_around_abbreviations(text: str) -> None:
    assert sentence_spans(text) == razdel_spans(text)


@pytest.mark.parametrize("name", ["kk_news.jsonl", "ru_news.jsonl"])
def test_same_sentences_on_corpus_sample(name: str) -> None:
    path = need_shared("corpus", name)
    with path.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for _, line in zip(range(60), f, strict=False)]
    paragraphs = [m.group() for text in texts for m in _PARAGRAPH.finditer(text)]
    assert len(paragraphs) > 100
    for paragraph in paragraphs:
        assert sentence_spans(paragraph) == razdel_spans(paragraph)
