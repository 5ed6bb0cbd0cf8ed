"""The ``partynews`` command: crawl, parse, export and manage the database."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from crawler import crawl_command, export_command, report_command, sites
from crawler.cliargs import DB_HELP, CliError, database_url
from store.db import DatabaseUnavailable

EXIT_OK, EXIT_NOT_ARTICLE, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    args = _parser().parse_args(arguments)
    args.argv = arguments
    try:
        return int(args.handler(args))
    except (CliError, DatabaseUnavailable, sites.UnknownSiteError) as error:
        print(f"partynews: error: {error}", file=sys.stderr)
        return EXIT_USAGE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="partynews", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")
    db_help = DB_HELP
    crawl_command.add_parsers(commands)
    report_command.add_parser(commands)

    parse = commands.add_parser("parse", help="print the Article parsed from one saved page")
    parse.add_argument("file", type=Path)
    parse.add_argument("--url", required=True, help="the URL the page was fetched from")
    parse.add_argument("--content-type", default="text/html", help="the Content-Type header")
    parse.set_defaults(handler=_parse)

    export_command.add_parser(commands)

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


def _db(args: argparse.Namespace) -> int:
    url = database_url(args)
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
