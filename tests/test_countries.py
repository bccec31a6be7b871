"""Countries and international organisations in real Kazakh sentences (extract/countries.py)."""

from __future__ import annotations

import json
import subprocess
import sys
import time

import pytest

from conftest import ROOT, need_shared
from qatynas.extract.countries import find
from qatynas.extract.gazetteer import is_suffix_chain


def codes(text: str) -> list[str]:
    return [m.code for m in find(text)[0]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Арменияның Сыртқы істер министрі келді.", ["ARM"]),
        ("Делегация Ресейге және Қытаймен келіссөз жүргізді.", ["RUS", "CHN"]),
        (
            "Қазақстанда өтетін форумға Ираннан және Түркияға дейін қонақ келеді.",
            ["KAZ", "IRN", "TUR"],
        ),
        ("Экспорт АҚШ-қа қарай өсті, ҚР-ның үлесі артты.", ["USA", "KAZ"]),
        ("Америка Құрама Штаттарына және Біріккен Араб Әмірліктеріне барды.", ["USA", "ARE"]),
        ("Оңтүстік Корея мен Солтүстік Корея арасындағы шиеленіс.", ["KOR", "PRK"]),
        ("Корея компаниялары Алматыда зауыт салды.", ["KOR"]),
        ("Көрмеде армян сауда павильондары ашылды.", ["ARM"]),
        ("Қытайлық инвесторлар мен қытайлық компаниялар келді.", ["CHN", "CHN"]),
        # A capitalised adjective is taken for the start of a proper name, even at a sentence start.
        ("Қазақ-қырғыз шекарасында жаңа бекет ашылды.", ["KGZ"]),
        ("Бұдан бұрын қазақ-естон бизнес-форумында келісім жасалды.", ["KAZ", "EST"]),
        ("Түрікмен газы Қытайға жеткізіледі.", ["CHN"]),
        ("түрікмен газы мен түрік тауарлары", ["TKM", "TUR"]),
        ("Трамп Венесуеланы бақылап отыр.", ["VEN"]),
        ("Аргентина, Түркия, Қатар және Италия шақырту алды.", ["ARG", "TUR", "QAT", "ITA"]),
        ("Қатар ретінде айтсақ, бұл жаңалық емес.", []),  # қатар "row" at a sentence start
        ("Палауды күнде жейтін шығармын.", []),  # палау "pilaf"
    ],
)
def test_country_mentions(text: str, expected: list[str]) -> None:
    assert codes(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Келісімдердің жалпы құны 517 млн АҚШ долларынан асады.",
        "Ресей рублі әлсіреді.",
        "Қазақстан теңгесінің бағамы тұрақты.",
        "АСТАНА. KAZINFORM — Мемлекет басшысы жиын өткізді.",
        "Еуропа мен Азия, Африка және Латын Америкасы елдері қатысты.",
        "Солтүстік Американың қорғаныс жүйесі.",
        "Ол қазақ тілі мен орыс тілінде сөйледі, ағылшын тілін біледі.",
        "Гренландияның болашағы талқыланды.",
        "Үнді мұхитындағы аралдар.",
        "Құрманғазы атындағы Қазақ ұлттық консерваториясы меморандумға қол қойды.",
        "Жасөспірімдер грек-рим күресінен жарысты.",
        "Сауда айналымы өсті.",
    ],
)
def test_not_a_country(text: str) -> None:
    assert codes(text) == []


def test_mention_carries_name_span_and_via() -> None:
    text = "Ресейлік инвесторлар ҚР-ға келді."
    first, second = find(text)[0]
    assert (first.code, first.name, first.via) == ("RUS", "Ресей", "adjective")
    assert text[first.span.start : first.span.end] == "Ресейлік"
    assert (second.code, second.name, second.via) == ("KAZ", "Қазақстан", "abbreviation")
    assert text[second.span.start : second.span.end] == "ҚР-ға"


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        ("БҰҰ-ның Бас хатшысы мәлімдеді.", "UN", "Біріккен Ұлттар Ұйымы"),
        ("Біріккен Ұлттар Ұйымына мүше елдер.", "UN", "Біріккен Ұлттар Ұйымы"),
        ("ЮНЕСКО-ның мұралар тізіміне енді.", "UN", "ЮНЕСКО"),
        ("Еуропалық Одақтың санкциялары.", "EU", "Еуропалық Одақ"),
        ("ЕО-ға мүше елдер.", "EU", "Еуропалық Одақ"),
        ("ШЫҰ саммиті өтті.", "SCO", "Шанхай ынтымақтастық ұйымы"),
        ("ЕАЭО-ға мүше елдер.", "EAEU", "Еуразиялық экономикалық одақ"),
        ("Түркі мемлекеттері ұйымының саммиті.", "OTS", "Түркі мемлекеттері ұйымы"),
        ("ДДСҰ ұсынымдары.", "UN", "Дүниежүзілік денсаулық сақтау ұйымы"),
        ("Азия даму банкі несие берді.", "ADB", "Азия даму банкі"),
        ("НАТО-ның әскери жаттығуы.", "NATO", "НАТО"),
    ],
)
def test_international_organisations(text: str, code: str, name: str) -> None:
    mentions, orgs = find(text)
    assert mentions == []
    assert [(e.label, e.code, e.name) for e in orgs] == [("ORG", code, name)]


@pytest.mark.parametrize(
    ("tail", "ok"),
    [
        ("", True),
        ("ның", True),
        ("ға", True),
        ("лық", True),
        ("ліктерге", True),
        ("дағы", True),
        ("нда", False),
        ("сынан", True),
        ("н", False),
        ("ия", False),
        ("ов", False),
    ],
)
def test_suffix_chains(tail: str, ok: bool) -> None:
    assert is_suffix_chain(tail) is ok


def test_fast_enough() -> None:
    text = (ROOT / "examples" / "baq-kz-armenia-2025-10-02.txt").read_text(encoding="utf-8")
    find(text)
    start = time.perf_counter()
    for _ in range(50):
        find(text)
    assert (time.perf_counter() - start) / 50 < 0.005


def test_dev_gold_countries_f1(tmp_path: object) -> None:
    articles = need_shared("gold", "dev.articles.jsonl")
    gold = need_shared("gold", "dev.gold.jsonl")
    scorer = need_shared("tools", "score.py")
    pred = tmp_path / "pred.jsonl"  # type: ignore[operator]
    with articles.open(encoding="utf-8") as f, pred.open("w", encoding="utf-8") as out:
        for line in f:
            a = json.loads(line)
            text = f"{a['title']}\n\n{a['text']}" if a.get("title") else a["text"]
            found = sorted({m.code for m in find(text)[0]})
            out.write(json.dumps({"id": a["id"], "countries": found}) + "\n")
    run = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(run.stdout)["countries"]["f1"] >= 0.97
