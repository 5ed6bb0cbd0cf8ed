"""``partynews crawl`` and ``partynews runs``: scheduled crawls, backfills and their records."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlsplit

from crawler import runstats, sites
from crawler.backfill import DateRange
from crawler.cliargs import DB_HELP, CliError, database_url, date_arg, end_of
from crawler.distributed import add_arguments as add_distributed_arguments
from crawler.distributed import distributed_options
from crawler.jobs import resolve_state_dir
from crawler.reports import coverage_lines, locked_message, site_summary, write_runs
from crawler.runner import CrawlOptions, CrawlTarget, SiteOutcome, run_sites
from store.db import make_engine, session_factory
from store.incremental import coverage
from store.models import CrawlRun
from store.runs import finish_run, list_runs, site_yield_history, start_run

EXIT_OK, EXIT_ALERT, EXIT_LOCKED = 0, 3, 4
YIELD_HISTORY_RUNS = 5


def add_parsers(commands: Any) -> None:
    """Add the ``crawl`` and ``runs`` subcommands."""
    crawl = commands.add_parser("crawl", help="crawl sites into the database")
    crawl.add_argument("sites", nargs="*", metavar="SITE", help="registered site keys")
    crawl.add_argument("--all", action="store_true", help="every registered active site")
    crawl.add_argument("--url", help="root URL of a site without a profile")
    crawl.add_argument("--since", type=date_arg, help="keep articles published on or after")
    crawl.add_argument("--until", type=date_arg, help="keep articles published on or before")
    crawl.add_argument("--state-dir", help="job state and locks ($PARTYNEWS_STATE_DIR, .partynews)")
    crawl.add_argument(
        "--revalidate-days", type=int, default=7, help="recheck articles this recent (default 7)"
    )
    crawl.add_argument(
        "--max-error-rate", type=float, default=0.2, help="failed pages per request that alert"
    )
    crawl.add_argument("--no-progress", action="store_true", help="no progress display")
    crawl.add_argument("--db", help=DB_HELP)
    crawl.add_argument(
        "-s",
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a Scrapy setting (repeatable)",
    )
    add_distributed_arguments(crawl)
    crawl.set_defaults(handler=crawl_command)

    runs = commands.add_parser("runs", help="list the recent crawl runs")
    runs.add_argument("--limit", type=int, default=20, help="how many runs (default 20)")
    runs.add_argument("--db", help=DB_HELP)
    runs.set_defaults(handler=runs_command)


def crawl_command(args: argparse.Namespace) -> int:
    """Crawl the chosen sites one after another; record the run; return the exit code."""
    targets = crawl_targets(args)
    window = DateRange(since=args.since, until=end_of(args.until))
    if window.since and window.until and window.since >= window.until:
        raise CliError("--since must not be after --until")
    url = database_url(args)
    options = CrawlOptions(
        database_url=url,
        state_dir=resolve_state_dir(args.state_dir, os.environ),
        window=window,
        revalidate_days=args.revalidate_days,
        progress=not args.no_progress,
        overrides=dict(_setting(entry) for entry in args.set),
        distributed=distributed_options(args, os.environ, url),
    )
    engine = make_engine(options.database_url)
    sessions = session_factory(engine)
    try:
        with sessions.begin() as session:
            run_id = start_run(
                session, command="crawl", args=args.argv[1:], sites=[t.key for t in targets]
            ).id
        outcomes: list[SiteOutcome] = []
        try:
            outcomes = run_sites(targets, options, on_done=_print_outcome(len(targets)))
        finally:
            with sessions.begin() as session:
                status = _record(session, run_id, targets, outcomes, args.max_error_rate)
        if window.bounded:
            with sessions() as session:
                keys = [outcome.target.key for outcome in outcomes]
                rows = coverage(session, keys, since=window.since, until=window.until)
            print("\n".join(coverage_lines(rows)))
    finally:
        engine.dispose()
    return status


def _record(
    session: Any,
    run_id: int,
    targets: Sequence[CrawlTarget],
    outcomes: Sequence[SiteOutcome],
    max_error_rate: float,
) -> int:
    """Write the run's per-site stats; print the alerts; return the exit code."""
    stats: dict[str, Any] = {}
    alerts: list[str] = []
    for outcome in outcomes:
        if outcome.report is None:
            continue
        key = outcome.target.key
        stats[key] = runstats.site_run_stats(outcome.report.stats, outcome.duration_s)
        history = site_yield_history(session, key, runs=YIELD_HISTORY_RUNS)
        reasons = runstats.alerts(stats[key], history, max_error_rate=max_error_rate)
        alerts.extend(f"{key}: {reason}" for reason in reasons)
    reached = {outcome.target.key for outcome in outcomes}
    alerts.extend(
        f"{t.key}: the crawl did not finish (not started)" for t in targets if t.key not in reached
    )
    complete = len(outcomes) == len(targets) and all(
        outcome.report is None or outcome.report.finished for outcome in outcomes
    )
    run = session.get(CrawlRun, run_id)
    finish_run(session, run, stats, status="finished" if complete else "interrupted")
    for alert in alerts:
        print(f"partynews: alert: {alert}", file=sys.stderr)
    if alerts:
        return EXIT_ALERT
    return EXIT_LOCKED if any(outcome.locked for outcome in outcomes) else EXIT_OK


def _print_outcome(total: int) -> Any:
    """Return the callback that prints each site's summary as soon as it is done."""

    def print_outcome(outcome: SiteOutcome) -> None:
        if outcome.locked is not None:
            print(locked_message(outcome, last=total == 1), file=sys.stderr)
            return
        print("\n".join(site_summary(outcome)), flush=True)

    return print_outcome


def crawl_targets(args: argparse.Namespace) -> list[CrawlTarget]:
    """Return the sites to crawl: SITE keys, every active site (--all) or one --url."""
    chosen = sum(bool(value) for value in (args.url, args.sites, args.all))
    if chosen > 1:
        raise CliError("give SITE keys, --all or --url: only one of them")
    if args.url:
        parts = urlsplit(args.url)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise CliError(f"not an http(s) URL: {args.url!r}")
        return [CrawlTarget(key=parts.netloc.lower(), root_url=args.url, profile=None)]
    if args.all:
        profiles = [profile for profile in sites.known_sites() if profile.status == "active"]
    elif args.sites:
        profiles = [sites.get_profile(key) for key in dict.fromkeys(args.sites)]
    else:
        raise CliError("name a SITE to crawl, give --all, or give --url ROOT_URL")
    return [
        CrawlTarget(
            key=profile.key,
            root_url=profile.root_url or f"https://{profile.domains[0]}/",
            profile=profile,
        )
        for profile in profiles
    ]


def _setting(entry: str) -> tuple[str, str]:
    name, sep, value = entry.partition("=")
    if not sep or not name:
        raise CliError(f"-s expects NAME=VALUE, got {entry!r}")
    return name, value


def runs_command(args: argparse.Namespace) -> int:
    """List the recent runs, newest first."""
    if args.limit < 1:
        raise CliError("--limit must be at least 1")
    engine = make_engine(database_url(args))
    try:
        with session_factory(engine)() as session:
            write_runs(list_runs(session, limit=args.limit), sys.stdout)
    finally:
        engine.dispose()
    return EXIT_OK
