"""Trigger lexicon: PLOVER types and modes found on real sentences."""

from __future__ import annotations

import pytest

from qatynas.analyse.text import split_sentences
from qatynas.extract.triggers import find_triggers


def types(text: str) -> list[tuple[str, str | None]]:
    (sent,) = split_sentences(text)
    return [(m.entry.type, m.entry.mode) for m in find_triggers(sent)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Тоқаевтың Ереванға сапары", [("CONSULT", "visit")]),
        ("Министрлер телефон арқылы сөйлесті", [("CONSULT", None)]),
        ("Тараптар тауар айналымын арттыруға уағдаласты", [("COOPERATE", None), ("AGREE", None)]),
        ("Достық туралы шартқа қол қойылды", [("SUPPORT", "sign")]),
        ("Президент Израиль президентіне көңіл айтты", [("SUPPORT", None)]),
        ("Жапония гуманитарлық көмек жіберді", [("AID", None)]),
        ("ЕО АҚШ-қа қарсы санкция енгізді", [("SANCTION", None)]),
        (
            "Сыртқы істер министрлігі наразылық нотасын жолдады",
            [("PROTEST", None)],
        ),
        ("Ресей Украинаға шабуыл жасады", [("ASSAULT", None)]),
        ("Дания бұл ұсыныстан бас тартты", [("AGREE", None), ("REJECT", None)]),
        ("Саммитке бес елдің басшылары қатысты", [("CONSULT", "multilateral")]),
    ],
)
def test_trigger_types(sentence: str, expected: list[tuple[str, str | None]]) -> None:
    assert types(sentence) == expected


def test_a_blocker_is_no_event() -> None:
    assert types("Наразылық білдірушілер алаңға жиналды") == []


def test_the_signing_beats_the_agreement_it_signs() -> None:
    assert types("Меморандумға қол қойылды") == [("SUPPORT", "sign")]


def test_a_weak_trigger_yields_to_a_strong_one() -> None:
    # "жеткізілетін" (delivered) alone suggests trade; here it is what the tariff is on.
    assert types("АҚШ-қа жеткізілетін тауарларға баж салығын енгізді") == [("SANCTION", None)]
    assert types("Қытайға астық жеткізілді") == [("COOPERATE", None)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Ол келесі отырыс Астанада өтетінін жеткізді",
        "Министр екі ел арасындағы сауданың маңыздылығын жеткізді",
        "Бұл бастаманы қолдайтынын жеткізді",
        "Келісім жақын арада жасалады деп жеткізді",
    ],
)
def test_conveying_a_clause_is_no_delivery(sentence: str) -> None:
    # жеткізді after a clause is "said, conveyed"; the clause's own triggers are unaffected.
    assert ("COOPERATE", None) not in types(sentence)


def test_a_delivery_is_still_trade() -> None:
    assert types("Мәскеу Бейжіңге 9 млрд доллардың газын жеткізген") == [("COOPERATE", None)]


def test_the_clause_keeps_its_own_trigger_before_the_reporting_verb() -> None:
    found = types("Тоқаев жаңа бірлестіктің құрамына кіруге келісетінін жеткізді")
    assert found == [("AGREE", None)]


def test_context_words_come_before_the_match() -> None:
    from qatynas.extract.lexicon import Pattern, PatternIndex

    pattern = Pattern.parse("[деп] жеткіз")
    assert (pattern.words, pattern.lead) == (("деп", "жеткіз"), 1)
    index = PatternIndex([(pattern, 7), (Pattern.parse("жеткіз"), 8)])
    assert index.find(["келеді", "деп", "жеткізді"]) == [(2, 3, 7), (2, 3, 8)]
    assert index.find(["газын", "жеткізді"]) == [(1, 2, 8)]
