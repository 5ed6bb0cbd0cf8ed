"""The spider's start in distributed mode: one worker seeds the crawl, the others wait for it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any, Protocol

import scrapy
from scrapy.http import Response
from scrapy_redis.dupefilter import RFPDupeFilter  # type: ignore[import-untyped]

from crawler.distributed_frontier import Frontier
from crawler.distributed_scrapy import frontier_from_settings
from crawler.sites.base import SiteProfile
from crawler.sites.detect import resolve_profile

logger = logging.getLogger(__name__)

READY_POLL_S = 0.5


class SeedingSpider(Protocol):
    """What the distributed start needs of the spider."""

    settings: Any
    crawler: Any
    root_url: str
    site_key: str
    profile: SiteProfile | None
    detect_family: bool
    frontier_ready: bool

    def seed_requests(self) -> Iterator[scrapy.Request]:
        """Return the start requests (robots.txt, sitemaps, feeds, home page, start URLs)."""

    def home_request(self) -> scrapy.Request:
        """Return the request of the home page."""

    def parse_page(self, response: Response) -> Iterator[Any]:
        """Parse a page (the home page: the CMS family is detected there)."""


async def distributed_start(spider: SeedingSpider) -> AsyncIterator[Any]:
    """Seed the shared frontier once (the worker that wins the guard), else wait until seeded.

    A site without a profile has its CMS family detected on the home page: the seeder fetches
    it outside the queue, parses it and publishes it, so every worker adopts the same profile
    before it takes any request. A seeder that dies before it is done is replaced.
    """
    frontier = frontier_from_settings(spider.settings)
    seeder = frontier.join()
    while not seeder:
        home_page = frontier.ready()
        if home_page is not None:
            _adopt(spider, home_page)
            spider.frontier_ready = True
            logger.info("%s: joined the crawl seeded by another worker", spider.site_key)
            return
        await asyncio.sleep(READY_POLL_S)
        seeder = frontier.take_over()
    logger.info("%s: this worker seeds the crawl", spider.site_key)
    async for output in _seed(spider, frontier):
        yield output


async def _seed(spider: SeedingSpider, frontier: Frontier) -> AsyncIterator[Any]:
    home_page = b""
    if spider.detect_family:
        response = await _fetch_home(spider, frontier)
        if response is not None:
            home_page = response.body
            for output in spider.parse_page(response):
                yield output
    for request in spider.seed_requests():
        if home_page and request.meta.get("home"):
            continue  # fetched above
        yield request
    frontier.publish_ready(home_page)
    spider.frontier_ready = True


async def _fetch_home(spider: SeedingSpider, frontier: Frontier) -> Response | None:
    """Download the home page outside the queue and record it in the shared dupefilter."""
    request = spider.home_request()
    try:
        response: Response = await spider.crawler.engine.download_async(request)
    except Exception as error:  # the home page is then queued like any other start request
        logger.warning("%s: home page not fetched for detection: %s", spider.site_key, error)
        return None
    if response.status != 200:  # noqa: PLR2004 - only a page can show the CMS family
        return None
    RFPDupeFilter(frontier.server, frontier.key("dupefilter")).request_seen(request)
    return response.replace(request=request)


def _adopt(spider: SeedingSpider, home_page: bytes) -> None:
    """Take the profile the seeder detected from the home page it published."""
    if not spider.detect_family:
        return
    spider.detect_family = False
    if home_page:
        spider.profile = resolve_profile(spider.root_url, home_page)
