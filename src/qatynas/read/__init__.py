"""Readers: input formats → `Document`s.

`read_paths` yields, in input order, a `Document` for every good record and an `InputError` for
every bad one, so that the caller reports the bad and goes on (or stops, with `--strict`).
"""

from qatynas.read.records import read_paths

__all__ = ["read_paths"]
