"""The Kazakh noun lemmatiser: real word forms from news, and its accuracy on UD Kazakh KTB."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, need_shared
from qatynas.analyse import morph
from qatynas.analyse.morph import Reading, lemma, read, stems
from qatynas.lang import rows


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("Тоқаевтың", "Тоқаев"),
        ("Хачатурянның", "Хачатурян"),
        ("Арменияның", "Армения"),
        ("Ереванға", "Ереван"),
        ("Астанаға", "Астана"),
        ("Қазақстанда", "Қазақстан"),
        ("министрінің", "министр"),
        ("елшілігінде", "елшілік"),
        ("Ресейге", "Ресей"),
        ("ҚР-ның", "ҚР"),
        ("АҚШ-қа", "АҚШ"),
        ("Президенті", "Президент"),
        ("сапарлары", "сапар"),
        ("келіссөздердің", "келіссөз"),
    ],
)
def test_forms_from_the_issue(form: str, expected: str) -> None:
    assert lemma(form) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("елдеріміздің", "ел"),  # plural + 1pl possessive + genitive
        ("мемлекеттерінің", "мемлекет"),  # plural + possessive + genitive
        ("өкілдерімен", "өкіл"),  # plural + possessive + instrumental
        ("қарым-қатынастарын", "қарым-қатынас"),  # hyphenated compound
        ("ынтымақтастығын", "ынтымақтастық"),  # қ → ғ before a vowel
        ("кітабы", "кітап"),  # п → б
        ("жүрегі", "жүрек"),  # к → г
        ("аузынан", "ауыз"),  # dropped vowel
        ("орны", "орын"),
        ("халқының", "халық"),
        ("Үкіметінің", "Үкімет"),
        ("Парламентінде", "Парламент"),
        ("келісімдерге", "келісім"),
        ("кездесуде", "кездесу"),
        ("Вашингтонда", "Вашингтон"),  # back harmony
        ("Ташкентте", "Ташкент"),  # front harmony
        ("Бішкекке", "Бішкек"),
        ("Тбилисиде", "Тбилиси"),  # neutral и
        ("Мәскеуге", "Мәскеу"),
        ("Отбасына", "Отбасы"),  # a compound ending in a possessive: -на straight after it
        ("Тәжікстанға", "Тәжікстан"),
        ("Өзбекстанның", "Өзбекстан"),
        ("Қазақстандағы", "Қазақстан"),  # locative-attributive
        ("басшысы", "басшы"),  # the agent noun -шы is kept
    ],
)
def test_suffix_chains_alternations_and_harmony(form: str, expected: str) -> None:
    assert lemma(form) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("Қонысбаевтың", "Қонысбаев"),
        ("Кулубаевпен", "Кулубаев"),
        ("Мирзиёевпен", "Мирзиёев"),
        ("Путинмен", "Путин"),
        ("Цзиньпинге", "Цзиньпин"),
        ("Лавровтың", "Лавров"),
        ("Назарбаеваның", "Назарбаева"),
        ("Эрдоғанмен", "Эрдоған"),
        ("Пашинянмен", "Пашинян"),
        ("АҚШ-тың", "АҚШ"),
        ("ЕО-ға", "ЕО"),
        ("ЕАЭО-ның", "ЕАЭО"),
        ("БҰҰ-ның", "БҰҰ"),
        ("НАТО-ға", "НАТО"),
        ("ШЫҰ’на", "ШЫҰ"),
    ],
)
def test_names_and_abbreviations(form: str, expected: str) -> None:
    assert lemma(form) == expected


@pytest.mark.parametrize(
    "word",
    ["Астана", "министр", "Алматы", "Қазақстан", "бас", "мен", "АҚШ", "Армения", "елшілік",
     "келісім", "сауда", "млн.", "2025", "Astana", "Еуропалық"],
)  # fmt: skip
def test_words_that_stay_as_they_are(word: str) -> None:
    assert lemma(word) == word


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Қасым-Жомарт Тоқаев Армения Премьер-министрі Никол Пашинянмен Ақордада кездесті.",
            {"Тоқаев", "Армения", "Премьер-министр", "Пашинян", "Ақорда"},
        ),
        (
            "Тараптар екі ел арасындағы сауда-экономикалық ынтымақтастықтың перспективаларын "
            "талқылады.",
            {"Тарап", "ел", "ара", "ынтымақтастық", "перспектива"},
        ),
        (
            "Мемлекет басшысы Ереванға жасаған ресми сапарының қорытындысы бойынша мәлімдеме "
            "жасады.",
            {"Мемлекет", "басшы", "Ереван", "сапар", "қорытынды", "мәлімдеме"},
        ),
    ],
)
def test_lemmas_of_a_sentence(sentence: str, expected: set[str]) -> None:
    words = re.findall(r"[\w’'-]+", sentence)
    assert expected <= {lemma(w) for w in words}


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("Тоқаевтың", Reading("Тоқаев", "тың", ("GEN",))),
        ("кітабы", Reading("кітап", "ы", ("P3",))),
        ("ҚР-ның", Reading("ҚР", "ның", ("GEN",))),
        ("сапарларының", Reading("сапар", "ларының", ("PL", "P3", "GEN"))),
        ("Қазақстандағы", Reading("Қазақстан", "дағы", ("LATT",))),
        ("Ресейге", Reading("Ресей", "ге", ("DAT",))),
        ("Астана", Reading("Астана", "", ())),
    ],
)
def test_read_gives_the_ending_and_its_tags(form: str, expected: Reading) -> None:
    assert read(form) == expected


def test_keeps_the_capitals_of_the_input() -> None:
    assert lemma("Президентінің") == "Президент"
    assert lemma("президентінің") == "президент"


def test_stems_go_from_most_to_least_stripped() -> None:
    candidates = stems("сапарларының")
    assert candidates[0] == "сапар"
    assert candidates[-1] == "сапарларының"
    assert "сапарлар" in candidates


def test_every_suffix_vowel_agrees_with_its_harmony_class() -> None:
    """A front vowel in a back suffix (or the reverse) would strip the wrong words. The first
    vowel decides (-ныкі keeps its -кі after back stems: қаланыкі)."""
    classes = {r["letter"]: r["harmony"] for r in rows("kk", "morph_sounds.tsv")}
    for row in rows("kk", "morph_suffixes.tsv"):
        vowels = [classes[ch] for ch in row["form"] if classes.get(ch)]
        if row["harmony"] != "any":
            assert vowels[:1] == [row["harmony"]], row


def test_lemma_is_cached() -> None:
    lemma.cache_clear()
    for _ in range(3):
        lemma("Тоқаевтың")
    assert lemma.cache_info().hits == 2


def test_lemma_accuracy_floor_on_ud_kazakh_test() -> None:
    """Quality gate: case-insensitive accuracy on the NOUN/PROPN words of UD Kazakh KTB test
    (98.5 % when the floor was set; see docs/benchmarks.md)."""
    path = need_shared("data", "ud-kazakh", "kk_ktb-ud-test.conllu")
    sys.path.insert(0, str(ROOT / "bench"))
    from lemma_accuracy import gold_words, score

    words = gold_words(path)
    _, folded, _ = score(words, morph.grammar())
    assert folded / len(words) >= 0.97


@given(st.text(alphabet="аәбгғдеиійкқлмнңоөпрстуұүфхһцчшщъыіьэюя-’'АҚШЕОxyz1 ", max_size=14))
def test_any_string_gets_a_lemma(word: str) -> None:
    """Hostile input (joiners alone, soft signs, digits, mixed scripts) never raises, and a
    non-empty word never loses all its letters."""
    out = lemma(word)
    assert isinstance(out, str)
    assert bool(out) == bool(word)
