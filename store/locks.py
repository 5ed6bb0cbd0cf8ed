"""Crawl locks: one crawl per site at a time (a file lock; on PostgreSQL also an advisory lock)."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from store.db import make_engine, normalize_url

LOCKS_DIR = "locks"
SAFE_KEY = re.compile(r"[^A-Za-z0-9._-]")
"""Characters of a site key that do not go into a lock file name as they are."""
ADVISORY_NAMESPACE = b"partynews site lock\0"
APPLICATION_NAME_PREFIX = "partynews lock"

HOLDER_QUERY = text(
    """
    SELECT a.application_name, a.pid
    FROM pg_locks AS l JOIN pg_stat_activity AS a ON a.pid = l.pid
    WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
      AND CAST(l.classid AS bigint) = :high AND CAST(l.objid AS bigint) = :low
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
    """
)


class SiteLocked(Exception):  # noqa: N818 - the name the contract gives it
    """Another process is crawling the site: it holds the site's lock."""

    def __init__(self, site_key: str, detail: str) -> None:
        super().__init__(f"{site_key} is already being crawled ({detail})")
        self.site_key = site_key
        self.detail = detail


def lock_file_path(state_dir: Path, site_key: str) -> Path:
    """Return ``<state_dir>/locks/<key>.lock``; a key with unsafe characters gets a hash suffix."""
    safe = SAFE_KEY.sub("_", site_key)
    if safe != site_key or safe.strip(".") == "":
        safe = f"{safe}-{hashlib.sha256(site_key.encode()).hexdigest()[:8]}"
    return state_dir / LOCKS_DIR / f"{safe}.lock"


def advisory_key(site_key: str) -> int:
    """Return the signed 64-bit key of the site's PostgreSQL advisory lock."""
    digest = hashlib.sha256(ADVISORY_NAMESPACE + site_key.encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


@contextlib.contextmanager
def site_lock(database_url: str, site_key: str, state_dir: Path) -> Iterator[None]:
    """Hold the site's crawl lock for the ``with`` block; raise `SiteLocked` at once if taken.

    The file lock (``flock``) guards the site's job state in ``state_dir`` on every database;
    on PostgreSQL a session advisory lock, on a connection kept open for the block, also
    guards crawls started from other machines or state directories. Both die with the process.
    Raises `store.db.DatabaseUnavailable` when PostgreSQL cannot be reached.
    """
    with _file_lock(lock_file_path(state_dir, site_key), site_key):
        if normalize_url(database_url).get_backend_name() == "postgresql":
            with _advisory_lock(database_url, site_key):
                yield
        else:
            yield


@contextlib.contextmanager
def _file_lock(path: Path, site_key: str) -> Iterator[None]:
    """Hold an exclusive, non-blocking ``flock`` on ``path``; write our pid into it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SiteLocked(site_key, _file_holder(path, handle)) from None
        try:
            handle.seek(0)
            handle.truncate()
            since = datetime.now(UTC).isoformat(timespec="seconds")
            handle.write(f"pid {os.getpid()} since {since}\n")
            handle.flush()
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _file_holder(path: Path, handle: IO[str]) -> str:
    """Describe who holds the lock file, from what its holder wrote into it."""
    handle.seek(0)
    holder = handle.read().strip()
    return f"lock file {path} held by {holder}" if holder else f"lock file {path} is held"


@contextlib.contextmanager
def _advisory_lock(database_url: str, site_key: str) -> Iterator[None]:
    """Hold ``pg_try_advisory_lock`` on a dedicated autocommit connection for the block."""
    application_name = f"{APPLICATION_NAME_PREFIX} {site_key} pid {os.getpid()}"[:63]
    url = normalize_url(database_url).update_query_dict({"application_name": application_name})
    engine = make_engine(url)
    key = advisory_key(site_key)
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            if not connection.scalar(text("SELECT pg_try_advisory_lock(:key)"), {"key": key}):
                raise SiteLocked(site_key, _advisory_holder(connection, key))
            try:
                yield
            finally:
                with contextlib.suppress(DBAPIError):  # a lost connection has released it
                    connection.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": key})
    finally:
        engine.dispose()


def _advisory_holder(connection: Connection, key: int) -> str:
    """Describe the PostgreSQL session that holds the advisory lock ``key``."""
    unsigned = key & 0xFFFF_FFFF_FFFF_FFFF
    parameters = {"high": unsigned >> 32, "low": unsigned & 0xFFFF_FFFF}
    holder = connection.execute(HOLDER_QUERY, parameters).first()
    if holder is None:
        return "PostgreSQL advisory lock held by another session"
    application_name, backend_pid = holder
    who = application_name or f"backend pid {backend_pid}"
    return f"PostgreSQL advisory lock held by {who}"
