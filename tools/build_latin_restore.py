"""Build `lang/kk/latin_restore.tsv`: word beginnings the Latin letter rules get wrong.

The Latin alphabets drop what Kazakh Cyrillic spells from Russian (ь, ъ, э, ё, ц, я after a
consonant) and spell и and й alike. Every Cyrillic word of KazNERD (CC BY 4.0) is written in
Kazinform's 2018 Latin, converted back with the letter rules alone, and where that differs from
the word, the shortest beginning that covers the difference (plus a margin) and that no other
word of the vocabulary contradicts becomes a row `naive beginning → right beginning`.

    .venv/bin/python tools/build_latin_restore.py ../shared/data/kaznerd > \
        src/qatynas/lang/kk/latin_restore.tsv
"""

from __future__ import annotations

import bisect
import sys
from collections import Counter
from pathlib import Path

from qatynas.analyse.script import Restore, alphabet, convert_word
from qatynas.lang import rows

# Cyrillic letters the 2018 table does not produce, as Kazinform writes them.
EXTRA = {"ь": "", "ъ": "", "э": "e", "ё": "ıo", "һ": "h"}
MARGIN = 3  # letters past the last difference a beginning must include
MIN_LENGTH = 4
MIN_COUNT = 2  # occurrences a whole-word row needs


def forward_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for row in rows("kk", "latin2018.tsv"):
        table.setdefault(row["cyrillic"], row["latin"])
    table.update(EXTRA)
    return table


def vocabulary(folder: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    for path in sorted(folder.glob("IOB2_*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            token = line.split(" ")[0].lower()
            for part in token.replace("-", " ").split():
                if len(part) > 1 and all("а" <= c <= "я" or c in "әғқңөұүһіё" for c in part):
                    counts[part] += 1
    return counts


def naive_forms(vocab: Counter[str]) -> dict[str, str]:
    """Right Cyrillic word → what the letter rules give from its Latin spelling."""
    table = forward_table()
    empty = Restore({}, {}, {}, ())
    alpha = alphabet("latin2018")
    out: dict[str, str] = {}
    for word in vocab:
        latin = "".join(table[c] for c in word)
        out[word] = convert_word(latin, alpha, empty)[0] if latin else word
    return out


def rules(naive: dict[str, str], vocab: Counter[str]) -> tuple[dict[str, str], dict[str, str]]:
    by_naive = sorted((n, w) for w, n in naive.items())
    keys = [n for n, _ in by_naive]
    prefixes: dict[str, str] = {}
    words: dict[str, str] = {}
    for word, form in sorted(naive.items()):
        if form == word:
            continue
        shift = len(word) - len(form)
        k = min(len(form), max(MIN_LENGTH, len(form) - _common_tail(form, word) + MARGIN))
        while k <= len(form):
            head, right = form[:k], word[: k + shift]
            if _consistent(head, right, keys, by_naive):
                # A whole word as a beginning reaches only its suffixed forms (`word+`).
                prefixes.setdefault(head + ("+" if k == len(form) else ""), right)
                break
            k += 1
        else:
            best = _most_frequent(form, keys, by_naive, vocab)
            if best == word and vocab[word] >= MIN_COUNT:
                words[form] = word
    return prefixes, words


def _most_frequent(
    form: str, keys: list[str], by_naive: list[tuple[str, str]], vocab: Counter[str]
) -> str:
    """The spelling that most often stands behind one naive form (itself counted too)."""
    lo, hi = bisect.bisect_left(keys, form), bisect.bisect_right(keys, form)
    spellings = Counter({w: vocab[w] for _, w in by_naive[lo:hi]})
    if form in vocab:
        spellings[form] = vocab[form]
    return spellings.most_common(1)[0][0]


def _common_tail(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _consistent(head: str, right: str, keys: list[str], by_naive: list[tuple[str, str]]) -> bool:
    lo = bisect.bisect_left(keys, head)
    hi = bisect.bisect_left(keys, head + "\uffff")
    return all(right + n[len(head) :] == w for n, w in by_naive[lo:hi])


def main(folder: str) -> None:
    vocab = vocabulary(Path(folder))
    prefixes, words = rules(naive_forms(vocab), vocab)
    out = sys.stdout
    out.write(
        "# Word beginnings the Latin letter rules get wrong, with the right Cyrillic spelling.\n"
        "# Read by qatynas.analyse.script. `naive` is what latin2018.tsv gives (lower case);\n"
        "# a trailing $ means the whole word, + the whole word or it with Kazakh suffixes.\n"
        "# Hand-written rows go to latin_restore_extra.tsv. Built by\n"
        "# tools/build_latin_restore.py from the Cyrillic words of KazNERD (IS2AI, CC BY 4.0).\n"
        "naive\tcyrillic\n"
    )
    for head, right in sorted(prefixes.items()):
        out.write(f"{head}\t{right}\n")
    for form, right in sorted(words.items()):
        out.write(f"{form}$\t{right}\n")


if __name__ == "__main__":
    main(sys.argv[1])
