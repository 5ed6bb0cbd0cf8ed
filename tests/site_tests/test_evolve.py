"""Tests of the test site between runs: recent articles, evolve(), home_only(), the slow server."""

from __future__ import annotations

import http.client
import time
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from functools import cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest

from tests.site import Site, build_site, evolve, home_only, serve_site
from tests.site.newer import recent_times, times_after
from tests.site_tests.helpers import links_in, served_text
from tests.site_tests.test_site import _check_article

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
NOW = datetime(2026, 3, 10, 9, 0, tzinfo=UTC)  # 16:00 in Vietnam


@cache
def recent_site() -> Site:
    return build_site(12, seed=0, now=NOW, recent=4)


@cache
def evolved_site() -> Site:
    return evolve(recent_site(), new_articles=3, edited=[1], seed=5, now=NOW)


def _get(base_url: str, target: str, headers: dict[str, str]) -> int:
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        connection.request("GET", target, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def test_recent_times_fall_in_the_last_five_days() -> None:
    assert recent_times(NOW, 4) == [
        datetime(2026, 3, 10, 4, 0, tzinfo=VIETNAM),
        datetime(2026, 3, 8, 22, 0, tzinfo=VIETNAM),
        datetime(2026, 3, 7, 16, 0, tzinfo=VIETNAM),
        datetime(2026, 3, 6, 10, 0, tzinfo=VIETNAM),
    ]


@pytest.mark.parametrize(
    ("now", "expected_hours"),
    [(None, [18, 12, 6]), (datetime(2026, 3, 10, 12, 0, tzinfo=VIETNAM), [3, 2, 1])],
)
def test_times_after_the_newest(now: datetime | None, expected_hours: list[int]) -> None:
    newest = datetime(2026, 3, 10, 8, 0, tzinfo=VIETNAM)
    assert times_after(newest, 3, now=now) == [newest + timedelta(hours=h) for h in expected_hours]


def test_times_after_needs_room_before_now() -> None:
    newest = datetime(2026, 3, 10, 8, 0, tzinfo=VIETNAM)
    with pytest.raises(ValueError, match="no room"):
        times_after(newest, 3, now=newest + timedelta(minutes=3))


def test_recent_articles_lead_an_unchanged_archive() -> None:
    site = recent_site()
    assert [a.published_at for a in site.articles[:4]] == [
        t.astimezone(UTC) for t in recent_times(NOW, 4)
    ]
    assert site.articles[4:] == build_site(8, seed=0).articles
    ids = [article.article_id for article in site.articles]
    assert ids == sorted(ids, reverse=True)
    assert len({article.title for article in site.articles}) == 12
    for article in site.articles:
        _check_article(site, article)


def test_recent_articles_need_now() -> None:
    with pytest.raises(ValueError, match="now"):
        build_site(12, recent=4)


def test_evolve_adds_new_articles_first() -> None:
    before, after = recent_site(), evolved_site()
    new = after.articles[:3]
    assert len(after.articles) == 15
    kept = [article for index, article in enumerate(after.articles[3:]) if index != 1]
    assert kept == [article for index, article in enumerate(before.articles) if index != 1]
    assert before.articles[0].published_at < new[2].published_at < new[0].published_at <= NOW
    assert min(a.article_id for a in new) > max(a.article_id for a in before.articles)
    assert len({article.title for article in after.articles}) == 15
    for spec in after.specs[:3]:
        _check_article(after, spec.truth)
        first_page = links_in(after, spec.category.listing_path)
        mine = [link for link in first_page if link.endswith(f"-{spec.truth.article_id}.html")]
        assert mine, spec.truth.path
        older = [link for link in first_page if link.endswith(before.articles[-1].path)]
        assert not older or first_page.index(mine[0]) < first_page.index(older[0])
    sitemap = "".join(served_text(after, path) for path in after.pages if "sitemap-vi" in path)
    rss = served_text(after, "/tin-tuc/rss/")
    for article in new:
        assert article.path in sitemap
        assert rss.index(article.path) < rss.index(before.articles[0].path)


def test_evolve_keeps_unchanged_pages_byte_identical() -> None:
    before, after = recent_site(), evolved_site()
    for index, article in enumerate(before.articles):
        old, new = before.pages[article.path], after.pages[article.path]
        if index == 1:
            assert new.body != old.body
            assert new.headers["ETag"] != old.headers["ETag"]
            assert parsedate_to_datetime(new.headers["Last-Modified"]) == NOW
        else:
            assert (new.body, new.headers) == (old.body, old.headers), article.path


def test_evolve_edits_the_last_paragraph() -> None:
    before, after = recent_site(), evolved_site()
    old, edited = before.articles[1], after.articles[4]
    assert edited.path == old.path
    assert edited.paragraphs[:-1] == old.paragraphs[:-1]
    assert edited.paragraphs[-1].startswith(old.paragraphs[-1] + " ")
    assert len(edited.paragraphs[-1]) > len(old.paragraphs[-1]) + 20
    _check_article(after, edited)


def test_evolve_without_now_stamps_the_edit_an_hour_later() -> None:
    before = build_site(6, seed=0)
    after = evolve(before, edited=[0])
    old, new = before.pages[before.articles[0].path], after.pages[before.articles[0].path]
    gap = parsedate_to_datetime(new.headers["Last-Modified"]) - parsedate_to_datetime(
        old.headers["Last-Modified"]
    )
    assert gap == timedelta(hours=1)
    assert after.articles[1:] == before.articles[1:]
    assert after.articles[0].paragraphs != before.articles[0].paragraphs


def test_server_revalidates_the_evolved_site() -> None:
    before, after = recent_site(), evolved_site()
    with serve_site(after) as server:
        statuses = [
            _get(
                server.base_url,
                article.path,
                {"If-None-Match": before.pages[article.path].headers["ETag"]},
            )
            for article in before.articles[:4]
        ]
    assert statuses == [304, 200, 304, 304]


def test_home_only_yields_no_article() -> None:
    site = home_only(recent_site())
    assert links_in(site, "/") == []
    assert links_in(site, "/sitemap.xml") == []
    assert links_in(site, "/robots.txt") == []  # plain text: its Sitemap line is not a link
    assert sorted(site.pages) == ["/", "/robots.txt", "/sitemap.xml"]
    assert site.resolve(recent_site().articles[0].path) is None
    assert site.articles == []


def test_server_delay_holds_answers_back() -> None:
    with serve_site(build_site(2), delay=0.3) as server:
        started = time.perf_counter()
        assert _get(server.base_url, "/robots.txt", {}) == 200
        assert time.perf_counter() - started >= 0.3
        server.delay = 0
        started = time.perf_counter()
        assert _get(server.base_url, "/robots.txt", {}) == 200
        assert time.perf_counter() - started < 0.3
