"""Word-level agreement of `to_cyrillic` with the reference Cyrillic of the Latin corpus.

The `kk-qz-*` records of `../shared/corpus/kk_news.jsonl` hold Kazinform's Latin originals
(`title_latn`, `text_latn`) and a reference conversion (`title`, `text`; mostly right, some ь/э
and foreign letters off). Both sides split on white space into the same number of words; a word
agrees when it is identical. Prints the figure, the speed and the commonest disagreements.

    .venv/bin/python bench/script_agreement.py [CORPUS] [--show N]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

from qatynas.analyse.script import to_cyrillic

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "kk_news.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--show", type=int, default=40, help="disagreements to list")
    args = parser.parse_args()
    records = [json.loads(line) for line in args.corpus.open(encoding="utf-8")]
    pairs = [
        (rec[f"{fld}_latn"], rec[fld])
        for rec in records
        if rec["id"].startswith("kk-qz-")
        for fld in ("title", "text")
    ]
    size = sum(len(latin.encode("utf-8")) for latin, _ in pairs)
    speeds = []
    for _ in range(2):  # first with an empty word memo, then warm as in a long run
        started = time.perf_counter()
        converted = [to_cyrillic(latin)[0] for latin, _ in pairs]
        speeds.append(size / (time.perf_counter() - started) / 1e6)
    same = total = 0
    wrong: Counter[tuple[str, str, str]] = Counter()
    for (latin, reference), mine in zip(pairs, converted, strict=True):
        for src, ref, out in zip(latin.split(), reference.split(), mine.split(), strict=False):
            total += 1
            if ref == out:
                same += 1
            else:
                wrong[(src, ref, out)] += 1
    print(f"records: {len(pairs) // 2}  words: {total}  identical: {same / total:.2%}")
    print(f"speed: {speeds[0]:.1f} MB/s cold, {speeds[1]:.1f} MB/s warm ({size / 1e6:.2f} MB)")
    for (src, ref, out), n in wrong.most_common(args.show):
        print(f"{n:4}  {src}  ref={ref}  ours={out}")


if __name__ == "__main__":
    main()
