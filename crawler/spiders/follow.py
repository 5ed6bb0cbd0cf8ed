"""Which links the spider requests, and how: each URL once, canonical, in range, due."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any, Protocol

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.backfill import listing_dates
from crawler.discovery import UrlKind, classify_url, is_pagination, is_tag_listing, next_page
from crawler.extract.urls import canonicalize_url
from crawler.incremental import CrawlPlan, WalkGate, conditional_headers, is_due, walk_decision
from crawler.sites.base import SiteProfile
from store.incremental import KnownArticle


class FollowingSpider(Protocol):
    """What the link follower needs of the spider: its site, plan, stats and page callbacks."""

    settings: Any
    crawler: Any

    @property
    def root_url(self) -> str:
        """The site's root URL, ending in a slash."""

    @property
    def profile(self) -> SiteProfile | None:
        """The site's profile (None while its CMS family is unknown)."""

    @property
    def plan(self) -> CrawlPlan:
        """The crawl's plan: its date window, walk and revalidation policy."""

    @property
    def known(self) -> Mapping[str, KnownArticle]:
        """The articles stored before this crawl, by URL."""

    @property
    def gate(self) -> WalkGate:
        """The gate holding a listing's pagination until its articles are parsed."""

    @property
    def distributed(self) -> bool:
        """Whether the spider is a worker sharing its frontier with others."""

    def parse_page(self, response: Response) -> Iterator[Any]:
        """Parse a page: an article or a listing."""

    def on_error(self, failure: Failure) -> list[scrapy.Request]:
        """Count and log a page that failed."""


