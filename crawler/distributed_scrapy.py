"""The scrapy-redis shim: a scheduler with in-flight ledgers, acknowledgements, idle closing.

scrapy-redis 0.9.1 is used for what works on Scrapy 2.19 (its request queue encoding and its
Redis dupefilter); its scheduler's ``open``/``enqueue_request``/``next_request`` are replaced
because they pass the deprecated ``spider`` argument to the stats and pop requests without a
trace (a killed worker would lose them). ``RedisSpider``, ``RedisStatsCollector`` and
``RedisPipeline`` are not used at all.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any, Self

import scrapy
from redis import Redis
from scrapy import signals
from scrapy.exceptions import DontCloseSpider
from scrapy.utils.misc import load_object
from scrapy_redis.scheduler import Scheduler as RedisScheduler  # type: ignore[import-untyped]
from twisted.internet.task import LoopingCall

from crawler.distributed_ack import ACK_META, ENTRY_META, acknowledgement
from crawler.distributed_frontier import Frontier

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

HEARTBEAT_S = 1.0


def frontier_from_settings(settings: BaseSettings) -> Frontier:
    """Return this worker's frontier handle, as the distributed settings describe it."""
    server = Redis.from_url(settings["REDIS_URL"], socket_timeout=30, socket_connect_timeout=30)
    return Frontier(
        server,
        settings["PARTYNEWS_REDIS_PREFIX"],
        settings["PARTYNEWS_WORKER_ID"],
        settings.getfloat("PARTYNEWS_WORKER_DEAD_AFTER"),
    )


class FrontierScheduler(RedisScheduler):  # type: ignore[misc]
    """scrapy-redis' scheduler; popped requests stay in this worker's ledger until acknowledged."""

    frontier: Frontier
    spider: Any
    df: Any

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Build the scheduler and this worker's frontier handle from the crawler's settings."""
        instance: Self = cls.from_settings(crawler.settings)
        instance.stats = crawler.stats
        instance.frontier = frontier_from_settings(crawler.settings)
        return instance

    def open(self, spider: scrapy.Spider) -> None:
        """Open the shared queue and dupefilter (nothing is flushed: other workers use them)."""
        self.spider = spider
        self.queue = load_object(self.queue_cls)(
            server=self.server, spider=spider, key=self.queue_key, serializer=self.serializer
        )
        if not self.df:
            self.df = load_object(self.dupefilter_cls).from_spider(spider)
        self.frontier.heartbeat()

    def close(self, reason: str) -> None:
        """Keep the shared state: the frontier extension gives back what this worker held."""

    def enqueue_request(self, request: scrapy.Request) -> bool:
        """Queue a request once cluster-wide; an acknowledgement removes its ledger entry."""
        if ACK_META in request.meta:
            self.frontier.ack(request.meta[ACK_META])
            self.stats.inc_value("partynews/frontier/acknowledged")
            return False
        queued = request.dont_filter or not self.df.request_seen(request)
        if queued:
            self.queue.push(request)
            self.stats.inc_value("scheduler/enqueued/redis")
        else:
            self.df.log(request, self.spider)
        previous = request.meta.get(ENTRY_META)
        if previous is not None:  # a retry or a redirect: the popped request's work is handed on
            self.frontier.ack(previous)
        return queued

    def next_request(self) -> scrapy.Request | None:
        """Take the next request into this worker's ledger (none until the spider is ready)."""
        if not getattr(self.spider, "frontier_ready", True):
            return None
        popped = self.frontier.pop()
        if popped is None:
            return None
        entry_id, data = popped
        request: scrapy.Request = self.queue._decode_request(data)
        request.meta[ENTRY_META] = entry_id
        self.stats.inc_value("scheduler/dequeued/redis")
        return request


class FrontierAckMiddleware:
    """Spider middleware: follow each callback's output with the request's acknowledgement."""

    async def process_spider_output(
        self, response: scrapy.http.Response, result: AsyncIterator[Any]
    ) -> AsyncIterator[Any]:
        """Pass the output on, then acknowledge the request (also when the callback failed)."""
        try:
            async for output in result:
                yield output
        except Exception:
            for ack in acknowledgement(response.request):
                yield ack
            raise
        for ack in acknowledgement(response.request):
            yield ack


class FrontierExtension:
    """Heartbeats, taking dead workers' requests back, closing when idle, leaving cleanly."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.frontier = frontier_from_settings(crawler.settings)
        self.idle_timeout = crawler.settings.getfloat("PARTYNEWS_IDLE_TIMEOUT")
        self.idle_since: float | None = None
        self.beat = LoopingCall(self._heartbeat)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Connect the extension to the spider's open, idle and close signals."""
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_idle, signal=signals.spider_idle)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self) -> None:
        """Start the heartbeat."""
        self.beat.start(HEARTBEAT_S, now=True)

    def _heartbeat(self) -> None:
        reaped = self.frontier.heartbeat()
        if reaped:
            logger.warning("took back %d requests of a dead worker", reaped)
            self.crawler.stats.inc_value("partynews/frontier/taken_back", reaped)

    def spider_idle(self) -> None:
        """Stay open while the cluster has work, or for ever as a daemon (idle timeout 0)."""
        if self.idle_timeout <= 0 or self.frontier.pending() > 0:
            self.idle_since = None
            raise DontCloseSpider
        now = time.monotonic()
        if self.idle_since is None:
            self.idle_since = now
        if now - self.idle_since < self.idle_timeout:
            raise DontCloseSpider

    def spider_closed(self, reason: str) -> None:
        """Give back the requests still held, unregister; the last worker out cleans up."""
        if self.beat.running:
            self.beat.stop()
        left = self.frontier.leave()
        if left.returned:
            logger.info("returned %d unfinished requests to the frontier", left.returned)
        self.crawler.stats.set_value("partynews/frontier/returned", left.returned)
        if left.cleared:
            logger.info("the crawl's frontier is drained: its Redis keys are deleted")
