"""The bounds every HTTP parameter is checked against before a query runs (4xx otherwise).

Validation happens here, at the edge: codes, dates and PLOVER types by pattern, page sizes and
offsets by range, free text by length, so a query function never sees an unbounded request.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from fastapi import HTTPException, Path, Query

MAX_LIMIT = 100
MAX_OFFSET = 100_000
MAX_TEXT = 200
MAX_ID = 2**62

_CODE = r"^[A-Za-z][A-Za-z0-9]{1,9}$"
_DATE = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
_TYPE = r"^[A-Za-z]{3,12}$"
FORM_PATTERNS = {"country": _CODE, "type": _TYPE, "since": _DATE, "until": _DATE}

Code = Annotated[str, Path(pattern=_CODE, description="ISO alpha-3 or organisation code")]
OptCode = Annotated[
    str | None, Query(pattern=_CODE, description="ISO alpha-3 or organisation code")
]
Since = Annotated[
    str | None, Query(pattern=_DATE, description="from this date on: YYYY, YYYY-MM or YYYY-MM-DD")
]
Until = Annotated[
    str | None, Query(pattern=_DATE, description="up to and including this date (YYYY[-MM[-DD]])")
]
EventType = Annotated[str | None, Query(pattern=_TYPE, description="a PLOVER event type")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]
Text = Annotated[str | None, Query(min_length=1, max_length=MAX_TEXT)]
FormText = Annotated[str | None, Query(max_length=MAX_TEXT)]
SearchText = Annotated[
    str, Query(min_length=1, max_length=MAX_TEXT, description="words, any inflected form")
]
Kind = Annotated[Literal["article", "quote"] | None, Query(description="only articles or quotes")]
By = Annotated[Literal["day", "month", "year"], Query(description="timeline period")]
ArticleId = Annotated[str, Path(min_length=1, max_length=MAX_TEXT)]
PersonId = Annotated[int, Path(ge=1, le=MAX_ID)]
EventId = Annotated[int, Path(ge=1, le=MAX_ID)]


def form_value(name: str, value: str | None) -> str | None:
    """A search form field: blank is absent; otherwise it must match its pattern (422 if not)."""
    if value is None or not value.strip():
        return None
    value = value.strip()
    if not re.fullmatch(FORM_PATTERNS[name], value):
        raise HTTPException(status_code=422, detail=f"{name}: {value!r} is not a valid value")
    return value