class LinkFollower:
    """Turn the links a spider finds into requests; remember what was found and requested."""

    def __init__(self, spider: FollowingSpider) -> None:
        self.spider = spider
        self.seen_links: set[str] = set()  # links as found, so each is canonicalized once
        self.queued: set[str] = set()  # canonical URLs already requested (or ruled out)
        self.printed_dates: dict[str, datetime] = {}  # article URL -> date a listing printed

    def canonical(self, url: str) -> str:
        """Return the URL to request for ``url``: canonicalized, one URL shape per article."""
        canonical = canonicalize_url(url)
        profile = self.spider.profile
        if profile is not None and profile.canonical_url is not None:
            canonical = canonicalize_url(profile.canonical_url(canonical))
        return canonical

    def rule_out(self, url: str) -> bool:
        """Never request ``url``; return False when it had been found already."""
        if url in self.seen_links:
            return False
        self.seen_links.add(url)
        self.queued.add(self.canonical(url))
        return True

    def follow(
        self,
        urls: Iterable[str],
        *,
        listing: str | None = None,
        printed: Mapping[str, datetime] | None = None,
        meta: Mapping[str, Any] | None = None,
    ) -> Iterator[scrapy.Request]:
        """Request each new on-site URL once; known articles only when due for revalidation."""
        if printed:
            self.printed_dates.update(printed)
        spider = self.spider
        for url in urls:
            if url in self.seen_links:
                continue
            self.seen_links.add(url)
            canonical = self.canonical(url)
            if canonical in self.queued:
                continue
            self.queued.add(canonical)
            kind = classify_url(canonical, spider.root_url, spider.profile)
            if kind is UrlKind.ARTICLE:
                yield from self._article_request(canonical, listing, (printed or {}).get(canonical))
            elif kind is UrlKind.LISTING:
                yield scrapy.Request(
                    canonical, spider.parse_page, errback=spider.on_error, meta=dict(meta or {})
                )

    def follow_listing(self, response: Response, links: list[str]) -> Iterator[scrapy.Request]:
        """Follow a listing's links; its pagination only as far as the walk should go."""
        spider = self.spider
        printed = self._printed_dates(response)
        pages = [url for url in links if is_pagination(url)]
        others = [url for url in links if not is_pagination(url)]
        if pages and not self._walks_pages_of(response.url):
            spider.crawler.stats.inc_value("partynews/tag_pages_not_walked")
            pages = []
        articles = self._article_links(others)
        step = walk_decision(articles, printed, spider.known, spider.plan)
        requests = list(self.follow(others, listing=response.url, printed=printed))
        yield from requests
        walk = self._walk_requests(response, pages) if step != "stop" else []
        if step == "follow" or (step == "hold" and spider.distributed):
            # a worker cannot hold a walk for articles that other workers may parse
            yield from walk
        elif step == "stop":
            spider.crawler.stats.inc_value("partynews/pagination_stopped")
        else:
            waiting = sum(1 for request in requests if request.meta.get("listing"))
            older = sum(1 for url in articles if url in spider.known)
            yield from spider.gate.hold(response.url, walk, waiting, older=older)

    def _walks_pages_of(self, listing_url: str) -> bool:
        """Whether the pagination of ``listing_url`` is walked: a tag's only on request.

        A tag listing repeats articles that the sections and sitemaps list already, and a site
        has thousands of tags: walking each tag's archive would multiply the requests (at one
        per second on a real site) for hardly a new article.
        """
        if not is_tag_listing(listing_url):
            return True
        return bool(self.spider.settings.getbool("PARTYNEWS_WALK_TAG_PAGES"))

    def _printed_dates(self, response: Response) -> dict[str, datetime]:
        """Return the dates a listing prints beside its articles, by canonical URL.

        Only a crawl bounded by dates reads them: without a range no date decides anything.
        """
        if not self.spider.plan.window.bounded:
            return {}
        found = listing_dates(response.body, response.url, now=datetime.now(UTC))
        return {self.canonical(url): moment for url, moment in found.items()}

    def _walk_requests(self, response: Response, pages: list[str]) -> list[scrapy.Request]:
        """Request the pagination links of a listing: only the next page when the walk is bounded.

        A bounded walk (by ``since`` or by known articles) goes one page at a time, so it stops
        one page after the last useful one; its pages do not count towards ``DEPTH_LIMIT``, and
        ``PARTYNEWS_MAX_WALK_PAGES`` bounds it instead.
        """
        if not self._walk_bounded():
            return list(self.follow(pages))
        following = next_page(response.url, pages)
        walked = int(response.meta.get("walk", 0)) + 1
        if following is None or walked > self.spider.settings.getint("PARTYNEWS_MAX_WALK_PAGES"):
            return []
        return list(self.follow([following], meta={"depth_reset": True, "walk": walked}))

    def _walk_bounded(self) -> bool:
        plan = self.spider.plan
        if plan.window.since is not None:
            return True
        return not plan.window.bounded and not plan.full_walk and bool(self.spider.known)

    def _article_links(self, links: Iterable[str]) -> list[str]:
        """Return the canonical article URLs among ``links``, each once."""
        root_url, profile = self.spider.root_url, self.spider.profile
        articles: dict[str, None] = {}
        for url in links:
            canonical = self.canonical(url)
            if classify_url(canonical, root_url, profile) is UrlKind.ARTICLE:
                articles[canonical] = None
        return list(articles)

    def _article_request(
        self, url: str, listing: str | None, printed: datetime | None
    ) -> Iterator[scrapy.Request]:
        """Request an article: not at all when known and not due, conditionally when due."""
        spider = self.spider
        stats = spider.crawler.stats
        meta: dict[str, Any] = {"listing": listing} if listing else {}
        known = spider.known.get(url)
        if known is not None:
            now = datetime.now(UTC)
            if not is_due(known, now=now, revalidate_days=spider.plan.revalidate_days):
                stats.inc_value("partynews/known/skipped")
                return
            stats.inc_value("partynews/known/revalidated")
            meta.update(handle_httpstatus_list=[304], known_url=url)
            headers = conditional_headers(known)
            yield scrapy.Request(
                url, spider.parse_page, errback=spider.on_error, headers=headers, meta=meta
            )
            return
        if printed is not None and not spider.plan.window.contains(printed):
            stats.inc_value("partynews/dropped/out_of_range_listing")
            return
        if printed is None and spider.plan.window.bounded:
            # Found where no date is printed: fetched after the listings, whose dates may
            # still rule it out before download (see OutOfRangeMiddleware).
            meta["undated"] = True
            yield scrapy.Request(
                url, spider.parse_page, errback=spider.on_error, meta=meta, priority=-1
            )
            return
        yield scrapy.Request(url, spider.parse_page, errback=spider.on_error, meta=meta)
