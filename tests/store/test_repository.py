"""The article upsert, raw responses, sites and runs, on both databases."""

from __future__ import annotations

import dataclasses
import hashlib
import zlib
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from crawler.items import Article
from store.mapping import content_hash
from store.models import ArticleRow, RawResponseRow, SiteRow
from store.repository import (
    UpsertCounts,
    count_articles,
    ensure_site,
    finish_run,
    get_article,
    get_raw_response,
    start_run,
    upsert_articles,
)
from tests.store.factories import FETCHED_AT, article, crawled

T1 = datetime(2021, 6, 28, 9, 0, tzinfo=UTC)
T2 = datetime(2021, 6, 29, 9, 0, tzinfo=UTC)
T3 = datetime(2021, 6, 30, 9, 0, tzinfo=UTC)


def stored_row(session: Session, url: str) -> ArticleRow:
    row = session.scalar(
        select(ArticleRow).where(ArticleRow.url == url).execution_options(populate_existing=True)
    )
    assert row is not None
    return row


def test_new_then_unchanged_then_changed(session: Session) -> None:
    original = article()
    changed = dataclasses.replace(original, body="Sáng 30/6, Tỉnh ủy công bố kết luận.")

    assert upsert_articles(session, [crawled(original)], now=T1) == UpsertCounts(1, 0, 0)
    assert upsert_articles(session, [crawled(original)], now=T2) == UpsertCounts(0, 0, 1)
    row = stored_row(session, original.url)
    assert (row.version, row.first_seen_at, row.last_seen_at, row.updated_at) == (1, T1, T2, T1)

    assert upsert_articles(session, [crawled(changed)], now=T3) == UpsertCounts(0, 1, 0)
    row = stored_row(session, original.url)
    assert (row.version, row.first_seen_at, row.last_seen_at, row.updated_at) == (2, T1, T3, T3)
    assert get_article(session, original.url) == changed
    assert count_articles(session) == 1


@pytest.mark.parametrize(
    ("change", "expected_counts", "expected_version"),
    [
        ({"title": "Hội nghị  Ban Chấp hành\nĐảng bộ tỉnh lần thứ 5 "}, UpsertCounts(0, 0, 1), 1),
        # the same title in decomposed (NFD) form: "ộ" as o + combining marks
        (
            {"title": "Ho\u0302\u0323i nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5"},
            UpsertCounts(0, 0, 1),
            1,
        ),
        ({"tags": ["Khác"], "section": "Thời sự"}, UpsertCounts(0, 0, 1), 1),
        ({"title": "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 6"}, UpsertCounts(0, 1, 0), 2),
        ({"lead": "Hội nghị đánh giá tình hình cả năm."}, UpsertCounts(0, 1, 0), 2),
        ({"body": "Chiều 28/6, Tỉnh ủy tổ chức Hội nghị."}, UpsertCounts(0, 1, 0), 2),
    ],
)
def test_only_title_lead_and_body_make_a_new_version(
    session: Session,
    change: dict[str, object],
    expected_counts: UpsertCounts,
    expected_version: int,
) -> None:
    original = article()
    again = dataclasses.replace(original, **change)  # type: ignore[arg-type]
    upsert_articles(session, [crawled(original)], now=T1)

    assert upsert_articles(session, [crawled(again)], now=T2) == expected_counts
    assert stored_row(session, original.url).version == expected_version
    assert get_article(session, original.url) == (again if expected_version == 2 else original)


def test_the_same_item_twice_in_one_batch_is_stored_once(session: Session) -> None:
    item = crawled()
    assert upsert_articles(session, [item, item], now=T1) == UpsertCounts(1, 0, 0)
    assert count_articles(session) == 1


def test_within_a_batch_the_last_item_of_a_url_wins(session: Session) -> None:
    first = article()
    last = dataclasses.replace(first, title="Tiêu đề đã sửa")
    assert upsert_articles(session, [crawled(first), crawled(last)], now=T1) == UpsertCounts(
        1, 0, 0
    )
    assert get_article(session, first.url) == last
    assert stored_row(session, first.url).version == 1


def test_a_batch_larger_than_one_in_clause(session: Session) -> None:
    items = [crawled(article(f"https://hanoi.dcs.vn/tin/{number}.html")) for number in range(1203)]
    assert upsert_articles(session, items, now=T1) == UpsertCounts(1203, 0, 0)
    assert upsert_articles(session, items, now=T2) == UpsertCounts(0, 0, 1203)
    assert count_articles(session) == 1203


