"""Site locks: a second crawl of a site fails at once; the lock goes with its holder."""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import subprocess
import sys
import textwrap
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from store.db import DatabaseUnavailable
from store.locks import SiteLocked, advisory_key, lock_file_path, site_lock
from tests.store.conftest import postgres_url

REPO_ROOT = Path(__file__).resolve().parents[2]
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
PROMPT_S = 1.0
"""A refused lock must come back well within this (it never waits for the holder)."""
RELEASE_TIMEOUT_S = 10.0

HOLDER_SCRIPT = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from store.locks import site_lock
    with site_lock(sys.argv[1], sys.argv[2], Path(sys.argv[3])):
        print("held", flush=True)
        time.sleep(600)
    """
)


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A SQLite URL (never opened by the lock) or the PostgreSQL test server's URL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'partynews.db'}"
    return postgres_url().render_as_string(hide_password=False)


@pytest.fixture
def site_key() -> str:
    """A site key of this test alone: advisory locks are shared by the whole server."""
    return f"site-{uuid.uuid4().hex[:10]}"


@contextlib.contextmanager
def holding_child(
    database_url: str, site_key: str, state_dir: Path
) -> Iterator[subprocess.Popen[str]]:
    """Run a child process that holds the lock until it is killed."""
    with subprocess.Popen(
        [sys.executable, "-c", HOLDER_SCRIPT, database_url, site_key, str(state_dir)],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        try:
            assert child.stdout is not None
            assert child.stdout.readline() == "held\n"
            yield child
        finally:
            child.kill()


@pytest.fixture
def holder(database_url: str, site_key: str, tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    """A child process that holds the site's lock in ``tmp_path / 'state'``."""
    with holding_child(database_url, site_key, tmp_path / "state") as child:
        yield child


def sha256_prefix(text: str) -> str:
    """The first 8 hex digits of the SHA-256 of ``text``: a lock file name's collision guard."""
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def acquire_when_free(database_url: str, site_key: str, state_dir: Path) -> None:
    """Take and release the lock, retrying while a dead holder's lock is being released."""
    deadline = time.monotonic() + RELEASE_TIMEOUT_S
    while True:
        try:
            with site_lock(database_url, site_key, state_dir):
                return
        except SiteLocked:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        ("hanoi", "locks/hanoi.lock"),
        ("baobinhduong.vn", "locks/baobinhduong.vn.lock"),
        ("127.0.0.1:8080", f"locks/127.0.0.1_8080-{sha256_prefix('127.0.0.1:8080')}.lock"),
        ("127.0.0.1_8080", "locks/127.0.0.1_8080.lock"),
        ("a/../b", f"locks/a_.._b-{sha256_prefix('a/../b')}.lock"),
        ("..", f"locks/..-{sha256_prefix('..')}.lock"),
    ],
)
def test_lock_file_path(key: str, expected: str) -> None:
    assert lock_file_path(Path("/state"), key) == Path("/state") / expected


def test_advisory_keys_are_signed_64_bit_and_differ_by_site() -> None:
    keys = {advisory_key(f"site{number}") for number in range(1000)}
    assert len(keys) == 1000
    assert all(-(2**63) <= key < 2**63 for key in keys)
    assert advisory_key("hanoi") == advisory_key("hanoi")


def test_a_second_holder_in_this_process_is_refused_at_once(
    database_url: str, site_key: str, tmp_path: Path
) -> None:
    with site_lock(database_url, site_key, tmp_path):
        started = time.monotonic()
        with pytest.raises(SiteLocked) as refused, site_lock(database_url, site_key, tmp_path):
            pytest.fail("the lock was taken twice")
        assert time.monotonic() - started < PROMPT_S
    assert refused.value.site_key == site_key
    assert str(refused.value).startswith(f"{site_key} is already being crawled (lock file ")
    assert f"held by pid {os.getpid()} since " in refused.value.detail


def test_released_on_exit_and_on_error(database_url: str, site_key: str, tmp_path: Path) -> None:
    with site_lock(database_url, site_key, tmp_path):
        pass
    with pytest.raises(RuntimeError), site_lock(database_url, site_key, tmp_path):
        raise RuntimeError
    with site_lock(database_url, site_key, tmp_path):
        pass
    assert (tmp_path / "locks").is_dir()


def test_other_sites_are_not_blocked(database_url: str, site_key: str, tmp_path: Path) -> None:
    with (
        site_lock(database_url, site_key, tmp_path),
        site_lock(database_url, site_key + "-other", tmp_path),
    ):
        pass


def test_another_process_is_refused_then_takes_it_after_a_sigkill(
    database_url: str, site_key: str, tmp_path: Path, holder: subprocess.Popen[str]
) -> None:
    state_dir = tmp_path / "state"
    started = time.monotonic()
    with pytest.raises(SiteLocked) as refused, site_lock(database_url, site_key, state_dir):
        pytest.fail("the lock was taken twice")
    assert time.monotonic() - started < PROMPT_S
    assert f"held by pid {holder.pid} since " in refused.value.detail

    holder.send_signal(signal.SIGKILL)
    holder.wait()
    acquire_when_free(database_url, site_key, state_dir)


@pytest.mark.postgres
def test_postgres_advisory_lock_spans_state_directories(site_key: str, tmp_path: Path) -> None:
    url = postgres_url().render_as_string(hide_password=False)
    second_dir = tmp_path / "second"
    with (
        site_lock(url, site_key, tmp_path / "first"),
        pytest.raises(SiteLocked) as refused,
        site_lock(url, site_key, second_dir),
    ):
        pytest.fail("the advisory lock was taken twice")
    assert refused.value.detail == (
        f"PostgreSQL advisory lock held by partynews lock {site_key} pid {os.getpid()}"
    )
    with site_lock(url, site_key, tmp_path / "second"):
        pass


@pytest.mark.postgres
def test_postgres_lock_dies_with_the_holders_connection(site_key: str, tmp_path: Path) -> None:
    url = postgres_url().render_as_string(hide_password=False)
    with holding_child(url, site_key, tmp_path / "child-state") as child:
        with pytest.raises(SiteLocked, match="advisory lock"), site_lock(url, site_key, tmp_path):
            pytest.fail("the advisory lock was taken twice")
        child.send_signal(signal.SIGKILL)
        child.wait()
        acquire_when_free(url, site_key, tmp_path)


def test_an_unreachable_postgres_releases_the_file_lock(site_key: str, tmp_path: Path) -> None:
    unreachable = "postgresql://postgres@127.0.0.1:1/partynews"
    with pytest.raises(DatabaseUnavailable), site_lock(unreachable, site_key, tmp_path):
        pytest.fail("locked without a database")
    with site_lock(f"sqlite:///{tmp_path / 'x.db'}", site_key, tmp_path):
        pass
