from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

import pytest
from scrapy import Request
from scrapy.http import HtmlResponse
from scrapy.utils.conf import build_component_list
from scrapy.utils.test import get_crawler

from crawler import settings as crawl_settings
from crawler.backfill import DateRange
from crawler.middlewares import OutOfRange, OutOfRangeMiddleware, PrecheckedMetaRefreshMiddleware

SETTINGS: dict[str, Any] = {
    name: getattr(crawl_settings, name) for name in dir(crawl_settings) if name.isupper()
}

WINDOW = DateRange(datetime(2023, 10, 1, tzinfo=UTC), datetime(2024, 4, 1, tzinfo=UTC))
URL = "http://127.0.0.1:8000/chinh-tri/hoi-nghi-10147.html"


def middleware(printed: dict[str, datetime]) -> OutOfRangeMiddleware:
    spider = SimpleNamespace(printed_dates=printed, plan=SimpleNamespace(window=WINDOW))
    return OutOfRangeMiddleware(SimpleNamespace(spider=spider))  # type: ignore[arg-type]


def test_an_undated_article_dated_out_of_range_since_is_dropped() -> None:
    request = Request(URL, meta={"undated": True})
    with pytest.raises(OutOfRange):
        middleware({URL: datetime(2020, 7, 9, tzinfo=UTC)}).process_request(request)


@pytest.mark.parametrize(
    ("meta", "printed"),
    [
        ({"undated": True}, {URL: datetime(2024, 1, 5, tzinfo=UTC)}),  # dated inside the range
        ({"undated": True}, {}),  # still undated: it must be fetched to be known
        ({}, {URL: datetime(2020, 7, 9, tzinfo=UTC)}),  # requested with its date already checked
    ],
)
def test_other_requests_pass(meta: dict[str, bool], printed: dict[str, datetime]) -> None:
    assert middleware(printed).process_request(Request(URL, meta=meta)) is None


def meta_refresh_middleware() -> PrecheckedMetaRefreshMiddleware:
    return PrecheckedMetaRefreshMiddleware.from_crawler(get_crawler(settings_dict=SETTINGS))


class UndecodedResponse(HtmlResponse):
    """An HTML response that fails the test when something decodes it."""

    @property
    def text(self) -> str:
        raise AssertionError("the page was decoded")


PAGE = "http://127.0.0.1:8000/tin-tuc/bai-1.html"
REFRESH_TAG = '<meta http-equiv="Refresh" content="0; url=/tin-tuc/bai-moi.html">'


@pytest.mark.parametrize(
    ("body", "encoding"),
    [
        (f"<html><head>{REFRESH_TAG}</head><body>x</body></html>", "utf-8"),
        # 3,000 characters of Vietnamese before the tag: more than 4096 bytes, fewer characters
        (f"<html><head><title>{'Đảng ủy ' * 375}</title>{REFRESH_TAG}</head></html>", "utf-8"),
        (f"<html><head>{REFRESH_TAG}</head><body>Đảng</body></html>", "utf-16"),
    ],
)
def test_a_meta_refresh_still_redirects(body: str, encoding: str) -> None:
    headers = {"Content-Type": f"text/html; charset={encoding}"}
    response = HtmlResponse(PAGE, body=body.encode(encoding), headers=headers)
    redirected = meta_refresh_middleware().process_response(Request(PAGE), response)
    assert isinstance(redirected, Request)
    assert redirected.url == "http://127.0.0.1:8000/tin-tuc/bai-moi.html"


def test_a_page_without_the_word_refresh_is_not_decoded() -> None:
    body = "<html><head><title>Hội nghị</title></head><body>Đảng ủy</body></html>".encode()
    response = UndecodedResponse(PAGE, body=body, encoding="utf-8")
    assert meta_refresh_middleware().process_response(Request(PAGE), response) is response


def test_the_crawl_uses_the_prechecked_meta_refresh() -> None:
    middlewares = SETTINGS["DOWNLOADER_MIDDLEWARES"]
    assert middlewares["scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware"] is None
    assert middlewares["crawler.middlewares.PrecheckedMetaRefreshMiddleware"] == 580


def test_the_remote_control_server_is_not_even_loaded() -> None:
    crawler = get_crawler(settings_dict=SETTINGS)
    extensions = build_component_list(crawler.settings.getwithbase("EXTENSIONS"))
    assert "crawler.extensions.progress.ProgressExtension" in extensions
    assert not [path for path in extensions if "remote_control" in path]
