"""The incremental export: cursors, the settle horizon, and exactly the new and revised articles."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from store.export import ExportFilters, iter_export_rows
from store.export_cursor import (
    EPOCH,
    SETTLE,
    Cursor,
    CursorError,
    CursorTracker,
    parse_cursor,
    settle_horizon,
)
from store.models import ArticleRow
from store.repository import ensure_site, upsert_articles
from tests.store.factories import article, crawled

T1 = datetime(2021, 7, 1, tzinfo=UTC)
T2 = datetime(2021, 7, 2, 6, 30, 0, 250000, tzinfo=UTC)
FAR = datetime(2099, 1, 1, tzinfo=UTC)
"""A horizon that caps nothing."""

ARTICLES = {
    name: article(
        f"https://hanoi.dcs.vn/{name}.html", published_at=datetime(2021, 6, day, tzinfo=UTC)
    )
    for name, day in (("a", 20), ("b", 21), ("c", 22), ("d", 23))
}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "2026-11-22T15:40:00.123456+00:00/1234",
            Cursor(datetime(2026, 11, 22, 15, 40, 0, 123456, tzinfo=UTC), 1234),
        ),
        ("2026-11-22T22:40:00+07:00", Cursor(datetime(2026, 11, 22, 15, 40, tzinfo=UTC))),
        ("2026-11-22T15:40:00Z", Cursor(datetime(2026, 11, 22, 15, 40, tzinfo=UTC))),
        ("2026-11-22T22:40:00", Cursor(datetime(2026, 11, 22, 15, 40, tzinfo=UTC))),
        ("2026-11-22", Cursor(datetime(2026, 11, 21, 17, 0, tzinfo=UTC))),
        (" 2026-11-22T15:40:00+00:00/0\n", Cursor(datetime(2026, 11, 22, 15, 40, tzinfo=UTC), 0)),
    ],
)
def test_parse_cursor(value: str, expected: Cursor) -> None:
    parsed = parse_cursor(value)
    assert parsed == expected
    assert parsed.updated_at.utcoffset() == expected.updated_at.utcoffset()


@pytest.mark.parametrize(
    "value", ["", "yesterday", "2026-11-22/abc", "2026-11-22T15:40:00+00:00/", "1234"]
)
def test_parse_cursor_rejects(value: str) -> None:
    with pytest.raises(CursorError, match="not a timestamp or export cursor"):
        parse_cursor(value)


@pytest.mark.parametrize(
    ("cursor", "printed"),
    [
        (
            Cursor(datetime(2026, 11, 22, 15, 40, tzinfo=UTC), 7),
            "2026-11-22T15:40:00.000000+00:00/7",
        ),
        (
            Cursor(datetime(2026, 11, 22, 15, 40, 0, 5, tzinfo=UTC)),
            "2026-11-22T15:40:00.000005+00:00",
        ),
    ],
)
def test_printed_cursor_reads_back(cursor: Cursor, printed: str) -> None:
    assert str(cursor) == printed
    assert parse_cursor(printed) == cursor


def rows_of(*pairs: tuple[datetime, int]) -> list[dict[str, Any]]:
    return [{"updated_at": moment.isoformat(), "id": article_id} for moment, article_id in pairs]


@pytest.mark.parametrize(
    ("start", "pairs", "horizon", "expected"),
    [
        (None, [], FAR, Cursor(EPOCH, 0)),
        (None, [(T1, 3), (T2, 1), (T1, 9)], FAR, Cursor(T2, 1)),
        (None, [(T2, 1), (T2, 4), (T2, 2)], FAR, Cursor(T2, 4)),
        (Cursor(T1, 5), [], FAR, Cursor(T1, 5)),
        (Cursor(T1), [], FAR, Cursor(T1)),
        (Cursor(T2, 5), [(T1, 9)], FAR, Cursor(T2, 5)),
        (None, [(T1, 3), (T2, 1)], T1, Cursor(T1, 0)),  # capped: T2's change comes again
        (None, [(T1, 3)], T2, Cursor(T1, 3)),
        (Cursor(T2, 1), [], T1, Cursor(T1, 0)),
    ],
)
def test_next_cursor(
    start: Cursor | None, pairs: list[tuple[datetime, int]], horizon: datetime, expected: Cursor
) -> None:
    tracker = CursorTracker(start, horizon)
    rows = rows_of(*pairs)
    assert list(tracker.watch(rows)) == rows
    assert tracker.next_cursor() == expected


def export(
    session: Session, cursor: Cursor | None, horizon: datetime = FAR
) -> tuple[list[str], Cursor]:
    """Export what changed after ``cursor``: the names in order and the cursor printed."""
    tracker = CursorTracker(cursor, horizon)
    rows = list(tracker.watch(iter_export_rows(session, ExportFilters(changed_after=cursor))))
    by_url = {item.url: name for name, item in ARTICLES.items()}
    return [by_url[row["url"]] + f"@{row['version']}" for row in rows], tracker.next_cursor()


def article_id(session: Session, name: str) -> int:
    found = session.scalar(select(ArticleRow.id).where(ArticleRow.url == ARTICLES[name].url))
    assert found is not None
    return found


def test_incremental_export_returns_exactly_the_new_and_revised(session: Session) -> None:
    upsert_articles(session, [crawled(ARTICLES[name]) for name in "abc"], now=T1)
    assert export(session, None) == (["a@1", "b@1", "c@1"], Cursor(T1, article_id(session, "c")))
    first = export(session, None)[1]

    revised_b = dataclasses.replace(ARTICLES["b"], body="Nội dung đã sửa.")
    upsert_articles(
        session, [crawled(ARTICLES["a"]), crawled(revised_b), crawled(ARTICLES["d"])], now=T2
    )
    names, second = export(session, first)
    assert names == ["b@2", "d@1"]
    assert second == Cursor(T2, article_id(session, "d"))
    assert export(session, second) == ([], second)


def test_equal_timestamps_are_ordered_by_id(session: Session) -> None:
    upsert_articles(session, [crawled(ARTICLES[name]) for name in "abcd"], now=T1)
    after_b = Cursor(T1, article_id(session, "b"))
    assert export(session, after_b)[0] == ["c@1", "d@1"]
    assert export(session, Cursor(T1))[0] == []
    assert export(session, Cursor(T1, 0))[0] == ["a@1", "b@1", "c@1", "d@1"]


def test_a_late_commit_inside_the_settle_window_is_not_missed(session: Session) -> None:
    upsert_articles(session, [crawled(ARTICLES["a"])], now=T1)
    upsert_articles(session, [crawled(ARTICLES["b"])], now=T2)
    horizon = T2 - timedelta(seconds=30)  # the export ran at T2 + 30 s
    names, cursor = export(session, None, horizon=horizon)
    assert (names, cursor) == (["a@1", "b@1"], Cursor(horizon, 0))
    # a writer that picked its timestamp before b's but committed after the export read
    upsert_articles(session, [crawled(ARTICLES["c"])], now=T2 - timedelta(seconds=10))
    assert export(session, cursor)[0] == ["b@1", "c@1"]  # b again, c not missed
    assert export(session, Cursor(T2, article_id(session, "b")))[0] == []  # uncapped: c lost


def test_settle_horizon_without_writers_is_now_minus_settle(session: Session) -> None:
    now = datetime(2026, 11, 22, 15, 40, tzinfo=UTC)
    horizon = settle_horizon(session, now)
    if session.get_bind().dialect.name == "sqlite":
        assert horizon == now - SETTLE
    else:  # other test runs may hold writing transactions on the same server
        assert horizon <= now - SETTLE


def test_postgres_horizon_waits_for_an_open_writing_transaction(
    engine: Engine, session: Session
) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no view of other connections' transactions")
    with engine.connect() as writer:
        writer.begin()
        with Session(bind=writer) as writing:
            ensure_site(writing, "open-writer", name="x", root_url="https://x.vn/")
            started = writing.scalar(text("SELECT now()"))
            assert started is not None
            horizon = settle_horizon(session, FAR)
            writer.rollback()
    assert horizon <= started - SETTLE
