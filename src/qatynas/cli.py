"""The `qatynas` command line. The only module that prints."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import time
from collections import Counter
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import Any, TextIO

from qatynas import __version__
from qatynas.errors import InputError, InputWarning, QatynasError
from qatynas.model import Document
from qatynas.parallel import extract_items, ingest_steps
from qatynas.parts import PartsWriter, is_parts
from qatynas.pipeline import process
from qatynas.read import read_paths
from qatynas.runtime import settled
from qatynas.serve.commands import add_serve_command
from qatynas.serve.render import document_record
from qatynas.settings import Settings


def _extract(args: argparse.Namespace) -> int:
    """Exit status 0, or 1 if `--strict` met a bad record or every record was bad."""
    settings = Settings(strict=args.strict)
    sink = PartsWriter(Path(args.output), args.format) if args.output else None
    indent = 2 if args.pretty and not args.output else None  # a part holds a record a line
    # Models loaded once and the collector kept off them (qatynas/runtime.py); a Dask run
    # extracts on the cluster's workers, which settle themselves.
    with settled(settings) if args.dask is None else nullcontext():
        stopped, read, skipped, warned = _extract_items(args, settings, sink, indent)
    if sink is not None:
        sink.close()
    warnings = f", {warned} warning{'' if warned == 1 else 's'}" if warned else ""
    print(f"qatynas: {read} read, {skipped} skipped{warnings}", file=sys.stderr)
    return 1 if stopped or (skipped and not read) else 0


def _extract_items(
    args: argparse.Namespace, settings: Settings, sink: PartsWriter | None, indent: int | None
) -> tuple[bool, int, int, int]:
    """Extract and write every record; (stopped, read, skipped, warned)."""
    out: TextIO = sys.stdout
    read = skipped = warned = 0
    stopped = False
    items = read_paths(args.paths, settings)
    for item in extract_items(items, settings, workers=args.workers, dask=args.dask, indent=indent):
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
        if sink is not None:
            sink.add(item)
        else:
            out.write(item.line + "\n")
    return stopped, read, skipped, warned


# --- the knowledge base (#5): ingest, queries, export, fetch -------------------------------

DEFAULT_DB = "qatynas.db"


def _open_db(path: str, *, readonly: bool = True) -> sqlite3.Connection | None:
    from qatynas.store.db import connect

    if readonly and not Path(path).exists():
        print(f"qatynas: no database at {path}; run 'qatynas ingest' first", file=sys.stderr)
        return None
    return connect(path, readonly=readonly)


def _progress(enabled: bool) -> Any:
    """A tqdm bar with articles/s on a terminal; None (a plain log) otherwise."""
    if not enabled:
        return None
    from tqdm import tqdm

    return tqdm(unit=" articles", file=sys.stderr, dynamic_ncols=True)


def _ingest(args: argparse.Namespace) -> int:
    """Exit status 0, or 1 when records were bad and none was stored."""
    conn = _open_db(args.db, readonly=False)
    assert conn is not None
    counts: Counter[str] = Counter()
    bar = _progress(sys.stderr.isatty() and not args.quiet)
    started = time.monotonic()
    settings = Settings()
    extracting = not all(is_parts(p) for p in args.paths)  # parts are stored as they are
    with settled(settings) if extracting else nullcontext():
        steps = ingest_steps(conn, args.paths, settings, force=args.force, workers=args.workers)
        for step in steps:
            if step.warning is not None:
                _log(bar, f"qatynas: warning: {step.warning}")
                continue
            counts[step.outcome or "skipped"] += 1
            if step.error is not None:
                _log(bar, f"qatynas: skipped {step.error}")
            if bar is not None:
                bar.update(1)
            elif not args.quiet and sum(counts.values()) % 100 == 0:
                print(f"qatynas: {_ingest_summary(counts, started)}", file=sys.stderr)
    if bar is not None:
        bar.close()
    print(f"qatynas: {args.db}: {_ingest_summary(counts, started)}", file=sys.stderr)
    return 1 if counts["skipped"] and not (counts.total() - counts["skipped"]) else 0


def _log(bar: Any, message: str) -> None:
    if bar is not None:
        bar.write(message, file=sys.stderr)
    else:
        print(message, file=sys.stderr)


def _ingest_summary(counts: Counter[str], started: float) -> str:
    total = counts.total()
    rate = total / max(time.monotonic() - started, 1e-6)
    parts = ", ".join(f"{counts[k]} {k}" for k in ("added", "replaced", "unchanged", "skipped"))
    return f"{total} records: {parts} ({rate:.1f} articles/s)"


def _print_json(value: object) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2))


def _search(args: argparse.Namespace) -> int:
    from qatynas.store import queries

    conn = _open_db(args.db)
    if conn is None:
        return 1
    hits = queries.search(
        conn,
        args.query,
        country=args.country,
        event_type=args.type,
        since=args.since,
        until=args.until,
        kind=args.kind,
        limit=args.limit,
    )
    if args.json:
        _print_json(hits)
        return 0
    for h in hits:
        who = f" {h['speaker']}:" if h["kind"] == "quote" else ""
        print(f"{h['date'] or '----------'}  {h['article']}  [{h['kind']}]{who} {h['snippet']}")
    print(f"qatynas: {len(hits)} found", file=sys.stderr)
    return 0


def _print_events(events: list[dict[str, Any]]) -> None:
    for ev in events:
        parties = f"{';'.join(ev['actors'])} → {';'.join(ev['recipients'])}"
        print(
            f"  #{ev['id']} {ev['date'] or ev['first_reported'] or '?'} {ev['type']}"
            f"{'/' + ev['mode'] if ev['mode'] else ''} {parties}"
            f"{' in ' + ev['location'] if ev['location'] else ''} score {ev['score']:+g},"
            f" {ev['mentions']} mention(s), {ev['sources']} source(s),"
            f" confidence {ev['confidence']:.2f}"
        )
        for m in ev.get("evidence", []):
            print(f"      {m['date'] or '?'} {m['article']}: «{m['evidence']}»")


def _dyad(args: argparse.Namespace) -> int:
    from qatynas.store import queries

    conn = _open_db(args.db)
    if conn is None:
        return 1
    result = queries.dyad(
        conn, args.first, args.second, since=args.since, until=args.until, by=args.by
    )
    if args.json:
        _print_json(result)
        return 0
    print(f"{result['parties'][0]} – {result['parties'][1]}: {len(result['events'])} events")
    for p in result["timeline"]:
        counts = ", ".join(f"{k} {v}" for k, v in p["counts"].items() if v)
        print(f"  {p['period']:<10} {p['events']:>3} events  score {p['score']:+g}  ({counts})")
    _print_events(result["events"])
    return 0


def _partners(args: argparse.Namespace) -> int:
    from qatynas.store import queries

    conn = _open_db(args.db)
    if conn is None:
        return 1
    ranked = queries.partners(conn, args.party, since=args.since, until=args.until)
    if args.json:
        _print_json(ranked)
        return 0
    for p in ranked:
        print(f"{p['party']:<6} {p['events']:>4} events  score {p['score']:+g}")
    return 0


def _person(args: argparse.Namespace) -> int:
    from qatynas.store import queries

    conn = _open_db(args.db)
    if conn is None:
        return 1
    found = queries.person(conn, args.name)
    if args.json:
        _print_json(found)
        return 0
    for p in found:
        print(
            f"{p['name']} ({p['latin'] or '-'}, {p['country'] or '?'}):"
            f" {len(p['articles'])} articles"
        )
        for r in p["roles"]:
            print(f"  role: {r['role']} ({r['articles']})")
        for q in p["quotes"]:
            print(f"  quote {q['date'] or '?'} {q['article']}: «{q['text']}»")
        _print_events(p["events"])
    if not found:
        print(f"qatynas: no person named {args.name!r}", file=sys.stderr)
    return 0 if found else 1


def _stats(args: argparse.Namespace) -> int:
    from qatynas.store import queries

    conn = _open_db(args.db)
    if conn is None:
        return 1
    counts = queries.stats(conn)
    if args.json:
        _print_json(counts)
    else:
        for name, n in counts.items():
            print(f"{name:<16} {n}")
    return 0


def _export(args: argparse.Namespace) -> int:
    from qatynas.store.export import export

    conn = _open_db(args.db)
    if conn is None:
        return 1
    if args.format == "parquet" and not args.output:
        print("qatynas: --format parquet needs --output FILE", file=sys.stderr)
        return 2
    if args.format == "parquet":
        n = export(conn, args.what, "parquet", Path(args.output))
    elif args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            n = export(conn, args.what, args.format, out)
    else:
        n = export(conn, args.what, args.format, sys.stdout)
    print(f"qatynas: {n} {args.what} exported", file=sys.stderr)
    return 0


def _fetch(args: argparse.Namespace) -> int:
    from qatynas.fetch.client import Client
    from qatynas.fetch.pages import Fetcher

    if not args.urls and not args.feed:
        print("qatynas: fetch needs a URL or --feed RSS_URL", file=sys.stderr)
        return 2
    conn = _open_db(args.db, readonly=False)
    assert conn is not None
    client = Client(timeout=args.timeout, retries=args.retries)
    fetcher = Fetcher(conn, Settings(), client, delay=args.delay)
    counts: Counter[str] = Counter()
    steps = list(fetcher.urls(args.urls))
    for feed_url in args.feed or []:
        steps += fetcher.feed(feed_url)
    for step in steps:
        counts[step.outcome] += 1
        for w in step.warnings:
            print(f"qatynas: warning: {w}", file=sys.stderr)
        print(f"qatynas: {step.outcome}: {step.message or step.url}", file=sys.stderr)
    summary = ", ".join(f"{n} {k}" for k, n in sorted(counts.items()))
    print(f"qatynas: {args.db}: {summary or 'nothing fetched'}", file=sys.stderr)
    stored = counts["stored"] + counts["unchanged"] + counts["replaced"] + counts["known"]
    return 0 if stored else 1


def _add_scale(p: argparse.ArgumentParser) -> None:
    p.add_argument("--workers", type=int, default=1, metavar="N", help="extract on N processes")


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=DEFAULT_DB, help=f"the database file (default {DEFAULT_DB})")


def _add_period(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", help="from this date on (YYYY, YYYY-MM or YYYY-MM-DD)")
    p.add_argument("--until", help="up to and including this date (YYYY, YYYY-MM or YYYY-MM-DD)")


def _add_store_commands(sub: Any) -> None:
    p = sub.add_parser(
        "ingest",
        help="extract articles and store them in the knowledge base",
        description=(
            "Extract the articles (the inputs of 'extract') and store them in a SQLite file, "
            "one transaction per article. Unchanged articles are skipped, changed ones replaced; "
            "a run stopped at any point and started again gives the same database."
        ),
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for stdin")
    _add_db(p)
    p.add_argument("--force", action="store_true", help="extract known articles again")
    p.add_argument("--quiet", action="store_true", help="no progress, only bad records")
    _add_scale(p)
    p.set_defaults(func=_ingest)

    p = sub.add_parser("search", help="full-text search of articles and quotes (any word form)")
    p.add_argument("query")
    p.add_argument("--country", help="articles naming this country (ISO alpha-3)")
    p.add_argument("--type", help="articles reporting an event of this PLOVER type")
    p.add_argument("--kind", choices=["article", "quote"], help="only articles or only quotes")
    p.add_argument("--limit", type=int, default=20)
    _add_period(p)
    p.add_argument("--json", action="store_true")
    _add_db(p)
    p.set_defaults(func=_search)

    p = sub.add_parser("dyad", help="events between two parties: timeline and evidence")
    p.add_argument("first", metavar="PARTY")
    p.add_argument("second", metavar="PARTY")
    p.add_argument("--by", choices=["day", "month", "year"], default="month")
    _add_period(p)
    p.add_argument("--json", action="store_true")
    _add_db(p)
    p.set_defaults(func=_dyad)

    p = sub.add_parser("partners", help="the partners of a party ranked by events and score")
    p.add_argument("party")
    _add_period(p)
    p.add_argument("--json", action="store_true")
    _add_db(p)
    p.set_defaults(func=_partners)

    p = sub.add_parser("person", help="roles, quotes and events of a person")
    p.add_argument("name")
    p.add_argument("--json", action="store_true")
    _add_db(p)
    p.set_defaults(func=_person)

    p = sub.add_parser("stats", help="counts of articles, events, persons, quotes")
    p.add_argument("--json", action="store_true")
    _add_db(p)
    p.set_defaults(func=_stats)

    p = sub.add_parser("export", help="events (PLOVER fields) or articles as JSONL, CSV, Parquet")
    p.add_argument("--format", choices=["jsonl", "csv", "parquet"], default="jsonl")
    p.add_argument("--what", choices=["events", "articles"], default="events")
    p.add_argument("--output", metavar="FILE", help="default: standard output (not parquet)")
    _add_db(p)
    p.set_defaults(func=_export)

    p = sub.add_parser("fetch", help="download news pages or a feed's articles and ingest them")
    p.add_argument("urls", nargs="*", metavar="URL")
    p.add_argument("--feed", action="append", metavar="RSS_URL", help="a feed (repeatable)")
    p.add_argument("--timeout", type=float, default=15.0, help="seconds per request")
    p.add_argument("--retries", type=int, default=2, help="tries after a transient failure")
    p.add_argument("--delay", type=float, default=1.0, help="seconds between downloads")
    _add_db(p)
    p.set_defaults(func=_fetch)


def _train_ner(args: argparse.Namespace) -> int:
    from qatynas.ner.conll import read_conll
    from qatynas.ner.train import Params, cross_validate, train

    sents = read_conll(args.data)[: args.limit or None]
    params = Params(args.c1, args.c2, args.iterations)
    if args.cv:
        grid = [Params(c1, c2, args.iterations) for c1 in args.cv_c1 for c2 in args.cv_c2]
        ranked = cross_validate(sents, grid, args.cv, args.output.parent)
        for p, f1 in ranked:
            print(f"cv c1={p.c1} c2={p.c2}: micro F1 {f1:.4f}", file=sys.stderr)
        params = ranked[0][0]
    result = train(sents, args.output, params)
    print(
        f"qatynas: trained on {result.sentences} sentences ({result.tokens} tokens) in "
        f"{result.seconds:.0f} s, c1={params.c1} c2={params.c2}: {result.path}",
        file=sys.stderr,
    )
    return 0


def _train_clusters(args: argparse.Namespace) -> int:
    from qatynas.ner.clusters import build_clusters, write_clusters

    clusters = build_clusters(args.corpus, depth=args.depth, min_count=args.min_count)
    write_clusters(clusters, args.output, [p.name for p in args.corpus])
    print(f"qatynas: {len(clusters)} words clustered: {args.output}", file=sys.stderr)
    return 0


def _evaluate_ner(args: argparse.Namespace) -> int:
    from qatynas.ner.conll import conll_lines, read_conll
    from qatynas.ner.evaluate import score, table
    from qatynas.ner.tagger import NerTagger

    sents = read_conll(args.file)
    tagger = NerTagger(args.model)
    predicted = [tagger.tag(s.tokens) for s in sents]
    report = score([s.labels for s in sents], predicted)
    if args.predictions:
        with args.predictions.open("w", encoding="utf-8") as f:
            f.writelines(line + "\n" for line in conll_lines(sents, predicted))
    print(json.dumps(report.as_dict(), indent=2) if args.json else table(report))
    return 0


def _add_train_commands(sub: Any) -> None:
    from qatynas.lang import data_path
    from qatynas.ner.lexicon import CLUSTERS
    from qatynas.ner.tagger import default_model_path
    from qatynas.ner.train import (
        CLUSTER_SOURCES,
        DEFAULT_C1,
        DEFAULT_C2,
        DEFAULT_ITERATIONS,
        KAZNERD,
    )

    train = sub.add_parser("train", help="train a model (ner) or the word clusters it uses")
    what = train.add_subparsers(dest="what", required=True, metavar="WHAT")
    p = what.add_parser("ner", help="train the CRF NER model on an IOB2 file")
    p.add_argument("--data", type=Path, default=KAZNERD / "IOB2_valid.txt", help="IOB2 file")
    p.add_argument("--output", type=Path, default=default_model_path(), help="model file")
    p.add_argument("--c1", type=float, default=DEFAULT_C1, help="L1 penalty")
    p.add_argument("--c2", type=float, default=DEFAULT_C2, help="L2 penalty")
    p.add_argument("--iterations", type=int, default=DEFAULT_ITERATIONS, help="L-BFGS iterations")
    p.add_argument("--limit", type=int, default=0, help="train on the first N sentences only")
    p.add_argument("--cv", type=int, default=0, metavar="FOLDS", help="choose c1/c2 by CV first")
    p.add_argument("--cv-c1", type=float, nargs="+", default=[0.02, 0.05, 0.1])
    p.add_argument("--cv-c2", type=float, nargs="+", default=[0.01, 0.05])
    p.set_defaults(func=_train_ner)
    p = what.add_parser("clusters", help="learn word clusters for NER from raw text")
    p.add_argument("--corpus", type=Path, nargs="+", default=list(CLUSTER_SOURCES))
    p.add_argument("--output", type=Path, default=data_path("kk", CLUSTERS), help="TSV file")
    p.add_argument("--depth", type=int, default=14, help="bits per word")
    p.add_argument("--min-count", type=int, default=3, help="skip rarer words")
    p.set_defaults(func=_train_clusters)


def _add_evaluate_commands(sub: Any) -> None:
    from qatynas.ner.tagger import default_model_path

    evaluate = sub.add_parser("evaluate", help="score a stage against gold data")
    # Other scorers (`evaluate extraction`, ...) are further subcommands of this group.
    kinds = evaluate.add_subparsers(dest="what", required=True, metavar="WHAT")
    p = kinds.add_parser("ner", help="entity-level P/R/F1 of the NER model on an IOB2 file")
    p.add_argument("file", type=Path, metavar="FILE", help="IOB2 file: token LABEL per line")
    p.add_argument("--model", type=Path, default=default_model_path(), help="model file")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--predictions", type=Path, metavar="OUT", help="write token gold predicted")
    p.set_defaults(func=_evaluate_ner)
    p = kinds.add_parser(
        "extraction",
        help="per-field P/R/F1 of the extraction against gold (spec/annotation.md rules)",
        description=(
            "Extract ARTICLES and score them against GOLD (one JSON object per article, keyed "
            "by id, as in spec/annotation.md): countries, persons, events, events by quad class, "
            "quotes; micro precision, recall and F1 over all articles."
        ),
    )
    p.add_argument("gold", type=Path, metavar="GOLD", help="gold annotations (.jsonl)")
    p.add_argument("articles", nargs="+", metavar="ARTICLES", help="the articles, any input")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--predictions", type=Path, metavar="OUT", help="also write the extraction")
    p.set_defaults(func=_evaluate_extraction)


def _evaluate_extraction(args: argparse.Namespace) -> int:
    from qatynas.evaluate.extraction import load_jsonl, score, table

    try:
        gold = load_jsonl(args.gold)
    except (OSError, ValueError, KeyError) as exc:
        print(f"qatynas: cannot read gold {args.gold}: {exc}", file=sys.stderr)
        return 2
    settings = Settings()
    pred: dict[str, dict[str, Any]] = {}
    for item in read_paths(args.articles, settings):
        if isinstance(item, Document):
            pred[item.id] = document_record(process(item, settings))
        elif isinstance(item, InputError):
            print(f"qatynas: skipped {item}", file=sys.stderr)
    if args.predictions:
        with args.predictions.open("w", encoding="utf-8") as f:
            f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in pred.values())
    result = score(gold, pred)
    print(json.dumps(result, indent=2) if args.json else table(result))
    return 0


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
    _add_scale(p)
    p.add_argument("--dask", metavar="ADDRESS", help="run on a Dask cluster ('local': on this one)")
    p.add_argument("--output", metavar="DIR", help="write partitions to DIR (for 'ingest')")
    p.add_argument("--format", choices=["parquet", "jsonl"], default="parquet", help="of --output")
    p.set_defaults(func=_extract)
    _add_store_commands(sub)
    _add_train_commands(sub)
    _add_evaluate_commands(sub)
    add_serve_command(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except QatynasError as exc:
        print(f"qatynas: {exc}", file=sys.stderr)
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
