"""The ``partynews export`` subcommand: the corpus in four formats, filtered and incremental."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from crawler.cliargs import DB_HELP, CliError, database_url, date_arg, end_of
from crawler.sites.table import UnknownProvinceError, resolve_province
from store import export_formats, export_parquet
from store.db import make_engine, session_factory
from store.export import ExportFilters, iter_export_rows
from store.export_cursor import CursorError, CursorTracker, parse_cursor, settle_horizon
from store.export_dedupe import dedupe_rows

FORMATS = ("jsonl", "jsonl.gz", "csv", "parquet")
KINDS = ("central", "provincial_portal", "provincial_newspaper", "unknown")
Rows = Iterable[dict[str, Any]]
Writer = Callable[[Rows, BinaryIO], int]


def add_parser(commands: Any) -> None:
    """Add the ``export`` subcommand to the ``partynews`` subparsers."""
    export = commands.add_parser(
        "export",
        help="write the stored articles as JSON lines, gzipped JSON lines, CSV or Parquet",
        description="Write the corpus (docs/corpus-schema.md) in a stable order: publication "
        "time, undated last, then id. Prints a cursor for the next --changed-since to stderr.",
    )
    export.add_argument("--format", choices=FORMATS, default="jsonl")
    export.add_argument("--out", required=True, help="output file, or - for standard output")
    export.add_argument("--site", action="append", default=[], help="a site key (repeatable)")
    export.add_argument(
        "--province", action="append", default=[], help="a current or absorbed province"
    )
    export.add_argument("--kind", action="append", default=[], choices=KINDS)
    export.add_argument(
        "--since", type=date_arg, help="published on or after this day, Vietnam time (YYYY-MM-DD)"
    )
    export.add_argument(
        "--until", type=date_arg, help="published on or before this day, Vietnam time (YYYY-MM-DD)"
    )
    export.add_argument(
        "--changed-since",
        metavar="TIMESTAMP|CURSOR",
        help="only articles created or revised after this ISO 8601 time or a printed cursor",
    )
    export.add_argument("--min-chars", type=_count, help="a minimum body length in characters")
    export.add_argument(
        "--dedupe", action="store_true", help="one article per near-duplicate group"
    )
    export.add_argument("--db", help=DB_HELP)
    export.set_defaults(handler=run)


def _count(value: str) -> int:
    """Read a non-negative integer argument."""
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"not a number of characters: {value!r}")
    return int(value)


def run(args: argparse.Namespace) -> int:
    """Export the articles the arguments select; print the count and the next cursor."""
    writer = _writer(args.format)
    filters = _filters(args)
    engine = make_engine(database_url(args))
    try:
        with session_factory(engine)() as session:
            tracker = CursorTracker(filters.changed_after, settle_horizon(session, _now()))
            rows: Rows = tracker.watch(iter_export_rows(session, filters))
            if args.dedupe:
                rows = dedupe_rows(rows)
            with _output(args.out) as stream:
                count = writer(rows, stream)
    finally:
        engine.dispose()
    print(f"exported {count} articles to {args.out}", file=sys.stderr)
    print(f"cursor: {tracker.next_cursor()}", file=sys.stderr)
    return 0


def _now() -> datetime:
    return datetime.now(UTC)


def _writer(name: str) -> Writer:
    """Return the writer of format ``name``; parquet without pyarrow is a usage error."""
    if name == "parquet":
        try:
            export_parquet.require_pyarrow()
        except export_parquet.ParquetUnavailableError as error:
            raise CliError(str(error)) from None
        return export_parquet.write_parquet
    writers: dict[str, Writer] = {
        "jsonl": export_formats.write_jsonl,
        "jsonl.gz": export_formats.write_jsonl_gz,
        "csv": export_formats.write_csv,
    }
    return writers[name]


def _filters(args: argparse.Namespace) -> ExportFilters:
    """Return the export filters the arguments ask for."""
    try:
        provinces = tuple(resolve_province(name) for name in args.province)
        changed_after = parse_cursor(args.changed_since) if args.changed_since else None
    except (UnknownProvinceError, CursorError) as error:
        raise CliError(str(error)) from None
    return ExportFilters(
        sites=tuple(args.site),
        provinces=provinces,
        kinds=tuple(args.kind),
        since=args.since,
        until=end_of(args.until),
        changed_after=changed_after,
        min_chars=args.min_chars,
    )


@contextlib.contextmanager
def _output(out: str) -> Iterator[BinaryIO]:
    """Yield standard output, or a file written beside ``out`` and renamed when complete."""
    if out == "-":
        yield sys.stdout.buffer
        sys.stdout.buffer.flush()
        return
    target = Path(out)
    partial = target.with_name(target.name + ".partial")
    try:
        stream = partial.open("wb")
    except OSError as error:
        raise CliError(f"cannot write {out}: {error.strerror}") from None
    try:
        with stream:
            yield stream
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)
