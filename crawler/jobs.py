"""Per-site job state (Scrapy's JOBDIR) under the state directory: resume, discard, clean up."""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from crawler.backfill import DateRange

logger = logging.getLogger(__name__)

STATE_DIR_ENV = "PARTYNEWS_STATE_DIR"
DEFAULT_STATE_DIR = ".partynews"
RESUMABLE_MARK = "partynews.resumable"
"""Written when a crawl stopped cleanly (SIGINT, SIGTERM): its queue on disk is whole."""


def resolve_state_dir(cli_value: str | None, environ: Mapping[str, str]) -> Path:
    """Return ``--state-dir``, else ``$PARTYNEWS_STATE_DIR``, else ``.partynews/`` here."""
    return Path(cli_value or environ.get(STATE_DIR_ENV) or DEFAULT_STATE_DIR)


def job_path(state_dir: Path, site_key: str, window: DateRange) -> Path:
    """Return the job directory of one site and one date range."""
    safe_key = re.sub(r"[^A-Za-z0-9._-]", "_", site_key)
    return state_dir / "jobs" / safe_key / window.digest()


@dataclass(frozen=True, slots=True)
class Job:
    """A site's job directory as a crawl opened it."""

    path: Path
    interrupted: bool
    """A previous run of the same command did not finish (its directory was still there)."""
    resumed: bool
    """Its queue is resumed (it stopped cleanly); False when it was discarded or new."""


def open_job(path: Path) -> Job:
    """Prepare the job directory: resume a cleanly stopped crawl, discard a killed one."""
    interrupted = path.exists()
    mark = path / RESUMABLE_MARK
    resumed = interrupted and mark.exists()
    if resumed:
        mark.unlink()
        logger.info("resuming the stopped crawl in %s", path)
    elif interrupted:
        logger.warning("the crawl in %s was killed: its job state is discarded", path)
        shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True, exist_ok=True)
    return Job(path=path, interrupted=interrupted, resumed=resumed)


def close_job(job: Job, *, finished: bool) -> None:
    """Delete the job directory of a finished crawl; mark a stopped one as resumable."""
    if finished:
        shutil.rmtree(job.path, ignore_errors=True)
        _remove_if_empty(job.path.parent)
        return
    if job.path.exists():
        (job.path / RESUMABLE_MARK).touch()


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        return
