"""`qatynas serve`: the web UI and JSON API over a knowledge base (the CLI part of serve/).

`add_serve_command(sub)` registers the subcommand on the CLI's subparsers; it prints the address
it serves at, as the rest of the CLI prints its results.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

DEFAULT_DB = "qatynas.db"


def _serve(args: argparse.Namespace) -> int:
    if not Path(args.db).is_file():
        print(f"qatynas: no database at {args.db}; run 'qatynas ingest' first", file=sys.stderr)
        return 1
    import uvicorn

    from qatynas.serve.web import create_app

    app = create_app(args.db)
    print(
        f"qatynas: serving {args.db} (read-only) at http://{args.host}:{args.port}/"
        f" (API docs at /docs; Ctrl+C stops)",
        file=sys.stderr,
        flush=True,
    )
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level)
    return 0


def add_serve_command(sub: Any) -> None:
    p = sub.add_parser(
        "serve",
        help="web UI and JSON API over the knowledge base (read-only)",
        description=(
            "Serve the knowledge base read-only: pages with the relations graph, country pairs, "
            "countries, articles with their extractions highlighted, persons and search; the "
            "JSON API under /api with its OpenAPI documentation at /docs. No asset leaves the "
            "machine: everything is served by the package."
        ),
    )
    p.add_argument("--db", default=DEFAULT_DB, help=f"the database file (default {DEFAULT_DB})")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--log-level", default="warning", help="uvicorn's log level (default warning)")
    p.set_defaults(func=_serve)
