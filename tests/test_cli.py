"""End to end: `qatynas extract` on the bundled example prints the output contract."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import EXAMPLE

FIELDS = {
    "id",
    "date",
    "source",
    "title",
    "lang",
    "text",
    "countries",
    "persons",
    "organizations",
    "locations",
    "events",
    "quotes",
}


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "qatynas.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def test_extract_example_has_every_field() -> None:
    proc = run("extract", str(EXAMPLE))
    assert proc.returncode == 0, proc.stderr
    (line,) = proc.stdout.splitlines()
    rec = json.loads(line)
    assert rec.keys() >= FIELDS
    assert rec["id"] == "baq-kz-armenia-2025-10-02"
    assert rec["date"] == "2025-10-02"
    assert rec["lang"] == "kk"
    assert rec["text"].startswith("Қазақстан мен Армения")
    assert "1 read, 0 skipped" in proc.stderr
