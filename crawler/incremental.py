"""Incremental crawls: which known articles to revalidate, and the pagination walk's gate."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

import scrapy

from crawler.backfill import DateRange
from store.db import make_engine, session_factory
from store.incremental import KnownArticle, known_articles

logger = logging.getLogger(__name__)

WalkStep = Literal["follow", "stop", "hold"]


@dataclass(frozen=True, slots=True)
class NotModified:
    """The item of a 304 answer to a revalidation: the stored article is still current."""

    url: str
    seen_at: datetime


@dataclass(frozen=True, slots=True)
class CrawlPlan:
    """What one site's crawl keeps and refetches: the date range and the revalidation window."""

    window: DateRange = field(default_factory=DateRange)
    revalidate_days: int = 7
    full_walk: bool = False
    """Walk every listing page even when all its articles are known (after an interruption)."""


def load_known(database_url: str, site_key: str) -> dict[str, KnownArticle]:
    """Return the stored articles of ``site_key`` by canonical URL (empty on a new site)."""
    engine = make_engine(database_url)
    try:
        with session_factory(engine)() as session:
            return known_articles(session, site_key)
    finally:
        engine.dispose()


def is_due(known: KnownArticle, *, now: datetime, revalidate_days: int) -> bool:
    """Return True when a known article was published recently enough to be checked for edits."""
    if known.published_at is None or revalidate_days <= 0:
        return False
    return known.published_at >= now - timedelta(days=revalidate_days)


def conditional_headers(known: KnownArticle) -> dict[str, str]:
    """Return the ``If-None-Match`` / ``If-Modified-Since`` headers of a revalidation."""
    headers: dict[str, str] = {}
    if known.etag:
        headers["If-None-Match"] = known.etag
    if known.last_modified:
        headers["If-Modified-Since"] = known.last_modified
    return headers


@dataclass(slots=True)
class _HeldWalk:
    requests: list[scrapy.Request]
    waiting: int
    older: int = 0


class WalkGate:
    """Holds the pagination links of an undated listing page until its articles are parsed.

    The walk goes on (the links are released) as soon as one article of the page is not older
    than ``since``, or when none of them had a date; it stops when the dated ones were all
    older. The page after the last useful one is therefore never fetched, but the articles of
    the last useful page are (an overshoot of at most one listing page).
    """

    def __init__(self, window: DateRange) -> None:
        self.window = window
        self.held: dict[str, _HeldWalk] = {}
        self.stopped = 0

    def hold(
        self, listing: str, requests: list[scrapy.Request], waiting: int, *, older: int = 0
    ) -> list[scrapy.Request]:
        """Hold ``requests`` until ``waiting`` articles of ``listing`` are done; return any due."""
        if not requests:
            return []
        if waiting <= 0:
            return self._settle(_HeldWalk(requests, 0, older))
        self.held[listing] = _HeldWalk(requests, waiting, older)
        return []

    def article_done(self, listing: str | None, published: datetime | None) -> list[scrapy.Request]:
        """Record one article of ``listing`` (its date, None if unknown); return released links."""
        walk = self.held.get(listing) if listing else None
        if walk is None or listing is None:
            return []
        if published is not None and not self.window.is_older(published):
            del self.held[listing]
            return walk.requests
        walk.older += published is not None
        walk.waiting -= 1
        if walk.waiting > 0:
            return []
        del self.held[listing]
        return self._settle(walk)

    def _settle(self, walk: _HeldWalk) -> list[scrapy.Request]:
        if walk.older:
            self.stopped += 1
            return []
        return walk.requests


def dated_items(
    article_urls: list[str],
    printed: Mapping[str, datetime],
    known: Mapping[str, KnownArticle],
) -> dict[str, datetime]:
    """Return the date of each article link: the listing's own, else the stored article's."""
    dates: dict[str, datetime] = {}
    for url in article_urls:
        stored = known[url].published_at if url in known else None
        moment = printed.get(url, stored)
        if moment is not None:
            dates[url] = moment
    return dates


def walk_decision(
    article_urls: list[str],
    printed: Mapping[str, datetime],
    known: Mapping[str, KnownArticle],
    plan: CrawlPlan,
) -> WalkStep:
    """Decide whether a listing page's pagination links are followed, held or dropped.

    With ``since``: follow when an item is not older than it; stop when the listing prints
    dates and all are older; else hold until the articles' own dates tell. Without a range:
    stop when every article of the page is known (unless a full walk is asked for).
    """
    if not article_urls:
        return "follow"
    window = plan.window
    if window.since is not None:
        dates = dated_items(article_urls, printed, known)
        if any(not window.is_older(moment) for moment in dates.values()):
            return "follow"
        return "stop" if any(url in printed for url in article_urls) else "hold"
    if not window.bounded and not plan.full_walk and all(url in known for url in article_urls):
        return "stop"
    return "follow"
