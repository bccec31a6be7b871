"""The fast tokeniser gives exactly razdel's tokens (#7)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from razdel import tokenize as razdel_tokenize

from conftest import need_shared
from qatynas.analyse.tokens import tokenize


def razdel_tokens(text: str) -> list[tuple[int, int, str]]:
    return [(t.start, t.stop, t.text) for t in razdel_tokenize(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Қасым-Жомарт Тоқаев Ереванға барды.",
        "ҚР-ның СІМ басшысы 2025 жылы 3,5 млрд доллар - инвестиция туралы айтты.",
        "«Біз бірге жұмыс істейміз», - деді ол :-) ...?!",
        "Сауда көлемі 1/2 есе өсті -- бұл жақсы; yahoo! B2B_сауда мен т.б.",
        "Бүгін - сейсенбі, ал ертең -сәрсенбі және 10 -15 градус.",
        "Kazakhstan мен Армения: ΔP, Ã, №5 мектеп…",
        "Астана, Алматы. Қалай? (Шымкент) «Түркістан»: ж. т.б. Ақтау; Ұлытау! Үштөбе;",
    ],
)
def test_same_tokens_as_razdel(text: str) -> None:
    assert tokenize(text) == razdel_tokens(text)


_ALPHABET = "аәбғқңөұүһіАӘҚabcXYZ019 -–—_.,/\\!?…:;()«»\"'*=№ΔØ\t\n"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_same_tokens_on_generated_text(text: str) -> None:
    assert tokenize(text) == razdel_tokens(text)


def test_same_tokens_on_corpus_sample() -> None:
    path = need_shared("corpus", "kk_news.jsonl")
    with path.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for _, line in zip(range(40), f, strict=False)]
    for text in texts:
        assert tokenize(text) == razdel_tokens(text)
