"""Known articles, 304 revalidations and coverage by month in Vietnam time."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from crawler.items import RawResponse
from store.models import ArticleRow
from store.repository import (
    KnownArticle,
    coverage,
    get_article,
    get_raw_response,
    known_articles,
    mark_not_modified,
    upsert_articles,
)
from tests.store.factories import FETCHED_AT, article, crawled

T1 = datetime(2021, 7, 1, 9, 0, tzinfo=UTC)
T2 = datetime(2021, 7, 2, 9, 0, tzinfo=UTC)
VIETNAM = timezone(timedelta(hours=7))
PUBLISHED = datetime(2021, 6, 28, 8, 30, tzinfo=UTC)


def test_known_articles_of_a_site_with_their_validators(session: Session) -> None:
    first = crawled(article("https://hanoi.dcs.vn/tin/1.html"))
    no_validators = crawled(article("https://hanoi.dcs.vn/tin/2.html", published_at=None))
    no_validators = dataclasses.replace(
        no_validators,
        raw=RawResponse(
            url="https://hanoi.dcs.vn/tin/2.html",
            status=200,
            headers={},
            body=b"<html></html>",
            fetched_at=datetime(2021, 6, 29, 1, 0, tzinfo=UTC),
        ),
    )
    other_site = crawled(article("https://hue.dcs.vn/tin/3.html", site="hue"))
    upsert_articles(session, [first, no_validators, other_site], now=T1)

    assert known_articles(session, "hanoi") == {
        "https://hanoi.dcs.vn/tin/1.html": KnownArticle(
            url="https://hanoi.dcs.vn/tin/1.html",
            published_at=PUBLISHED,
            etag='"abc123"',
            last_modified="Mon, 28 Jun 2021 08:31:00 GMT",
            fetched_at=FETCHED_AT,
        ),
        "https://hanoi.dcs.vn/tin/2.html": KnownArticle(
            url="https://hanoi.dcs.vn/tin/2.html",
            published_at=None,
            etag=None,
            last_modified=None,
            fetched_at=datetime(2021, 6, 29, 1, 0, tzinfo=UTC),
        ),
    }
    assert list(known_articles(session, "hue")) == ["https://hue.dcs.vn/tin/3.html"]
    assert known_articles(session, "quangninh") == {}


def test_mark_not_modified_only_moves_last_seen(session: Session) -> None:
    item = crawled(article("https://hanoi.dcs.vn/tin/1.html"))
    upsert_articles(session, [item, crawled(article("https://hanoi.dcs.vn/tin/2.html"))], now=T1)

    marked = mark_not_modified(
        session,
        ["https://hanoi.dcs.vn/tin/1.html", "https://hanoi.dcs.vn/tin/1.html", "https://x.vn/9"],
        seen_at=T2,
    )

    assert marked == 1
    seen = dict(session.execute(select(ArticleRow.url, ArticleRow.last_seen_at)).all())
    assert seen == {"https://hanoi.dcs.vn/tin/1.html": T2, "https://hanoi.dcs.vn/tin/2.html": T1}
    row = session.scalars(
        select(ArticleRow)
        .where(ArticleRow.url == item.article.url)
        .execution_options(populate_existing=True)
    ).one()
    assert (row.version, row.first_seen_at, row.updated_at) == (1, T1, T1)
    assert get_article(session, item.article.url) == item.article
    assert get_raw_response(session, item.article.url) == item.raw


@pytest.mark.parametrize(("seen_at", "expected"), [(T1 - timedelta(hours=1), T1), (T2, T2)])
def test_last_seen_never_moves_back(
    session: Session, seen_at: datetime, expected: datetime
) -> None:
    upsert_articles(session, [crawled()], now=T1)
    assert mark_not_modified(session, [article().url], seen_at=seen_at) == 1
    assert session.scalar(select(ArticleRow.last_seen_at)) == expected


def test_mark_not_modified_with_no_urls(session: Session) -> None:
    assert mark_not_modified(session, [], seen_at=T2) == 0


COVERAGE_ARTICLES = [
    ("hanoi", "a1", datetime(2021, 5, 31, 16, 59, tzinfo=UTC)),  # 23:59 on 31 May in Vietnam
    ("hanoi", "a2", datetime(2021, 5, 31, 17, 0, tzinfo=UTC)),  # midnight, 1 June in Vietnam
    ("hanoi", "a3", datetime(2021, 6, 30, 16, 59, tzinfo=UTC)),  # 23:59 on 30 June
    ("hanoi", "a4", datetime(2021, 6, 30, 20, 0, tzinfo=UTC)),  # 03:00 on 1 July in Vietnam
    ("hanoi", "a5", None),
    ("hue", "h1", datetime(2021, 12, 31, 17, 30, tzinfo=UTC)),  # 00:30 on 1 January 2022
    ("hue", "h2", datetime(2020, 12, 31, 10, 0, tzinfo=UTC)),
    ("quangninh", "q1", datetime(2021, 6, 15, 3, 0, tzinfo=UTC)),
]


@pytest.mark.parametrize(
    ("sites", "since", "until", "expected"),
    [
        (
            ["hanoi", "hue"],
            None,
            None,
            [
                ("hanoi", "2021-05", 1),
                ("hanoi", "2021-06", 2),
                ("hanoi", "2021-07", 1),
                ("hue", "2020-12", 1),
                ("hue", "2022-01", 1),
            ],
        ),
        (
            ["hanoi"],
            datetime(2021, 6, 1, tzinfo=VIETNAM),
            datetime(2021, 7, 1, tzinfo=VIETNAM),
            [("hanoi", "2021-06", 2)],
        ),
        (["hue"], datetime(2021, 1, 1, tzinfo=VIETNAM), None, [("hue", "2022-01", 1)]),
        (["hanoi"], None, datetime(2021, 6, 1, tzinfo=VIETNAM), [("hanoi", "2021-05", 1)]),
        (["quangninh", "quangninh"], None, None, [("quangninh", "2021-06", 1)]),
        (["camau"], None, None, []),
        ([], None, None, []),
    ],
)
def test_coverage_by_month_in_vietnam_time(
    session: Session,
    sites: list[str],
    since: datetime | None,
    until: datetime | None,
    expected: list[tuple[str, str, int]],
) -> None:
    items = [
        crawled(article(f"https://{site}.dcs.vn/{slug}.html", site=site, published_at=published))
        for site, slug, published in COVERAGE_ARTICLES
    ]
    upsert_articles(session, items, now=T1)
    assert coverage(session, sites, since=since, until=until) == expected
