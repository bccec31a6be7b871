"""Language of an article: kk, ru or en (lingua, with the Kazakh letters as a first test)."""

from __future__ import annotations

import json

import pytest

from conftest import need_shared
from qatynas.analyse.langid import detect


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Қасым-Жомарт Тоқаев Армения Премьер-министрі Никол Пашинянмен кездесті.", "kk"),
        ("Президент Казахстана провёл переговоры с премьер-министром Армении.", "ru"),
        ("The President of Kazakhstan met the Prime Minister of Armenia in Astana.", "en"),
        ("2025 — 10 — 02 !!! 15:30", None),
        ("", None),
    ],
)
def test_language_of_a_text(text: str, expected: str | None) -> None:
    assert detect(text) == expected


def test_one_kazakh_letter_in_a_long_russian_text_leaves_it_russian() -> None:
    # Below 1 % of the letters: a Kazakh name in Russian news does not make it Kazakh.
    text = "Министр иностранных дел встретился с послом в Астане. " * 4 + "Сәтбаев"
    assert detect(text) == "ru"
    assert detect(text, ("ru", "en")) == "ru"


def test_kazakh_letters_settle_it_only_when_kazakh_is_asked_for() -> None:
    text = "Қазақстан мен Армения арасындағы сауда көлемі өсті."
    assert detect(text, ("ru", "en")) == "ru"


@pytest.mark.parametrize(("name", "lang"), [("kk_news.jsonl", "kk"), ("ru_news.jsonl", "ru")])
def test_corpus_articles_are_found_in_their_language(name: str, lang: str) -> None:
    path = need_shared("corpus", name)
    with path.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for _, line in zip(range(100), f, strict=False)]
    found = [detect(t) for t in texts]
    assert found.count(lang) >= 97, found
