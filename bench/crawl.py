"""Crawl benchmark: a generated 2,000-article local site, end to end into SQLite.

Run ``python -m bench.crawl [--articles N]`` from the project root. It prints one table: the crawl's
wall time, pages/s, CPU seconds per article and peak RSS (the crawl runs as the real CLI in a child
process); over the same article pages in this process, the CPU time of bare
``trafilatura.extract`` (median of one pass before the crawl and three after) and of partynews'
own ``parse_article`` with the profile the crawl detects (median of three passes, alternating
with trafilatura's: one pass alone varies by 10 % or more); and the CPU that Scrapy alone spends
fetching the crawl's requests again with a spider that parses nothing (``bench.bare_fetch``), to
tell Scrapy's share from ours.
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import trafilatura

from bench.cli_crawl import run_cli_crawl
from crawler.extract import NotAnArticle, parse_article
from crawler.sites.base import SiteProfile
from crawler.sites.detect import resolve_profile
from tests.site import Site, build_site, serve_site
from tests.site.model import BASE

PASSES = 3


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
        bare_passes = [parse_pass(pages, profile, ours=False)]  # the machine's pace before...
        run = run_cli_crawl(server.base_url, Path(tmp))
        requests = len(server.requests)
        paths = [record.path for record in server.requests]
        fetch = bare_fetch_cpu(server.base_url, paths, Path(tmp))
    our_passes = []
    for _ in range(PASSES):  # ...and after the crawl, alternating with parse_article
        bare_passes.append(parse_pass(pages, profile, ours=False))
        our_passes.append(parse_pass(pages, profile, ours=True))
    bare, ours = statistics.median(bare_passes), statistics.median(our_passes)
    articles = len(site.articles)
    cpu = run.cpu
    rows = [
        ("articles stored (crawl summary)", run.summary.split(": ", 1)[-1]),
        ("requests served", f"{requests}"),
        ("crawl wall time", f"{run.wall:.1f} s"),
        ("pages/s", f"{requests / run.wall:.1f}"),
        ("crawl CPU per article (whole CLI)", f"{cpu / articles * 1000:.1f} ms"),
        ("peak RSS of the crawl", f"{run.peak_rss_mb:.0f} MB"),
        ("bare trafilatura.extract CPU per page", f"{bare * 1000:.1f} ms"),
        ("partynews parse_article CPU per page (crawl's profile)", f"{ours * 1000:.1f} ms"),
        ("crawl CPU per article / bare trafilatura", f"{cpu / articles / bare:.2f}x"),
        ("parse_article / bare trafilatura", f"{ours / bare:.2f}x"),
        (
            "bare Scrapy fetch of the same requests, CPU per article",
            f"{fetch / articles * 1000:.1f} ms",
        ),
        (
            "(crawl CPU - bare Scrapy fetch) per article / bare trafilatura",
            f"{(cpu - fetch) / articles / bare:.2f}x",
        ),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"| {'measure':<{width}} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for name, value in rows:
        print(f"| {name:<{width}} | {value} |")


if __name__ == "__main__":
    main()
