"""The corpus report's queries: months in Vietnam time, precision, warnings, totals, latest run."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy.orm import Session

from crawler.items import Article
from store.report import (
    LatestRun,
    ReportScope,
    SiteTotals,
    collect_report,
    latest_run,
    precision_counts,
    report_sites,
    site_totals,
    warning_counts,
)
from store.repository import upsert_articles
from store.runs import finish_run, start_run
from tests.store.factories import article, crawled

ICT = timezone(timedelta(hours=7))
STORED_AT = datetime(2021, 7, 1, tzinfo=UTC)


def _item(
    name: str, site: str, published: datetime | None, precision: str | None, *warnings: str
) -> Article:
    host = "hanoi.dcs.vn" if site == "hanoi" else "hue.dcs.vn"
    return dataclasses.replace(
        article(
            f"https://{host}/{name}.html", site=site, title=f"Tin {name}", published_at=published
        ),
        published_precision=precision,  # type: ignore[arg-type]
        warnings=list(warnings),
    )


CORPUS = [
    # 00:30 on 1 February in Vietnam: a February article although January in UTC
    _item("a1", "hanoi", datetime(2021, 1, 31, 17, 30, tzinfo=UTC), "minute", "tz_mislabelled"),
    _item("a2", "hanoi", datetime(2021, 1, 15, 3, 0, tzinfo=UTC), "second"),
    _item(
        "a3",
        "hanoi",
        datetime(2021, 4, 10, 2, 0, tzinfo=UTC),
        "day",
        "encoding_lossy",
        "tz_mislabelled",
    ),
    _item("a4", "hanoi", None, None, "no_date"),
    _item(
        "b1",
        "hue",
        datetime(2021, 2, 20, 1, 0, tzinfo=UTC),
        "minute",
        "tz_mislabelled",
        "tz_mislabelled",
    ),
    _item("b2", "hue", datetime(2021, 2, 21, 1, 0, tzinfo=UTC), "minute"),
]

HANOI_RUN = {
    "requests": 40,
    "status_200": 30,
    "status_304": 5,
    "status_4xx": 3,
    "status_5xx": 2,
    "articles_new": 3,
    "articles_updated": 1,
    "articles_unchanged": 0,
    "dropped": {"not_an_article": 4, "offsite": 1},
    "duration_s": 12.345,
}
HUE_RUN = {"requests": 7, "status_200": 7, "articles_new": 2, "dropped": {}, "duration_s": 3.0}


def store_corpus(session: Session) -> dict[str, int]:
    """Store the corpus and three runs; return the runs' ids by name."""
    upsert_articles(session, [crawled(item) for item in CORPUS], now=STORED_AT)
    ids: dict[str, int] = {}
    for name, hour, stats in [
        ("both", 1, {"hanoi": {"requests": 1}, "hue": HUE_RUN}),
        ("hanoi", 2, {"hanoi": HANOI_RUN}),
        ("running", 3, None),
    ]:
        started = datetime(2021, 7, 1, hour, tzinfo=UTC)
        run = start_run(session, command="crawl", sites=["hanoi"], started_at=started)
        if stats is not None:
            finish_run(session, run, stats, finished_at=started + timedelta(minutes=30))
        ids[name] = run.id
    return ids


@pytest.fixture
def runs(session: Session) -> dict[str, int]:
    return store_corpus(session)


