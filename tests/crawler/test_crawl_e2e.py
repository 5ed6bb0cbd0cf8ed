"""End to end: the real ``partynews`` CLI crawls the local test site into SQLite and PostgreSQL."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.site import ArticleTruth, Site, SiteServer, build_site, serve_site

pytestmark = pytest.mark.e2e

CLI = str(Path(sys.executable).with_name("partynews"))


@pytest.fixture(scope="module")
def site() -> Site:
    return build_site(24, seed=0)


@pytest.fixture
def server(site: Site) -> Iterator[SiteServer]:
    with serve_site(site) as running:
        yield running


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CLI, *args], cwd=cwd, capture_output=True, text=True, timeout=300, check=False
    )


def crawl(server: SiteServer, database_url: str, cwd: Path) -> str:
    result = run_cli("crawl", "--url", server.base_url, "--db", database_url, cwd=cwd)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def exported(database_url: str, cwd: Path) -> dict[str, dict[str, Any]]:
    result = run_cli("export", "--format", "jsonl", "--out", "-", "--db", database_url, cwd=cwd)
    assert result.returncode == 0, result.stderr[-3000:]
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    return {row["url"]: row for row in rows}


def expected_fields(truth: ArticleTruth, base_url: str) -> dict[str, Any]:
    return {
        "title": truth.title,
        "lead": truth.lead,
        "source_tag": truth.source_tag,
        "body": truth.body,
        "authors": truth.authors,
        "source": truth.source,
        "published_at": truth.published_at.isoformat(),
        "published_precision": truth.precision,
        "section": truth.section,
        "tags": truth.tags,
        "images": [
            {"url": image.url(base_url), "caption": image.caption} for image in truth.images
        ],
    }


def test_crawl_stores_exactly_the_sites_articles(
    site: Site, server: SiteServer, database_url: str, tmp_path: Path
) -> None:
    summary = crawl(server, database_url, tmp_path)

    stored = exported(database_url, tmp_path)
    assert sorted(stored) == sorted(site.article_urls(server.base_url))
    for truth in site.articles:
        row = stored[truth.url(server.base_url)]
        actual = {key: row[key] for key in expected_fields(truth, server.base_url)}
        assert actual == expected_fields(truth, server.base_url), truth.path
        assert row["site"] == server.base_url.removeprefix("http://").rstrip("/")
    assert f"{len(site.articles)} new, 0 updated, 0 unchanged" in summary


def test_crawl_skips_bad_pages_with_a_counted_reason(
    site: Site, server: SiteServer, database_url: str, tmp_path: Path
) -> None:
    summary = crawl(server, database_url, tmp_path)

    for reason in (
        "empty",
        "non_html",
        "http_404",
        "http_500",
        "error/ResponseDataLossError",
        "error/DownloadCancelledError",
    ):
        assert f"  {reason}" in summary, summary
    assert len(exported(database_url, tmp_path)) == len(site.articles)


def test_crawl_is_polite_and_bounded(
    site: Site, server: SiteServer, database_url: str, tmp_path: Path
) -> None:
    crawl(server, database_url, tmp_path)

    paths = [record.path for record in server.requests]
    assert not [path for path in paths if path.startswith(("/admin", "/includes"))]
    assert not [path for path in paths if path.startswith(("/lich", "/tim-kiem"))]
    assert not [path for path in paths if "/print/" in path or path.endswith(".pdf")]
    fetches = Counter(paths)
    assert {fetches[truth.path] for truth in site.articles} == {1}
    # a 500 is retried twice (RETRY_TIMES), then given up
    server_errors = [path for path, kind in site.bad_pages.items() if kind == "server-error"]
    assert [fetches[path] for path in server_errors] == [3]
    agents = {record.headers.get("User-Agent", "") for record in server.requests}
    assert all(agent.startswith("partynews/") for agent in agents), agents


def test_second_crawl_fetches_no_known_article(
    site: Site, server: SiteServer, database_url: str, tmp_path: Path
) -> None:
    crawl(server, database_url, tmp_path)
    first = exported(database_url, tmp_path)
    requests_before = len(server.requests)

    summary = crawl(server, database_url, tmp_path)

    # the test site's articles are from 2020-2024: none is due for revalidation (7 days)
    assert "0 new, 0 updated, 0 unchanged" in summary
    second_run = {record.path for record in server.requests[requests_before:]}
    assert not second_run & {truth.path for truth in site.articles}
    assert exported(database_url, tmp_path) == first
