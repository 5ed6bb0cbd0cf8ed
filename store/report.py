"""The corpus report's queries: coverage per month, date precision, warnings and the latest run."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from store.incremental import coverage
from store.models import ArticleRow, CrawlRun

ROWS_READ_PER_BATCH = 1000
"""Rows read at a time when a count has to be made in Python (warnings, runs)."""

NO_PRECISION = "none"
"""The precision shown for an article without a publication date (or without its precision)."""

PRECISIONS = ("second", "minute", "day", NO_PRECISION)

SelectT = TypeVar("SelectT", bound=Select[*tuple[Any, ...]])


@dataclass(frozen=True, slots=True)
class ReportScope:
    """What the report covers: some sites (all when empty) and a publication range.

    ``since`` is inclusive, ``until`` exclusive (both timezone-aware); either one leaves out
    undated articles, as the export does.
    """

    sites: tuple[str, ...] = ()
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True, slots=True)
class SiteTotals:
    """One site's stored articles: how many, how many dated, the first and last publication."""

    site: str
    articles: int
    dated: int
    first_published: datetime | None
    last_published: datetime | None


@dataclass(frozen=True, slots=True)
class LatestRun:
    """The latest finished run that crawled a site of the report, with its per-site stats."""

    id: int
    command: str
    status: str
    started_at: datetime
    finished_at: datetime | None
    stats: dict[str, dict[str, Any]]
    """``{site_key: SiteRunStats}``, only the sites of the report's scope."""


@dataclass(slots=True)
class CorpusReport:
    """Everything the HTML report shows, read from the database."""

    scope: ReportScope
    sites: list[str]
    totals: list[SiteTotals]
    monthly: list[tuple[str, str, int]]
    """``(site_key, 'YYYY-MM', count)`` in Vietnam time, only the months that have articles."""
    precision: list[tuple[str, str, int]]
    """``(site_key, precision, count)``; ``none`` for undated articles."""
    warnings: list[tuple[str, str, int]]
    """``(site_key, warning, articles carrying it)``."""
    latest_run: LatestRun | None = None


def collect_report(session: Session, scope: ReportScope) -> CorpusReport:
    """Read every figure of the report for ``scope``."""
    sites = report_sites(session, scope)
    return CorpusReport(
        scope=scope,
        sites=sites,
        totals=site_totals(session, scope),
        monthly=coverage(session, sites, since=scope.since, until=scope.until),
        precision=precision_counts(session, scope),
        warnings=warning_counts(session, scope),
        latest_run=latest_run(session, scope.sites),
    )


def _scoped(query: SelectT, scope: ReportScope) -> SelectT:
    """Restrict an articles query to the scope's sites and publication range."""
    if scope.sites:
        query = query.where(ArticleRow.site_key.in_(sorted(set(scope.sites))))
    if scope.since is not None:
        query = query.where(ArticleRow.published_at >= scope.since)
    if scope.until is not None:
        query = query.where(ArticleRow.published_at < scope.until)
    return query


def report_sites(session: Session, scope: ReportScope) -> list[str]:
    """Return the report's sites: the ones asked for, else every site with articles in range."""
    if scope.sites:
        return sorted(set(scope.sites))
    query = _scoped(select(ArticleRow.site_key).distinct(), scope)
    return sorted(str(site) for site in session.scalars(query))


def site_totals(session: Session, scope: ReportScope) -> list[SiteTotals]:
    """Return each site's article count, dated count and publication span, by site key."""
    query = _scoped(
        select(
            ArticleRow.site_key,
            func.count(),
            func.count(ArticleRow.published_at),
            func.min(ArticleRow.published_at),
            func.max(ArticleRow.published_at),
        )
        .group_by(ArticleRow.site_key)
        .order_by(ArticleRow.site_key),
        scope,
    )
    return [
        SiteTotals(site, int(articles), int(dated), first, last)
        for site, articles, dated, first, last in session.execute(query)
    ]


def precision_counts(session: Session, scope: ReportScope) -> list[tuple[str, str, int]]:
    """Count articles per site and publication-date precision (``none``: no date or precision).

    Ordered by site, then second, minute, day, none.
    """
    precision = func.coalesce(ArticleRow.published_precision, NO_PRECISION)
    query = _scoped(
        select(ArticleRow.site_key, precision, func.count()).group_by(
            ArticleRow.site_key, precision
        ),
        scope,
    )
    rows = [(str(site), str(kind), int(number)) for site, kind, number in session.execute(query)]
    order = {kind: index for index, kind in enumerate(PRECISIONS)}
    return sorted(rows, key=lambda row: (row[0], order.get(row[1], len(order)), row[1]))


def warning_counts(session: Session, scope: ReportScope) -> list[tuple[str, str, int]]:
    """Count the articles carrying each warning, per site; ordered by site, then warning.

    The JSON lists are read in batches and counted here, the same way on both databases; an
    article that carries a warning twice counts once.
    """
    query = _scoped(select(ArticleRow.site_key, ArticleRow.warnings), scope).execution_options(
        yield_per=ROWS_READ_PER_BATCH
    )
    counts: Counter[tuple[str, str]] = Counter()
    result = session.execute(query)
    try:
        for site, warnings in result:
            if isinstance(warnings, list):
                counts.update((str(site), str(name)) for name in set(warnings))
    finally:
        result.close()
    return [(site, name, number) for (site, name), number in sorted(counts.items())]


def latest_run(session: Session, sites: Sequence[str] = ()) -> LatestRun | None:
    """Return the latest finished run with stats for one of ``sites`` (any site when empty)."""
    query = (
        select(CrawlRun)
        .where(CrawlRun.finished_at.is_not(None))
        .order_by(CrawlRun.started_at.desc(), CrawlRun.id.desc())
        .execution_options(yield_per=ROWS_READ_PER_BATCH // 20)
    )
    wanted = set(sites)
    result = session.scalars(query)
    try:
        for run in result:
            stats = _site_stats(run.stats, wanted)
            if stats:
                return LatestRun(
                    run.id, run.command, run.status, run.started_at, run.finished_at, stats
                )
    finally:
        result.close()
    return None


def _site_stats(stats: object, wanted: set[str]) -> dict[str, dict[str, Any]]:
    """Return the per-site entries of a run's stats, only ``wanted`` sites when any are given."""
    if not isinstance(stats, dict):
        return {}
    return {
        str(site): dict(entry)
        for site, entry in sorted(stats.items())
        if isinstance(entry, dict) and (not wanted or site in wanted)
    }
