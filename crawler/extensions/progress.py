"""Progress of a long crawl: a rich display on a terminal, plain log lines elsewhere."""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Self

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from scrapy import signals
from scrapy.exceptions import NotConfigured
from twisted.internet import task

from crawler.runstats import count, failed_pages

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

DISPLAY_REFRESH_S = 1.0


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Where a crawl stands: pages downloaded, articles seen, failed pages, elapsed time."""

    pages: int
    articles: int
    errors: int
    elapsed_s: float

    @property
    def pages_per_minute(self) -> float:
        """Return the download rate so far."""
        return self.pages * 60 / self.elapsed_s if self.elapsed_s > 0 else 0.0

    def line(self) -> str:
        """Return the one-line description of the snapshot."""
        return (
            f"{self.pages} pages, {self.articles} articles, "
            f"{self.pages_per_minute:.0f} pages/min, {self.errors} errors"
        )


def snapshot(stats: dict[str, Any], elapsed_s: float) -> Snapshot:
    """Read a snapshot from a crawl's stats."""
    articles = count(stats, "partynews/articles_parsed") + count(
        stats, "partynews/articles/not_modified"
    )
    return Snapshot(
        pages=count(stats, "downloader/response_count"),
        articles=articles,
        errors=failed_pages(stats),
        elapsed_s=elapsed_s,
    )


class ProgressExtension:
    """Shows a crawl's progress: a rich display when stderr is a terminal, else log lines."""

    def __init__(self, stats: StatsCollector, *, display: bool, interval_s: float) -> None:
        self.stats = stats
        self.display = display
        self.interval_s = interval_s
        self.started = time.monotonic()
        self.site = ""
        self.loop: task.LoopingCall | None = None
        self.progress: Progress | None = None
        self.task_id: Any = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Self:
        """Read ``PARTYNEWS_PROGRESS`` and ``PARTYNEWS_PROGRESS_INTERVAL``."""
        settings = crawler.settings
        display = settings.getbool("PARTYNEWS_PROGRESS") and sys.stderr.isatty()
        interval_s = settings.getfloat("PARTYNEWS_PROGRESS_INTERVAL")
        if not display and interval_s <= 0:
            raise NotConfigured("no progress display and no progress log lines")
        extension = cls(crawler.stats, display=display, interval_s=interval_s)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider: Any) -> None:
        """Start the display or the periodic log lines."""
        self.started = time.monotonic()
        self.site = str(getattr(spider, "site_key", spider.name))
        if self.display:
            self.progress = Progress(
                SpinnerColumn(),
                TextColumn("[bold]{task.description}"),
                TextColumn("{task.fields[line]}"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self.task_id = self.progress.add_task(self.site, total=None, line="starting")
            self.progress.start()
            self.loop = task.LoopingCall(self.refresh)
            self.loop.start(DISPLAY_REFRESH_S)
        else:
            self.loop = task.LoopingCall(self.log_line)
            self.loop.start(self.interval_s, now=False)

    def current(self) -> Snapshot:
        """Return the crawl's snapshot now."""
        return snapshot(self.stats.get_stats(), time.monotonic() - self.started)

    def refresh(self) -> None:
        """Update the rich display."""
        if self.progress is not None:
            self.progress.update(self.task_id, line=self.current().line())

    def log_line(self) -> None:
        """Write one plain progress line to the log."""
        logger.info("%s: %s", self.site, self.current().line())

    def spider_closed(self, spider: Any) -> None:
        """Stop the display or the log lines."""
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        if self.progress is not None:
            self.progress.stop()
            self.progress = None
