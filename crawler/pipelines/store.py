"""The storage pipeline: upserts crawled articles into the database in batches."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Self

from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import deferred_from_coro
from sqlalchemy.exc import SQLAlchemyError

from crawler.incremental import NotModified
from crawler.items import CrawledArticle
from crawler.sites.base import SiteProfile
from store.db import make_engine, session_factory
from store.incremental import mark_not_modified
from store.repository import ensure_site, upsert_articles

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SiteDescription:
    """The crawled site as the ``sites`` table describes it (articles carry its province fields)."""

    key: str
    name: str
    root_url: str
    profile: SiteProfile | None

    @classmethod
    def from_spider(cls, spider: Any) -> SiteDescription:
        """Read the site from the spider's ``site_key``, ``root_url`` and ``profile``."""
        profile: SiteProfile | None = getattr(spider, "profile", None)
        key: str = spider.site_key
        return cls(key, profile.name if profile else key, spider.root_url, profile)

    def fields(self) -> dict[str, Any]:
        """Return the keyword arguments of ``store.repository.ensure_site``."""
        described: dict[str, Any] = {"name": self.name, "root_url": self.root_url}
        if self.profile is not None:
            profile = self.profile
            described.update(
                kind=profile.kind,
                province=profile.province,
                family=profile.family,
                province_historical=profile.province_historical,
                status=profile.status,
            )
        return described


class StorePipeline:
    """Buffer articles and 304s; write each batch in one transaction (one upsert per batch)."""

    def __init__(
        self,
        database_url: str,
        batch_size: int,
        stats: StatsCollector,
        site: SiteDescription,
        stop_crawl: Callable[[str], object],
    ) -> None:
        if batch_size < 1:
            raise NotConfigured("PARTYNEWS_STORE_BATCH_SIZE must be at least 1")
        self.database_url = database_url
        self.batch_size = batch_size
        self.stats = stats
        self.site = site
        self.stop_crawl = stop_crawl
        self.pending: list[CrawledArticle] = []
        self.not_modified: list[NotModified] = []
        self.engine: Engine | None = None
        self.sessions: sessionmaker[Session] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Read the database URL and batch size from the settings."""
        settings = crawler.settings
        return cls(
            database_url=settings.get("PARTYNEWS_DATABASE_URL"),
            batch_size=settings.getint("PARTYNEWS_STORE_BATCH_SIZE"),
            stats=crawler.stats,
            site=SiteDescription.from_spider(crawler.spider),
            stop_crawl=lambda reason: deferred_from_coro(
                crawler.engine.close_spider_async(reason=reason)
            ),
        )

    def open_spider(self) -> None:
        """Open the database (the CLI has upgraded its schema) and describe the crawled site."""
        self.engine = make_engine(self.database_url)
        self.sessions = session_factory(self.engine)
        with self.sessions.begin() as session:
            ensure_site(session, self.site.key, **self.site.fields())

    def process_item(self, item: Any) -> Any:
        """Queue a crawled article or a 304; write the queues when a batch is full."""
        if isinstance(item, CrawledArticle):
            self.pending.append(item)
        elif isinstance(item, NotModified):
            self.not_modified.append(item)
        if len(self.pending) + len(self.not_modified) >= self.batch_size:
            self.flush()
        return item

    def close_spider(self) -> None:
        """Write what is left and close the database; say loudly what could not be stored."""
        self.flush()
        if self.not_modified:
            logger.error("%d revalidations could not be recorded", len(self.not_modified))
        if self.pending:
            self.stats.set_value("partynews/articles/unstored", len(self.pending))
            logger.error("%d articles could not be stored", len(self.pending))
        if self.engine is not None:
            self.engine.dispose()

    def flush(self) -> None:
        """Write the pending articles and 304s in one transaction and count the outcome.

        A database error keeps the batch pending (retried at the next flush) and stops the crawl
        with the reason ``store_error``, so nothing is dropped silently.
        """
        if (not self.pending and not self.not_modified) or self.sessions is None:
            return
        batch, revalidated = self.pending, self.not_modified
        try:
            with self.sessions.begin() as session:
                counts = upsert_articles(session, batch)
                if revalidated:
                    seen_at = max(entry.seen_at for entry in revalidated)
                    urls = [entry.url for entry in revalidated]
                    mark_not_modified(session, urls, seen_at=seen_at)
        except SQLAlchemyError as error:
            self.stats.inc_value("partynews/store_errors")
            logger.error("storing %d articles failed: %s", len(batch), error)
            self.stop_crawl("store_error")
            return
        self.pending, self.not_modified = [], []
        self.stats.inc_value("partynews/articles/new", counts.new)
        self.stats.inc_value("partynews/articles/updated", counts.updated)
        self.stats.inc_value("partynews/articles/unchanged", counts.unchanged)
        logger.debug(
            "stored %d articles (%s), %d not modified", len(batch), counts, len(revalidated)
        )
