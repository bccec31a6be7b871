"""NER: the seqeval-equivalent scorer, the committed model on real sentences, the CLI, training."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pycrfsuite
import pytest

from conftest import need_shared
from qatynas.ner import tag
from qatynas.ner.clusters import build_clusters
from qatynas.ner.conll import Tagged, read_conll
from qatynas.ner.evaluate import chunks, score
from qatynas.ner.lexicon import load_lexicon
from qatynas.ner.tagger import _state_attributes, default_model_path
from qatynas.ner.train import Params, train


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["B-PER", "I-PER", "O", "B-LOC"], [("PER", 0, 1), ("LOC", 3, 3)]),
        # conlleval reads an I- after O, or after another type, as the start of a chunk.
        (["O", "I-PER", "I-PER"], [("PER", 1, 2)]),
        (["B-PER", "I-LOC", "I-LOC"], [("PER", 0, 0), ("LOC", 1, 2)]),
        (["B-GPE", "B-GPE"], [("GPE", 0, 0), ("GPE", 1, 1)]),
        (["I-ORG"], [("ORG", 0, 0)]),
        (["O", "O"], []),
    ],
)
def test_chunks_follow_seqeval(labels: list[str], expected: list[tuple[str, int, int]]) -> None:
    assert list(chunks(labels)) == expected


def test_score_matches_seqeval_report() -> None:
    # seqeval.metrics.classification_report on these gives: PER P 1/2 R 1/1, LOC P 1/1 R 1/2,
    # micro P 2/3 R 2/3 F1 0.6667.
    gold = [["B-PER", "I-PER", "O"], ["B-LOC", "O", "B-LOC"]]
    pred = [["B-PER", "I-PER", "B-PER"], ["B-LOC", "O", "O"]]
    report = score(gold, pred)
    assert report.micro.precision == pytest.approx(2 / 3)
    assert report.micro.recall == pytest.approx(2 / 3)
    assert report.micro.f1 == pytest.approx(2 / 3)
    assert (report.per_class["PER"].precision, report.per_class["PER"].recall) == (0.5, 1.0)
    assert (report.per_class["LOC"].precision, report.per_class["LOC"].recall) == (1.0, 0.5)


def test_entities_do_not_run_across_sentences() -> None:
    # An I- opening the second sentence is a new chunk, not the end of the first sentence's one.
    report = score([["B-PER"], ["I-PER"]], [["B-PER"], ["I-PER"]])
    assert report.micro.support == 2
    assert report.micro.f1 == 1.0


def test_partial_span_is_wrong() -> None:
    report = score([["B-PER", "I-PER"]], [["B-PER", "O"]])
    assert report.micro.correct == 0
    assert report.micro.f1 == 0.0


def spans(tokens: list[str], labels: list[str]) -> set[tuple[str, str]]:
    return {(kind, " ".join(tokens[a : b + 1])) for kind, a, b in chunks(labels)}


# KazNERD's convention: a title with its state or region is one POSITION span.
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Қазақстан Президенті Қасым-Жомарт Тоқаев Ереванға барды .",
            {
                ("POSITION", "Қазақстан Президенті"),
                ("PERSON", "Қасым-Жомарт Тоқаев"),
                ("GPE", "Ереванға"),
            },
        ),
        (
            "Ресей Федерациясының Сыртқы істер министрі Сергей Лавров Астанада сөз сөйледі .",
            {("PERSON", "Сергей Лавров"), ("GPE", "Астанада")},
        ),
        (
            "Қазақстан мен Армения арасындағы тауар айналымы өсті .",
            {("GPE", "Қазақстан"), ("GPE", "Армения")},
        ),
        (
            "Ақтөбе облысының әкімі Асхат Шахаров журналистерге сұхбат берді .",
            {("POSITION", "Ақтөбе облысының әкімі"), ("PERSON", "Асхат Шахаров")},
        ),
    ],
)
def test_model_tags_real_sentences(sentence: str, expected: set[tuple[str, str]]) -> None:
    tokens = sentence.split()
    labels = tag(tokens)
    assert len(labels) == len(tokens)
    assert expected <= spans(tokens, labels)


def test_empty_sentence() -> None:
    assert tag([]) == []


SAMPLE = """Тоқаев B-PERSON
Ереванға B-GPE
барды O
. O

Астана B-GPE
қаласы O
"""


def test_evaluate_cli_prints_json_and_predictions(tmp_path: Path) -> None:
    gold = tmp_path / "gold.txt"
    gold.write_text(SAMPLE, encoding="utf-8")
    out = tmp_path / "pred.txt"
    args = ["evaluate", "ner", str(gold), "--json", "--predictions", str(out)]
    proc = subprocess.run(
        [sys.executable, "-m", "qatynas.cli", *args],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert set(report) == {"micro", "per_class"}
    assert {"precision", "recall", "f1"} <= set(report["micro"])
    assert "GPE" in report["per_class"]
    lines = out.read_text(encoding="utf-8").split("\n")
    assert lines[0].split()[:2] == ["Тоқаев", "B-PERSON"]
    assert len(lines[0].split()) == 3
    assert lines[4] == ""


def test_read_conll_drops_sentence_ids(tmp_path: Path) -> None:
    path = tmp_path / "ids.txt"
    path.write_text("AID283875 O\nӘрі O\n« O\n\n", encoding="utf-8")
    assert read_conll(path) == [Tagged(("Әрі", "«"), ("O", "O"))]


def test_short_training_run_writes_a_model(tmp_path: Path) -> None:
    sents = read_conll(need_shared("data", "kaznerd", "IOB2_valid.txt"))[:300]
    result = train(sents, tmp_path / "small.crfsuite", Params(iterations=20))
    assert result.path.stat().st_size > 1000
    assert result.sentences == 300


def test_state_attributes_read_from_the_dump_are_pycrfsuites() -> None:
    crf = pycrfsuite.Tagger()
    crf.open(str(default_model_path()))
    fast = _state_attributes(crf)
    assert len(fast) > 10_000
    assert fast == {attr for attr, _label in crf.info().state_features}


@pytest.mark.parametrize(
    ("word", "attribute"),
    [
        ("Ереванға", "g=place+"),  # a listed place with a case ending
        ("Асқардың", "g=given+"),
        ("министрлігінің", "g=orghead"),
        ("Мәскеуде", "g=place@"),  # matched through the lemma
    ],
)
def test_lexicon_matches_inflected_forms(word: str, attribute: str) -> None:
    assert attribute in load_lexicon().attributes(word, word.lower())


def test_clusters_group_words_of_like_contexts(tmp_path: Path) -> None:
    corpus = tmp_path / "news.jsonl"
    lines = []
    for place in ("Астанада", "Алматыда", "Шымкентте", "Ақтөбеде"):
        for verb in ("жиын өтті", "көрме ашылды", "концерт болды"):
            lines.append({"title": "", "text": f"Бүгін {place} {verb} ."})
    for noun in ("кітап", "дәптер", "қалам", "сөмке"):
        for adj in ("жаңа", "үлкен", "қызыл"):
            lines.append({"title": "", "text": f"Мен {adj} {noun} сатып алдым ."})
    corpus.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), "utf-8")
    bits = build_clusters([corpus], depth=3, min_count=2, dims=8)
    assert bits["астанада"][:1] == bits["алматыда"][:1]
    assert bits["астанада"][:1] != bits["кітап"][:1]
