"""Events between countries on real sentences of Kazakh news, through the whole pipeline."""

from __future__ import annotations

import pytest

from qatynas.model import Document, Event
from qatynas.pipeline import process
from qatynas.settings import Settings


def events(text: str, date: str | None = "2025-10-02") -> list[Event]:
    doc = process(Document(id="t", text=text, date=date), Settings())
    assert doc.analysis is not None
    for ev in doc.events:
        src = doc.analysis.to_source(ev.evidence)
        assert src.field == "text" and 0 <= src.start < src.end <= len(text)
    return doc.events


def keys(evs: list[Event]) -> set[tuple[str, frozenset[str]]]:
    return {(e.type, frozenset(e.actors) | frozenset(e.recipients)) for e in evs}


def test_visit_has_the_visitor_as_actor_and_the_host_as_recipient() -> None:
    text = (
        "Қазақстан Президенті Қасым-Жомарт Тоқаевтың Ереванға сапары және Армения Президенті "
        "Ваагн Хачатурянның Астанаға жауап сапары тарихи оқиғаға айналды."
    )
    visits = [e for e in events(text) if e.type == "CONSULT"]
    assert {(e.actors, e.recipients) for e in visits} == {
        (("KAZ",), ("ARM",)),
        (("ARM",), ("KAZ",)),
    }
    assert all(e.mode == "visit" and e.modality == "asserted" for e in visits)
    assert {e.location for e in visits} == {"Ереван", "Астана"}


def test_phone_call_is_a_symmetric_consult() -> None:
    text = (
        "Қазақстан Сыртқы істер министрі Ермек Көшербаев Қырғыз Республикасының Сыртқы істер "
        "министрі Жеенбек Кулубаевпен телефон арқылы сөйлесті."
    )
    (ev,) = events(text)
    assert ev.type == "CONSULT" and set(ev.actors) == {"KAZ", "KGZ"} and ev.recipients == ()


def test_signing_is_support_sign() -> None:
    (ev,) = events("Қазақстан мен Жапония ядролық энергетика саласындағы меморандумға қол қойды.")
    assert (ev.type, ev.mode) == ("SUPPORT", "sign")
    assert set(ev.actors) == {"KAZ", "JPN"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Қазақстан мен Армения заңсыз көші-қонмен бірлесіп күреседі.", "COOPERATE"),
        ("Жапония Қазақстанға гуманитарлық көмек жіберді.", "AID"),
        ("Еуропалық Одақ Ресейге қарсы жаңа санкция енгізді.", "SANCTION"),
        ("Ресей Украинаға әуе шабуылын жасады.", "ASSAULT"),
        ("Қытай АҚШ-ты сауда соғысын өршітті деп айыптады.", "ACCUSE"),
        ("Тоқаев Израиль президентіне көңіл айтты.", "SUPPORT"),
    ],
)
def test_type_families(text: str, expected: str) -> None:
    assert expected in {e.type for e in events(text)}


def test_planned_visit() -> None:
    text = (
        "АҚШ вице-президенті ақпан айында Армения мен Әзербайжанға ресми сапармен баруды "
        "жоспарлап отыр."
    )
    visits = events(text, "2026-01-24")
    # One event per host: the hosts are not paired with each other.
    assert keys(visits) == {
        ("CONSULT", frozenset({"USA", "ARM"})),
        ("CONSULT", frozenset({"USA", "AZE"})),
    }
    assert all(e.modality == "planned" and e.date == "2026-02" for e in visits)


def test_domestic_news_has_no_event() -> None:
    text = "Астанада Сенаттың кезекті отырысы өтті. Депутаттар жаңа заң жобасын талқылады."
    assert events(text) == []


def test_one_country_alone_is_no_event() -> None:
    assert events("Қазақстан үкіметі жаңа инвестициялық бағдарламаны бекітті.") == []


def test_repeated_mentions_merge() -> None:
    text = (
        "Қазақстан мен Армения ынтымақтастығы дамып келеді. "
        "Қазақстан мен Армения ынтымақтастығы өсті."
    )
    assert len([e for e in events(text) if e.type == "COOPERATE"]) == 1


def test_talks_with_several_partners_are_one_talk_each() -> None:
    text = (
        "Мемлекет басшысы Дональд Трамппен, Махмуд Аббаспен және Биниамин Нетаниахумен "
        "телефон арқылы келіссөз жүргізді."
    )
    assert keys(events(text)) == {
        ("CONSULT", frozenset({"KAZ", "USA"})),
        ("CONSULT", frozenset({"KAZ", "PSE"})),
        ("CONSULT", frozenset({"KAZ", "ISR"})),
    }


