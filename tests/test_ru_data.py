"""lang/ru/: every data file parses, is listed with its source in the README and is read by a
module; the trigger lexicon uses only PLOVER types and the directions the event stage knows."""

from __future__ import annotations

from pathlib import Path

import pytest

from qatynas.lang import data_path, lines, rows

RU = data_path("ru", "README.md").parent
SRC = Path(__file__).resolve().parents[1] / "src" / "qatynas"
FILES = sorted(p.name for p in RU.iterdir() if p.suffix in (".tsv", ".txt"))


@pytest.mark.parametrize("name", FILES)
def test_each_file_parses_is_listed_and_read(name: str) -> None:
    if name.endswith(".tsv"):
        table = rows("ru", name)
        assert table and all(len(r) == len(table[0]) for r in table)
    else:
        assert lines("ru", name)
    assert f"`{name}`" in (RU / "README.md").read_text(encoding="utf-8")
    code = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))
    assert f'"{name}"' in code


def test_triggers_use_plover_types_and_known_directions() -> None:
    types = {r["type"] for r in rows("", "plover.tsv")} | {"-"}
    for r in rows("ru", "triggers.tsv"):
        assert r["type"] in types, r
        assert r["direction"] in ("sym", "dir", "visit", ""), r
        assert r["direction"] or r["type"] == "-", r
        int(r["priority"])
