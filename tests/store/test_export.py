"""The streaming export: order, filters and the contents of a record."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any, cast

import pytest
from sqlalchemy import Table, event, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from crawler.items import Article
from store.export import RECORD_FIELDS, ExportFilters, iter_export_rows
from store.mapping import content_hash
from store.models import ArticleRow
from store.repository import ensure_site, upsert_articles
from tests.store.factories import article, crawled

ICT = timezone(timedelta(hours=7))
STORED_AT = datetime(2021, 7, 1, tzinfo=UTC)
STORE_FIELDS = {
    "id", "version", "content_hash", "fetched_at", "province", "province_historical", "kind",
    "near_dup_group", "first_seen_at", "updated_at",
}  # fmt: skip
"""The record's fields that are not `Article` fields."""

ARTICLES = {
    "a": article("https://hanoi.dcs.vn/a.html", published_at=datetime(2021, 6, 28, 8, tzinfo=UTC)),
    "b": article("https://hanoi.dcs.vn/b.html", published_at=datetime(2021, 6, 27, 10, tzinfo=UTC)),
    "c": article("https://hanoi.dcs.vn/c.html", published_at=None),
    "d": article(
        "https://hue.dcs.vn/d.html", site="hue", published_at=datetime(2021, 6, 28, 8, tzinfo=UTC)
    ),
    "e": article(
        "https://baohaiduong.vn/e.html",
        site="baohaiduong",
        title="Tin ngắn",
        body="Ngắn.",
        published_at=datetime(2021, 6, 29, 1, tzinfo=UTC),
    ),
    "f": article(
        "https://dangcongsan.vn/f.html",
        site="dangcongsan",
        title="Phiên họp Bộ Chính trị",
        body="Sáng 26/6, Bộ Chính trị họp.\n\nPhiên họp bàn về công tác cán bộ.",
        published_at=datetime(2021, 6, 26, tzinfo=UTC),
    ),
}
"""Stored in this order, so ids ascend a…f; ``d``'s site is a placeholder (kind unknown)."""
EXPORT_ORDER = ["f", "b", "a", "d", "e", "c"]


def store_corpus(session: Session) -> Session:
    """Describe three sites and store `ARTICLES` one upsert at a time, at `STORED_AT`."""
    ensure_site(
        session, "hanoi", name="Đảng bộ Hà Nội", root_url="https://hanoi.dcs.vn/",
        kind="provincial_portal", province="Hà Nội",
    )  # fmt: skip
    ensure_site(
        session, "baohaiduong", name="Báo Hải Dương", root_url="https://baohaiduong.vn/",
        kind="provincial_newspaper", province="Hải Phòng", province_historical="Hải Dương",
    )  # fmt: skip
    ensure_site(
        session, "dangcongsan", name="Báo Điện tử Đảng Cộng sản Việt Nam",
        root_url="https://dangcongsan.vn/", kind="central",
    )  # fmt: skip
    for item in ARTICLES.values():
        upsert_articles(session, [crawled(item)], now=STORED_AT)
    return session


@pytest.fixture
def stored(session: Session) -> Session:
    """The session with `ARTICLES` stored."""
    return store_corpus(session)


def names(rows: list[dict[str, Any]]) -> list[str]:
    """The `ARTICLES` names of exported rows, in their order."""
    by_url = {item.url: name for name, item in ARTICLES.items()}
    return [by_url[str(row["url"])] for row in rows]


