"""CRF features of a tokenised sentence: each token's own attributes and its neighbours'.

A word's attributes depend on the word alone, so they are computed once per distinct word and
cached; a sentence then only joins cached lists, which keeps tagging fast. Resources that change
as the project improves (the lemmatiser, gazetteers, word clusters) are read through `Lexicon`,
so retraining picks up better ones without a code change here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from qatynas.ner.lexicon import Lexicon

# Neighbour offsets and the attribute kinds copied from each neighbour.
_CONTEXT: tuple[tuple[int, tuple[str, ...]], ...] = (
    (-2, ("w", "sh", "c6", "l", "g")),
    (-1, ("w", "sh", "s3", "c6", "c10", "l", "x", "g", "t")),
    (1, ("w", "sh", "s3", "c6", "c10", "l", "x", "g", "t")),
    (2, ("w", "sh", "c6", "l", "g")),
)


def shape(word: str) -> str:
    """Word shape with runs collapsed: `Қасым-Жомарт` -> `Xx-Xx`, `2025` -> `d`."""
    out: list[str] = []
    for ch in word:
        if ch.isupper():
            code = "X"
        elif ch.isalpha():
            code = "x"
        elif ch.isdigit():
            code = "d"
        else:
            code = ch
        if not out or out[-1] != code:
            out.append(code)
    return "".join(out)


@dataclass
class Featurizer:
    """Turns tokens into crfsuite attribute lists; one instance per model, cache inside.

    `known`, when given, is the set of attributes the model has weights for: cached lists keep
    only those, so the tagger does not look up attributes it would ignore anyway.
    """

    lexicon: Lexicon
    known: frozenset[str] | None = None
    _own: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _near: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict, repr=False)
    _lemma: dict[str, str] = field(default_factory=dict, repr=False)
    _heads: set[str] = field(default_factory=set, repr=False)
    # For each neighbour offset, the attributes the model knows there, without the offset.
    _near_known: tuple[frozenset[str], ...] = field(init=False, repr=False, default=())

    def __post_init__(self) -> None:
        if self.known is not None:
            # One pass over the model's attributes (tens of thousands), each filed under the
            # offset it starts with: this runs at every start of the program.
            prefixes = [str(off) for off, _ in _CONTEXT]
            by_prefix: dict[str, set[str]] = {p: set() for p in prefixes}
            for k in self.known:
                for p in prefixes:
                    if k.startswith(p):
                        by_prefix[p].add(k[len(p) :])
            self._near_known = tuple(frozenset(by_prefix[p]) for p in prefixes)

    def _cache(self, word: str) -> None:
        attrs = word_attributes(word, self.lexicon)
        groups: dict[str, list[str]] = {}
        for a in attrs:
            groups.setdefault(a.split("=", 1)[0], []).append(a)
        self._own[word] = self._keep(attrs)
        self._lemma[word] = groups["l"][0][2:]
        if "g=orghead" in attrs:
            self._heads.add(word)
        if self.known is None:
            self._near[word] = tuple(
                tuple(f"{offset}{a}" for kind in kinds for a in groups.get(kind, ()))
                for offset, kinds in _CONTEXT
            )
            return
        # A neighbour's attribute is kept when the model knows it at that offset: tested
        # before the offset is written in, as most are not (a word's first meeting, #7).
        self._near[word] = tuple(
            tuple(f"{offset}{a}" for kind in kinds for a in groups.get(kind, ()) if a in known_here)
            for (offset, kinds), known_here in zip(_CONTEXT, self._near_known, strict=True)
        )

    def _keep(self, attrs: Sequence[str]) -> tuple[str, ...]:
        known = self.known
        return tuple(attrs) if known is None else tuple(a for a in attrs if a in known)

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """One attribute list per token, for `pycrfsuite.Tagger.tag` and `Trainer.append`."""
        for t in tokens:
            if t not in self._own:
                self._cache(t)
        lows = [t.lower() for t in tokens]
        n = len(tokens)
        spans = self._span_attributes(tokens)
        own, near = self._own, self._near
        out: list[list[str]] = []
        for i, token in enumerate(tokens):
            feats = list(own[token])
            for slot, (offset, _) in enumerate(_CONTEXT):
                j = i + offset
                if 0 <= j < n:
                    feats.extend(near[tokens[j]][slot])
                else:
                    feats.append(_PAD[slot])
            # Attributes of the word pair and position: not cached, so filtered here.
            dynamic = spans[i]
            if i and token[:1].isupper():
                dynamic.append("t=midtitle")
            if i > 0:
                dynamic.append(f"b-1={lows[i - 1]}|{lows[i]}")
            if i + 1 < n:
                dynamic.append(f"b+1={lows[i]}|{lows[i + 1]}")
            feats.extend(dynamic if self.known is None else self._keep(dynamic))
            out.append(feats)
        return out

    def _span_attributes(self, tokens: Sequence[str]) -> list[list[str]]:
        """Attributes that look past the window: what a quoted name is, what head ends it.

        A name in guillemets takes its type from the word after the closing one (« Астана »
        халықаралық қаржы орталығы); an organisation name ends in a head word (министрлігі,
        ұйымы) up to four words ahead.
        """
        n = len(tokens)
        extra: list[list[str]] = [[] for _ in range(n)]
        opened: int | None = None
        for i, token in enumerate(tokens):
            if token == "«":
                opened = i
            elif token == "»" and opened is not None:
                after = "qa=" + (self._lemma[tokens[i + 1]] if i + 1 < n else "</s>")
                for j in range(opened + 1, i):
                    extra[j].extend(("q=in", after))
                opened = None
        heads = self._heads
        for i in range(n):
            for k in range(1, 5):
                j = i + k
                if j >= n or not (tokens[j][:1].isalnum() or tokens[j] in _QUOTES):
                    break
                if tokens[j] in heads:
                    extra[i].append("ah=orghead")
                    break
        return extra


_QUOTES = frozenset('«»"')
_PAD = tuple(f"{offset}pad" for offset, _ in _CONTEXT)


def word_attributes(word: str, lexicon: Lexicon) -> list[str]:
    """Attributes of one word out of context; the first is always `w=<lowercase form>`."""
    low = word.lower()
    attrs = [f"w={low}", f"sh={shape(word)}", f"len={min(len(word), 12)}"]
    if word[:1].isupper():
        attrs.append("t=title")
    if len(word) > 1 and word.isupper():
        attrs.append("t=upper")
    if not any(ch.isalnum() for ch in word):
        attrs.append("t=punct")
    attrs.extend(f"p{k}={low[:k]}" for k in range(1, 5) if len(low) > k)
    attrs.extend(f"s{k}={low[-k:]}" for k in range(1, 6) if len(low) > k)
    if "-" in word:
        head, _, tail = low.partition("-")
        attrs.extend((f"hh={head}", f"ht={tail}"))
    attrs.extend(lexicon.attributes(word, low))
    return attrs
