"""Incremental crawl benchmark: a full crawl of the 2,000-article local site, then a scheduled run.

Run ``python -m bench.incremental [--articles N] [--new N] [--recent N]`` from the project root.
The site's newest ``--recent`` articles are published in the last days (so the second run
revalidates them); between the runs it gains ``--new`` articles. For each run the table gives the
requests the server answered, the article bodies it sent (200 on an article URL), the 304s, the
unchanged article bodies sent (the target is 0) and the wall time.
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench.cli_crawl import CrawlRun, run_cli_crawl
from tests.site import RequestRecord, Site, build_site, evolve, serve_site


@dataclass(frozen=True, slots=True)
class RunMeasure:
    """What one crawl cost, from the server's side."""

    name: str
    requests: int
    bodies: int
    not_modified: int
    unchanged_bodies: int
    wall: float
    summary: str


def measure(
    name: str, log: Sequence[RequestRecord], site: Site, unchanged: set[str], run: CrawlRun
) -> RunMeasure:
    """Count the article bodies and 304s in one run's slice of the request log."""
    canonical = {article.path: article.path for article in site.articles} | site.aliases
    bodies = [r for r in log if r.status == 200 and r.path in canonical]
    return RunMeasure(
        name=name,
        requests=len(log),
        bodies=len(bodies),
        not_modified=sum(1 for r in log if r.status == 304),
        unchanged_bodies=sum(1 for r in bodies if canonical[r.path] in unchanged),
        wall=run.wall,
        summary=run.summary,
    )


def print_table(runs: Sequence[RunMeasure]) -> None:
    """Print the runs as a Markdown table."""
    print("| run | requests | article bodies (200) | 304 | unchanged bodies | wall time |")
    print("|---|---:|---:|---:|---:|---:|")
    for run in runs:
        print(
            f"| {run.name} | {run.requests} | {run.bodies} | {run.not_modified} | "
            f"{run.unchanged_bodies} | {run.wall:.1f} s |"
        )
    for run in runs:
        print(f"\n{run.name}: {run.summary}")


def main() -> None:
    """Run the full and the incremental crawl and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--new", type=int, default=10)
    parser.add_argument("--recent", type=int, default=20)
    args = parser.parse_args()
    site = build_site(args.articles, now=datetime.now(UTC), recent=args.recent)
    with serve_site(site) as server, tempfile.TemporaryDirectory() as tmp:
        full = run_cli_crawl(server.base_url, Path(tmp))
        first = measure("full", server.requests, site, set(), full)
        changed = evolve(site, new_articles=args.new, now=datetime.now(UTC))
        server.set_site(changed)
        mark = len(server.requests)
        incremental = run_cli_crawl(server.base_url, Path(tmp))
        unchanged = {article.path for article in site.articles}
        second = measure(
            f"incremental (+{args.new} new)",
            server.requests[mark:],
            changed,
            unchanged,
            incremental,
        )
    print_table([first, second])


if __name__ == "__main__":
    main()
