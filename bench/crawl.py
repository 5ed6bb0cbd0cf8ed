"""Crawl benchmark: a generated 2,000-article local site, end to end into SQLite.

Run ``python -m bench.crawl [--articles N]`` from the project root. It prints one table: the crawl's
wall time, pages/s, CPU seconds per article and peak RSS (the crawl runs as the real CLI in a child
process, three times, each into a fresh database: the median is shown, as the machine's pace
drifts by 10-20 % within minutes); over the same article pages in this process, the CPU time of
bare ``trafilatura.extract`` (one pass before each crawl and three after the last, median) and of
partynews' own ``parse_article`` with the profile the crawl detects (median of three passes,
alternating with trafilatura's); and the CPU that Scrapy alone spends fetching the crawl's
requests again with a spider that parses nothing (``bench.bare_fetch``), to tell Scrapy's share
from ours.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import trafilatura

from bench.cli_crawl import CrawlRun, run_cli_crawl
from crawler.extract import NotAnArticle, parse_article
from crawler.sites.base import SiteProfile
from crawler.sites.detect import resolve_profile
from tests.site import Site, build_site, serve_site
from tests.site.model import BASE

PASSES = 3
CRAWLS = 3


def article_pages(site: Site, base_url: str) -> list[tuple[str, bytes]]:
    """Return (url, body) of every article page, as the server sends them."""
    pages = []
    for truth in site.articles:
        page = site.resolve(truth.path)
        if page is not None:
            pages.append((truth.url(base_url), page.body.replace(BASE.encode(), base_url.encode())))
    return pages


def parse_pass(pages: list[tuple[str, bytes]], profile: SiteProfile | None, *, ours: bool) -> float:
    """Return the CPU seconds per page of one pass of bare trafilatura or of ``parse_article``.

    ``parse_article`` gets the profile the crawl detected.
    """
    now = datetime.now(UTC)
    headers = {"content-type": "text/html; charset=utf-8"}
    started = time.process_time()
    for url, body in pages:
        if ours:
            with contextlib.suppress(NotAnArticle):
                parse_article(body, url, headers, now=now, profile=profile)
        else:
            trafilatura.extract(body, url=url)
    return (time.process_time() - started) / len(pages)


def detected_profile(site: Site, base_url: str) -> SiteProfile | None:
    """Return the profile the crawl detects from the site's home page."""
    home = site.resolve("/")
    if home is None:
        return None
    return resolve_profile(base_url, home.body.replace(BASE.encode(), base_url.encode()))


def bare_fetch_cpu(base_url: str, paths: list[str], workdir: Path) -> float:
    """Return the CPU seconds Scrapy alone spends fetching ``paths`` (``bench.bare_fetch``)."""
    urls = workdir / "requests.txt"
    urls.write_text("".join(f"{base_url.rstrip('/')}{path}\n" for path in paths))
    result = subprocess.run(
        [sys.executable, "-m", "bench.bare_fetch", str(urls)],
        capture_output=True,
        text=True,
        check=True,
    )
    return float(result.stdout.strip().splitlines()[-1])


def main() -> None:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    site = build_site(args.articles)
    with serve_site(site) as server, tempfile.TemporaryDirectory() as tmp:
        pages = article_pages(site, server.base_url)
        profile = detected_profile(site, server.base_url)
        bare_passes, runs, requests = [], [], []
        for number in range(CRAWLS):  # each crawl between two passes of bare trafilatura
            bare_passes.append(parse_pass(pages, profile, ours=False))
            served = len(server.requests)
            workdir = Path(tmp) / f"crawl{number}"
            workdir.mkdir()
            runs.append(run_cli_crawl(server.base_url, workdir))
            requests.append(len(server.requests) - served)
        paths = [record.path for record in server.requests[: requests[0]]]
        fetch = bare_fetch_cpu(server.base_url, paths, Path(tmp))
    our_passes = []
    for _ in range(PASSES):  # after the crawls, alternating with parse_article
        bare_passes.append(parse_pass(pages, profile, ours=False))
        our_passes.append(parse_pass(pages, profile, ours=True))
    print_table(
        Measures(
            articles=len(site.articles),
            runs=runs,
            requests=statistics.median(requests),
            bare=statistics.median(bare_passes),
            ours=statistics.median(our_passes),
            fetch=fetch,
        )
    )


@dataclass(frozen=True, slots=True)
class Measures:
    """What the benchmark measured: the crawls, and the per-page CPU of the reference passes."""

    articles: int
    runs: list[CrawlRun]
    requests: float
    bare: float
    ours: float
    fetch: float


def print_table(measures: Measures) -> None:
    """Print the benchmark's table (median crawl; every crawl's ratio to trafilatura too)."""
    articles, bare = measures.articles, measures.bare
    run = sorted(measures.runs, key=lambda crawl: crawl.cpu)[len(measures.runs) // 2]
    cpu = run.cpu
    each = " / ".join(f"{crawl.cpu / articles / bare:.2f}x" for crawl in measures.runs)
    rows = [
        ("articles stored (crawl summary)", run.summary.split(": ", 1)[-1]),
        ("requests served", f"{measures.requests:.0f}"),
        ("crawl wall time", f"{run.wall:.1f} s"),
        ("pages/s", f"{measures.requests / run.wall:.1f}"),
        (
            "crawl CPU per article (whole CLI, median of 3 crawls)",
            f"{cpu / articles * 1000:.1f} ms",
        ),
        ("peak RSS of the crawl", f"{max(crawl.peak_rss_mb for crawl in measures.runs):.0f} MB"),
        ("bare trafilatura.extract CPU per page", f"{bare * 1000:.1f} ms"),
        (
            "partynews parse_article CPU per page (crawl's profile)",
            f"{measures.ours * 1000:.1f} ms",
        ),
        ("crawl CPU per article / bare trafilatura", f"{cpu / articles / bare:.2f}x"),
        ("  each crawl / bare trafilatura", each),
        ("parse_article / bare trafilatura", f"{measures.ours / bare:.2f}x"),
        (
            "bare Scrapy fetch of the same requests, CPU per article",
            f"{measures.fetch / articles * 1000:.1f} ms",
        ),
        (
            "(crawl CPU - bare Scrapy fetch) per article / bare trafilatura",
            f"{(cpu - measures.fetch) / articles / bare:.2f}x",
        ),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"| {'measure':<{width}} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for name, value in rows:
        print(f"| {name:<{width}} | {value} |")


if __name__ == "__main__":
    main()
