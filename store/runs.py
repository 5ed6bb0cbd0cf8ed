"""Run records: one ``crawl_runs`` row per command run, with per-site statistics."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, TypedDict

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import CrawlRun

RUNS_READ_PER_BATCH = 50
"""Runs `site_yield_history` reads at a time while it looks for the runs of one site."""

SEEN_COUNTERS = ("articles_new", "articles_updated", "articles_unchanged", "status_304")
"""The per-site counters whose sum is the number of articles a run saw."""


class SiteRunStats(TypedDict, total=False):
    """What a run did on one site, as ``crawl_runs.stats[site_key]`` holds it."""

    requests: int
    status_200: int
    status_304: int
    status_4xx: int
    status_5xx: int
    articles_new: int
    articles_updated: int
    articles_unchanged: int
    dropped: dict[str, int]
    duration_s: float


def start_run(
    session: Session,
    *,
    command: str,
    args: Sequence[str] = (),
    sites: Sequence[str] = (),
    started_at: datetime | None = None,
) -> CrawlRun:
    """Record the start of a run and return it (with its id)."""
    run = CrawlRun(
        command=command,
        args=list(args),
        sites=list(sites),
        status="running",
        stats={},
        started_at=started_at or datetime.now(UTC),
    )
    session.add(run)
    session.flush()
    return run


def finish_run(
    session: Session,
    run: CrawlRun,
    stats: Mapping[str, Any],
    *,
    status: str = "finished",
    finished_at: datetime | None = None,
) -> None:
    """Record the end of a run: its status and its statistics (``{site_key: SiteRunStats}``)."""
    run.stats = dict(stats)
    run.status = status
    run.finished_at = finished_at or datetime.now(UTC)
    session.flush()


def list_runs(session: Session, limit: int = 20) -> list[CrawlRun]:
    """Return the ``limit`` most recently started runs, newest first."""
    query = (
        select(CrawlRun)
        .order_by(CrawlRun.started_at.desc(), CrawlRun.id.desc())
        .limit(limit)
        .execution_options(populate_existing=True)
    )
    return list(session.scalars(query))


def articles_seen(site_stats: Mapping[str, Any]) -> int:
    """Articles a run saw on a site: new, updated, unchanged and revalidated (304) ones."""
    return sum(int(site_stats.get(counter, 0)) for counter in SEEN_COUNTERS)


def site_yield_history(session: Session, site_key: str, runs: int = 5) -> list[int]:
    """Return the articles seen on ``site_key`` by its ``runs`` latest finished runs, newest first.

    Only runs whose ``stats`` has an entry for the site count; a run still going (no
    ``finished_at``) is skipped.
    """
    if runs < 1:
        return []
    query = (
        select(CrawlRun.stats)
        .where(CrawlRun.finished_at.is_not(None))
        .order_by(CrawlRun.started_at.desc(), CrawlRun.id.desc())
        .execution_options(yield_per=RUNS_READ_PER_BATCH)
    )
    history: list[int] = []
    result = session.scalars(query)
    try:
        for stats in result:
            site_stats = stats.get(site_key) if isinstance(stats, dict) else None
            if isinstance(site_stats, dict):
                history.append(articles_seen(site_stats))
                if len(history) == runs:
                    break
    finally:
        result.close()
    return history
