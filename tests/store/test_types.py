"""UtcDateTime: aware datetimes in, aware UTC datetimes out, on both databases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from store.models import CrawlRun
from store.types import NaiveDatetimeError

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        (datetime(2021, 6, 28, 15, 30, tzinfo=VIETNAM), datetime(2021, 6, 28, 8, 30, tzinfo=UTC)),
        (
            datetime(2021, 1, 1, 0, 0, 5, 123456, tzinfo=timezone(timedelta(hours=7))),
            datetime(2020, 12, 31, 17, 0, 5, 123456, tzinfo=UTC),
        ),
        (datetime(2024, 2, 29, 23, 59, tzinfo=UTC), datetime(2024, 2, 29, 23, 59, tzinfo=UTC)),
        (
            datetime(2021, 6, 28, 1, 0, tzinfo=timezone(timedelta(hours=-5))),
            datetime(2021, 6, 28, 6, 0, tzinfo=UTC),
        ),
    ],
)
def test_aware_datetimes_come_back_as_utc(
    session: Session, stored: datetime, expected: datetime
) -> None:
    run = CrawlRun(command="crawl", started_at=stored)
    session.add(run)
    session.flush()
    session.expire_all()
    loaded = session.get(CrawlRun, run.id)
    assert loaded is not None
    assert loaded.started_at == expected
    assert loaded.started_at.tzinfo is UTC


def test_naive_datetime_is_rejected(session: Session) -> None:
    session.add(CrawlRun(command="crawl", started_at=datetime(2021, 6, 28, 15, 30)))
    with pytest.raises(StatementError) as caught:
        session.flush()
    assert isinstance(caught.value.orig, NaiveDatetimeError)
