"""``partynews report``: write the corpus report, one self-contained HTML page."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import make_url

from crawler.cliargs import DB_HELP, CliError, database_url, date_arg, end_of
from crawler.report import render_report
from store.db import make_engine, session_factory
from store.report import ReportScope, collect_report

EXIT_OK = 0


def add_parser(commands: Any) -> None:
    """Add the ``report`` subcommand."""
    report = commands.add_parser("report", help="write an HTML report of the stored corpus")
    report.add_argument(
        "--out", default="report.html", help="output file, or - for standard output"
    )
    report.add_argument(
        "--site", action="append", default=[], help="only this site key (repeatable)"
    )
    report.add_argument(
        "--since", type=date_arg, help="published on or after this day, Vietnam time (YYYY-MM-DD)"
    )
    report.add_argument(
        "--until", type=date_arg, help="published on or before this day, Vietnam time (YYYY-MM-DD)"
    )
    report.add_argument("--db", help=DB_HELP)
    report.set_defaults(handler=report_command)


def report_command(args: argparse.Namespace) -> int:
    """Read the report's figures from the database and write the page."""
    scope = ReportScope(sites=tuple(args.site), since=args.since, until=end_of(args.until))
    if scope.since and scope.until and scope.since >= scope.until:
        raise CliError("--since must not be after --until")
    url = database_url(args)
    engine = make_engine(url)
    try:
        with session_factory(engine)() as session:
            report = collect_report(session, scope)
    finally:
        engine.dispose()
    page = render_report(report, generated_at=datetime.now(UTC), database=_shown_url(url))
    if args.out == "-":
        sys.stdout.write(page)
    else:
        try:
            Path(args.out).write_text(page, encoding="utf-8")
        except OSError as error:
            raise CliError(f"cannot write {args.out}: {error.strerror}") from None
    articles = sum(entry.articles for entry in report.totals)
    print(
        f"wrote the report of {articles} articles from {len(report.sites)} sites to {args.out}",
        file=sys.stderr,
    )
    return EXIT_OK


def _shown_url(url: str) -> str:
    """Return the database URL without its password."""
    return make_url(url).render_as_string(hide_password=True)