def test_empty_batch_does_nothing(session: Session) -> None:
    assert upsert_articles(session, [], now=T1) == UpsertCounts(0, 0, 0)
    assert count_articles(session) == 0


def test_article_round_trip_keeps_every_field(session: Session) -> None:
    original = article()
    upsert_articles(session, [crawled(original)], now=T1)
    assert get_article(session, original.url) == original
    assert get_article(session, original.url + "?page=2") is None


def test_content_hash_is_sha256_of_normalized_title_lead_and_body() -> None:
    expected = hashlib.sha256("Tiêu đề\nSapo\nĐoạn một. Đoạn hai.".encode()).hexdigest()
    assert content_hash(" Tiêu  đề ", "Sapo", "Đoạn một.\n\nĐoạn hai.") == expected


def test_raw_response_round_trip_is_compressed(session: Session) -> None:
    item = crawled()
    upsert_articles(session, [item], now=T1)
    assert get_raw_response(session, item.article.url) == item.raw
    stored = session.scalars(select(RawResponseRow.body)).one()
    assert stored != item.raw.body
    assert zlib.decompress(stored) == item.raw.body


@pytest.mark.parametrize(
    ("second_fetch", "kept_body"),
    [
        (FETCHED_AT + timedelta(hours=1), b"<html>newer</html>"),
        (FETCHED_AT - timedelta(hours=1), crawled().raw.body),
    ],
)
def test_an_older_fetch_never_replaces_the_raw_response(
    session: Session, second_fetch: datetime, kept_body: bytes
) -> None:
    upsert_articles(session, [crawled()], now=T1)
    upsert_articles(session, [crawled(body=b"<html>newer</html>", fetched_at=second_fetch)], now=T2)
    raw = get_raw_response(session, article().url)
    assert raw is not None
    assert raw.body == kept_body


def test_unknown_site_gets_a_placeholder_row(session: Session) -> None:
    upsert_articles(session, [crawled(article(site="baobinhduong.vn:8080"))], now=T1)
    site = session.scalars(select(SiteRow)).one()
    assert (site.key, site.name, site.root_url, site.kind, site.family, site.status) == (
        "baobinhduong.vn:8080",
        "baobinhduong.vn:8080",
        "https://hanoi.dcs.vn/",
        "unknown",
        "generic",
        "unverified",
    )


def test_ensure_site_creates_then_updates(session: Session) -> None:
    upsert_articles(session, [crawled()], now=T1)
    ensure_site(
        session,
        "hanoi",
        name="Cổng TTĐT Đảng bộ TP Hà Nội",
        root_url="https://hanoi.dcs.vn/",
        kind="provincial_portal",
        province="Hà Nội",
        province_historical="Hà Tây",
        family="dcs-portal",
        status="active",
    )
    upsert_articles(session, [crawled(article("https://hanoi.dcs.vn/tin/2.html"))], now=T2)
    site = session.scalars(select(SiteRow).execution_options(populate_existing=True)).one()
    assert (site.name, site.kind, site.province, site.province_historical) == (
        "Cổng TTĐT Đảng bộ TP Hà Nội",
        "provincial_portal",
        "Hà Nội",
        "Hà Tây",
    )


@pytest.mark.parametrize(("site", "expected"), [(None, 3), ("hanoi", 2), ("hue", 1), ("x", 0)])
def test_count_articles(session: Session, site: str | None, expected: int) -> None:
    items: list[Article] = [
        article("https://hanoi.dcs.vn/a.html"),
        article("https://hanoi.dcs.vn/b.html"),
        article("https://hue.dcs.vn/c.html", site="hue"),
    ]
    upsert_articles(session, [crawled(item) for item in items], now=T1)
    assert count_articles(session, site) == expected


def test_run_is_started_and_finished(session: Session) -> None:
    run = start_run(
        session, command="crawl", args=["--site", "hanoi"], sites=["hanoi"], started_at=T1
    )
    assert (run.id is not None, run.status, run.finished_at) == (True, "running", None)
    finish_run(session, run, {"new": 3, "updated": 1}, status="failed", finished_at=T2)
    session.expire_all()
    assert (run.status, run.stats, run.finished_at, run.args, run.sites) == (
        "failed",
        {"new": 3, "updated": 1},
        T2,
        ["--site", "hanoi"],
        ["hanoi"],
    )
