"""Crawl benchmark: a generated 2,000-article local site, end to end into SQLite.

Run ``python -m bench.crawl [--articles N]`` from the project root. It prints one table: the crawl's
wall time, pages/s, CPU seconds per article and peak RSS (the crawl runs as the real CLI in a child
process), and, over the same article pages in this process, the CPU time of bare
``trafilatura.extract`` and of partynews' own ``parse_article``.
"""

from __future__ import annotations

import argparse
import contextlib
import resource
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import trafilatura

from crawler.extract import NotAnArticle, parse_article
from tests.site import Site, build_site, serve_site
from tests.site.model import BASE

CLI = str(Path(sys.executable).with_name("partynews"))


def crawl_child(base_url: str, workdir: Path) -> tuple[float, float, float, str]:
    """Run the CLI crawl; return wall seconds, child CPU seconds, child peak RSS (MB), stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run(
        [
            CLI,
            "crawl",
            "--url",
            base_url,
            "--db",
            f"sqlite:///{workdir / 'bench.db'}",
            "-s",
            "LOG_LEVEL=WARNING",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=workdir,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024, result.stdout


def article_pages(site: Site, base_url: str) -> list[tuple[str, bytes]]:
    """Return (url, body) of every article page, as the server sends them."""
    pages = []
    for truth in site.articles:
        page = site.resolve(truth.path)
        if page is not None:
            pages.append((truth.url(base_url), page.body.replace(BASE.encode(), base_url.encode())))
    return pages


def cpu_per_page(pages: list[tuple[str, bytes]], *, ours: bool) -> float:
    """Return the CPU seconds per page of bare trafilatura or of ``parse_article``."""
    now = datetime.now(UTC)
    headers = {"content-type": "text/html; charset=utf-8"}
    started = time.process_time()
    for url, body in pages:
        if ours:
            with contextlib.suppress(NotAnArticle):
                parse_article(body, url, headers, now=now)
        else:
            trafilatura.extract(body, url=url)
    return (time.process_time() - started) / len(pages)


def main() -> None:
    """Run the benchmark and print its table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    args = parser.parse_args()
    site = build_site(args.articles)
    with serve_site(site) as server, tempfile.TemporaryDirectory() as tmp:
        wall, cpu, rss, summary = crawl_child(server.base_url, Path(tmp))
        requests = len(server.requests)
        pages = article_pages(site, server.base_url)
    bare = cpu_per_page(pages, ours=False)
    ours = cpu_per_page(pages, ours=True)
    articles = len(site.articles)
    rows = [
        ("articles stored (crawl summary)", summary.splitlines()[0].split(": ", 1)[-1]),
        ("requests served", f"{requests}"),
        ("crawl wall time", f"{wall:.1f} s"),
        ("pages/s", f"{requests / wall:.1f}"),
        ("crawl CPU per article (whole CLI)", f"{cpu / articles * 1000:.1f} ms"),
        ("peak RSS of the crawl", f"{rss:.0f} MB"),
        ("bare trafilatura.extract CPU per page", f"{bare * 1000:.1f} ms"),
        ("partynews parse_article CPU per page", f"{ours * 1000:.1f} ms"),
        ("crawl CPU per article / bare trafilatura", f"{cpu / articles / bare:.2f}x"),
        ("parse_article / bare trafilatura", f"{ours / bare:.2f}x"),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"| {'measure':<{width}} | value |")
    print(f"|{'-' * (width + 2)}|-------|")
    for name, value in rows:
        print(f"| {name:<{width}} | {value} |")


if __name__ == "__main__":
    main()
