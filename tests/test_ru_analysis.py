"""Russian text layer: routing by language, sentences and tokens, pymorphy3 lemmas and case
forms, natasha NER loaded from its wheel without any download."""

from __future__ import annotations

import subprocess
import sys

import pytest

from qatynas.analyse import morph_ru, ner_ru, text_ru
from ru_helpers import extract


def test_a_russian_article_is_routed_to_russian_analysis() -> None:
    rec = extract("Президент Казахстана провел переговоры с канцлером Германии в Берлине.")
    assert rec["lang"] == "ru"
    assert [c["code"] for c in rec["countries"]] == ["KAZ", "DEU"]


def test_a_kazakh_article_keeps_the_kazakh_path() -> None:
    rec = extract("Қазақстан Президенті Армения Премьер-министрімен кездесті.")
    assert rec["lang"] == "kk"
    assert {c["code"] for c in rec["countries"]} == {"KAZ", "ARM"}


@pytest.mark.parametrize(
    ("word", "lemma"),
    [("Казахстана", "казахстан"), ("переговорах", "переговоры"), ("подписали", "подписать")],
)
def test_lemmas_come_from_pymorphy3(word: str, lemma: str) -> None:
    assert morph_ru.lemma(word) == lemma


def test_tokens_carry_russian_lemmas() -> None:
    (sent,) = text_ru.split_sentences("Министры обсудили расширение товарооборота.")
    assert [t.lemma for t in sent.tokens][:3] == ["министр", "обсудить", "расширение"]


def test_a_glued_sentence_start_ends_the_sentence() -> None:
    text = "Об этом сообщили в КазахстанеВ 2023 году товарооборот вырос."
    sents = text_ru.split_sentences(text)
    assert len(sents) == 2
    assert sents[0].tokens[-1].text == "Казахстане"
    assert sents[1].tokens[0].text == "В"


def test_case_forms_of_a_name_of_several_words() -> None:
    forms = morph_ru.case_forms("Объединенные Арабские Эмираты")
    assert {"Объединенных Арабских Эмиратов", "Объединенными Арабскими Эмиратами"} <= forms
    assert morph_ru.case_forms("Республика Корея") >= {"Республикой Корея", "Республики Корея"}


def test_ner_finds_persons_places_and_organisations_with_offsets() -> None:
    text = "Министр иностранных дел Мурат Нуртлеу встретился в Ташкенте с представителями ООН."
    found = {(sp.label, text[sp.start : sp.end]) for sp in ner_ru.spans(text)}
    assert ("PER", "Мурат Нуртлеу") in found
    assert ("LOC", "Ташкенте") in found


def test_ner_offsets_survive_a_glued_sentence_start() -> None:
    text = "Встреча прошла в АстанеКасым-Жомарт Токаев поблагодарил гостей."
    (per,) = [sp for sp in ner_ru.spans(text) if sp.label == "PER"]
    assert text[per.start : per.end] == "Касым-Жомарт Токаев"


def test_the_models_load_without_network() -> None:
    """natasha's embeddings and models and pymorphy3's dictionaries are files in their wheels:
    loading them in a process whose sockets all fail still works."""
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('no network')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "from qatynas.analyse import ner_ru, morph_ru\n"
        "assert morph_ru.lemma('визитом') == 'визит'\n"
        "assert any(s.label == 'PER' for s in ner_ru.spans('Владимир Путин прибыл в Астану.'))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr


def test_latin_names_in_a_russian_article_stay_latin_and_russian() -> None:
    """Converted as if Kazakh Latin, "Agriqa" would bring Kazakh letters (Агріқа) and make the
    article Kazakh; a Russian article is analysed as published."""
    rec = extract("ТОО «Agriqa Farms» из Казахстана подписало контракт с китайской компанией.")
    assert (rec["lang"], rec["script"]) == ("ru", "cyrillic")
    assert any("Agriqa" in o["name"] for o in rec["organizations"])
