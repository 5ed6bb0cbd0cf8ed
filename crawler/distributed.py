"""Distributed crawling: workers on any machines share one frontier in Redis (``--redis``).

In this mode a site's crawl has no JOBDIR and no per-site lock: the frontier (queue, dupefilter,
in-flight ledgers) lives in Redis and every worker crawls the same site on purpose. The store
must be PostgreSQL, and the per-domain politeness settings are a budget for the whole cluster,
divided among ``--workers`` (see docs/distributed.md).
"""

from __future__ import annotations

import argparse
import os
import socket
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from scrapy.settings import Settings

from crawler.cliargs import CliError
from store.db import normalize_url

REDIS_URL_ENV = "PARTYNEWS_REDIS_URL"
DEFAULT_IDLE_TIMEOUT_S = 30.0
DEFAULT_DEAD_AFTER_S = 15.0
SQLITE_REFUSED = "distributed crawling (--redis) needs a PostgreSQL database, not SQLite"
SCHEDULER = "crawler.distributed_scrapy.FrontierScheduler"
DUPEFILTER = "scrapy_redis.dupefilter.RFPDupeFilter"
ACK_MIDDLEWARE = "crawler.distributed_scrapy.FrontierAckMiddleware"
EXTENSION = "crawler.distributed_scrapy.FrontierExtension"


@dataclass(frozen=True, slots=True)
class DistributedOptions:
    """How this worker joins the cluster: Redis, the cluster's size, when to stop."""

    redis_url: str
    workers: int = 1
    """The number of workers sharing each site: the politeness budget is divided by it."""
    idle_timeout: float = DEFAULT_IDLE_TIMEOUT_S
    """Seconds with nothing queued or in flight anywhere before the worker stops (0: never)."""
    dead_after: float = DEFAULT_DEAD_AFTER_S
    """Seconds without a heartbeat after which a worker's requests are taken back."""
    worker_id: str = ""


def new_worker_id() -> str:
    """Return a worker id unique across machines: host, process id and a random part."""
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


def crawl_prefix(site_key: str, range_digest: str) -> str:
    """Return the Redis key prefix of one site's crawl over one date range."""
    return f"partynews:{site_key}:{range_digest}"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Add ``--redis``, ``--workers`` and ``--idle-timeout`` to ``partynews crawl``."""
    parser.add_argument(
        "--redis", metavar="URL", help=f"share the frontier in this Redis (${REDIS_URL_ENV})"
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="workers sharing the per-domain budget (default 1)"
    )
    parser.add_argument(
        "--idle-timeout",
        type=float,
        default=DEFAULT_IDLE_TIMEOUT_S,
        help="stop after the shared frontier stayed empty this long; 0 = run as a daemon",
    )


def distributed_options(
    args: argparse.Namespace, environ: Mapping[str, str], database_url: str
) -> DistributedOptions | None:
    """Return the distributed options of a crawl (None without ``--redis``); refuse SQLite."""
    redis_url = args.redis or environ.get(REDIS_URL_ENV)
    if not redis_url:
        return None
    if not redis_url.startswith(("redis://", "rediss://", "unix://")):
        raise CliError(f"not a Redis URL: {redis_url!r}")
    if normalize_url(database_url).get_backend_name() != "postgresql":
        raise CliError(SQLITE_REFUSED)
    if args.workers < 1:
        raise CliError("--workers must be at least 1")
    if args.idle_timeout < 0:
        raise CliError("--idle-timeout must not be negative")
    return DistributedOptions(redis_url, args.workers, args.idle_timeout, worker_id=new_worker_id())


def cluster_budget(settings: Mapping[str, Any], workers: int) -> dict[str, Any]:
    """Return one worker's share of the cluster-wide per-domain budget.

    Scrapy spaces a domain's requests by ``DOWNLOAD_DELAY`` whatever the concurrency, so each
    worker waits ``workers`` times as long and the cluster starts no more requests per second
    than one crawler would. Concurrency is divided (never below one request at a time).
    """
    concurrency = int(settings["CONCURRENT_REQUESTS_PER_DOMAIN"])
    target = float(settings["AUTOTHROTTLE_TARGET_CONCURRENCY"])
    return {
        "CONCURRENT_REQUESTS_PER_DOMAIN": max(1, concurrency // workers),
        "DOWNLOAD_DELAY": float(settings["DOWNLOAD_DELAY"]) * workers,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": target / workers,
        "AUTOTHROTTLE_START_DELAY": float(settings["AUTOTHROTTLE_START_DELAY"]) * workers,
    }


def apply_distributed(
    settings: Settings, options: DistributedOptions, site_key: str, range_digest: str
) -> None:
    """Switch one site's settings to the shared frontier and this worker's share of the budget."""
    prefix = crawl_prefix(site_key, range_digest)
    escaped = prefix.replace("%", "%%")  # scrapy-redis formats its keys with %(spider)s
    values: dict[str, Any] = {
        "SCHEDULER": SCHEDULER,
        "DUPEFILTER_CLASS": DUPEFILTER,
        "REDIS_URL": options.redis_url,
        "SCHEDULER_QUEUE_KEY": f"{escaped}:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{escaped}:dupefilter",
        "SCHEDULER_PERSIST": True,
        "PARTYNEWS_DISTRIBUTED": True,
        "PARTYNEWS_REDIS_PREFIX": prefix,
        "PARTYNEWS_WORKER_ID": options.worker_id or new_worker_id(),
        "PARTYNEWS_IDLE_TIMEOUT": options.idle_timeout,
        # Each output is stored and queued before the next one, and each article is committed
        # at once: a request's acknowledgement then means its work is durable.
        "CONCURRENT_ITEMS": 1,
        "PARTYNEWS_STORE_BATCH_SIZE": 1,
    }
    settings.update(values, priority="cmdline")
    # below the user's -s overrides: tests and slow networks change it
    settings.set("PARTYNEWS_WORKER_DEAD_AFTER", options.dead_after, priority="project")
    settings.update(cluster_budget(settings, options.workers), priority="cmdline")
    middlewares = dict(settings.getdict("SPIDER_MIDDLEWARES"))
    middlewares[ACK_MIDDLEWARE] = 10
    settings.set("SPIDER_MIDDLEWARES", middlewares, priority="cmdline")
    extensions = dict(settings.getdict("EXTENSIONS"))
    extensions[EXTENSION] = 400
    settings.set("EXTENSIONS", extensions, priority="cmdline")
