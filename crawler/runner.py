"""Runs the crawls of one command: site after site in one process, each under its lock."""

from __future__ import annotations

import contextlib
import gc
import ipaddress
import logging
import time
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings
from scrapy.utils.reactor import install_reactor, is_reactor_installed
from twisted.internet.defer import Deferred, inlineCallbacks

from crawler import runstats
from crawler.backfill import DateRange
from crawler.distributed import DistributedOptions, apply_distributed
from crawler.incremental import CrawlPlan
from crawler.jobs import Job, close_job, job_path, open_job
from crawler.sites.base import SiteProfile
from crawler.spiders.site import SiteSpider
from store.locks import SiteLocked, site_lock

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
    """What a crawl did, read from its Scrapy stats."""

    stats: dict[str, Any] = field(default_factory=dict)

    def count(self, name: str) -> int:
        """Return the integer stat ``name`` (0 when absent)."""
        return runstats.count(self.stats, name)

    def dropped(self) -> dict[str, int]:
        """Return the pages skipped, by reason."""
        return runstats.dropped(self.stats)

    @property
    def finished(self) -> bool:
        """Return True when the crawl ran to its end."""
        return self.stats.get("finish_reason") == "finished"


@dataclass(frozen=True, slots=True)
class CrawlOptions:
    """What every site's crawl of one command shares."""

    database_url: str
    state_dir: Path
    window: DateRange = field(default_factory=DateRange)
    revalidate_days: int = 7
    progress: bool = True
    overrides: Mapping[str, Any] = field(default_factory=dict)
    distributed: DistributedOptions | None = None
    """Share each site's frontier with other workers in Redis (no lock, no JOBDIR)."""


@dataclass(frozen=True, slots=True)
class SiteOutcome:
    """How one site's crawl went: its report, or the lock holder that prevented it."""

    target: CrawlTarget
    report: CrawlReport | None
    duration_s: float
    locked: str | None = None


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


def site_settings(options: CrawlOptions, target: CrawlTarget, job: Job | None) -> Settings:
    """Return one site's settings: the project's, its job directory or the shared frontier."""
    settings = build_settings(options.database_url, {}, loopback=is_loopback(target.root_url))
    if job is not None:
        settings.set("JOBDIR", str(job.path), priority="cmdline")
    settings.set("PARTYNEWS_PROGRESS", options.progress, priority="cmdline")
    settings.update(dict(options.overrides), priority="cmdline")
    if options.distributed is not None:
        apply_distributed(settings, options.distributed, target.key, options.window.digest())
    return settings


def run_sites(
    targets: Sequence[CrawlTarget],
    options: CrawlOptions,
    on_done: Callable[[SiteOutcome], None],
) -> list[SiteOutcome]:
    """Crawl the sites one after another in this process; stop early when interrupted.

    Each site's crawl holds its lock (a held lock skips the site at once) and its job
    directory, which is deleted when the crawl finished and kept for the next run otherwise.
    """
    base = build_settings(options.database_url, options.overrides, loopback=False)
    if not is_reactor_installed():
        install_reactor(base["TWISTED_REACTOR"], base["ASYNCIO_EVENT_LOOP"])
    process = CrawlerProcess(base)
    outcomes: list[SiteOutcome] = []
    errors: list[Exception] = []

    @inlineCallbacks
    def crawl_all() -> Generator[Deferred[Any], Any, None]:
        try:
            for target in targets:
                outcome = yield _crawl_site(process, target, options)
                outcomes.append(outcome)
                on_done(outcome)
                if outcome.report is not None and _interrupted(outcome.report):
                    break
        except Exception as error:
            errors.append(error)
        finally:
            _stop_reactor()

    from twisted.internet import reactor  # noqa: PLC0415 - installed above

    reactor.callWhenRunning(crawl_all)
    with lean_process(base.get("LOG_LEVEL")):
        process.start(stop_after_crawl=False)
    if errors:
        raise errors[0]
    return outcomes


@contextlib.contextmanager
def lean_process(log_level: str) -> Iterator[None]:
    """Tune the process for a crawl; restore it afterwards.

    The heap loaded by now (modules, settings, profiles, the engine) lives as long as the crawl:
    it is frozen, out of the collector's full passes, which would otherwise scan it again and
    again. Scrapy's loggers drop messages below ``log_level`` where they are made: Scrapy's
    handler drops them too, but only after building a record for each (two per response).
    """
    scrapy_logger = logging.getLogger("scrapy")
    previous_level = scrapy_logger.level
    scrapy_logger.setLevel(log_level)
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
        scrapy_logger.setLevel(previous_level)


@inlineCallbacks
def _crawl_site(
    process: CrawlerProcess, target: CrawlTarget, options: CrawlOptions
) -> Generator[Deferred[Any], Any, SiteOutcome]:
    started = time.monotonic()
    if options.distributed is not None:
        report = yield _crawl_shared_site(process, target, options)
        return SiteOutcome(target, report, time.monotonic() - started)
    try:
        lock = site_lock(options.database_url, target.key, options.state_dir)
        lock.__enter__()
    except SiteLocked as error:
        return SiteOutcome(target, None, 0.0, locked=str(error))
    try:
        job = open_job(job_path(options.state_dir, target.key, options.window))
        plan = CrawlPlan(options.window, options.revalidate_days, full_walk=job.interrupted)
        report = yield _run_spider(process, target, site_settings(options, target, job), plan)
        close_job(job, finished=report.finished)
    finally:
        lock.__exit__(None, None, None)
    return SiteOutcome(target, report, time.monotonic() - started)


@inlineCallbacks
def _crawl_shared_site(
    process: CrawlerProcess, target: CrawlTarget, options: CrawlOptions
) -> Generator[Deferred[Any], Any, CrawlReport]:
    """Crawl a site as one worker of a cluster: no lock, no JOBDIR; the frontier is in Redis."""
    plan = CrawlPlan(options.window, options.revalidate_days)
    settings = site_settings(options, target, None)
    report: CrawlReport = yield _run_spider(process, target, settings, plan, distributed=True)
    return report


@inlineCallbacks
def _run_spider(
    process: CrawlerProcess,
    target: CrawlTarget,
    settings: Settings,
    plan: CrawlPlan,
    *,
    distributed: bool = False,
) -> Generator[Deferred[Any], Any, CrawlReport]:
    """Run the site spider with these settings and plan; return what its stats tell."""
    crawler = Crawler(SiteSpider, settings)
    yield process.crawl(
        crawler,
        root_url=target.root_url,
        site_key=target.key,
        profile=target.profile,
        plan=plan,
        distributed=distributed,
    )
    return CrawlReport(stats=dict(crawler.stats.get_stats()))


def _interrupted(report: CrawlReport) -> bool:
    return report.stats.get("finish_reason") == "shutdown"


def _stop_reactor() -> None:
    from twisted.internet import reactor  # noqa: PLC0415 - installed by run_sites

    running: Any = reactor  # the module attribute is typed as a function, not as the reactor
    with contextlib.suppress(RuntimeError):
        running.stop()
