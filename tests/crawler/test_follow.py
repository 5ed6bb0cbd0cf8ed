"""The link follower: what a listing's links become, and which dates it remembers."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.utils.test import get_crawler

from crawler.backfill import DateRange
from crawler.discovery import read_links
from crawler.incremental import CrawlPlan
from crawler.spiders.site import SiteSpider

ROOT = "http://127.0.0.1:8000/"
LISTING_URL = "http://127.0.0.1:8000/chinh-tri"
LISTING = """<html><body>
<div class="item"><a href="/chinh-tri/hoi-nghi-tinh-uy-lan-thu-nam-101.html">Hội nghị</a>
 <span class="date">18:48 09/07/2020</span></div>
<div class="item"><a href="/chinh-tri/ket-nap-dang-vien-moi-nam-nay-102.html">Kết nạp</a>
 <span class="date">28/06/2024</span></div>
<a href="/chinh-tri/page-2">2</a>
</body></html>"""
FIRST = "http://127.0.0.1:8000/chinh-tri/hoi-nghi-tinh-uy-lan-thu-nam-101.html"
SECOND = "http://127.0.0.1:8000/chinh-tri/ket-nap-dang-vien-moi-nam-nay-102.html"


def follow_listing(
    window: DateRange, listing_url: str = LISTING_URL, *, walk_tag_pages: bool = False
) -> tuple[SiteSpider, list[str]]:
    """Follow the listing with a spider crawling ``window``; return it and the URLs requested."""
    settings = {"PARTYNEWS_MAX_WALK_PAGES": 10, "PARTYNEWS_WALK_TAG_PAGES": walk_tag_pages}
    crawler = get_crawler(SiteSpider, settings_dict=settings)
    spider = SiteSpider.from_crawler(
        crawler, root_url=ROOT, site_key="127.0.0.1:8000", plan=CrawlPlan(window=window)
    )
    crawler.spider = spider
    request = Request(listing_url)
    response = HtmlResponse(listing_url, body=LISTING.encode(), encoding="utf-8", request=request)
    links = read_links(response.body, response.url).links
    requested = [request.url for request in spider.follower.follow_listing(response, links)]
    return spider, requested


def test_a_crawl_bounded_by_dates_remembers_the_printed_dates() -> None:
    window = DateRange(since=datetime(2024, 1, 1, tzinfo=UTC))
    spider, requested = follow_listing(window)
    assert spider.printed_dates == {
        FIRST: datetime(2020, 7, 9, 11, 48, tzinfo=UTC),
        SECOND: datetime(2024, 6, 27, 17, 0, tzinfo=UTC),
    }
    assert requested == [SECOND, "http://127.0.0.1:8000/chinh-tri/page-2"]


def test_a_crawl_without_dates_does_not_read_them(monkeypatch: pytest.MonkeyPatch) -> None:
    def unexpected(*_: object, **__: object) -> None:
        raise AssertionError("listing dates were read")

    monkeypatch.setattr("crawler.spiders.follow.listing_dates", unexpected)
    spider, requested = follow_listing(DateRange())
    assert spider.printed_dates == {}
    assert requested == [FIRST, SECOND, "http://127.0.0.1:8000/chinh-tri/page-2"]


TAG_URL = "http://127.0.0.1:8000/tin-tuc/tag/xay-dung-dang"


def test_a_tag_listing_is_read_on_its_first_page_only() -> None:
    spider, requested = follow_listing(DateRange(), TAG_URL)
    assert requested == [FIRST, SECOND]
    assert spider.crawler.stats.get_value("partynews/tag_pages_not_walked") == 1


def test_a_tag_listing_is_walked_on_request() -> None:
    _, requested = follow_listing(DateRange(), TAG_URL, walk_tag_pages=True)
    assert requested == [FIRST, SECOND, "http://127.0.0.1:8000/chinh-tri/page-2"]
