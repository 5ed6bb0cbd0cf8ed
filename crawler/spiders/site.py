"""The one spider: discovers a site's articles from robots.txt, sitemaps, feeds and links."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.discovery import (
    UrlKind,
    classify_url,
    parse_feed,
    parse_sitemap,
    read_links,
    robots_sitemaps,
)
from crawler.extract import NotAnArticle, parse_article
from crawler.extract.urls import canonicalize_url
from crawler.items import CrawledArticle, RawResponse
from crawler.sites.base import SiteProfile
from crawler.sites.detect import resolve_profile

logger = logging.getLogger(__name__)

_HTML_TYPES = ("text/html", "application/xhtml+xml")


class SiteSpider(scrapy.Spider):
    """Crawl one site from its root URL, storing every article page once."""

    name = "site"

    def __init__(
        self, root_url: str, site_key: str, profile: SiteProfile | None = None, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.root_url = root_url if root_url.endswith("/") else root_url + "/"
        self.site_key = site_key
        self.profile = profile
        self.detect_family = profile is None  # a site without a profile: detect on the home page
        self.allowed_domains = [urlsplit(self.root_url).hostname or ""]
        self.seen_links: set[str] = set()  # links as found, so each is canonicalized once
        self.queued: set[str] = set()  # canonical URLs already requested

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """Seed the crawl with robots.txt, the sitemaps, the feeds and the home page."""
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
        yield scrapy.Request(
            self.root_url, self.parse_page, errback=self.on_error, meta={"home": True}
        )
        for url in starts:
            yield scrapy.Request(url, self.parse_page, errback=self.on_error)

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        """Follow the ``Sitemap:`` lines of robots.txt."""
        for url in robots_sitemaps(response.body, response.url):
            yield scrapy.Request(url, self.parse_sitemap, errback=self.on_source_error)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        """Follow child sitemaps and queue the pages a sitemap lists."""
        children, pages = parse_sitemap(response.body)
        for child in children:
            yield scrapy.Request(child.url, self.parse_sitemap, errback=self.on_source_error)
        yield from self._follow(entry.url for entry in pages)

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        """Queue the items of an RSS or Atom feed."""
        yield from self._follow(entry.url for entry in parse_feed(response.body))

    def parse_page(self, response: Response) -> Iterator[scrapy.Request | CrawledArticle]:
        """Store the page if it is an article; follow its links and feeds either way."""
        reason = _unusable_reason(response)
        if reason:
            self._count_drop(reason, response.url)
            return
        if response.meta.get("home") and self.detect_family:
            yield from self._adopt_profile(response)
        if classify_url(response.url, self.root_url, self.profile) is UrlKind.ARTICLE:
            item = self._article_item(response)
            if item is not None:
                yield item
        found = read_links(response.body, response.url)
        for url in found.feeds:
            yield scrapy.Request(url, self.parse_feed, errback=self.on_source_error)
        yield from self._follow(found.links)

    def on_error(self, failure: Failure) -> None:
        """Count and log a page that failed: HTTP error, network error, timeout, data loss, size."""
        self._count_drop(_failure_reason(failure), _failure_url(failure))

    def on_source_error(self, failure: Failure) -> None:
        """Count a missing robots.txt, sitemap or feed: sites without them are normal."""
        reason = _failure_reason(failure)
        self.crawler.stats.inc_value(f"partynews/sources_missing/{reason}")
        logger.debug("no source at %s: %s", _failure_url(failure), reason)

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

    def _canonical(self, url: str) -> str:
        """Return the URL to request for ``url``: canonicalized, one URL shape per article."""
        canonical = canonicalize_url(url)
        if self.profile is not None and self.profile.canonical_url is not None:
            canonical = canonicalize_url(self.profile.canonical_url(canonical))
        return canonical

    def _follow(self, urls: Iterable[str]) -> Iterator[scrapy.Request]:
        """Request each new on-site URL once (Scrapy's dupefilter stays the final guard)."""
        for url in urls:
            if url in self.seen_links:
                continue
            self.seen_links.add(url)
            canonical = self._canonical(url)
            if canonical in self.queued:
                continue
            self.queued.add(canonical)
            if classify_url(canonical, self.root_url, self.profile) is not UrlKind.SKIP:
                yield scrapy.Request(canonical, self.parse_page, errback=self.on_error)

    def _article_item(self, response: Response) -> CrawledArticle | None:
        headers = _str_headers(response)
        fetched_at = datetime.now(UTC)
        try:
            article = parse_article(
                response.body,
                response.url,
                headers,
                now=fetched_at,
                profile=self.profile,
                site=self.site_key,
            )
        except NotAnArticle as error:
            self._count_drop(f"not_article/{error.reason}", response.url, level=logging.DEBUG)
            return None
        raw = RawResponse(
            url=response.url,
            status=response.status,
            headers=headers,
            body=response.body,
            fetched_at=fetched_at,
            etag=headers.get("etag"),
            last_modified=headers.get("last-modified"),
        )
        self.crawler.stats.inc_value("partynews/articles_parsed")
        return CrawledArticle(article=article, raw=raw)

    def _count_drop(self, reason: str, url: str, level: int = logging.INFO) -> None:
        self.crawler.stats.inc_value(f"partynews/dropped/{reason}")
        logger.log(level, "skipped %s: %s", url, reason)


def _failure_reason(failure: Failure) -> str:
    error = failure.value
    if isinstance(error, HttpError):
        return f"http_{error.response.status}"
    return f"error/{type(error).__name__}"


def _failure_url(failure: Failure) -> str:
    request = getattr(failure, "request", None)
    return str(request.url) if request is not None else "?"


def _str_headers(response: Response) -> dict[str, str]:
    headers: dict[str, str] = {}
    for key in response.headers:
        value = response.headers.get(key)
        if value is not None:
            headers[key.decode("latin-1").lower()] = value.decode("latin-1")
    return headers


def _unusable_reason(response: Response) -> str | None:
    """Say why a response cannot be an HTML page (None when it can)."""
    if not response.body.strip():
        return "empty"
    content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1").lower()
    if content_type and not content_type.startswith(_HTML_TYPES):
        return "non_html"
    if not content_type and response.body.lstrip()[:1] != b"<":
        return "non_html"
    return None
