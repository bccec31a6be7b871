"""Quality gate: per-field F1 floors on the development gold, and our scorer agrees with the
reference scorer. Floors are raised as the extraction improves, never quietly lowered."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import need_shared
from qatynas.evaluate.extraction import load_jsonl, score

FLOORS = {"countries": 0.97, "persons": 0.93, "events": 0.77, "events_quad": 0.80, "quotes": 0.90}


@pytest.fixture(scope="module")
def dev_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    gold = need_shared("gold", "dev.gold.jsonl")
    articles = need_shared("gold", "dev.articles.jsonl")
    pred = tmp_path_factory.mktemp("quality") / "dev.pred.jsonl"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "qatynas.cli",
            "evaluate",
            "extraction",
            str(gold),
            str(articles),
            "--json",
            "--predictions",
            str(pred),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return {"result": json.loads(proc.stdout), "gold": gold, "pred": pred}


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_f1_floor_on_the_development_gold(dev_run: dict[str, Any], field: str) -> None:
    assert dev_run["result"][field]["f1"] >= FLOORS[field]


def test_our_scorer_matches_the_reference_scorer(dev_run: dict[str, Any]) -> None:
    path = need_shared("tools", "score.py")
    spec = importlib.util.spec_from_file_location("reference_score", path)
    assert spec and spec.loader
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    gold, pred = Path(dev_run["gold"]), Path(dev_run["pred"])
    expected = reference.score(reference.load(str(gold)), reference.load(str(pred)))
    assert score(load_jsonl(gold), load_jsonl(pred)) == expected
    assert dev_run["result"] == expected
