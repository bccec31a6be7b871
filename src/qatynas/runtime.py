"""How a process that extracts many articles sets itself up: models loaded once, and the
garbage collector kept off what lasts.

Extraction makes no reference cycles (tests/test_runtime.py checks it on real text), so the
cyclic collector frees nothing during a run; yet with Python's default thresholds it runs a
full collection whenever the long-lived objects have grown by a quarter, and a long run's memo
tables (lemmas, token chunks, name tests: hundreds of thousands of objects) keep growing. Each
full collection walks all of them, and in a worker forked from a loaded process it also writes
to the header of every inherited object, so the pages shared with the parent are copied. That
was a fifth of the CPU of a cold pass and most of what two workers lost against one (#7,
docs/benchmarks.md).

`settle` therefore loads the lexicons and the NER model, then moves everything alive into the
collector's permanent generation (`gc.freeze`) and raises the thresholds: the collector still
runs, now and then, over what is new. The CLI's `extract` and `ingest` run `with settled(...)`,
which puts the defaults back at the end (a caller of `cli.main` in a long-lived process keeps
its own collector); workers forked inside it inherit it, and a worker that did not (a Dask
worker, a pool started by a library caller) settles itself before its first batch. A library
user who calls the stages directly keeps the interpreter's defaults.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from qatynas.extract import ner_signal
from qatynas.model import Document
from qatynas.pipeline import process
from qatynas.settings import Settings

# Young objects before a collection (Python's default: 700); then 20 young collections per
# middle one and 100 middle per full one, with Python's own rule that a full collection waits
# until the long-lived objects have grown by a quarter.
GC_THRESHOLDS = (20_000, 20, 100)
_WARM_UP = Document(id="warm-up", text="Қазақстан мен Армения Ереванда келісімге қол қойды.")
_settled = False


def warm_up(settings: Settings) -> None:
    """Load the lexicons and the NER model here, once (before workers are forked)."""
    doc = process(Document(_WARM_UP.id, _WARM_UP.text), settings)
    if doc.analysis is not None and doc.analysis.sentences:
        ner_signal.person_tokens(doc.analysis.sentences[0])


def settle(settings: Settings) -> None:
    """Make this process ready for a long run, for good (a worker's); once per process."""
    global _settled
    if not _settled:
        _settle(settings)
        _settled = True


@contextmanager
def settled(settings: Settings) -> Iterator[None]:
    """This process ready for a long run until the block ends (the CLI's commands)."""
    global _settled
    if _settled:
        yield
        return
    thresholds = _settle(settings)
    _settled = True
    try:
        yield
    finally:
        _settled = False
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def _settle(settings: Settings) -> tuple[int, ...]:
    """Load, freeze, raise the thresholds; the thresholds there were."""
    warm_up(settings)
    gc.collect()  # what loading left behind is freed, not frozen
    gc.freeze()
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    return before


def is_settled() -> bool:
    """Whether this process is settled (a worker forked inside `settled` inherits it)."""
    return _settled
