"""Organisations other than the international ones, with the state the text gives them."""

from __future__ import annotations

import pytest

from qatynas.model import Document
from qatynas.pipeline import process
from qatynas.settings import Settings


def orgs(text: str) -> dict[str, str | None]:
    doc = process(Document(id="t", text=text, date="2025-10-02"), Settings())
    return {e.name: e.country for e in doc.organizations if e.code is None}


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("Бұл туралы ҚР СІМ-нің баспасөз қызметі хабарлады.", "Сыртқы істер министрлігі", "KAZ"),
        ("Ресей Сыртқы істер министрлігінің өкілі мәлімдеді.", "Сыртқы істер министрлігі", "RUS"),
        ("Бұл туралы Сенаттағы отырыста айтылды.", "Сенат", "KAZ"),
        ("Заң жобасын Мәжіліс мақұлдады.", "Мәжіліс", "KAZ"),
        ("Иран парламентінің спикері мәлімдеді.", "Парламент", "IRN"),
        ("Ұлттық банк базалық мөлшерлемені өзгертпеді.", "Ұлттық банк", None),
    ],
)
def test_organisation_and_its_country(text: str, name: str, country: str | None) -> None:
    found = orgs(text)
    assert name in found, found
    assert found[name] == country


def test_a_lower_case_head_alone_is_no_organisation() -> None:
    assert orgs("Бұл туралы министрлік хабарламасында айтылды.") == {}


def test_mentions_of_one_organisation_are_merged() -> None:
    doc = process(
        Document(id="t", text="Сенат заңды қабылдады. Сенаттың келесі отырысы сәрсенбіде өтеді."),
        Settings(),
    )
    senate = [e for e in doc.organizations if e.name == "Сенат"]
    assert len(senate) == 1 and len(senate[0].mentions) == 2
