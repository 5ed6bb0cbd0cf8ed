"""Resumable crawls made safe: an in-memory dupefilter, one download per URL, a sturdy scheduler.

A crawl's JOBDIR keeps only the disk queue. The dupefilter is not persisted, so requests that
were in flight when a crawl was stopped (or killed) are found again by ``start()``; a request
found twice (once from the resumed queue, once again) is downloaded once. A disk queue that
cannot be read is discarded: the crawl starts afresh, and known articles are not fetched again.
"""

from __future__ import annotations

import logging
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Final, Self

from scrapy.core.scheduler import Scheduler
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.dupefilters import RFPDupeFilter
from scrapy.exceptions import IgnoreRequest

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from twisted.internet.defer import Deferred

logger = logging.getLogger(__name__)


class AlreadyDownloaded(IgnoreRequest):
    """The request's URL was downloaded earlier in this process (a resumed duplicate)."""


class MemoryDupeFilter(RFPDupeFilter):
    """Scrapy's request-fingerprint dupefilter, never written to the JOBDIR."""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Build the filter without the job directory."""
        debug = crawler.settings.getbool("DUPEFILTER_DEBUG")
        return cls(None, debug, fingerprinter=crawler.request_fingerprinter)


class DownloadOnceMiddleware:
    """Downloader middleware: a filtered request is downloaded at most once per process."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.downloaded: set[bytes] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Build the middleware for ``crawler``."""
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        """Let the first download of a URL through; ignore later ones (retries pass)."""
        if request.dont_filter:
            return
        fingerprint = self.crawler.request_fingerprinter.fingerprint(request)
        if fingerprint in self.downloaded:
            raise AlreadyDownloaded(f"already downloaded: {request.url}")
        self.downloaded.add(fingerprint)


class OutOfRange(IgnoreRequest):
    """A listing printed the article's date, outside the crawl's range, after it was queued."""


class OutOfRangeMiddleware:
    """Downloader middleware: drop a queued undated article that a listing has since dated out.

    An article first found where no date is printed (a home page, a related list) is queued
    before the listing that dates it is read; in a backfill it waits (lower priority) and is
    checked here against the dates the spider has learnt since.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Build the middleware for ``crawler``."""
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        """Raise OutOfRange for an undated article whose printed date is now known and outside."""
        if not request.meta.get("undated"):
            return
        spider = self.crawler.spider
        printed = getattr(spider, "printed_dates", {}).get(request.url)
        plan = getattr(spider, "plan", None)
        if printed is not None and plan is not None and not plan.window.contains(printed):
            raise OutOfRange(f"dated out of range by a listing: {request.url}")


class ResilientScheduler(Scheduler):
    """Scrapy's scheduler; a disk queue that cannot be loaded or read is discarded, not fatal."""

    def open(self, spider: Spider) -> Deferred[None] | None:
        """Open the queues; start with an empty disk queue when the stored one is unreadable."""
        try:
            return super().open(spider)
        except Exception as error:
            logger.warning("job state unreadable (%s): discarded, starting afresh", error)
            self._discard_disk_queue()
            return super().open(spider)

    def _dqpop(self) -> Request | None:
        try:
            return super()._dqpop()
        except Exception as error:
            logger.warning("job state unreadable (%s): the rest of it is discarded", error)
            self.dqs = None
            self._discard_disk_queue()
            return None

    def _discard_disk_queue(self) -> None:
        if self.dqdir:
            shutil.rmtree(self.dqdir, ignore_errors=True)
            self.dqdir = self._dqdir(str(Path(self.dqdir).parent))


_META_REFRESH_HEAD: Final = 4 * 4096
"""Bytes that can hold the 4096 characters Scrapy searches for the tag (UTF-8: 4 at most each)."""
_REFRESH: Final = re.compile(rb"refresh", re.IGNORECASE)


class PrecheckedMetaRefreshMiddleware(MetaRefreshMiddleware):
    """Scrapy's ``<meta http-equiv="refresh">`` redirect, sparing pages that cannot hold one.

    Scrapy decodes the whole page (detecting its encoding) to search its first 4096 characters.
    A page whose head does not contain the ASCII word "refresh" has no such tag, so it passes
    undecoded. Pages in an encoding that is not ASCII-compatible (UTF-16 or UTF-32: NUL bytes
    in the head) always get Scrapy's full check.
    """

    # Scrapy's own signature still takes the deprecated ``spider`` argument; hooks without it are
    # the installed API.
    def process_response(  # type: ignore[override]
        self, request: Request, response: Response
    ) -> Request | Response:
        """Return the response when its head cannot hold the tag; else check it as Scrapy does."""
        head = response.body[:_META_REFRESH_HEAD]
        if b"\x00" not in head and not _REFRESH.search(head):
            return response
        return super().process_response(request, response)
