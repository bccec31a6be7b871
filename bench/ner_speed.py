"""NER speed: tokens per second of the committed model on KazNERD's test split, one core.

Usage: .venv/bin/python bench/ner_speed.py [IOB2_FILE]

Reports the first pass (word-attribute cache cold, as on a new text) and a second pass (cache
warm), plus the time to open the model. Feature extraction and Viterbi decoding both count.
Tokens per CPU second is the one-core figure that holds when other jobs share the machine;
wall-clock tokens/s equals it on an idle core.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from qatynas.ner.conll import read_conll
from qatynas.ner.tagger import NerTagger, default_model_path
from qatynas.ner.train import KAZNERD


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else KAZNERD / "IOB2_test.txt"
    sents = [s.tokens for s in read_conll(path)]
    tokens = sum(len(s) for s in sents)
    started = time.perf_counter()
    tagger = NerTagger(default_model_path())
    opened = time.perf_counter() - started
    for name in ("cold", "warm"):
        started, cpu = time.perf_counter(), time.process_time()
        for sent in sents:
            tagger.tag(sent)
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(
            f"{name}: {tokens} tokens in {seconds:.2f} s wall = {tokens / seconds:,.0f} tokens/s; "
            f"{cpu:.2f} s CPU = {tokens / cpu:,.0f} tokens/s per core"
        )
    print(f"model open: {opened:.2f} s")


if __name__ == "__main__":
    main()
