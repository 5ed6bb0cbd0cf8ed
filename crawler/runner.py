"""Runs one crawl in this process with Scrapy's CrawlerProcess and reports its stats."""

from __future__ import annotations

import ipaddress
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from crawler.sites.base import SiteProfile
from crawler.spiders.site import SiteSpider

logger = logging.getLogger(__name__)

# Politeness protects other people's servers; a server on this machine gets none of it.
_LOOPBACK_OVERRIDES: dict[str, Any] = {
    "AUTOTHROTTLE_ENABLED": False,
    "DOWNLOAD_DELAY": 0,
    "CONCURRENT_REQUESTS_PER_DOMAIN": 8,
}


@dataclass(frozen=True, slots=True)
class CrawlTarget:
    """One site to crawl: its key, root URL and profile (None for a site without one)."""

    key: str
    root_url: str
    profile: SiteProfile | None = None


@dataclass(slots=True)
class CrawlReport:
    """What a finished crawl did, read from its Scrapy stats."""

    stats: dict[str, Any] = field(default_factory=dict)

    def count(self, name: str) -> int:
        """Return the integer stat ``name`` (0 when absent)."""
        return int(self.stats.get(name, 0))

    def dropped(self) -> dict[str, int]:
        """Return the pages skipped, by reason."""
        prefix = "partynews/dropped/"
        return {
            k.removeprefix(prefix): int(v) for k, v in self.stats.items() if k.startswith(prefix)
        }


def is_loopback(url: str) -> bool:
    """Return True when the URL's host is this machine."""
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def build_settings(database_url: str, overrides: Mapping[str, Any], *, loopback: bool) -> Settings:
    """Return the project settings with the database URL and the user's overrides applied."""
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.set("PARTYNEWS_DATABASE_URL", database_url, priority="cmdline")
    if loopback:
        settings.update(_LOOPBACK_OVERRIDES, priority="cmdline")
    settings.update(dict(overrides), priority="cmdline")
    return settings


def run_crawl(target: CrawlTarget, settings: Settings) -> CrawlReport:
    """Crawl one site to completion and return its stats."""
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(SiteSpider)
    process.crawl(crawler, root_url=target.root_url, site_key=target.key, profile=target.profile)
    process.start()
    return CrawlReport(stats=dict(crawler.stats.get_stats()))
