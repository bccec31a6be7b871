"""The web application: the JSON API (/api, OpenAPI at /docs) and the HTML pages, read-only.

`create_app(db)` builds it over one database file. Everything it serves comes from the package:
templates, CSS and the Swagger UI assets (from `fastapi-offline`), so it works offline. Errors are
answered as JSON under /api and as a page elsewhere, always with a 4xx status and a reason.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException

from qatynas import __version__
from qatynas.serve import api, pages
from qatynas.serve.db import Reader

_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'"
_DOCS_CSP = _CSP + "; script-src 'self' 'unsafe-inline'"


def _package_dir(package: str, sub: str) -> str:
    return str(resources.files(package).joinpath(sub))


def create_app(db: str | Path) -> FastAPI:
    """The application over the database at `db` (which must exist; it is never written)."""
    app = FastAPI(
        title="Qatynas",
        version=__version__,
        description="Relations between countries from Kazakh news: events, persons, quotes.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.reader = Reader(db)
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("qatynas.serve", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )
    app.state.templates = Jinja2Templates(env=env)
    app.mount("/static", StaticFiles(directory=_package_dir("qatynas.serve", "static")), "static")
    assets = _package_dir("fastapi_offline", "static")
    app.mount("/docs-assets", StaticFiles(directory=assets), "docs-assets")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_api_route("/docs", _docs, include_in_schema=False, response_class=HTMLResponse)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.middleware("http")(_headers)
    return app


def _docs() -> HTMLResponse:
    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="Qatynas API",
        swagger_js_url="/docs-assets/swagger-ui-bundle.js",
        swagger_css_url="/docs-assets/swagger-ui.css",
        swagger_favicon_url="/static/favicon.svg",
        swagger_ui_parameters={"validatorUrl": None},
    )


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(("/api", "/openapi.json", "/docs"))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if _is_api(request) or exc.status_code < 400:
        return await http_exception_handler(request, exc)
    return pages.error_page(request, exc.status_code, str(exc.detail))


async def _validation_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    if _is_api(request):
        return await request_validation_exception_handler(request, exc)
    reasons = "; ".join(_reason(e) for e in exc.errors())
    return pages.error_page(request, 422, reasons)


def _reason(error: Any) -> str:
    where = ".".join(str(p) for p in error.get("loc", ())[1:]) or "request"
    return f"{where}: {error.get('msg', 'invalid')}"


async def _headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    docs = request.url.path == "/docs"
    response.headers.setdefault("Content-Security-Policy", _DOCS_CSP if docs else _CSP)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    return response
