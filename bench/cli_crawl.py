"""Run the real ``partynews crawl`` CLI in a child process and measure it (for the benches)."""

from __future__ import annotations

import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

CLI = str(Path(sys.executable).with_name("partynews"))


@dataclass(frozen=True, slots=True)
class CrawlRun:
    """One CLI crawl: wall seconds, the child's CPU seconds and peak RSS (MB), its stdout."""

    wall: float
    cpu: float
    peak_rss_mb: float
    stdout: str

    @property
    def summary(self) -> str:
        """The first line of the crawl's summary (what it stored), or '' when it printed none."""
        return self.stdout.splitlines()[0] if self.stdout else ""


def run_cli_crawl(base_url: str, workdir: Path) -> CrawlRun:
    """Crawl ``base_url`` into ``workdir/bench.db`` (state in ``workdir/state``); measure it.

    CPU and peak RSS come from the children's resource usage, so nothing else may run a child
    process meanwhile; the peak is the largest of any child so far.
    """
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
            "--state-dir",
            str(workdir / "state"),
            "--no-progress",
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
    return CrawlRun(wall, cpu, after.ru_maxrss / 1024, result.stdout)
