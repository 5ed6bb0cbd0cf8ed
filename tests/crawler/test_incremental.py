from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import scrapy

from crawler.backfill import DateRange
from crawler.incremental import (
    CrawlPlan,
    WalkGate,
    conditional_headers,
    is_due,
    walk_decision,
)
from store.incremental import KnownArticle

NOW = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
SINCE = datetime(2024, 1, 1, tzinfo=UTC)
OLD, NEW = datetime(2023, 6, 1, tzinfo=UTC), datetime(2024, 6, 1, tzinfo=UTC)


def known(url: str, published: datetime | None, etag: str | None = None) -> KnownArticle:
    return KnownArticle(url, published, etag, None, NOW - timedelta(days=30))


@pytest.mark.parametrize(
    ("published", "days", "due"),
    [
        (NOW - timedelta(days=6, hours=23), 7, True),
        (NOW - timedelta(days=7), 7, True),
        (NOW - timedelta(days=7, seconds=1), 7, False),
        (NOW - timedelta(days=1), 0, False),  # --revalidate-days 0: never
        (None, 7, False),  # undated: no way to tell it is recent
    ],
)
def test_is_due(published: datetime | None, days: int, due: bool) -> None:
    assert is_due(known("u", published), now=NOW, revalidate_days=days) is due


@pytest.mark.parametrize(
    ("etag", "last_modified", "headers"),
    [
        (
            '"abc"',
            "Fri, 28 Jun 2024 11:48:56 GMT",
            {"If-None-Match": '"abc"', "If-Modified-Since": "Fri, 28 Jun 2024 11:48:56 GMT"},
        ),
        ('"abc"', None, {"If-None-Match": '"abc"'}),
        (None, None, {}),
    ],
)
def test_conditional_headers(
    etag: str | None, last_modified: str | None, headers: dict[str, str]
) -> None:
    article = KnownArticle("u", NOW, etag, last_modified, NOW)
    assert conditional_headers(article) == headers


BACKFILL = CrawlPlan(DateRange(since=SINCE))
INCREMENTAL = CrawlPlan()


@pytest.mark.parametrize(
    ("articles", "printed", "stored", "plan", "step"),
    [
        ([], {}, {}, BACKFILL, "follow"),
        (["a", "b"], {"a": NEW, "b": OLD}, {}, BACKFILL, "follow"),
        (["a", "b"], {"a": OLD, "b": OLD}, {}, BACKFILL, "stop"),
        (["a", "b"], {}, {}, BACKFILL, "hold"),  # no dates: the articles will tell
        (["a", "b"], {}, {"a": OLD}, BACKFILL, "hold"),
        (["a", "b"], {}, {"a": NEW}, BACKFILL, "follow"),
        (["a", "b"], {}, {"a": OLD, "b": NEW}, INCREMENTAL, "stop"),  # all known
        (["a", "b"], {}, {"a": OLD}, INCREMENTAL, "follow"),
        (["a"], {}, {"a": OLD}, CrawlPlan(full_walk=True), "follow"),  # after an interruption
        (["a"], {}, {"a": OLD}, CrawlPlan(DateRange(until=SINCE)), "follow"),  # a backfill
    ],
)
def test_walk_decision(
    articles: list[str],
    printed: dict[str, datetime],
    stored: dict[str, datetime],
    plan: CrawlPlan,
    step: str,
) -> None:
    known_articles = {url: known(url, published) for url, published in stored.items()}
    assert walk_decision(articles, printed, known_articles, plan) == step


PAGE_2 = scrapy.Request("https://x.vn/tin/page-2")


@pytest.mark.parametrize(
    ("dates", "released_after"),
    [
        ([NEW, OLD], 1),  # the first article in range releases the walk
        ([OLD, NEW], 2),
        ([OLD, OLD], None),  # all older than since: the walk stops
        ([None, None], 2),  # no date at all: the walk goes on
        ([None, OLD], None),
    ],
)
def test_walk_gate(dates: list[datetime | None], released_after: int | None) -> None:
    gate = WalkGate(DateRange(since=SINCE))
    assert gate.hold("L", [PAGE_2], waiting=len(dates)) == []
    released = [bool(gate.article_done("L", moment)) for moment in dates]
    expected = [index + 1 == released_after for index in range(len(dates))]
    assert released == expected
    assert gate.held == {}
    assert gate.stopped == (1 if released_after is None else 0)


def test_walk_gate_releases_at_once_when_nothing_is_awaited() -> None:
    gate = WalkGate(DateRange(since=SINCE))
    assert gate.hold("L", [PAGE_2], waiting=0) == [PAGE_2]
    assert gate.hold("M", [PAGE_2], waiting=0, older=1) == []
    assert gate.article_done("other", NEW) == []