def test_a_state_that_only_locates_a_city_is_no_party() -> None:
    text = (
        "ҚХР Төрағасы Си Цзиньпин Оңтүстік Кореяның Кенджу қаласында Жапония "
        "премьер-министрімен кездесті."
    )
    assert keys(events(text, "2025-11-02")) == {("CONSULT", frozenset({"CHN", "JPN"}))}


def test_an_invitation_and_an_appeal() -> None:
    invite = events("Трамп Қазақстанды Бейбітшілік кеңесіне шақырды.", "2026-01-18")
    appeal = events("Трамп Еуропалық Одақты ашықтық танытуға шақырды.", "2026-01-18")
    assert {e.type for e in invite} == {"AGREE"}
    assert {e.type for e in appeal} == {"REQUEST"}


def test_the_first_named_state_acts_even_when_named_again_as_target() -> None:
    text = (
        "АҚШ президенті Ұлыбритания мен Норвегияға қатысты АҚШ-қа жеткізілетін тауарға "
        "баж салығын енгізетінін мәлімдеді."
    )
    sanctions = [e for e in events(text, "2026-01-18") if e.type == "SANCTION"]
    assert {(e.actors, e.recipients) for e in sanctions} == {
        (("USA",), ("GBR",)),
        (("USA",), ("NOR",)),
    }


def test_a_summit_includes_the_parties_the_article_is_about() -> None:
    text = (
        "Қасым-Жомарт Тоқаев Санкт-Петербургте Еуразиялық экономикалық одақтың саммитіне "
        "қатысты. Тоқаев ЕАЭО елдерімен ынтымақтастықты атап өтті. Саммитке Ресей "
        "Президенті Владимир Путин, Беларусь Президенті Александр Лукашенко және Армения "
        "Премьер-министрі Никол Пашинян қатысты."
    )
    summits = [e for e in events(text, "2025-12-21") if e.mode == "multilateral"]
    parties = set().union(*(set(e.actors) for e in summits))
    assert {"KAZ", "EAEU", "RUS", "BLR", "ARM"} <= parties


def test_a_trigger_word_inside_an_organisation_name_is_no_event() -> None:
    text = (
        "Қазақстан Республикасының Аустрия Республикасындағы Елшісі Еуропадағы қауіпсіздік және "
        "ынтымақтастық ұйымының жанындағы тұрақты өкілі болып тағайындалды."
    )
    assert [e for e in events(text) if e.type == "COOPERATE"] == []


def test_a_state_locating_a_city_takes_the_city_with_it() -> None:
    text = "ЕО басшылары Швейцарияның Давос қаласында Трамппен кездеседі."
    assert keys(events(text, "2026-01-18")) == {("CONSULT", frozenset({"EU", "USA"}))}


def test_the_action_a_threat_warns_of_is_the_threat() -> None:
    # PLOVER codes a warning of force or sanctions as THREATEN; the warned-of strike is no
    # ASSAULT of its own, while a strike that happened, or sanctions planned without a threat,
    # stay events.
    warning = events("Иран басшылығы АҚШ-қа қарсы соққы жасайтынын ескертті.", "2026-01-20")
    assert keys(warning) == {("THREATEN", frozenset({"IRN", "USA"}))}
    strike = events("АҚШ әскерилері Иранның әуе базасына соққы жасады.", "2026-01-20")
    assert [(e.type, e.modality) for e in strike] == [("ASSAULT", "asserted")]
    plan = events("Еуропалық Одақ Ресейге қарсы жаңа санкциялар енгізуді жоспарлап отыр.")
    assert [(e.type, e.modality) for e in plan] == [("SANCTION", "planned")]


def test_the_source_of_a_report_is_no_party() -> None:
    text = (
        "Америкалық HRANA адам құқықтары ұйымының мәліметі бойынша, Ирандағы наразылық "
        "акциялары кезінде 10 мыңнан астам адам ұсталды."
    )
    assert not [e for e in events(text) if "USA" in (*e.actors, *e.recipients)]
    text = "Ресейлік БАҚ мәліметінше, Қытай мен Үндістан сауда келісіміне қол қойды."
    assert {frozenset(k[1]) for k in keys(events(text))} == {frozenset({"CHN", "IND"})}
