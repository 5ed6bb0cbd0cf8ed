"""The streaming export: order, filters, row contents and JSON Lines output."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import event, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from crawler.items import Article
from store.export import iter_export_rows, write_jsonl
from store.mapping import content_hash
from store.models import ArticleRow
from store.repository import ensure_site, upsert_articles
from tests.store.factories import article, crawled

ICT = timezone(timedelta(hours=7))
STORED_AT = datetime(2021, 7, 1, tzinfo=UTC)
EXTRA_KEYS = {
    "id",
    "version",
    "content_hash",
    "fetched_at",
    "province",
    "province_historical",
    "kind",
}

ARTICLES = {
    "a": article("https://hanoi.dcs.vn/a.html", published_at=datetime(2021, 6, 28, 8, tzinfo=UTC)),
    "b": article("https://hanoi.dcs.vn/b.html", published_at=datetime(2021, 6, 27, 10, tzinfo=UTC)),
    "c": article("https://hanoi.dcs.vn/c.html", published_at=None),
    "d": article(
        "https://hue.dcs.vn/d.html", site="hue", published_at=datetime(2021, 6, 28, 8, tzinfo=UTC)
    ),
}


@pytest.fixture
def stored(session: Session) -> Session:
    """Store a, b, c, d in that order (so ids ascend), with a described Hà Nội site."""
    ensure_site(
        session,
        "hanoi",
        name="Đảng bộ Hà Nội",
        root_url="https://hanoi.dcs.vn/",
        kind="provincial_portal",
        province="Hà Nội",
    )
    for item in ARTICLES.values():
        upsert_articles(session, [crawled(item)], now=STORED_AT)
    return session


def names(rows: list[dict[str, object]]) -> list[str]:
    by_url = {item.url: name for name, item in ARTICLES.items()}
    return [by_url[str(row["url"])] for row in rows]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["b", "a", "d", "c"]),
        ({"batch_size": 1}, ["b", "a", "d", "c"]),
        ({"site": "hanoi"}, ["b", "a", "c"]),
        ({"site": "hue"}, ["d"]),
        ({"site": "nowhere"}, []),
        ({"since": datetime(2021, 6, 28, 15, tzinfo=ICT)}, ["a", "d"]),
        ({"since": datetime(2021, 6, 28, 8, 0, 1, tzinfo=UTC)}, []),
        ({"until": datetime(2021, 6, 28, 8, tzinfo=UTC)}, ["b"]),
        ({"until": datetime(2021, 6, 28, 8, 0, 1, tzinfo=UTC)}, ["b", "a", "d"]),
        (
            {
                "since": datetime(2021, 6, 27, 10, tzinfo=UTC),
                "until": datetime(2021, 6, 28, 15, tzinfo=ICT),
            },
            ["b"],
        ),
        ({"site": "hanoi", "since": datetime(2021, 6, 28, tzinfo=UTC)}, ["a"]),
    ],
)
def test_export_order_and_filters(
    stored: Session, filters: dict[str, object], expected: list[str]
) -> None:
    assert names(list(iter_export_rows(stored, **filters))) == expected  # type: ignore[arg-type]


def test_export_row_is_the_record_plus_store_and_site_fields(stored: Session) -> None:
    row = next(iter_export_rows(stored, site="hanoi", since=datetime(2021, 6, 28, tzinfo=UTC)))
    original: Article = ARTICLES["a"]
    stored_id = stored.scalar(select(ArticleRow.id).where(ArticleRow.url == original.url))
    assert row == original.to_dict() | {
        "id": stored_id,
        "version": 1,
        "content_hash": content_hash(original.title, original.lead, original.body),
        "fetched_at": "2021-06-28T09:00:00+00:00",
        "province": "Hà Nội",
        "province_historical": None,
        "kind": "provincial_portal",
    }
    assert (row["published_at"], row["published_local"]) == (
        "2021-06-28T08:00:00+00:00",
        "2021-06-28T15:00:00+07:00",
    )


def test_placeholder_site_fields_in_export(stored: Session) -> None:
    row = next(iter_export_rows(stored, site="hue"))
    assert (row["province"], row["province_historical"], row["kind"]) == (None, None, "unknown")


def test_write_jsonl_parses_back_to_the_stored_records(stored: Session) -> None:
    output = io.BytesIO()
    assert write_jsonl(iter_export_rows(stored), output) == 4
    data = output.getvalue()
    lines = data.decode("utf-8").splitlines()
    parsed = [json.loads(line) for line in lines]
    assert len(lines) == 4
    assert "Hội nghị Ban Chấp hành Đảng bộ tỉnh".encode() in data
    assert b"\\u" not in data
    assert parsed == list(iter_export_rows(stored))
    originals = [ARTICLES[name].to_dict() for name in ("b", "a", "d", "c")]
    assert [{k: v for k, v in row.items() if k not in EXTRA_KEYS} for row in parsed] == originals


def test_write_jsonl_of_nothing_writes_nothing() -> None:
    output = io.BytesIO()
    assert write_jsonl([], output) == 0
    assert output.getvalue() == b""


def test_postgres_streams_from_a_server_side_cursor(stored: Session) -> None:
    connection = stored.connection()
    if connection.dialect.name != "postgresql":
        pytest.skip("server-side cursors are a PostgreSQL feature")
    cursor_types: list[str] = []

    def record_cursor(conn: Connection, cursor: object, *args: object) -> None:
        cursor_types.append(type(cursor).__name__)

    event.listen(connection, "before_cursor_execute", record_cursor)
    try:
        assert len(list(iter_export_rows(stored, batch_size=2))) == 4
    finally:
        event.remove(connection, "before_cursor_execute", record_cursor)
    assert cursor_types == ["ServerCursor"]
