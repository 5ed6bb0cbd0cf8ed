"""Scrapy's own cost of fetching a list of URLs: a spider that parses nothing.

``python -m bench.bare_fetch URLS_FILE`` fetches each URL of the file (one per line) with
Scrapy's default components and the crawl's loopback concurrency, does nothing with the
responses, and prints its CPU seconds. The crawl bench runs it over the requests the real
crawl made, to tell Scrapy's share of the crawl's CPU from partynews' own.
"""

from __future__ import annotations

import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response

SETTINGS: dict[str, Any] = {
    "LOG_LEVEL": "CRITICAL",
    "REMOTE_CONTROL_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    "ROBOTSTXT_OBEY": False,
    "CONCURRENT_REQUESTS": 16,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
    "CONCURRENT_ITEMS": 8,
    "RETRY_ENABLED": False,
    "DOWNLOAD_MAXSIZE": 10 * 1024 * 1024,
    "DOWNLOAD_WARNSIZE": 0,
}


class BareFetchSpider(scrapy.Spider):
    """Fetch the given URLs once each; keep nothing."""

    name = "bare_fetch"

    def __init__(self, urls: list[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.urls = urls

    async def start(self) -> AsyncIterator[scrapy.Request]:
        """Request every URL, errors included (a failed fetch costs what the crawl paid)."""
        for url in self.urls:
            yield scrapy.Request(url, self.parse, errback=self.failed, dont_filter=True)

    def parse(self, response: Response) -> None:
        """Drop the response."""

    def failed(self, failure: object) -> None:
        """Drop the failure."""


def main() -> None:
    """Fetch the URLs of the file named on the command line; print the CPU seconds."""
    urls = [line for line in Path(sys.argv[1]).read_text().splitlines() if line]
    process = CrawlerProcess(SETTINGS)
    started = time.process_time()
    process.crawl(BareFetchSpider, urls=urls)
    process.start()
    print(f"{time.process_time() - started:.3f}")


if __name__ == "__main__":
    main()
