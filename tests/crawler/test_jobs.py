from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from crawler.backfill import DateRange
from crawler.jobs import RESUMABLE_MARK, close_job, job_path, open_job, resolve_state_dir


@pytest.mark.parametrize(
    ("cli", "environ", "expected"),
    [
        ("/srv/state", {"PARTYNEWS_STATE_DIR": "/var/x"}, Path("/srv/state")),
        (None, {"PARTYNEWS_STATE_DIR": "/var/x"}, Path("/var/x")),
        (None, {}, Path(".partynews")),
    ],
)
def test_resolve_state_dir(cli: str | None, environ: dict[str, str], expected: Path) -> None:
    assert resolve_state_dir(cli, environ) == expected


def test_job_path_is_per_site_and_range(tmp_path: Path) -> None:
    path = job_path(tmp_path, "127.0.0.1:8000", DateRange())
    assert path.parent == tmp_path / "jobs" / "127.0.0.1_8000"
    since = DateRange(since=datetime(2024, 1, 1, tzinfo=UTC))
    assert job_path(tmp_path, "127.0.0.1:8000", since).parent == path.parent
    assert job_path(tmp_path, "127.0.0.1:8000", since) != path
    assert len(path.name) == 16


def test_a_finished_job_is_deleted(tmp_path: Path) -> None:
    job = open_job(tmp_path / "jobs" / "site" / "abc")
    assert (job.interrupted, job.resumed) == (False, False)
    close_job(job, finished=True)
    assert not (tmp_path / "jobs" / "site").exists()


def test_a_cleanly_stopped_job_is_resumed(tmp_path: Path) -> None:
    path = tmp_path / "jobs" / "site" / "abc"
    first = open_job(path)
    (path / "requests.queue").mkdir()
    close_job(first, finished=False)
    assert (path / RESUMABLE_MARK).exists()
    again = open_job(path)
    assert (again.interrupted, again.resumed) == (True, True)
    assert (path / "requests.queue").exists()
    assert not (path / RESUMABLE_MARK).exists()


def test_a_killed_job_is_discarded(tmp_path: Path) -> None:
    path = tmp_path / "jobs" / "site" / "abc"
    open_job(path)
    (path / "requests.queue").mkdir()  # killed: close_job never ran
    again = open_job(path)
    assert (again.interrupted, again.resumed) == (True, False)
    assert list(path.iterdir()) == []
