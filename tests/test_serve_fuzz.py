"""The JSON API fuzzed from its own OpenAPI schema (schemathesis): for every operation, generated
parameters never give a 5xx, and every answer matches what the schema says (status code,
content type, headers, body). The database is made in a temporary folder when the module is
collected (schemathesis parametrizes from the schema then) and removed after its tests."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.generation.case import Case

from qatynas.serve.web import create_app
from serve_db import make_db

MAX_EXAMPLES = 50
_FOLDER = Path(tempfile.mkdtemp(prefix="qatynas-fuzz-"))
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(make_db(_FOLDER)))


@pytest.fixture(scope="module", autouse=True)
def _remove_database() -> Iterator[None]:
    yield
    shutil.rmtree(_FOLDER, ignore_errors=True)


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_answers_as_its_schema_says(case: Case) -> None:
    case.call_and_validate()
