"""Distributed crawling: the cluster budget, the SQLite refusal, the frontier, real workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from crawler.cli import main
from crawler.distributed import SQLITE_REFUSED, cluster_budget
from crawler.distributed_frontier import Frontier, Left
from tests.conftest import fresh_postgres_database
from tests.site import Site, SiteServer, build_site, serve_site

CLI = str(Path(sys.executable).with_name("partynews"))
RETRIED = {"server-error", "truncated"}
"""Bad pages the crawl retries (RETRY_TIMES): fetched three times by design."""


@pytest.mark.parametrize(
    ("concurrency", "delay", "target", "workers", "expected"),
    [
        (2, 1.0, 1.0, 1, (2, 1.0, 1.0, 2.0)),
        (2, 1.0, 1.0, 2, (1, 2.0, 0.5, 4.0)),
        (8, 0.5, 2.0, 3, (2, 1.5, 2.0 / 3, 6.0)),
        (2, 1.0, 1.0, 4, (1, 4.0, 0.25, 8.0)),
        (8, 0.0, 1.0, 2, (4, 0.0, 0.5, 4.0)),
    ],
)
def test_cluster_budget_divides_the_per_domain_rate(
    concurrency: int,
    delay: float,
    target: float,
    workers: int,
    expected: tuple[int, float, float, float],
) -> None:
    settings = {
        "CONCURRENT_REQUESTS_PER_DOMAIN": concurrency,
        "DOWNLOAD_DELAY": delay,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": target,
        "AUTOTHROTTLE_START_DELAY": 2.0,
    }
    share = cluster_budget(settings, workers)
    assert (
        share["CONCURRENT_REQUESTS_PER_DOMAIN"],
        share["DOWNLOAD_DELAY"],
        share["AUTOTHROTTLE_TARGET_CONCURRENCY"],
        share["AUTOTHROTTLE_START_DELAY"],
    ) == pytest.approx(expected)


@pytest.mark.parametrize("from_env", [False, True])
def test_sqlite_is_refused_with_one_line(
    from_env: bool,
    chdir_tmp: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    args = ["crawl", "--url", "http://127.0.0.1:9/", "--db", "sqlite:///x.db"]
    if from_env:
        monkeypatch.setenv("PARTYNEWS_REDIS_URL", "redis://127.0.0.1:6379/0")
    else:
        args += ["--redis", "redis://127.0.0.1:6379/0"]
    assert main(args) == 2
    assert capsys.readouterr().err == f"partynews: error: {SQLITE_REFUSED}\n"


@pytest.fixture
def frontiers(redis_url: str) -> Iterator[tuple[Frontier, Frontier]]:
    from redis import Redis  # noqa: PLC0415 - the distributed extra

    client = Redis.from_url(redis_url)
    prefix = f"partynews-test:{uuid.uuid4().hex}"
    yield Frontier(client, prefix, "a", 60.0), Frontier(client, prefix, "b", 60.0)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)
    client.close()


@pytest.mark.redis
def test_the_crawl_is_seeded_once(frontiers: tuple[Frontier, Frontier]) -> None:
    first, second = frontiers
    assert [first.join(), second.join(), second.take_over()] == [True, False, False]
    assert second.ready() is None
    first.publish_ready(b"<html>home</html>")
    assert second.ready() == b"<html>home</html>"


@pytest.mark.redis
def test_a_popped_request_stays_pending_until_acknowledged(
    frontiers: tuple[Frontier, Frontier],
) -> None:
    first, second = frontiers
    first.join()
    second.join()
    first.server.zadd(first.key("requests"), {b"req-1": 0, b"req-2": 1})
    entry, data = first.pop() or ("", b"")
    assert (data, first.pending(), second.pending()) == (b"req-1", 2, 2)
    first.ack(entry)
    assert first.pending() == 1


@pytest.mark.redis
def test_a_dead_workers_requests_go_back_and_the_last_one_out_cleans_up(
    frontiers: tuple[Frontier, Frontier],
) -> None:
    first, second = frontiers
    first.join()
    second.join()
    first.server.zadd(first.key("requests"), {b"req-1": 0})
    assert second.pop() is not None
    first.dead_after = -1  # every other worker's heartbeat is too old
    assert (first.heartbeat(), first.live_workers()) == (1, 1)
    entry, data = first.pop() or ("", b"")
    assert data == b"req-1"
    assert first.leave() == Left(returned=1, cleared=False)  # unfinished: back in the queue
    first.join()
    first.pop()
    first.ack(entry)
    assert first.leave() == Left(returned=0, cleared=True)
    assert list(first.server.scan_iter(f"{first.prefix}:*")) == []


# --- the real cluster: Redis, PostgreSQL and worker processes --------------------------------


@pytest.fixture
def database(postgres_url: str) -> Iterator[str]:
    with fresh_postgres_database(postgres_url) as url:
        # once, before the workers start, as docs/distributed.md says
        subprocess.run([CLI, "db", "upgrade", "--db", url], check=True, capture_output=True)
        yield url


@pytest.fixture(scope="module")
def site() -> Site:
    return build_site(300, seed=1)


def crawl_keys(redis_url: str, server: SiteServer) -> list[bytes]:
    from redis import Redis  # noqa: PLC0415 - the distributed extra

    client = Redis.from_url(redis_url)
    key = server.base_url.removeprefix("http://")
    try:
        return sorted(client.scan_iter(f"partynews:{key}:*"))
    finally:
        client.close()


@pytest.fixture
def cleanup_redis(redis_url: str) -> Iterator[list[SiteServer]]:
    from redis import Redis  # noqa: PLC0415 - the distributed extra

    servers: list[SiteServer] = []
    yield servers
    client = Redis.from_url(redis_url)
    for server in servers:
        for key in crawl_keys(redis_url, server):
            client.delete(key)
    client.close()


def start_worker(
    number: int, server: SiteServer, database: str, redis_url: str, tmp_path: Path
) -> subprocess.Popen[str]:
    args = [
        CLI, "crawl", "--url", server.base_url, "--db", database, "--redis", redis_url,
        "--workers", "3", "--idle-timeout", "2", "--no-progress",
        "--state-dir", str(tmp_path / f"state{number}"),
        "-s", f"USER_AGENT=partynews/0.1 (test) -w{number}",
        "-s", "PARTYNEWS_WORKER_DEAD_AFTER=10",
    ]  # fmt: skip
    environ = {**os.environ, "PYTHONWARNINGS": "error::DeprecationWarning"}
    with (tmp_path / f"w{number}.log").open("w") as log:  # the worker keeps its own handle
        return subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, text=True, env=environ)


def finish(workers: list[subprocess.Popen[str]], tmp_path: Path) -> None:
    try:
        for number, worker in enumerate(workers, start=1):
            code = worker.wait(timeout=240)
            log = (tmp_path / f"w{number}.log").read_text()
            assert code in {0, -signal.SIGKILL}, log[-3000:]
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()


def stored(database: str) -> tuple[int, int]:
    engine = create_engine(database)
    try:
        with engine.connect() as connection:
            row = connection.execute(text("SELECT count(*), count(DISTINCT url) FROM articles"))
            total, distinct = row.one()
    finally:
        engine.dispose()
    return int(total), int(distinct)


def fetches_by_worker(server: SiteServer) -> Counter[str]:
    agents = (record.headers.get("User-Agent", "") for record in server.requests)
    return Counter(agent.rsplit("-", 1)[-1] for agent in agents)


@pytest.mark.e2e
@pytest.mark.redis
@pytest.mark.postgres
def test_three_workers_share_one_frontier(
    site: Site, database: str, redis_url: str, tmp_path: Path, cleanup_redis: list[SiteServer]
) -> None:
    with serve_site(site, delay=0.02) as server:
        cleanup_redis.append(server)
        workers = [start_worker(n, server, database, redis_url, tmp_path) for n in (1, 2, 3)]
        finish(workers, tmp_path)

        assert stored(database) == (300, 300)
        retried = {path for path, kind in site.bad_pages.items() if kind in RETRIED}
        fetches = Counter(r.path for r in server.requests if r.path != "/robots.txt")
        assert {path: n for path, n in fetches.items() if n > 1 and path not in retried} == {}
        robots = sum(1 for r in server.requests if r.path == "/robots.txt")
        assert robots == 4  # the robots.txt middleware of each worker, and the seeder's spider
        by_worker = fetches_by_worker(server)
        assert set(by_worker) == {"w1", "w2", "w3"}
        assert min(by_worker.values()) >= 10, by_worker
        assert crawl_keys(redis_url, server) == []  # the last worker out cleaned up


@pytest.mark.e2e
@pytest.mark.redis
@pytest.mark.postgres
def test_a_killed_workers_requests_are_finished_by_the_others(
    site: Site, database: str, redis_url: str, tmp_path: Path, cleanup_redis: list[SiteServer]
) -> None:
    with serve_site(site, delay=0.1) as server:
        cleanup_redis.append(server)
        workers = [start_worker(n, server, database, redis_url, tmp_path) for n in (1, 2, 3)]
        deadline = time.monotonic() + 60
        while fetches_by_worker(server)["w1"] < 30 and time.monotonic() < deadline:
            time.sleep(0.05)
        workers[0].send_signal(signal.SIGKILL)
        finish(workers, tmp_path)

        assert workers[0].returncode == -signal.SIGKILL
        assert stored(database) == (300, 300)
        logs = "".join((tmp_path / f"w{n}.log").read_text() for n in (2, 3))
        assert "requests of a dead worker" in logs
        assert crawl_keys(redis_url, server) == []
