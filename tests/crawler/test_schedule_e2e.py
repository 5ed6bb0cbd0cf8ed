"""End to end: scheduled and backfill crawls of a changing local site, through the real CLI."""

from __future__ import annotations

import functools
import json
import os
import re
import shlex
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

from tests.site import RequestRecord, Site, SiteServer, build_site, evolve, home_only, serve_site
from tests.site.model import CATEGORIES

pytestmark = pytest.mark.e2e

CLI = str(Path(sys.executable).with_name("partynews"))
DOC = Path(__file__).resolve().parents[2] / "docs" / "scheduling.md"
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
SLOW = ("-s", "PARTYNEWS_STORE_BATCH_SIZE=1", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2")
"""Store each article at once and fetch two pages at a time: a crawl that can be cut mid-way."""


# --- fixtures and helpers --------------------------------------------------------------------


def run_cli(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CLI, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False
    )


def crawl_args(root: str, database_url: str, state: Path, *extra: str) -> list[str]:
    return ["crawl", "--url", root, "--db", database_url, "--state-dir", str(state), *extra]


def crawl(server: SiteServer, database_url: str, tmp_path: Path, *extra: str, code: int = 0) -> str:
    args = crawl_args(server.base_url, database_url, tmp_path / "state", "--no-progress", *extra)
    result = run_cli(*args, cwd=tmp_path)
    assert result.returncode == code, result.stdout + result.stderr[-3000:]
    return result.stdout


def start_crawl(server: SiteServer, database_url: str, tmp_path: Path) -> subprocess.Popen[str]:
    args = crawl_args(server.base_url, database_url, tmp_path / "state", "--no-progress", *SLOW)
    return subprocess.Popen(
        [CLI, *args],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def exported(database_url: str, cwd: Path) -> dict[str, dict[str, Any]]:
    result = run_cli("export", "--format", "jsonl", "--out", "-", "--db", database_url, cwd=cwd)
    assert result.returncode == 0, result.stderr[-3000:]
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    urls = [row["url"] for row in rows]
    assert len(urls) == len(set(urls)), "an article was exported twice"
    return {row["url"]: row for row in rows}


def stored_rows(database_url: str) -> int:
    """Return the number of rows in ``articles`` (0 while the schema does not exist yet)."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(text("SELECT count(*) FROM articles")).scalar_one())
    except DBAPIError:
        return 0
    finally:
        engine.dispose()


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)


def site_key(server: SiteServer) -> str:
    return server.base_url.removeprefix("http://")


def canonical_of(site: Site) -> dict[str, str]:
    """Return every path serving an article (canonical or alias) → its canonical path."""
    paths = {article.path: article.path for article in site.articles}
    return {**paths, **site.aliases}


# --- incremental runs ------------------------------------------------------------------------


def test_second_run_fetches_only_new_articles_and_revalidates_recent_ones(
    database_url: str, tmp_path: Path
) -> None:
    site = build_site(12, seed=3, now=datetime.now(UTC), recent=4)
    with serve_site(site) as server:
        first = crawl(server, database_url, tmp_path)
        assert "12 new, 0 updated" in first
        changed = evolve(site, new_articles=3, edited=[1], seed=8, now=datetime.now(UTC))
        server.set_site(changed)
        mark = len(server.requests)
        second = crawl(server, database_url, tmp_path)
        log = server.requests[mark:]

    new = {article.path for article in changed.articles[:3]}
    edited = site.articles[1].path
    recent = {article.path for article in site.articles[:4]} - {edited}
    by_article = _requests_by_article(log, canonical_of(changed))
    assert {path: [r.status for r in by_article.get(path, [])] for path in new} == {
        path: [200] for path in new
    }
    for path in recent:
        assert by_article.get(path), f"recent article not revalidated: {path}"
        assert {r.status for r in by_article[path]} == {304}, path
        assert all(_conditional(r) for r in by_article[path]), path
    assert [r.status for r in by_article[edited]] == [200]
    assert all(_conditional(r) for r in by_article[edited])
    old = {article.path for article in site.articles[4:]}
    assert {path: by_article[path] for path in old if path in by_article} == {}
    assert "3 new, 1 updated" in second
    assert "revalidated 3 (304)" in second

    stored = exported(database_url, tmp_path)
    assert len(stored) == 15
    versions = {row["url"].removeprefix(server.base_url): row["version"] for row in stored.values()}
    assert versions == {
        article.path: 2 if article.path == edited else 1 for article in changed.articles
    }
    edited_row = stored[server.base_url + edited]
    assert edited_row["body"] == changed.articles[4].body
    assert edited_row["body"] != site.articles[1].body


def _requests_by_article(
    log: Sequence[RequestRecord], canonical: dict[str, str]
) -> dict[str, list[RequestRecord]]:
    grouped: dict[str, list[RequestRecord]] = {}
    for record in log:
        path = canonical.get(record.path)
        if path is not None:
            grouped.setdefault(path, []).append(record)
    return grouped


def _conditional(record: RequestRecord) -> bool:
    return "If-None-Match" in record.headers or "If-Modified-Since" in record.headers


# --- resume after an interruption ------------------------------------------------------------


@pytest.mark.parametrize(
    "stop", [signal.SIGKILL, signal.SIGINT, signal.SIGTERM], ids=["SIGKILL", "SIGINT", "SIGTERM"]
)
def test_interrupted_crawl_resumes_to_exactly_the_full_set(
    stop: signal.Signals, database_url: str, tmp_path: Path
) -> None:
    site = build_site(24, seed=1)
    with serve_site(site, delay=0.3) as server:
        running = start_crawl(server, database_url, tmp_path)
        try:
            wait_for(lambda: stored_rows(database_url) >= 3, "three stored articles")
            running.send_signal(stop)
            output, _ = running.communicate(timeout=60)
        finally:
            running.kill()
        assert stored_rows(database_url) < len(site.articles), "stopped too late to test resume"
        if stop != signal.SIGKILL:
            assert running.returncode == 3, output[-3000:]
        server.delay = 0
        args = crawl_args(server.base_url, database_url, tmp_path / "state", "--no-progress")
        rerun = run_cli(*args, *SLOW, cwd=tmp_path)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr[-3000:]
    if stop != signal.SIGKILL:
        assert "resum" in (rerun.stdout + rerun.stderr).lower()
    stored = exported(database_url, tmp_path)
    assert sorted(stored) == sorted(site.article_urls(server.base_url))
    assert stored_rows(database_url) == len(site.articles)


# --- the per-site lock -----------------------------------------------------------------------


def test_second_crawl_of_a_running_site_exits_at_once(database_url: str, tmp_path: Path) -> None:
    site, other_site = build_site(12, seed=1), build_site(6, seed=2)
    with serve_site(site, delay=0.3) as slow, serve_site(other_site) as other:
        running = start_crawl(slow, database_url, tmp_path)
        try:
            wait_for(lambda: len(slow.requests) >= 2, "the first crawl's requests")
            started = time.monotonic()
            args = crawl_args(slow.base_url, database_url, tmp_path / "state", "--no-progress")
            second = run_cli(*args, cwd=tmp_path)
            elapsed = time.monotonic() - started
            assert running.poll() is None, "the first crawl ended before the second started"
            output = second.stdout + second.stderr
            assert second.returncode == 4, output[-3000:]
            assert f"partynews: {site_key(slow)} is already being crawled (" in output
            assert "); exiting" in output
            assert elapsed < 20
            crawl(other, database_url, tmp_path)
            slow.delay = 0
            first_output, _ = running.communicate(timeout=120)
        finally:
            running.kill()
    assert running.returncode == 0, first_output[-3000:]
    stored = exported(database_url, tmp_path)
    expected = site.article_urls(slow.base_url) | other_site.article_urls(other.base_url)
    assert sorted(stored) == sorted(expected)


# --- backfills -------------------------------------------------------------------------------

SINCE, UNTIL = date(2023, 10, 1), date(2024, 3, 31)


def test_backfill_stores_the_range_and_stops_the_listing_walk(
    database_url: str, tmp_path: Path
) -> None:
    site = build_site(120, seed=2)
    days = [article.published_at.astimezone(VIETNAM).date() for article in site.articles]
    assert SINCE not in days  # so that either reading of the bounds agrees
    assert UNTIL not in days
    in_range = [a for a, day in zip(site.articles, days, strict=True) if SINCE <= day <= UNTIL]
    with serve_site(site) as server:
        summary = crawl(
            server, database_url, tmp_path, "--since", f"{SINCE}", "--until", f"{UNTIL}"
        )
        requested = {record.path for record in server.requests}

    stored = exported(database_url, tmp_path)
    assert sorted(stored) == sorted(article.url(server.base_url) for article in in_range)
    outside = {article.path for article in site.articles} - {a.path for a in in_range}
    # The listings' dates rule outside articles out before download. An article found only
    # through another article's related box, where no date is printed, can still be downloaded
    # (never stored): a handful, depending on the order pages are parsed - not the archive.
    assert len(outside & requested) <= len(outside) // 10, sorted(outside & requested)
    listings = _listings(site)
    all_pages = {page for pages in listings.values() for page in pages}
    walked = requested & all_pages
    for pages in listings.values():
        # The first page listing an article older than SINCE ends the walk. One page more is
        # tolerated: page 1's pagination window links pages 2 and 3 at once.
        last = _first_page_reaching_before(pages, site)
        assert requested & set(pages[last + 1 :]) == set(), pages[last + 1 :]
    assert len(all_pages) == 98
    assert len(walked) <= len(all_pages) * 2 // 5, sorted(walked)
    months = Counter(f"{a.published_at.astimezone(VIETNAM):%Y-%m}" for a in in_range)
    assert months == {
        "2023-10": 2, "2023-11": 2, "2023-12": 2, "2024-01": 3, "2024-02": 2, "2024-03": 2
    }  # fmt: skip
    key = re.escape(site_key(server))
    coverage = re.findall(rf"^\s+{key}\s+(\d{{4}}-\d\d)\s+(\d+)\s*$", summary, re.MULTILINE)
    assert dict(coverage) == {month: str(count) for month, count in months.items()}


def _listings(site: Site) -> dict[str, list[str]]:
    """Return each listing (category or tag) → its page targets, page 1 first."""
    listings: dict[str, list[str]] = {}
    for category in CATEGORIES:
        pages = [
            category.page_path(n) for n in range(1, 100) if category.page_path(n) in site.pages
        ]
        listings[category.listing_path] = pages
    for path in sorted(site.pages):
        if path.startswith("/tin-tuc/tag/") and "/page-" not in path:
            pages = [path, *(f"{path}/page-{n}" for n in range(2, 100))]
            listings[path] = [page for page in pages if page in site.pages]
    return listings


def _first_page_reaching_before(pages: Sequence[str], site: Site) -> int:
    """Return the 1-based number of the first page listing an article older than SINCE."""
    dates = {
        article.path: article.published_at.astimezone(VIETNAM).date() for article in site.articles
    }
    for number, page in enumerate(pages, start=1):
        body = served(site, page)
        if any(day < SINCE for path, day in dates.items() if f'href="{path}"' in body):
            return number
    return len(pages)


def served(site: Site, target: str) -> str:
    page = site.resolve(target)
    assert page is not None, target
    return page.body.decode()


# --- run records and alerts ------------------------------------------------------------------


def test_runs_are_listed_and_a_site_gone_silent_alerts(database_url: str, tmp_path: Path) -> None:
    site = build_site(6, seed=4)
    requests: list[int] = []
    with serve_site(site) as server:
        key = site_key(server)
        for version in (site, site, home_only(site)):
            server.set_site(version)
            mark = len(server.requests)
            result = run_cli(
                *crawl_args(server.base_url, database_url, tmp_path / "state"), cwd=tmp_path
            )
            requests.append(len(server.requests) - mark)
    output = result.stdout + result.stderr
    assert result.returncode == 3, output[-3000:]
    assert re.search(rf"alert: {re.escape(key)}: no articles", output), output[-3000:]
    assert "error rate" not in output  # the yield alert alone made it 3

    listing = run_cli("runs", "--db", database_url, cwd=tmp_path)
    assert listing.returncode == 0, listing.stderr[-3000:]
    per_site = re.findall(
        rf"^  {re.escape(key)}: .*?(\d+) requests .*?(\d+) new, (\d+) updated",
        listing.stdout,
        re.MULTILINE,
    )
    newest_first = [
        (str(n), new, "0") for n, new in zip(requests[::-1], ("0", "0", "6"), strict=True)
    ]
    assert per_site == newest_first, listing.stdout


# --- the recipes of docs/scheduling.md -------------------------------------------------------

DOC_BIN = "/opt/partynews/.venv/bin/partynews"
DOC_DB = "postgresql+psycopg://partynews@localhost/partynews"
DOC_STATE = "/var/lib/partynews"
DOC_LOGS = "/var/log/partynews"
DOC_SITES = "--all"


def code_blocks(markdown: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", markdown, re.MULTILINE | re.DOTALL)


def localize(recipe: str, *, base_url: str, database_url: str, tmp_path: Path) -> str:
    """Put the test site, database, state and log directories in place of the doc's."""
    return (
        recipe.replace(DOC_BIN, CLI)
        .replace(DOC_DB, database_url)
        .replace(DOC_STATE, str(tmp_path / "state"))
        .replace(DOC_LOGS, str(tmp_path / "logs"))
        .replace(DOC_SITES, f"--url {base_url}")
    )


def cron_job(block: str) -> tuple[dict[str, str], str]:
    """Return the environment lines and the command of the one job of a cron.d file."""
    env: dict[str, str] = {}
    jobs = []
    for line in block.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if re.match(r"^[A-Z_]+=", line):
            name, _, value = line.partition("=")
            env[name] = value
        else:
            jobs.append(line.split(maxsplit=6)[6])  # five time fields and the user
    assert len(jobs) == 1, jobs
    return env, jobs[0]


def systemd_service(block: str) -> tuple[dict[str, str], str]:
    """Return the Environment= settings and the ExecStart= command of a service unit."""
    env: dict[str, str] = {}
    commands = []
    for line in block.splitlines():
        if line.startswith("Environment="):
            name, _, value = line.removeprefix("Environment=").partition("=")
            env[name] = value
        elif line.startswith("ExecStart="):
            commands.append(line.removeprefix("ExecStart="))
    assert len(commands) == 1, commands
    return env, commands[0]


@pytest.mark.parametrize("recipe", ["cron", "systemd"])
def test_scheduling_recipes_crawl_as_written(
    recipe: str, database_url: str, tmp_path: Path
) -> None:
    markdown = DOC.read_text(encoding="utf-8")
    site = build_site(6, seed=5)
    (tmp_path / "logs").mkdir()
    if recipe == "cron":
        env, command = cron_job(code_blocks(markdown, "cron")[0])
    else:
        units = [b for b in code_blocks(markdown, "ini") if f"ExecStart={DOC_BIN} crawl" in b]
        env, command = systemd_service(units[0])
    written = command + "\n" + "\n".join(env.values())
    for placeholder in (DOC_BIN, DOC_SITES, DOC_DB, DOC_STATE):
        assert placeholder in written, (placeholder, written)
    with serve_site(site) as server:
        local = functools.partial(
            localize, base_url=server.base_url, database_url=database_url, tmp_path=tmp_path
        )
        env = {name: local(value) for name, value in env.items()}
        command = local(command)
        argv = ["/bin/sh", "-c", command] if recipe == "cron" else shlex.split(command)
        result = subprocess.run(
            argv,
            cwd=tmp_path,
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    output = result.stdout + result.stderr + _read_logs(tmp_path / "logs")
    assert result.returncode == 0, output[-3000:]
    assert f"{site_key(server)}: " in output
    assert sorted(exported(database_url, tmp_path)) == sorted(site.article_urls(server.base_url))
    assert (tmp_path / "state").is_dir()
    assert not (tmp_path / ".partynews").exists()


def _read_logs(folder: Path) -> str:
    return "".join(path.read_text(encoding="utf-8") for path in sorted(folder.glob("*")))
