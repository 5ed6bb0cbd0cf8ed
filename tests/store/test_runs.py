"""Run records: listing recent runs and the per-site yield history for alerts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy.orm import Session

from store.runs import (
    SiteRunStats,
    articles_seen,
    finish_run,
    list_runs,
    site_yield_history,
    start_run,
)

T0 = datetime(2021, 7, 1, 0, 0, tzinfo=UTC)


def site_stats(
    new: int, updated: int = 0, unchanged: int = 0, revalidated: int = 0
) -> SiteRunStats:
    return {
        "requests": 40,
        "status_200": 30,
        "status_304": revalidated,
        "status_4xx": 1,
        "status_5xx": 0,
        "articles_new": new,
        "articles_updated": updated,
        "articles_unchanged": unchanged,
        "dropped": {"out_of_range": 3, "not_an_article": 2},
        "duration_s": 12.5,
    }


def record(
    session: Session, hour: int, stats: dict[str, Any] | None, status: str = "finished"
) -> int:
    """Record a run started ``hour`` hours after T0; ``stats=None`` leaves it running."""
    run = start_run(
        session,
        command="crawl",
        args=["--all"],
        sites=sorted(stats or {}),
        started_at=T0 + timedelta(hours=hour),
    )
    if stats is not None:
        finish_run(
            session, run, stats, status=status, finished_at=T0 + timedelta(hours=hour, minutes=5)
        )
    return run.id


def test_finished_run_keeps_nested_site_stats(session: Session) -> None:
    run_id = record(session, 0, {"hanoi": site_stats(3, 1, 20, 5)})
    session.expire_all()
    (run,) = list_runs(session)
    assert (run.id, run.status, run.finished_at) == (run_id, "finished", T0 + timedelta(minutes=5))
    assert run.stats == {"hanoi": dict(site_stats(3, 1, 20, 5))}
    assert run.stats["hanoi"]["dropped"] == {"out_of_range": 3, "not_an_article": 2}


def test_list_runs_newest_first_with_a_limit(session: Session) -> None:
    middle = record(session, 2, {"hanoi": site_stats(1)})
    oldest = record(session, 1, {"hanoi": site_stats(1)})
    running = record(session, 3, None)
    same_start = record(session, 2, {"hue": site_stats(1)})

    assert [run.id for run in list_runs(session)] == [running, same_start, middle, oldest]
    assert [run.id for run in list_runs(session, limit=2)] == [running, same_start]
    assert list_runs(session)[0].status == "running"


@pytest.mark.parametrize(
    ("runs", "expected"),
    [(5, [0, 7, 4, 12]), (2, [0, 7]), (1, [0]), (0, [])],
)
def test_site_yield_history(session: Session, runs: int, expected: list[int]) -> None:
    record(session, 0, {"hanoi": site_stats(12)})
    record(session, 1, {"hanoi": site_stats(2, 1, 1), "hue": site_stats(9)})  # 4
    record(session, 2, {"hue": site_stats(5)})  # not a run of hanoi
    record(session, 3, {"hanoi": site_stats(0, 0, 3, 4)}, status="alert")  # 7
    record(session, 4, {"hanoi": site_stats(0)}, status="failed")
    record(session, 5, None)  # still running: no yield yet

    assert site_yield_history(session, "hanoi", runs=runs) == expected


def test_yield_history_of_an_unknown_site_is_empty(session: Session) -> None:
    record(session, 0, {"hanoi": site_stats(12)})
    assert site_yield_history(session, "camau") == []


@pytest.mark.parametrize(
    ("stats", "expected"),
    [
        (site_stats(3, 1, 20, 5), 29),
        ({"articles_new": 2}, 2),
        ({"requests": 10, "status_200": 10, "dropped": {"out_of_range": 10}}, 0),
    ],
)
def test_articles_seen(stats: dict[str, Any], expected: int) -> None:
    assert articles_seen(stats) == expected
