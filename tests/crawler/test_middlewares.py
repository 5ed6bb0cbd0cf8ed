from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

import pytest
from scrapy import Request

from crawler.backfill import DateRange
from crawler.middlewares import OutOfRange, OutOfRangeMiddleware

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