def article_part(row: dict[str, Any]) -> dict[str, Any]:
    """The record without its store and site fields: what ``Article.to_dict()`` gives."""
    return {key: value for key, value in row.items() if key not in STORE_FIELDS}


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (ExportFilters(), EXPORT_ORDER),
        (ExportFilters(sites=("hanoi",)), ["b", "a", "c"]),
        (ExportFilters(sites=("hanoi", "hue")), ["b", "a", "d", "c"]),
        (ExportFilters(sites=("nowhere",)), []),
        (ExportFilters(provinces=("Hà Nội",)), ["b", "a", "c"]),
        (ExportFilters(provinces=("Hải Phòng",)), ["e"]),
        (ExportFilters(provinces=("Hải Dương",)), ["e"]),
        (ExportFilters(provinces=("Hà Nội", "Hải Dương")), ["b", "a", "e", "c"]),
        (ExportFilters(kinds=("central",)), ["f"]),
        (ExportFilters(kinds=("unknown",)), ["d"]),
        (ExportFilters(kinds=("central", "provincial_portal")), ["f", "b", "a", "c"]),
        (ExportFilters(min_chars=5), EXPORT_ORDER),
        (ExportFilters(min_chars=6), ["f", "b", "a", "d", "c"]),  # "Ngắn." is 5 characters
        (ExportFilters(min_chars=62), ["f", "b", "a", "d", "c"]),
        (ExportFilters(min_chars=63), ["f"]),
        (ExportFilters(since=datetime(2021, 6, 28, 15, tzinfo=ICT)), ["a", "d", "e"]),
        (ExportFilters(since=datetime(2021, 6, 28, 8, 0, 1, tzinfo=UTC)), ["e"]),
        (ExportFilters(until=datetime(2021, 6, 28, 8, tzinfo=UTC)), ["f", "b"]),
        (ExportFilters(until=datetime(2021, 6, 28, 8, 0, 1, tzinfo=UTC)), ["f", "b", "a", "d"]),
        (
            ExportFilters(
                since=datetime(2021, 6, 27, 10, tzinfo=UTC),
                until=datetime(2021, 6, 28, 15, tzinfo=ICT),
            ),
            ["b"],
        ),
        (ExportFilters(sites=("hanoi",), since=datetime(2021, 6, 28, tzinfo=UTC)), ["a"]),
        (ExportFilters(kinds=("provincial_newspaper",), provinces=("Hà Nội",)), []),
    ],
)
def test_export_order_and_filters(
    stored: Session, filters: ExportFilters, expected: list[str]
) -> None:
    assert names(list(iter_export_rows(stored, filters))) == expected
    assert names(list(iter_export_rows(stored, filters, batch_size=1))) == expected


@pytest.mark.parametrize(
    ("keywords", "expected"),
    [
        ({"site": "hue"}, ["d"]),
        ({"since": datetime(2021, 6, 28, tzinfo=UTC)}, ["a", "d", "e"]),
        ({"until": datetime(2021, 6, 27, tzinfo=UTC)}, ["f"]),
    ],
)
def test_keyword_filters_of_the_architecture_contract(
    stored: Session, keywords: dict[str, Any], expected: list[str]
) -> None:
    assert names(list(iter_export_rows(stored, **keywords))) == expected


def test_record_is_the_article_plus_store_and_site_fields(stored: Session) -> None:
    row = next(iter_export_rows(stored, ExportFilters(sites=("baohaiduong",))))
    original: Article = ARTICLES["e"]
    stored_id = stored.scalar(select(ArticleRow.id).where(ArticleRow.url == original.url))
    assert list(row) == list(RECORD_FIELDS)
    assert row == original.to_dict() | {
        "id": stored_id,
        "version": 1,
        "content_hash": content_hash(original.title, original.lead, original.body),
        "fetched_at": "2021-06-28T09:00:00+00:00",
        "province": "Hải Phòng",
        "province_historical": "Hải Dương",
        "kind": "provincial_newspaper",
        "near_dup_group": stored_near_dup_group(stored, original.url),
        "first_seen_at": "2021-07-01T00:00:00+00:00",
        "updated_at": "2021-07-01T00:00:00+00:00",
    }
    assert (row["published_at"], row["published_local"]) == (
        "2021-06-29T01:00:00+00:00",
        "2021-06-29T08:00:00+07:00",
    )


def stored_near_dup_group(session: Session, url: str) -> int | None:
    """The ``near_dup_group`` column of an article, None while the column does not exist."""
    table = cast("Table", ArticleRow.__table__)
    column = table.c.get("near_dup_group")
    if column is None:
        return None
    return session.scalar(select(column).where(table.c.url == url))


def test_records_hold_every_stored_article_field(stored: Session) -> None:
    rows = list(iter_export_rows(stored))
    assert [article_part(row) for row in rows] == [
        ARTICLES[name].to_dict() for name in EXPORT_ORDER
    ]


def test_placeholder_site_fields(stored: Session) -> None:
    row = next(iter_export_rows(stored, site="hue"))
    assert (row["province"], row["province_historical"], row["kind"]) == (None, None, "unknown")


def test_postgres_streams_from_a_server_side_cursor(stored: Session) -> None:
    connection = stored.connection()
    if connection.dialect.name != "postgresql":
        pytest.skip("server-side cursors are a PostgreSQL feature")
    cursor_types: list[str] = []

    def record_cursor(conn: Connection, cursor: object, *args: object) -> None:
        cursor_types.append(type(cursor).__name__)

    event.listen(connection, "before_cursor_execute", record_cursor)
    try:
        assert len(list(iter_export_rows(stored, batch_size=2))) == len(ARTICLES)
    finally:
        event.remove(connection, "before_cursor_execute", record_cursor)
    assert cursor_types == ["ServerCursor"]
