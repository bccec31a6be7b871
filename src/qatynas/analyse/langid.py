"""Language of an article: kk / ru / en, with lingua restricted to the languages we handle."""

from __future__ import annotations

import re
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

_LINGUA = {"kk": Language.KAZAKH, "ru": Language.RUSSIAN, "en": Language.ENGLISH}
# Letters only Kazakh Cyrillic has: their presence settles kk against ru at once.
_KAZAKH = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_SAMPLE = 2000


@lru_cache(maxsize=4)
def _detector(languages: tuple[str, ...]) -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*(_LINGUA[c] for c in languages)).build()


def detect(text: str, languages: tuple[str, ...] = ("kk", "ru", "en")) -> str | None:
    """ISO 639-1 code of the main language of `text` (a Cyrillic analysis text), or None."""
    sample = text[:_SAMPLE]
    letters = sum(map(str.isalpha, sample))
    if not letters:
        return None
    if "kk" in languages:
        kazakh = len(_KAZAKH.findall(sample))
        if kazakh / letters > 0.01:
            return "kk"
    lang = _detector(languages).detect_language_of(sample)
    if lang is None:
        return None
    return next(code for code, value in _LINGUA.items() if value == lang)
