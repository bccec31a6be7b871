"""What the NER features know beyond the word itself: lemmas, gazetteers and word clusters.

Everything here is read at run time from the repository (`lang/kk/` files and
`qatynas.analyse.morph.lemma`), so a model trained after those improve picks the improvement up;
the model file itself stores only weights over the attribute names made here. Besides its own
`ner_*` files NER reads the lists other stages keep (places, titles, organisation head words,
the actor dictionary), so one correction there helps both.

Gazetteer look-ups allow a Kazakh suffix after the listed form (`Ереван` matches `Ереванға`,
`Асқар` matches `Асқардың`) because the listed forms are nominatives and the text inflects them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from qatynas.analyse.morph import lemma as morph_lemma
from qatynas.lang import lines, rows

# Longest suffix chain allowed after a gazetteer form (`-лардың` is 6 letters).
_MAX_SUFFIX = 6
# Longest ending after a title or organisation stem (`министр` + `лігінің`).
_MAX_ENDING = 8
# Cluster bit-string prefix lengths used as attributes (`c6=` is the 6-bit prefix).
CLUSTER_PREFIXES = (4, 6, 10, 14)

GIVEN_NAMES = "ner_given_names.txt"
PLACES = "ner_places.txt"
TERRITORIES = "ner_territories.tsv"
CLUSTERS = "ner_clusters.tsv"
# Lists of other stages (see lang/kk/README.md).
FOREIGN_NAMES = "names_given_foreign.txt"
WORLD_PLACES = "places.tsv"
TITLES = "titles.tsv"
ORGANISATIONS = "organizations.tsv"
ACTORS = "actors.tsv"


@dataclass(frozen=True)
class Lexicon:
    """Look-up resources; `attributes` turns one word into its resource attributes.

    `names` maps a gazetteer name to its lower-case forms; they are matched on capitalised
    words only. `stems` are lower-case stems matched on any word (titles, organisation heads).
    """

    lemma: Callable[[str], str] = str
    names: Mapping[str, frozenset[str]] = field(default_factory=dict)
    stems: Mapping[str, frozenset[str]] = field(default_factory=dict)
    clusters: Mapping[str, str] = field(default_factory=dict)

    def attributes(self, word: str, low: str) -> list[str]:
        lem = self.lemma(word).lower()
        out = [f"l={lem}"]
        if lem != low and low.startswith(lem):
            out.append(f"x={low[len(lem) :]}")
        if word[:1].isupper():
            out.extend(self._names(low))
            if lem != low:
                out.extend(f"{a}@" for a in self._names(lem))
        for kind, stems in self.stems.items():
            if _stem_match(low, stems, _MAX_ENDING) >= 0:
                out.append(f"g={kind}")
        bits = self.clusters.get(low)
        if bits is None and lem != low:
            bits = self.clusters.get(lem)
        if bits is None:
            out.append("c=none")
        else:
            out.extend(f"c{k}={bits[:k]}" for k in CLUSTER_PREFIXES if len(bits) >= k)
            out.append(f"c={bits}")
        return out

    def _names(self, low: str) -> list[str]:
        out: list[str] = []
        for name, words in self.names.items():
            hit = _stem_match(low, words, _MAX_SUFFIX)
            if hit == 0:
                out.append(f"g={name}")
            elif hit > 0:
                out.append(f"g={name}+")
        return out


def _stem_match(low: str, words: frozenset[str], longest: int) -> int:
    """Length of the ending after the longest listed prefix of `low` (0: exact), -1 if none."""
    for cut in range(0, min(longest, len(low) - 3) + 1):
        if low[: len(low) - cut] in words:
            return cut
    return -1


def _lower_set(items: Iterable[str]) -> frozenset[str]:
    return frozenset(s.strip().lower() for s in items if s.strip())


def _territories() -> dict[str, frozenset[str]]:
    terr = [(r["name"].lower(), r["kind"]) for r in rows("kk", TERRITORIES)]
    return {
        "country": frozenset(t for t, kind in terr if kind == "country" and " " not in t),
        "region": frozenset(t for t, kind in terr if kind == "region" and " " not in t),
        "terrpart": frozenset(w for t, _ in terr if " " in t for w in t.split()),
    }


def _world_places() -> frozenset[str]:
    forms: list[str] = []
    for r in rows("kk", WORLD_PLACES):
        forms.append(r.get("name", ""))
        forms.extend(r.get("forms", "").split("|"))
    return _lower_set(f for f in forms if " " not in f.strip())


def _actor_words() -> frozenset[str]:
    words: list[str] = []
    for r in rows("kk", ACTORS):
        for name in [r.get("name", ""), *r.get("variants", "").split(";")]:
            words.extend(name.split())
    return _lower_set(words)


def load_lexicon() -> Lexicon:
    """The lexicon from the repository's `lang/kk/` files and the current lemmatiser."""
    names = {
        "given": _lower_set([*lines("kk", GIVEN_NAMES), *lines("kk", FOREIGN_NAMES)]),
        "actor": _actor_words(),
        "place": _lower_set(lines("kk", PLACES)) | _world_places(),
        **_territories(),
    }
    stems = {
        "title": _lower_set(r["stem"] for r in rows("kk", TITLES) if r.get("kind") == "head"),
        "orghead": _lower_set(
            r["form"] for r in rows("kk", ORGANISATIONS) if r.get("kind") == "head"
        ),
    }
    clusters = {r["word"]: r["bits"] for r in rows("kk", CLUSTERS)}
    return Lexicon(lemma=morph_lemma, names=names, stems=stems, clusters=clusters)
