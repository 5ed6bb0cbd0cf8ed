"""Throughput of distributed crawling with 1 and 2 workers: ``python -m bench.distributed``.

Each run crawls a fresh local test site (every answer held back by ``--delay`` seconds, so the
numbers measure crawling rather than this machine's CPU) into a fresh PostgreSQL database, the
workers sharing one frontier in Redis. Needs PARTYNEWS_TEST_POSTGRES and PARTYNEWS_TEST_REDIS.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from tempfile import TemporaryDirectory

from sqlalchemy import create_engine, make_url, text

from tests.site import RequestRecord, build_site, serve_site

PER_WORKER = 4
"""Each worker's concurrency: the site is taken to allow more workers (no divided budget)."""
CLI = str(Path(sys.executable).with_name("partynews"))


def fresh_database(server_url: str) -> str:
    name = f"partynews_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = make_url(server_url).set(database=name).render_as_string(hide_password=False)
    subprocess.run([CLI, "db", "upgrade", "--db", url], check=True, capture_output=True)
    return url


def drop_database(server_url: str, url: str) -> None:
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    admin.dispose()


def stored(url: str) -> int:
    engine = create_engine(url)
    with engine.connect() as connection:
        count = int(connection.execute(text("SELECT count(*) FROM articles")).scalar_one())
    engine.dispose()
    return count


def run(
    workers: int, articles: int, delay: float, postgres: str, redis: str
) -> tuple[int, int, float]:
    """Crawl with ``workers`` workers; return (articles stored, pages fetched, seconds)."""
    database = fresh_database(postgres)
    site = build_site(articles, seed=2)
    try:
        with serve_site(site, delay=delay) as server, TemporaryDirectory() as state:
            args = [
                CLI, "crawl", "--url", server.base_url, "--db", database, "--redis", redis,
                "--workers", "1", "-s", f"CONCURRENT_REQUESTS_PER_DOMAIN={PER_WORKER}",
                "--idle-timeout", "1", "--no-progress",
                "--state-dir", state,
            ]  # fmt: skip
            fetched: list[float] = []
            record = server.record

            def timed(entry: RequestRecord) -> None:
                fetched.append(time.monotonic())
                record(entry)

            server.record = timed  # type: ignore[method-assign]
            started = time.monotonic()
            processes = [
                subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                for _ in range(workers)
            ]
            for process in processes:
                process.wait()
            # the last fetch ends the crawl, not the idle wait after it
            return stored(database), len(fetched), max(fetched) - started
    finally:
        drop_database(postgres, database)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.distributed", description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--delay", type=float, default=0.2, help="server delay per request (s)")
    options = parser.parse_args()
    postgres = os.environ.get("PARTYNEWS_TEST_POSTGRES")
    redis = os.environ.get("PARTYNEWS_TEST_REDIS")
    if not postgres or not redis:
        print("set PARTYNEWS_TEST_POSTGRES and PARTYNEWS_TEST_REDIS", file=sys.stderr)
        return 2
    print(
        f"{options.articles} articles, {options.delay:.2f} s per answer, "
        f"{PER_WORKER} concurrent requests per worker"
    )
    print(f"{'workers':>7} {'articles':>8} {'pages':>6} {'seconds':>8} {'pages/s':>8} {'art/s':>6}")
    for workers in (1, 2):
        count, pages, seconds = run(workers, options.articles, options.delay, postgres, redis)
        print(
            f"{workers:>7} {count:>8} {pages:>6} {seconds:>8.1f} {pages / seconds:>8.1f} "
            f"{count / seconds:>6.1f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
