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
    kazakh = len(_KAZAKH.findall(sample)) if "kk" in languages else 0
    if kazakh:
        # Over 1 % of the letters. The letters are counted only when the characters do not
        # settle it: counting them one by one was a twentieth of an article's analysis (#7).
        if kazakh > 0.01 * len(sample) or kazakh / sum(map(str.isalpha, sample)) > 0.01:
            return "kk"
    elif not any(map(str.isalpha, sample)):
        return None
    lang = _detector(languages).detect_language_of(sample)
    if lang is None:
        return None
    return next(code for code, value in _LINGUA.items() if value == lang)
