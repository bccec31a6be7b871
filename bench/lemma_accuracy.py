"""Lemma accuracy of `qatynas.analyse.morph.lemma` on the NOUN and PROPN words of UD Kazakh KTB.

Prints exact lemma accuracy (case-insensitive, the figure we track, and case-sensitive: `lemma`
keeps the input's capitals, the treebank lower-cases sentence-initial common nouns), the
accuracy on inflected words, on words whose lemma no lexicon lists, without the lexicons, and
the speed.
Run: .venv/bin/python bench/lemma_accuracy.py [CONLLU] [--errors N]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import Counter
from dataclasses import replace
from pathlib import Path

from qatynas.analyse import morph

SHARED = Path(__file__).resolve().parents[2] / "shared"
TEST = SHARED / "data/ud-kazakh/kk_ktb-ud-test.conllu"
CORPUS = SHARED / "corpus/kk_news.jsonl"
TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
POS = ("NOUN", "PROPN")
Key = tuple[str, str, str, str]


def gold_words(path: Path, pos: tuple[str, ...] = POS) -> list[tuple[str, str, str]]:
    """(form, lemma, upos) of the syntactic words with a UPOS in `pos` (ranges skipped)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) == 10 and cells[0].isdigit() and (not pos or cells[3] in pos):
            out.append((cells[1], cells[2], cells[3]))
    return out


def speed(forms: list[str]) -> tuple[float, float]:
    """Words per second over `forms` in text order from an empty cache, and per distinct form
    with no cache at all."""
    morph.lemma.cache_clear()
    morph.read.cache_clear()
    start = time.perf_counter()
    for form in forms:
        morph.lemma(form)
    stream = len(forms) / (time.perf_counter() - start)
    distinct = sorted({f.lower() for f in forms})
    start = time.perf_counter()
    for form in distinct:
        morph.choose(form)
    return stream, len(distinct) / (time.perf_counter() - start)


def news_tokens(path: Path) -> list[str]:
    """The tokens of the news corpus (titles and texts), read at run time, never stored."""
    out: list[str] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            out += TOKEN.findall(f"{record.get('title') or ''} {record.get('text') or ''}")
    return out


def score(words: list[tuple[str, str, str]], g: morph.Grammar) -> tuple[int, int, Counter[Key]]:
    """Case-sensitive and case-insensitive hits, and the errors, under the grammar `g`."""
    exact = folded = 0
    errors: Counter[Key] = Counter()
    for form, gold, upos in words:
        low = morph.choose(form.lower(), g)
        got = morph.lemma(form) if g is morph.grammar() else low
        exact += got == gold
        if low == gold.lower():
            folded += 1
        else:
            errors[(form, got, gold, upos)] += 1
    return exact, folded, errors


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("conllu", nargs="?", type=Path, default=TEST)
    parser.add_argument("--errors", type=int, default=0, help="print the N commonest errors")
    args = parser.parse_args()
    words = gold_words(args.conllu)
    g = morph.grammar()
    stream, distinct = speed([form for form, _, _ in gold_words(args.conllu, ())])
    exact, folded, errors = score(words, g)
    n = len(words)
    print(f"{args.conllu.name}: {n} NOUN/PROPN words")
    print(f"lemma accuracy, case-insensitive: {folded / n:.1%} ({folded}/{n})")
    print(f"lemma accuracy, exact case:       {exact / n:.1%} ({exact}/{n})")
    inflected = [w for w in words if w[0].lower() != w[1].lower()]
    _, ok, _ = score(inflected, g)
    print(f"  inflected words (form != lemma): {ok / len(inflected):.1%} of {len(inflected)}")
    unknown = [w for w in words if w[1].lower() not in g.stems]
    _, ok, _ = score(unknown, g)
    print(f"  lemma not in morph_stems.txt:    {ok / len(unknown):.1%} of {len(unknown)}")
    bare = replace(g, stems=frozenset(), attested=frozenset())
    _, ok, _ = score(words, bare)
    print(f"  without both lexicons (ablation): {ok / n:.1%}")
    print(f"speed: {stream:,.0f} tokens/s (all tokens in text order, empty cache at start),")
    print(f"       {distinct:,.0f} distinct forms/s uncached")
    if CORPUS.exists():
        tokens = news_tokens(CORPUS)
        news, _ = speed(tokens)
        print(f"       {news:,.0f} tokens/s on {CORPUS.name} ({len(tokens):,} tokens, empty cache)")
    for (form, got, gold, upos), count in errors.most_common(args.errors):
        print(f"{count:3d}  {form}\t{got}\t{gold}\t{upos}")


if __name__ == "__main__":
    main()
