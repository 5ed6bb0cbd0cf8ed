"""A site's crawl stats as the run record keeps them, and the alerts cron acts on (pure)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

DROPPED = "partynews/dropped/"
_STATUS = "downloader/response_status_count/"
_FAILED_PAGE_PREFIXES = ("http_", "error/")
_HTTP_CLIENT_ERROR, _HTTP_SERVER_ERROR, _HTTP_END = 400, 500, 600


def count(stats: Mapping[str, Any], name: str) -> int:
    """Return the integer stat ``name`` (0 when absent)."""
    return int(stats.get(name, 0) or 0)


def dropped(stats: Mapping[str, Any]) -> dict[str, int]:
    """Return the pages skipped, by reason."""
    return {
        key.removeprefix(DROPPED): int(value)
        for key, value in stats.items()
        if key.startswith(DROPPED)
    }


def status_counts(stats: Mapping[str, Any]) -> dict[str, int]:
    """Return the responses by status: 200, 304, and all 4xx and 5xx together."""
    counts = {"status_200": 0, "status_304": 0, "status_4xx": 0, "status_5xx": 0}
    for key, value in stats.items():
        if not key.startswith(_STATUS) or not key.removeprefix(_STATUS).isdigit():
            continue
        status = int(key.removeprefix(_STATUS))
        if status in {200, 304}:
            counts[f"status_{status}"] += int(value)
        elif _HTTP_CLIENT_ERROR <= status < _HTTP_SERVER_ERROR:
            counts["status_4xx"] += int(value)
        elif _HTTP_SERVER_ERROR <= status < _HTTP_END:
            counts["status_5xx"] += int(value)
    return counts


def failed_pages(stats: Mapping[str, Any]) -> int:
    """Pages given up on: an HTTP error or a download error after the retries.

    A missing robots.txt, sitemap or feed is normal and not counted.
    """
    return sum(
        number
        for reason, number in dropped(stats).items()
        if reason.startswith(_FAILED_PAGE_PREFIXES)
    )


def site_run_stats(stats: Mapping[str, Any], duration_s: float) -> dict[str, Any]:
    """Return one site's entry of ``crawl_runs.stats`` from its Scrapy stats."""
    return {
        "requests": count(stats, "downloader/request_count"),
        **status_counts(stats),
        "articles_new": count(stats, "partynews/articles/new"),
        "articles_updated": count(stats, "partynews/articles/updated"),
        "articles_unchanged": count(stats, "partynews/articles/unchanged"),
        "articles_known": count(stats, "partynews/known/skipped"),
        "failed_pages": failed_pages(stats),
        "dropped": dropped(stats),
        "finish_reason": str(stats.get("finish_reason", "")),
        "duration_s": round(duration_s, 3),
    }


def articles_found(site_stats: Mapping[str, Any]) -> int:
    """Articles the site showed this run: stored, revalidated or known and not refetched."""
    names = ("articles_new", "articles_updated", "articles_unchanged", "status_304")
    return sum(count(site_stats, name) for name in (*names, "articles_known"))


def alerts(
    site_stats: Mapping[str, Any], history: Sequence[int], *, max_error_rate: float
) -> list[str]:
    """Return why this site's crawl should alert (empty: all is well).

    A site "normally yields articles" when at least half of its recent finished runs did.
    """
    reasons: list[str] = []
    if site_stats.get("finish_reason") != "finished":
        reasons.append(f"the crawl did not finish ({site_stats.get('finish_reason') or '?'})")
    yielding = sum(1 for seen in history if seen > 0)
    if history and yielding * 2 >= len(history) and articles_found(site_stats) == 0:
        reasons.append(f"no articles, while {yielding} of its last {len(history)} runs had some")
    requests = count(site_stats, "requests")
    failed = count(site_stats, "failed_pages")
    if requests and failed / requests > max_error_rate:
        reasons.append(f"error rate {failed / requests:.0%} over {max_error_rate:.0%}")
    return reasons
