"""The process set-up for long runs (qatynas/runtime.py, #7): what it relies on and what it does."""

from __future__ import annotations

import gc
import json
import subprocess
import sys

from conftest import EXAMPLE, ROOT, need_shared
from qatynas.model import Document
from qatynas.parallel import extract_one
from qatynas.read import read_paths
from qatynas.runtime import GC_THRESHOLDS, is_settled, settled
from qatynas.settings import Settings


def _corpus_docs(n: int) -> list[Document]:
    path = need_shared("gold", "dev.articles.jsonl")
    docs = [d for d in read_paths([str(path)], Settings()) if isinstance(d, Document)]
    return docs[:n]


def _cyclic_garbage(docs: list[Document], settings: Settings) -> int:
    """Objects in reference cycles that extracting `docs` leaves behind."""
    gc.collect()
    gc.disable()
    try:
        lines = [extract_one(doc, settings).line for doc in docs]
        found = gc.collect()
    finally:
        gc.enable()
    assert [json.loads(line)["id"] for line in lines] == [d.id for d in docs]
    return found


def test_extraction_makes_almost_no_reference_cycles() -> None:
    """What lets `settle` raise the collector's thresholds: extracting Kazakh articles (the
    example, dev articles) leaves no cyclic garbage at all; Russian ones a few objects an
    article (natasha's models), which the young collections, still run every
    GC_THRESHOLDS[0] allocations, collect."""
    settings = Settings()
    example = next(d for d in read_paths([str(EXAMPLE)], settings) if isinstance(d, Document))
    kk = [example, *_corpus_docs(40)]
    ru_path = need_shared("gold", "dev-ru.articles.jsonl")
    ru = [d for d in read_paths([str(ru_path)], settings) if isinstance(d, Document)][:20]
    for doc in kk[:3] + ru[:3]:  # lexicons and models loaded before counting
        extract_one(doc, settings)
    assert _cyclic_garbage(kk, settings) == 0
    assert _cyclic_garbage(ru, settings) < 10 * len(ru)


def test_settled_freezes_and_gives_the_defaults_back() -> None:
    before = gc.get_threshold()
    with settled(Settings()):
        assert is_settled()
        assert gc.get_threshold() == GC_THRESHOLDS
        assert gc.get_freeze_count() > 10_000  # the loaded lexicons, out of the collector's way
    assert not is_settled()
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0


def test_extract_command_runs_settled_and_prints_the_same() -> None:
    """The CLI settles its process; the records are those of a plain in-process run."""
    script = (
        "import gc, sys\n"
        "default = gc.get_threshold()\n"
        "from qatynas import cli, runtime\n"
        "seen = []\n"
        "real = cli.extract_items\n"
        "def spy(*a, **k):\n"
        "    seen.append((runtime.is_settled(), gc.get_threshold(), gc.get_freeze_count()))\n"
        "    return real(*a, **k)\n"
        "cli.extract_items = spy\n"
        "code = cli.main(['extract', sys.argv[1]])\n"
        "print(seen, gc.get_threshold() == default, gc.get_freeze_count(), file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(EXAMPLE)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    seen, after = done.stderr.strip().splitlines()[-1].split("] ", 1)
    assert seen.startswith(f"[(True, {GC_THRESHOLDS}, ")
    assert after == "True 0"  # given back when the command ends
    settings = Settings()
    example = next(d for d in read_paths([str(EXAMPLE)], settings) if isinstance(d, Document))
    assert done.stdout == extract_one(example, settings).line + "\n"
