"""Build the stem lexicons of `qatynas.analyse.morph` from ../shared/data.

Writes src/qatynas/lang/kk/morph_stems.txt (noun and proper-noun lemmas: KazNLP morphology
roots, UD Kazakh KTB *train* lemmas, CLDR territory and month names; CC BY-SA 4.0) and
morph_attested.txt (KazNERD word forms that no suffix grammar reading reduces to another known
or attested form, plus the QazNLTK stop words; CC BY 4.0 / MIT). The UD test file is never
read: it is the benchmark; nor is the KazNERD test split, which scores the NER model.

Run: .venv/bin/python tools/build_morph_lexicon.py
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

from qatynas.analyse import morph
from qatynas.lang import rows

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "src" / "qatynas" / "lang" / "kk"
NOUN_TAGS = {"R_ZE", "R_ZEQ"}
WORD = re.compile(r"^[а-яёәғқңөұүһі]+(?:-[а-яёәғқңөұүһі]+)*$")
VOICED_FINAL = {"б": "п", "г": "к", "ғ": "қ"}
MIN_COUNT = 2

STEMS_HEADER = """\
# Noun and proper-noun lemmas (lower case) that the suffix stripper must reach and not pass,
# read by qatynas.analyse.morph. Built by tools/build_morph_lexicon.py from: KazNLP morphology
# roots tagged R_ZE/R_ZEQ (md, lkps; voiced stem variants such as кітаб put back to кітап),
# the NOUN/PROPN lemmas of UD Kazakh KTB train, one-word CLDR kk territory names and months;
# plurals of other stems left out (жастар: жас).
# Licence: CC BY-SA 4.0 (KazNLP: Makhambetov et al. 2015; UD Kazakh KTB: Tyers & Washington
# 2015, Makazhanov et al. 2015); CLDR names under the Unicode License V3.
"""

ATTESTED_HEADER = """\
# Word forms (lower case) attested alone in Kazakh news that no reading as stem + suffixes
# reduces to another known or attested form, so likely nominative; read by
# qatynas.analyse.morph as a second lexicon. Built by tools/build_morph_lexicon.py from the
# KazNERD valid split (forms seen at least twice; CC BY 4.0, Yeshpanov et al. 2022); never the
# test split, which scores the NER model
# and the QazNLTK stop-word list (MIT).
"""


def kaznlp_stems() -> set[str]:
    """KazNLP noun roots, with voiced variants seen only before vowels put back (кітаб → кітап)."""
    roots: set[str] = set()
    for line in (DATA / "kaznlp-morphology" / "md.tsv").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) >= 2 and cells[1] in NOUN_TAGS and WORD.match(cells[0].lower()):
            roots.add(cells[0].lower())
    alone: set[str] = set()
    next_letters: dict[str, set[str]] = defaultdict(set)
    lkps = (DATA / "kaznlp-morphology" / "lkps.tsv").read_text(encoding="utf-8")
    for line in lkps.splitlines():
        cells = line.split("\t")
        if len(cells) < 2:
            continue
        morphemes = cells[1].split()
        root, _, tag = morphemes[0].partition("_")
        if tag not in NOUN_TAGS:
            continue
        root = root.lower()
        if len(morphemes) == 1:
            alone.add(root)
        else:
            next_letters[root].add(morphemes[1][0])
    vowels = set("аәеёиіоөуұүыэюя")
    drops = {r["short"]: r["full"] for r in rows("kk", "morph_vowel_drop.tsv")}
    out: set[str] = set()
    for root in roots:
        before_vowels_only = root not in alone and next_letters[root] <= vowels
        if before_vowels_only and root[-1] in VOICED_FINAL:
            out.add(root[:-1] + VOICED_FINAL[root[-1]])
            continue
        full = next((root[: -len(s)] + f for s, f in drops.items() if root.endswith(s)), None)
        if before_vowels_only and full:
            out.add(full)
            continue
        out.add(root)
    return out


def ud_train_lemmas() -> set[str]:
    path = DATA / "ud-kazakh" / "kk_ktb-ud-train.conllu"
    out: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) == 10 and cells[3] in ("NOUN", "PROPN") and WORD.match(cells[2].lower()):
            out.add(cells[2].lower())
    return out


def cldr_names() -> set[str]:
    cldr = DATA / "cldr-kk"
    names = json.loads((cldr / "territories.json").read_text(encoding="utf-8"))
    out = {
        name.lower()
        for name in names["main"]["kk"]["localeDisplayNames"]["territories"].values()
        if WORD.match(name.lower())
    }
    dates = json.loads((cldr / "ca-gregorian.json").read_text(encoding="utf-8"))
    months = dates["main"]["kk"]["dates"]["calendars"]["gregorian"]["months"]
    for style in months.values():
        out.update(m.lower() for m in style["wide"].values() if WORD.match(m.lower()))
    return out


def kaznerd_forms() -> Counter[str]:
    counts: Counter[str] = Counter()
    for name in ("IOB2_valid.txt",):  # never the test split: it scores the NER model
        for line in (DATA / "kaznerd" / name).read_text(encoding="utf-8").splitlines():
            cells = line.split()
            if cells and WORD.match(cells[0].lower()):
                counts[cells[0].lower()] += 1
    return counts


def verb_only_roots() -> set[str]:
    tags: dict[str, set[str]] = defaultdict(set)
    for line in (DATA / "kaznlp-morphology" / "md.tsv").read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) >= 2 and cells[1].startswith("R_"):
            tags[cells[0].lower()].add(cells[1])
    return {w for w, t in tags.items() if t <= {"R_ET", "R_ETK", "R_ETP", "R_ETPK", "R_ETB"}}


def lemma_like(forms: set[str], seen: set[str], stems: set[str]) -> set[str]:
    """The `forms` that look nominative: no reading reduces them to a known stem or to a form
    `seen` in the corpus, and none shows an inflection by its shape alone (a plural, the
    possessive -сы after a vowel, a voiced stem end before a vowel: тетіктері, корпорациясы,
    тұтастығы), whether or not the bare stem was seen."""
    g = replace(morph.grammar(), stems=frozenset(stems), attested=frozenset(seen))
    return {form for form in forms if not any(_reduces(g, seg) for seg in _readings(g, form))}


def _readings(g: morph.Grammar, form: str) -> list[morph.Segmentation]:
    return morph.segmentations(form, g)[1:]


def _reduces(g: morph.Grammar, seg: morph.Segmentation) -> bool:
    finals = morph.final_forms(g, seg)
    if any(stem in g.stems for stem in finals):
        return True
    if not (seg.harmonic and all(s.common for s in seg.suffixes)) or len(seg.stem) < 3:
        return False
    if any(stem in g.attested for stem in finals):
        return True
    shaped = finals[0] != seg.stem or any(s.tag == "PL" for s in seg.suffixes)
    possessive = seg.suffixes[0].form in ("сы", "сі") and len(seg.stem) >= 4
    return shaped or possessive


def write(name: str, header: str, words: set[str]) -> None:
    body = "".join(f"{w}\n" for w in sorted(words))
    (OUT / name).write_text(header + body, encoding="utf-8")


def without_plurals(stems: set[str]) -> set[str]:
    """`stems` less the plurals of other stems (KazNLP lists жастар, өнімдер as roots; the UD
    lemma is жас, өнім)."""
    g = replace(morph.grammar(), stems=frozenset(stems))
    plurals = {
        stem
        for stem in stems
        for seg in morph.segmentations(stem, g)[1:]
        if seg.harmonic and [s.tag for s in seg.suffixes] == ["PL"] and seg.stem in stems
    }
    return stems - plurals


def main() -> None:
    stems = without_plurals(kaznlp_stems() | ud_train_lemmas() | cldr_names())
    write("morph_stems.txt", STEMS_HEADER, stems)
    verbs = verb_only_roots() - stems
    counts = kaznerd_forms()
    forms = {w for w, c in counts.items() if c >= MIN_COUNT} - verbs
    stop = DATA / "kazakh-stopwords" / "stop_words.txt"
    stop_words = {w.strip().lower() for w in stop.read_text(encoding="utf-8").splitlines()}
    stop_words = {w for w in stop_words if WORD.match(w)}
    attested = (lemma_like(forms, set(counts) - verbs, stems) | stop_words) - stems
    write("morph_attested.txt", ATTESTED_HEADER, attested)


if __name__ == "__main__":
    main()
