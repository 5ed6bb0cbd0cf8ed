"""The one spider: discovers a site's articles from robots.txt, sitemaps, feeds and links."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.backfill import lastmod_before
from crawler.discovery import (
    PageLinks,
    UrlKind,
    classify_url,
    parse_feed,
    parse_sitemap,
    read_links,
    robots_sitemaps,
)
from crawler.distributed_ack import acknowledgement
from crawler.extract import NotAnArticle
from crawler.incremental import (
    CrawlPlan,
    NotModified,
    WalkGate,
    load_known,
)
from crawler.items import CrawledArticle
from crawler.middlewares import AlreadyDownloaded, OutOfRange
from crawler.sites.base import SiteProfile
from crawler.sites.detect import resolve_profile

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

from crawler.spiders.follow import LinkFollower
from crawler.spiders.responses import (
    crawled_article,
    failure_meta,
    failure_reason,
    failure_url,
    unusable_reason,
)
from store.incremental import KnownArticle

logger = logging.getLogger(__name__)

Output = scrapy.Request | CrawledArticle | NotModified


class SiteSpider(scrapy.Spider):
    """Crawl one site from its root URL, storing every new article page once."""

    name = "site"

    def __init__(
        self,
        root_url: str,
        site_key: str,
        profile: SiteProfile | None = None,
        plan: CrawlPlan | None = None,
        distributed: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.root_url = root_url if root_url.endswith("/") else root_url + "/"
        self.site_key = site_key
        self.profile = profile
        self.plan = plan or CrawlPlan()
        self.detect_family = profile is None  # a site without a profile: detect on the home page
        self.allowed_domains = [urlsplit(self.root_url).hostname or ""]
        self.follower = LinkFollower(self)  # which links to request: each once, canonical, due
        self.known: dict[str, KnownArticle] = {}
        self.gate = WalkGate(self.plan.window)
        self.undated_articles: list[scrapy.Request] = []  # a backfill's, held until idle
        self.distributed = distributed  # a worker sharing the frontier in Redis
        self.frontier_ready = not distributed  # the shared queue is not read before seeding

    @property
    def seen_links(self) -> set[str]:
        """The links found so far, as found (each is canonicalized once)."""
        return self.follower.seen_links

    @property
    def queued(self) -> set[str]:
        """The canonical URLs requested so far, or ruled out."""
        return self.follower.queued

    @property
    def printed_dates(self) -> dict[str, datetime]:
        """The date a listing printed for an article, by the article's canonical URL."""
        return self.follower.printed_dates

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> Self:
        """Build the spider and release held articles when the crawl falls idle."""
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider.release_undated_articles, signal=signals.spider_idle)
        return spider

    def release_undated_articles(self) -> None:
        """Schedule the held undated articles not dated out of range since; keep the crawl open."""
        if not self.undated_articles:
            return
        held, self.undated_articles = self.undated_articles, []
        for request in held:
            printed = self.printed_dates.get(request.url)
            if printed is not None and not self.plan.window.contains(printed):
                self.crawler.stats.inc_value("partynews/dropped/out_of_range_listing")
                continue
            self.crawler.engine.crawl(request)
        raise DontCloseSpider

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """Load the stored articles, then seed robots.txt, sitemaps, feeds and the home page."""
        if self.settings.getbool("PARTYNEWS_INCREMENTAL"):
            self.known = load_known(self.settings.get("PARTYNEWS_DATABASE_URL"), self.site_key)
        self.crawler.stats.set_value("partynews/known_at_start", len(self.known))
        if self.distributed:
            from crawler.distributed_start import distributed_start  # noqa: PLC0415 - optional

            async for output in distributed_start(self):
                yield output
            return
        for request in self.seed_requests():
            yield request

    def seed_requests(self) -> Iterator[scrapy.Request]:
        """Return the start requests: robots.txt, sitemaps, feeds, the home page, start URLs."""
        yield scrapy.Request(
            urljoin(self.root_url, "/robots.txt"),
            self.parse_robots,
            errback=self.on_source_error,
            dont_filter=True,
        )
        sitemaps = self.profile.sitemaps if self.profile else ()
        for url in (*sitemaps, urljoin(self.root_url, "/sitemap.xml")):
            yield scrapy.Request(url, self.parse_sitemap, errback=self.on_source_error)
        for url in self.profile.feeds if self.profile else ():
            yield scrapy.Request(url, self.parse_feed, errback=self.on_source_error)
        starts = self.profile.start_urls if self.profile and self.profile.start_urls else ()
        yield self.home_request()
        for url in starts:
            yield scrapy.Request(url, self.parse_page, errback=self.on_error)

    def home_request(self) -> scrapy.Request:
        """Return the request of the home page (where a site without a profile is detected)."""
        return scrapy.Request(
            self.root_url, self.parse_page, errback=self.on_error, meta={"home": True}
        )

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        """Follow the ``Sitemap:`` lines of robots.txt."""
        for url in robots_sitemaps(response.body, response.url):
            yield scrapy.Request(url, self.parse_sitemap, errback=self.on_source_error)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        """Follow child sitemaps and queue the pages a sitemap lists (none older than since)."""
        since = self.plan.window.since
        children, pages = parse_sitemap(response.body)
        for child in children:
            if lastmod_before(child.lastmod, since):
                self.crawler.stats.inc_value("partynews/sitemaps_skipped/lastmod")
                continue
            yield scrapy.Request(child.url, self.parse_sitemap, errback=self.on_source_error)
        for entry in pages:
            if lastmod_before(entry.lastmod, since) and self.follower.rule_out(entry.url):
                self.crawler.stats.inc_value("partynews/dropped/out_of_range_lastmod")
        yield from self.follower.follow(entry.url for entry in pages)

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        """Queue the items of an RSS or Atom feed."""
        yield from self.follower.follow(entry.url for entry in parse_feed(response.body))

    def parse_page(self, response: Response) -> Iterator[Output]:
        """Store the page if it is an article in range; follow its links and feeds."""
        listing = response.meta.get("listing")
        if response.status == 304:  # noqa: PLR2004 - Not Modified: the stored copy is current
            yield from self._not_modified(response, listing)
            return
        reason = unusable_reason(response)
        if reason:
            self._count_drop(reason, response.url)
            yield from self.gate.article_done(listing, None)
            return
        if response.meta.get("home") and self.detect_family:
            yield from self._adopt_profile(response)
        if classify_url(response.url, self.root_url, self.profile) is UrlKind.ARTICLE:
            parsed = self._article_item(response)
            if parsed is not None:
                yield from self._article_outcome(response, *parsed, listing)
                return
            yield from self.gate.article_done(listing, None)
        yield from self._listing_links(response)

    def on_error(self, failure: Failure) -> list[scrapy.Request]:
        """Count and log a page that failed: HTTP error, network error, timeout, data loss, size."""
        if isinstance(failure.value, OutOfRange):
            self.crawler.stats.inc_value("partynews/dropped/out_of_range_listing")
            return acknowledgement(getattr(failure, "request", None))
        if isinstance(failure.value, AlreadyDownloaded):
            self.crawler.stats.inc_value("partynews/duplicates_skipped")
            return acknowledgement(getattr(failure, "request", None))
        self._count_drop(failure_reason(failure), failure_url(failure))
        released = self.gate.article_done(failure_meta(failure, "listing"), None)
        return [*released, *acknowledgement(getattr(failure, "request", None))]

    def on_source_error(self, failure: Failure) -> list[scrapy.Request]:
        """Count a missing robots.txt, sitemap or feed: sites without them are normal."""
        reason = failure_reason(failure)
        self.crawler.stats.inc_value(f"partynews/sources_missing/{reason}")
        logger.debug("no source at %s: %s", failure_url(failure), reason)
        return acknowledgement(getattr(failure, "request", None))

    def _not_modified(self, response: Response, listing: str | None) -> Iterator[Output]:
        """Record a 304 answer to a revalidation; parse nothing."""
        url = str(response.meta.get("known_url") or response.url)
        self.crawler.stats.inc_value("partynews/articles/not_modified")
        yield NotModified(url=url, seen_at=datetime.now(UTC))
        known = self.known.get(url)
        yield from self.gate.article_done(listing, known.published_at if known else None)

    def _article_outcome(
        self, response: Response, item: CrawledArticle, found: PageLinks, listing: str | None
    ) -> Iterator[Output]:
        """Yield an article in range and follow its links; drop one outside the range."""
        published = item.article.published_at
        yield from self.gate.article_done(listing, published)
        if published is not None and not self.plan.window.contains(published):
            self._count_drop("out_of_range", response.url, level=logging.DEBUG)
            return  # its neighbours are outside the range too: no chain through the archive
        yield item
        for url in found.feeds:
            yield scrapy.Request(url, self.parse_feed, errback=self.on_source_error)
        yield from self.follower.follow(found.links)

    def _listing_links(self, response: Response) -> Iterator[scrapy.Request]:
        """Follow a listing's feeds and links; its pagination only as far as the walk should go."""
        found = read_links(response.body, response.url)
        for url in found.feeds:
            yield scrapy.Request(url, self.parse_feed, errback=self.on_source_error)
        yield from self.follower.follow_listing(response, found.links)

    def _adopt_profile(self, response: Response) -> Iterator[scrapy.Request]:
        """Detect the CMS family from the home page; crawl with its profile from now on."""
        self.detect_family = False
        profile = resolve_profile(response.url, response.body)
        if profile is None:
            logger.info("%s: no CMS family detected, generic extraction", self.site_key)
            return
        logger.info("%s: CMS family %s (profile %s)", self.site_key, profile.family, profile.key)
        self.crawler.stats.set_value("partynews/family", profile.family)
        self.profile = profile
        for url in profile.sitemaps:
            yield scrapy.Request(url, self.parse_sitemap, errback=self.on_source_error)
        for url in profile.feeds:
            yield scrapy.Request(url, self.parse_feed, errback=self.on_source_error)

    def _article_item(self, response: Response) -> tuple[CrawledArticle, PageLinks] | None:
        try:
            parsed = crawled_article(response, self.profile, self.site_key)
        except NotAnArticle as error:
            self._count_drop(f"not_article/{error.reason}", response.url, level=logging.DEBUG)
            return None
        self.crawler.stats.inc_value("partynews/articles_parsed")
        return parsed

    def _count_drop(self, reason: str, url: str, level: int = logging.INFO) -> None:
        self.crawler.stats.inc_value(f"partynews/dropped/{reason}")
        logger.log(level, "skipped %s: %s", url, reason)
