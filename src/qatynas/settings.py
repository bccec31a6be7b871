"""One Settings object, passed explicitly to the stages (no module globals)."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True)
class Settings:
    # Articles longer than this are reported and skipped: news articles are a few kB, and a
    # 50 MB "article" is a mis-read file, not news.
    max_article_chars: int = 2 * MB
    # Languages the language detector may choose from.
    languages: tuple[str, ...] = ("kk", "ru", "en")
    strict: bool = False
