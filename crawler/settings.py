"""Scrapy settings for partynews: polite defaults for real sites."""

from __future__ import annotations

from scrapy.settings import default_settings

BOT_NAME = "partynews"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

# --- Politeness: these are other people's servers -------------------------------------------
# An honest User-Agent that says what we are.
USER_AGENT = "partynews/0.1 (news research crawler; Scrapy)"
# robots.txt is obeyed.
ROBOTSTXT_OBEY = True
# AutoThrottle adapts the delay to the server's latency, starting at DOWNLOAD_DELAY.
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 2.0
AUTOTHROTTLE_MAX_DELAY = 60.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
# Low per-domain concurrency with a one-second floor between requests.
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
# Retries on 5xx and timeouts, a bounded download time and size.
RETRY_ENABLED = True
RETRY_TIMES = 2
RETRY_HTTP_CODES = [500, 502, 503, 504, 522, 524, 408, 429]
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 0
# A truncated response is an error, never a short article.
DOWNLOAD_FAIL_ON_DATALOSS = True

# --- Bounds: no endless traps ----------------------------------------------------------------
# Links more than this many hops from a start page are not followed.
DEPTH_LIMIT = 12
# Breadth-first order, so a depth-bounded crawl sees every shallow page first.
DEPTH_PRIORITY = 1
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"

# --- Resumable crawls: the CLI gives each site a JOBDIR under the state directory -------------
# Only the disk queue is kept there: the dupefilter stays in memory, so requests lost in flight
# are found again on the next run, and a queue that cannot be read is discarded.
SCHEDULER = "crawler.middlewares.ResilientScheduler"
DUPEFILTER_CLASS = "crawler.middlewares.MemoryDupeFilter"
DOWNLOADER_MIDDLEWARES = {
    "crawler.middlewares.OutOfRangeMiddleware": 80,
    "crawler.middlewares.DownloadOnceMiddleware": 90,
    # Scrapy's meta-refresh redirect decodes every page to look for the tag; ours first checks
    # that the page's head holds the word at all.
    "scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware": None,
    "crawler.middlewares.PrecheckedMetaRefreshMiddleware": 580,
}

# --- Off: servers we do not want to open --------------------------------------------------------
# Scrapy 2.19 otherwise starts a code-execution server on localhost.
REMOTE_CONTROL_ENABLED = False
TELNETCONSOLE_ENABLED = False
# Not even loaded: Scrapy imports every extension it lists (a disabling ``None`` in EXTENSIONS
# included), and this one pulls in aiohttp's web server, 0.1 s of every crawl's start.
EXTENSIONS_BASE = {
    path: order
    for path, order in default_settings.EXTENSIONS_BASE.items()
    if path != "scrapy.extensions.remote_control.RemoteControl"
}

# --- Pipelines and storage ---------------------------------------------------------------------
ITEM_PIPELINES = {"crawler.pipelines.store.StorePipeline": 800}
# Outputs of one response handled at once. The store pipeline is synchronous (it batches), so
# more gains nothing, while Scrapy starts this many worker tasks for every response (100 by
# default: a tenth of the crawl's CPU went into starting and stopping them).
CONCURRENT_ITEMS = 8
# Scrapy's check for a generator callback that returns a value re-reads and re-parses the
# callback's source for every response (its cache is keyed by bound methods, new for each
# request); our callbacks return nothing from generators (ruff and the tests watch them).
WARN_ON_GENERATOR_RETURN_VALUE = False
# The database the crawl writes to (an SQLAlchemy URL); the CLI sets it from --db.
PARTYNEWS_DATABASE_URL = "sqlite:///partynews.db"
# Articles written per transaction.
PARTYNEWS_STORE_BATCH_SIZE = 50
# Incremental crawls: stored articles are not fetched again unless due for revalidation.
PARTYNEWS_INCREMENTAL = True
# A bounded listing walk (backfill or incremental) goes page by page, at most this many pages.
PARTYNEWS_MAX_WALK_PAGES = 1000
# A tag's listing is read on its first page only: its later pages list again articles that the
# sections and sitemaps reach. Turn on for a site whose sections do not reach its archive.
PARTYNEWS_WALK_TAG_PAGES = False

# --- Progress ----------------------------------------------------------------------------------
EXTENSIONS = {"crawler.extensions.progress.ProgressExtension": 500}
# A rich progress display on a terminal (the CLI's --no-progress turns it off).
PARTYNEWS_PROGRESS = True
# Seconds between the plain progress log lines written when stderr is not a terminal.
PARTYNEWS_PROGRESS_INTERVAL = 30.0

LOG_LEVEL = "INFO"
FEED_EXPORT_ENCODING = "utf-8"
