"""The `qatynas` command line. The only module that prints."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from qatynas import __version__
from qatynas.errors import InputError, InputWarning
from qatynas.pipeline import process
from qatynas.read import read_paths
from qatynas.serve.render import document_record
from qatynas.settings import Settings


def _extract(args: argparse.Namespace) -> int:
    """Exit status 0, or 1 if `--strict` met a bad record or every record was bad."""
    settings = Settings(strict=args.strict)
    out: TextIO = sys.stdout
    read = skipped = warned = 0
    stopped = False
    for item in read_paths(args.paths, settings):
        if isinstance(item, InputWarning):
            warned += 1
            print(f"qatynas: warning: {item}", file=sys.stderr)
            continue
        if isinstance(item, InputError):
            skipped += 1
            print(f"qatynas: skipped {item}", file=sys.stderr)
            if args.strict:
                print("qatynas: stopped at the first bad record (--strict)", file=sys.stderr)
                stopped = True
                break
            continue
        read += 1
        record = document_record(process(item, settings))
        out.write(json.dumps(record, ensure_ascii=False, indent=2 if args.pretty else None))
        out.write("\n")
    warnings = f", {warned} warning{'' if warned == 1 else 's'}" if warned else ""
    print(f"qatynas: {read} read, {skipped} skipped{warnings}", file=sys.stderr)
    return 1 if stopped or (skipped and not read) else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qatynas",
        description="Relations between countries from Kazakh news: events, persons, quotes.",
    )
    parser.add_argument("--version", action="version", version=f"qatynas {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser(
        "extract",
        help="extract countries, persons, events and quotes as JSON Lines",
        description=(
            "Read articles and print one JSON object per article (spec/output.md). Inputs: "
            "files in the 'date YYYY-MM-DD' text format, .txt, .jsonl (id, date, source, title, "
            "text), saved .html pages, folders (recursively), or '-' for standard input. Bad "
            "records are reported on standard error with file and line and skipped."
        ),
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for stdin")
    p.add_argument("--pretty", action="store_true", help="indent the JSON for reading")
    p.add_argument("--strict", action="store_true", help="stop at the first bad record")
    p.set_defaults(func=_extract)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    return code


if __name__ == "__main__":
    sys.exit(main())
