"""What the crawl commands print: per-site summaries, coverage and the list of recent runs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, TextIO

from crawler.runner import SiteOutcome
from crawler.runstats import count


def site_summary(outcome: SiteOutcome) -> list[str]:
    """Return the summary lines of one site's crawl (none when it was locked)."""
    report = outcome.report
    if report is None:
        return []
    key = outcome.target.key
    new = report.count("partynews/articles/new")
    updated = report.count("partynews/articles/updated")
    unchanged = report.count("partynews/articles/unchanged")
    lines = [
        f"{key}: {report.count('downloader/response_count')} responses, "
        f"{new} new, {updated} updated, {unchanged} unchanged articles"
    ]
    revalidated = report.count("partynews/articles/not_modified")
    if revalidated:
        lines.append(f"  revalidated {revalidated} (304)")
    lines.extend(
        f"  skipped {number:>4}  {reason}" for reason, number in sorted(report.dropped().items())
    )
    return lines


def locked_message(outcome: SiteOutcome, *, last: bool) -> str:
    """Return the one line saying a site's lock is held by another crawl."""
    detail = outcome.locked or ""
    detail = detail.removeprefix(f"{outcome.target.key} is already being crawled ")
    action = "exiting" if last else "skipped"
    return f"partynews: {outcome.target.key} is already being crawled {detail}; {action}"


def coverage_lines(rows: Sequence[tuple[str, str, int]]) -> list[str]:
    """Return the coverage table: stored articles per month per site."""
    if not rows:
        return ["coverage: no stored articles in the range"]
    lines = ["coverage (stored articles per month of publication, Vietnam time):"]
    lines.extend(f"  {site}  {month}  {number:>6}" for site, month, number in rows)
    return lines


def write_runs(runs: Sequence[Any], stream: TextIO) -> None:
    """Write one line per run and one per site of the run."""
    for run in runs:
        stream.write(run_line(run) + "\n")
        stats = run.stats if isinstance(run.stats, dict) else {}
        for site, site_stats in stats.items():
            if isinstance(site_stats, Mapping):
                stream.write(site_line(site, site_stats) + "\n")


def run_line(run: Any) -> str:
    """Return a run's line: id, start time, status, duration, command."""
    started: datetime = run.started_at
    finished: datetime | None = run.finished_at
    duration = f"{(finished - started).total_seconds():.1f} s" if finished else "-"
    command = " ".join([run.command, *run.args])
    return (
        f"run {run.id}  {started.astimezone(UTC):%Y-%m-%d %H:%M:%S} UTC  "
        f"{run.status:<11} {duration:>9}  {command}"
    )


def site_line(site: str, stats: Mapping[str, Any]) -> str:
    """Return a site's line: duration, requests, statuses, articles, dropped."""
    dropped = stats.get("dropped")
    dropped_total = sum(int(n) for n in dropped.values()) if isinstance(dropped, Mapping) else 0
    duration = float(stats.get("duration_s", 0) or 0)
    return (
        f"  {site}: {duration:.1f} s, {count(stats, 'requests')} requests "
        f"(200: {count(stats, 'status_200')}, 304: {count(stats, 'status_304')}, "
        f"4xx: {count(stats, 'status_4xx')}, 5xx: {count(stats, 'status_5xx')}), "
        f"{count(stats, 'articles_new')} new, {count(stats, 'articles_updated')} updated, "
        f"{count(stats, 'articles_unchanged')} unchanged, {dropped_total} dropped"
    )
