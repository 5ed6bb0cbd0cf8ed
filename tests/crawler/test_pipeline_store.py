from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.exc import OperationalError

from crawler.pipelines import store as store_pipeline
from crawler.pipelines.store import SiteDescription, StorePipeline
from crawler.sites.base import SiteProfile
from store.db import make_engine, session_factory, upgrade
from store.models import SiteRow
from store.repository import count_articles
from tests.store.factories import article, crawled


class Stats:
    """The two StatsCollector methods the pipeline uses."""

    def __init__(self) -> None:
        self.values: dict[str, Any] = {}

    def inc_value(self, key: str, count: int = 1) -> None:
        self.values[key] = self.values.get(key, 0) + count

    def set_value(self, key: str, value: Any) -> None:
        self.values[key] = value


PROFILE = SiteProfile(
    key="hanoi",
    name="Cổng TTĐT Đảng bộ Hà Nội",
    domains=("hanoi.org.vn",),
    kind="provincial_portal",
    province="Hà Nội",
    province_historical="Hà Nội",
    status="unverified",
)


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'pipeline.db'}"
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    return url


def make_pipeline(database_url: str, stops: list[str], batch_size: int = 2) -> StorePipeline:
    site = SiteDescription("hanoi", PROFILE.name, "https://hanoi.org.vn/", PROFILE)
    return StorePipeline(database_url, batch_size, Stats(), site, stops.append)  # type: ignore[arg-type]


def stored(database_url: str) -> int:
    engine = make_engine(database_url)
    with session_factory(engine)() as session:
        count = count_articles(session)
    engine.dispose()
    return count


def urls(count: int) -> list[str]:
    return [f"https://hanoi.org.vn/tin/hoi-nghi-{number}.html" for number in range(count)]


def test_writes_in_batches_and_describes_the_site(database_url: str) -> None:
    stops: list[str] = []
    pipeline = make_pipeline(database_url, stops)
    pipeline.open_spider()
    for url in urls(3):
        pipeline.process_item(crawled(article(url)))
    assert stored(database_url) == 2  # one full batch written, one article pending
    pipeline.close_spider()

    assert stored(database_url) == 3
    assert pipeline.stats.values == {  # type: ignore[attr-defined]
        "partynews/articles/new": 3,
        "partynews/articles/updated": 0,
        "partynews/articles/unchanged": 0,
    }
    engine = make_engine(database_url)
    with session_factory(engine)() as session:
        site = session.scalars(select(SiteRow).where(SiteRow.key == "hanoi")).one()
        assert (site.kind, site.province, site.status) == (
            "provincial_portal",
            "Hà Nội",
            "unverified",
        )
    engine.dispose()
    assert stops == []


def test_a_database_error_keeps_the_batch_and_stops_the_crawl(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    stops: list[str] = []
    pipeline = make_pipeline(database_url, stops)
    pipeline.open_spider()

    def broken(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("INSERT", {}, Exception("disk I/O error"))

    monkeypatch.setattr(store_pipeline, "upsert_articles", broken)
    for url in urls(2):
        pipeline.process_item(crawled(article(url)))

    assert stops == ["store_error"]
    assert len(pipeline.pending) == 2
    pipeline.close_spider()
    assert pipeline.stats.values["partynews/store_errors"] == 2  # type: ignore[attr-defined]
    assert pipeline.stats.values["partynews/articles/unstored"] == 2  # type: ignore[attr-defined]
    assert stored(database_url) == 0