FEBRUARY = datetime(2021, 2, 1, tzinfo=ICT)


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        (
            ReportScope(),
            [
                ("hanoi", "2021-01", 1),
                ("hanoi", "2021-02", 1),
                ("hanoi", "2021-04", 1),
                ("hue", "2021-02", 2),
            ],
        ),
        (ReportScope(sites=("hue",)), [("hue", "2021-02", 2)]),
        (
            ReportScope(since=FEBRUARY),
            [("hanoi", "2021-02", 1), ("hanoi", "2021-04", 1), ("hue", "2021-02", 2)],
        ),
        (ReportScope(until=FEBRUARY), [("hanoi", "2021-01", 1)]),
        (ReportScope(sites=("nowhere",)), []),
    ],
)
def test_monthly_counts_in_vietnam_time(
    session: Session, runs: dict[str, int], scope: ReportScope, expected: list[tuple[str, str, int]]
) -> None:
    assert collect_report(session, scope).monthly == expected


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        (ReportScope(), ["hanoi", "hue"]),
        (ReportScope(since=datetime(2021, 3, 1, tzinfo=ICT)), ["hanoi"]),
        (ReportScope(sites=("hue", "nowhere", "hue")), ["hue", "nowhere"]),
    ],
)
def test_report_sites(
    session: Session, runs: dict[str, int], scope: ReportScope, expected: list[str]
) -> None:
    assert report_sites(session, scope) == expected


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        (
            ReportScope(),
            [
                ("hanoi", "second", 1),
                ("hanoi", "minute", 1),
                ("hanoi", "day", 1),
                ("hanoi", "none", 1),
                ("hue", "minute", 2),
            ],
        ),
        (
            ReportScope(since=FEBRUARY),
            [("hanoi", "minute", 1), ("hanoi", "day", 1), ("hue", "minute", 2)],
        ),
    ],
)
def test_precision_counts(
    session: Session, runs: dict[str, int], scope: ReportScope, expected: list[tuple[str, str, int]]
) -> None:
    assert precision_counts(session, scope) == expected


@pytest.mark.parametrize(
    ("scope", "expected"),
    [
        (
            ReportScope(),
            [
                ("hanoi", "encoding_lossy", 1),
                ("hanoi", "no_date", 1),
                ("hanoi", "tz_mislabelled", 2),
                ("hue", "tz_mislabelled", 1),
            ],
        ),
        (ReportScope(sites=("hanoi",), until=FEBRUARY), []),
        (
            ReportScope(sites=("hanoi",), since=FEBRUARY),
            [("hanoi", "encoding_lossy", 1), ("hanoi", "tz_mislabelled", 2)],
        ),
    ],
)
def test_warning_counts_count_articles(
    session: Session, runs: dict[str, int], scope: ReportScope, expected: list[tuple[str, str, int]]
) -> None:
    assert warning_counts(session, scope) == expected


def test_site_totals(session: Session, runs: dict[str, int]) -> None:
    assert site_totals(session, ReportScope()) == [
        SiteTotals(
            "hanoi",
            4,
            3,
            datetime(2021, 1, 15, 3, tzinfo=UTC),
            datetime(2021, 4, 10, 2, tzinfo=UTC),
        ),
        SiteTotals(
            "hue", 2, 2, datetime(2021, 2, 20, 1, tzinfo=UTC), datetime(2021, 2, 21, 1, tzinfo=UTC)
        ),
    ]


@pytest.mark.parametrize(
    ("sites", "run_name", "expected_stats"),
    [
        ((), "hanoi", {"hanoi": HANOI_RUN}),
        (("hanoi",), "hanoi", {"hanoi": HANOI_RUN}),
        (("hue",), "both", {"hue": HUE_RUN}),
        (("hue", "hanoi"), "hanoi", {"hanoi": HANOI_RUN}),
        (("nowhere",), None, None),
    ],
)
def test_latest_finished_run_of_the_sites(
    session: Session,
    runs: dict[str, int],
    sites: tuple[str, ...],
    run_name: str | None,
    expected_stats: dict[str, object] | None,
) -> None:
    run = latest_run(session, sites)
    if run_name is None:
        assert run is None
        return
    assert isinstance(run, LatestRun)
    assert (run.id, run.command, run.status, run.stats) == (
        runs[run_name],
        "crawl",
        "finished",
        expected_stats,
    )


def test_no_run_and_no_article(session: Session) -> None:
    report = collect_report(session, ReportScope())
    assert (report.sites, report.monthly, report.precision, report.warnings, report.latest_run) == (
        [],
        [],
        [],
        [],
        None,
    )
