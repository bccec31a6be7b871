"""Modality of an event from the words of its clause (real sentences of Kazakh news)."""

from __future__ import annotations

import pytest

from qatynas.analyse.text import split_sentences
from qatynas.extract.modality import modality_of


def words(text: str) -> list[str]:
    (sent,) = split_sentences(text)
    return [t.text.lower() for t in sent.tokens]


@pytest.mark.parametrize(
    ("clause", "expected"),
    [
        ("Тоқаевтың Ереванға сапары тарихи оқиғаға айналды", "asserted"),
        ("Қазақстан мен Армения заңсыз көші-қонмен бірлесіп күреседі", "asserted"),
        (
            "Венс ақпан айында Армения мен Әзербайжанға ресми сапармен баруды жоспарлап отыр",
            "planned",
        ),
        ("жаңа кездесулерге белсенді дайындық жүріп жатыр", "planned"),
        ("алдағы уақытта Астанада Маштоц атындағы көше пайда болады", "planned"),
        ("келесі отырысы 28-29 мамырда Астанада өтетінін", "planned"),
        ("НИФС-пен зерттеулер басталмақ", "planned"),
        ("өзара тауар айналымының көлемі мүмкіндіктерімізге сәйкес келмейді", "negated"),
        ("сапар өткізілмеді", "negated"),
        ("бұл келісім емес", "negated"),
        ("Өзбекстанда Диснейленд салынуы мүмкін", "hypothetical"),
        ("егер Иранға шабуыл жасалса", "hypothetical"),
        ("Ереванда саябақтың ашылуы болса", "asserted"),
    ],
)
def test_modality(clause: str, expected: str) -> None:
    assert modality_of(words(clause)) == expected
