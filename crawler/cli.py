"""The ``partynews`` command: crawl, parse, export and manage the database."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from crawler import sites
from crawler.items import VIETNAM
from crawler.runner import CrawlReport, CrawlTarget, build_settings, is_loopback, run_crawl
from store.db import (
    DatabaseUnavailable,
    make_engine,
    resolve_database_url,
    session_factory,
    upgrade,
)

EXIT_OK, EXIT_NOT_ARTICLE, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A failure the user can act on: printed as one line, exit code 2."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    args = _parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except (CliError, DatabaseUnavailable, sites.UnknownSiteError) as error:
        print(f"partynews: error: {error}", file=sys.stderr)
        return EXIT_USAGE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="partynews", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    db_help = (
        "SQLAlchemy database URL (default: $PARTYNEWS_DATABASE_URL, else sqlite:///partynews.db)"
    )

    crawl = commands.add_parser("crawl", help="crawl sites into the database")
    crawl.add_argument("sites", nargs="*", metavar="SITE", help="registered site keys")
    crawl.add_argument("--url", help="root URL of a site without a profile")
    crawl.add_argument("--db", help=db_help)
    crawl.add_argument(
        "-s",
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a Scrapy setting (repeatable)",
    )
    crawl.set_defaults(handler=_crawl)

    parse = commands.add_parser("parse", help="print the Article parsed from one saved page")
    parse.add_argument("file", type=Path)
    parse.add_argument("--url", required=True, help="the URL the page was fetched from")
    parse.add_argument("--content-type", default="text/html", help="the Content-Type header")
    parse.set_defaults(handler=_parse)

    export = commands.add_parser("export", help="write the stored articles as JSON lines")
    export.add_argument("--format", choices=["jsonl"], default="jsonl")
    export.add_argument("--out", required=True, help="output file, or - for standard output")
    export.add_argument("--site", help="only this site key")
    export.add_argument(
        "--since", type=_date_arg, help="published on or after this day, Vietnam time (YYYY-MM-DD)"
    )
    export.add_argument(
        "--until", type=_date_arg, help="published on or before this day, Vietnam time (YYYY-MM-DD)"
    )
    export.add_argument("--db", help=db_help)
    export.set_defaults(handler=_export)

    db = commands.add_parser("db", help="manage the database schema")
    db.add_argument("action", choices=["upgrade"])
    db.add_argument("--db", help=db_help)
    db.set_defaults(handler=_db)

    listing = commands.add_parser("sites", help="list the known sites (the registry)")
    listing.add_argument("--province", help="a current or absorbed province, e.g. 'Hải Phòng'")
    listing.add_argument("--kind", choices=["central", "provincial_portal", "provincial_newspaper"])
    listing.add_argument("--status", choices=["active", "archive", "unverified"])
    listing.set_defaults(handler=_sites)
    return parser


def _date_arg(value: str) -> datetime:
    """Read a calendar day as its start in Vietnam time (the sites' publishing day)."""
    try:
        return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=VIETNAM)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _database_url(args: argparse.Namespace) -> str:
    url = resolve_database_url(args.db, os.environ)
    engine = make_engine(url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    return url


def _crawl(args: argparse.Namespace) -> int:
    targets = _crawl_targets(args)
    overrides = dict(_setting(entry) for entry in args.set)
    url = _database_url(args)
    status = EXIT_OK
    for target in targets:
        settings = build_settings(url, overrides, loopback=is_loopback(target.root_url))
        report = run_crawl(target, settings)
        _print_crawl_summary(target, report)
        if report.stats.get("finish_reason") != "finished":
            status = 3
    return status


def _crawl_targets(args: argparse.Namespace) -> list[CrawlTarget]:
    if args.url and args.sites:
        raise CliError("give either SITE keys or --url, not both")
    if args.url:
        parts = urlsplit(args.url)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise CliError(f"not an http(s) URL: {args.url!r}")
        return [CrawlTarget(key=parts.netloc.lower(), root_url=args.url, profile=None)]
    if not args.sites:
        raise CliError("name a SITE to crawl, or give --url ROOT_URL")
    targets = []
    for key in args.sites:
        profile = sites.get_profile(key)
        root = profile.root_url or f"https://{profile.domains[0]}/"
        targets.append(CrawlTarget(key=key, root_url=root, profile=profile))
    return targets


def _setting(entry: str) -> tuple[str, str]:
    name, sep, value = entry.partition("=")
    if not sep or not name:
        raise CliError(f"-s expects NAME=VALUE, got {entry!r}")
    return name, value


def _print_crawl_summary(target: CrawlTarget, report: CrawlReport) -> None:
    new, updated = (
        report.count("partynews/articles/new"),
        report.count("partynews/articles/updated"),
    )
    unchanged = report.count("partynews/articles/unchanged")
    print(
        f"{target.key}: {report.count('downloader/response_count')} responses, "
        f"{new} new, {updated} updated, {unchanged} unchanged articles"
    )
    for reason, count in sorted(report.dropped().items()):
        print(f"  skipped {count:>4}  {reason}")


def _parse(args: argparse.Namespace) -> int:
    from crawler.extract import NotAnArticle, parse_article  # noqa: PLC0415 - keep `--help` fast
    from crawler.sites.detect import resolve_profile  # noqa: PLC0415 - keep `--help` fast

    try:
        body = args.file.read_bytes()
    except OSError as error:
        raise CliError(f"cannot read {args.file}: {error.strerror}") from None
    headers = {"content-type": args.content_type}
    try:
        article = parse_article(
            body, args.url, headers, now=datetime.now(UTC), profile=resolve_profile(args.url, body)
        )
    except NotAnArticle as error:
        print(f"partynews: not an article: {error.reason}", file=sys.stderr)
        return EXIT_NOT_ARTICLE
    json.dump(article.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
    print()
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from store.export import iter_export_rows, write_jsonl  # noqa: PLC0415 - keep `--help` fast

    url = _database_url(args)
    engine = make_engine(url)
    try:
        with session_factory(engine)() as session:
            rows = iter_export_rows(
                session, site=args.site, since=args.since, until=_end_of(args.until)
            )
            if args.out == "-":
                count = write_jsonl(rows, sys.stdout.buffer)
            else:
                with Path(args.out).open("wb") as stream:
                    count = write_jsonl(rows, stream)
    finally:
        engine.dispose()
    print(f"exported {count} articles to {args.out}", file=sys.stderr)
    return EXIT_OK


def _end_of(day: datetime | None) -> datetime | None:
    """Return the exclusive upper bound of ``day``: the start of the next day."""
    return day + timedelta(days=1) if day else None


def _db(args: argparse.Namespace) -> int:
    url = _database_url(args)
    print(f"database is up to date: {_redacted(url)}")
    return EXIT_OK


def _sites(args: argparse.Namespace) -> int:
    from crawler.sites.table import select_sites, text_table  # noqa: PLC0415 - keep `--help` fast

    try:
        chosen = select_sites(province=args.province, kind=args.kind, status=args.status)
    except ValueError as error:
        raise CliError(str(error)) from None
    sys.stdout.write(text_table(chosen))
    print(f"{len(chosen)} sites", file=sys.stderr)
    return EXIT_OK


def _redacted(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@")
    return url
