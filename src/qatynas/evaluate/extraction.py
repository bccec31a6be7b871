"""Score extractions against gold annotations under the rules of spec/annotation.md.

The same figures as the project's reference scorer: per article, then summed (micro P/R/F1):
countries as code sets; persons by surname (last word, case-folded); events as sets of
(type, unordered pair of parties), and again with the type replaced by its quad class; quotes
matched one-to-one on the speaker's surname and a word Jaccard of at least 0.5.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from functools import cache
from itertools import combinations
from pathlib import Path
from typing import Any

from qatynas import lang

FIELDS = ("countries", "persons", "events", "events_quad", "quotes")
Record = Mapping[str, Any]


@cache
def _quads() -> dict[str, str]:
    return {r["type"]: r["quad"] for r in lang.rows("", "plover.tsv")}


def _code(x: object) -> str | None:
    if isinstance(x, Mapping):
        x = x.get("code") or x.get("country")
    return str(x).upper() if x else None


def _surname(x: object) -> str:
    if isinstance(x, Mapping):
        x = x.get("name") or x.get("speaker") or ""
    words = re.findall(r"[\w-]+", str(x or "").lower().replace("ё", "е"))
    return words[-1] if words else ""


def _words(text: object) -> set[str]:
    return set(re.findall(r"\w+", str(text or "").lower()))


def event_keys(events: Iterable[Record], quad: bool = False) -> set[tuple[str, str, str]]:
    keys: set[tuple[str, str, str]] = set()
    for ev in events:
        parties = {
            _code(c) for c in list(ev.get("actors") or []) + list(ev.get("recipients") or [])
        }
        kind = str(ev.get("type", "")).upper()
        if quad:
            kind = _quads().get(kind, kind)
        for a, b in combinations(sorted(p for p in parties if p), 2):
            keys.add((kind, a, b))
    return keys


def _quote_hits(gold: list[Record], pred: list[Record]) -> int:
    used: set[int] = set()
    hits = 0
    for g in gold:
        name, words = _surname(g.get("speaker")), _words(g.get("text"))
        for i, p in enumerate(pred):
            if i in used or _surname(p.get("speaker")) != name:
                continue
            other = _words(p.get("text"))
            if words and other and len(words & other) / len(words | other) >= 0.5:
                used.add(i)
                hits += 1
                break
    return hits


def _prf(tp: int, npred: int, ngold: int) -> dict[str, float | int]:
    p = tp / npred if npred else (1.0 if not ngold else 0.0)
    r = tp / ngold if ngold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": tp,
        "pred": npred,
        "gold": ngold,
    }


def score(gold: Mapping[str, Record], pred: Mapping[str, Record]) -> dict[str, dict[str, Any]]:
    """Micro P/R/F1 per field; a predicted article missing from `pred` counts as empty."""
    tally = {f: [0, 0, 0] for f in FIELDS}

    def add(fld: str, g: set[Any] | list[Any], p: set[Any] | list[Any], tp: int) -> None:
        tally[fld][0] += tp
        tally[fld][1] += len(p)
        tally[fld][2] += len(g)

    for doc_id, g in gold.items():
        p = pred.get(doc_id, {})
        gc = {_code(c) for c in g.get("countries") or []} - {None}
        pc = {_code(c) for c in p.get("countries") or []} - {None}
        add("countries", gc, pc, len(gc & pc))
        gp = {_surname(x) for x in g.get("persons") or []} - {""}
        pp = {_surname(x) for x in p.get("persons") or []} - {""}
        add("persons", gp, pp, len(gp & pp))
        for fld, quad in (("events", False), ("events_quad", True)):
            ge = event_keys(g.get("events") or [], quad)
            pe = event_keys(p.get("events") or [], quad)
            add(fld, ge, pe, len(ge & pe))
        gq, pq = list(g.get("quotes") or []), list(p.get("quotes") or [])
        add("quotes", gq, pq, _quote_hits(gq, pq))
    return {f: _prf(*tally[f]) for f in FIELDS}


def load_jsonl(path: Path) -> dict[str, Record]:
    out: dict[str, Record] = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                obj = json.loads(line)
                out[str(obj["id"])] = obj
    return out


def table(result: Mapping[str, Mapping[str, Any]]) -> str:
    lines = [f"{'field':<12} {'P':>6} {'R':>6} {'F1':>6}   tp/pred/gold"]
    for fld, v in result.items():
        lines.append(
            f"{fld:<12} {v['precision']:>6.3f} {v['recall']:>6.3f} {v['f1']:>6.3f}   "
            f"{v['tp']}/{v['pred']}/{v['gold']}"
        )
    return "\n".join(lines)
