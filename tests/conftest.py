"""Shared fixtures: paths to the repository's example and to ../shared (present in CI)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLE = ROOT / "examples" / "baq-kz-armenia-2025-10-02.txt"


def need_shared(*parts: str) -> Path:
    """A file under ../shared, or skip where ../shared is absent (a user's machine)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path
