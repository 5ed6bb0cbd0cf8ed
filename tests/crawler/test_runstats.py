from __future__ import annotations

from typing import Any

import pytest

from crawler.runstats import alerts, failed_pages, site_run_stats, status_counts

STATS: dict[str, Any] = {
    "downloader/request_count": 40,
    "downloader/response_status_count/200": 30,
    "downloader/response_status_count/304": 4,
    "downloader/response_status_count/404": 2,
    "downloader/response_status_count/410": 1,
    "downloader/response_status_count/500": 3,
    "partynews/articles/new": 5,
    "partynews/articles/updated": 1,
    "partynews/known/skipped": 7,
    "partynews/dropped/http_404": 2,
    "partynews/dropped/http_500": 1,
    "partynews/dropped/error/TimeoutError": 1,
    "partynews/dropped/empty": 1,
    "finish_reason": "finished",
}


def test_site_run_stats() -> None:
    assert site_run_stats(STATS, 12.3456) == {
        "requests": 40,
        "status_200": 30,
        "status_304": 4,
        "status_4xx": 3,
        "status_5xx": 3,
        "articles_new": 5,
        "articles_updated": 1,
        "articles_unchanged": 0,
        "articles_known": 7,
        "failed_pages": 4,
        "dropped": {"http_404": 2, "http_500": 1, "error/TimeoutError": 1, "empty": 1},
        "finish_reason": "finished",
        "duration_s": 12.346,
    }
    assert status_counts({}) == {"status_200": 0, "status_304": 0, "status_4xx": 0, "status_5xx": 0}
    assert failed_pages({"partynews/dropped/not_article/listing": 3}) == 0


def site(**values: Any) -> dict[str, Any]:
    return {"finish_reason": "finished", "requests": 100, "failed_pages": 0, **values}


@pytest.mark.parametrize(
    ("stats", "history", "reasons"),
    [
        (site(articles_new=3), [10, 0, 5], []),
        (site(articles_known=40), [10, 10], []),  # nothing new, but the site shows articles
        (site(), [10, 0, 5], ["no articles, while 2 of its last 3 runs had some"]),
        (site(), [0, 0, 5], []),  # it does not normally yield articles
        (site(), [], []),  # a new site
        (site(articles_new=1, failed_pages=20), [], []),  # 20% is not over 20%
        (site(articles_new=1, failed_pages=21), [], ["error rate 21% over 20%"]),
        (
            site(articles_new=1, finish_reason="shutdown"),
            [],
            ["the crawl did not finish (shutdown)"],
        ),
    ],
)
def test_alerts(stats: dict[str, Any], history: list[int], reasons: list[str]) -> None:
    assert alerts(stats, history, max_error_rate=0.2) == reasons
