"""Language data: one folder per language (`kk/`, later `ru/`, `en/`) of TSV and text files.

Every file here is read by some module through `rows` or `lines`; `tests/test_lang_data.py`
checks that each parses, has no duplicate keys and is read by some module.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


def data_path(lang: str, name: str) -> Path:
    return Path(str(resources.files("qatynas.lang").joinpath(lang, name)))


@cache
def rows(lang: str, name: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV file with a header line; `#` lines and blank lines are skipped."""
    out: list[dict[str, str]] = []
    header: list[str] | None = None
    with data_path(lang, name).open(encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            cells += [""] * (len(header) - len(cells))
            out.append(dict(zip(header, (c.strip() for c in cells), strict=False)))
    return tuple(out)


@cache
def lines(lang: str, name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a plain list file."""
    with data_path(lang, name).open(encoding="utf-8") as f:
        return tuple(s for s in (line.strip() for line in f) if s and not s.startswith("#"))
