"""Russian extraction speed (#8), beside the Kazakh figure measured the same way.

Usage: .venv/bin/python bench/ru_speed.py [--passes 2]

Runs the whole pipeline (`pipeline.process`, what `qatynas extract` runs per article) in this
process, one worker, on `../shared/corpus/ru_news.jsonl` and on `../shared/corpus/kk_news.jsonl`
(read at run time, never copied). The first pass is cold (memo tables empty, pymorphy3 and
natasha loaded on first use; the load time is reported apart), later passes are warm. Prints
articles/s and characters/s per corpus and pass, and the Russian stage times.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from qatynas.model import Document
from qatynas.pipeline import STAGES
from qatynas.settings import Settings

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def load(name: str) -> list[dict[str, str]]:
    with (CORPUS / name).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def run(records: list[dict[str, str]], settings: Settings) -> tuple[float, dict[str, float]]:
    stage_time = {s.name: 0.0 for s in STAGES}
    start = time.perf_counter()
    for r in records:
        doc = Document(
            id=r["id"], text=r["text"], title=r.get("title"), date=r.get("date"), source=None
        )
        for stage in STAGES:
            t = time.perf_counter()
            stage.run(doc, settings)
            stage_time[stage.name] += time.perf_counter() - t
    return time.perf_counter() - start, stage_time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--passes", type=int, default=2)
    args = parser.parse_args()
    settings = Settings()
    t = time.perf_counter()
    from qatynas.analyse import morph_ru, ner_ru

    morph_ru.analyzer()
    ner_ru.spans("Касым-Жомарт Токаев прибыл в Ереван.")
    print(f"pymorphy3 + natasha load: {time.perf_counter() - t:.1f} s")
    for name in ("ru_news.jsonl", "kk_news.jsonl"):
        records = load(name)
        chars = sum(len(r["text"]) + len(r.get("title") or "") for r in records)
        for n in range(args.passes):
            seconds, stages = run(records, settings)
            slow = ", ".join(f"{k} {v:.1f}s" for k, v in stages.items())
            print(
                f"{name} pass {n + 1}: {len(records)} articles in {seconds:.1f} s = "
                f"{len(records) / seconds:.1f} articles/s, {chars / seconds / 1000:.0f}k chars/s "
                f"({slow})"
            )


if __name__ == "__main__":
    main()
