"""Shared test fixtures: service URLs (skipped with a reason when the service is not configured)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED = PROJECT_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def postgres_url() -> str:
    """The URL of the test PostgreSQL database, from PARTYNEWS_TEST_POSTGRES."""
    url = os.environ.get("PARTYNEWS_TEST_POSTGRES")
    if not url:
        pytest.skip("PostgreSQL test skipped: PARTYNEWS_TEST_POSTGRES is not set")
    return url


@pytest.fixture(scope="session")
def redis_url() -> str:
    """The URL of the test Redis database, from PARTYNEWS_TEST_REDIS."""
    url = os.environ.get("PARTYNEWS_TEST_REDIS")
    if not url:
        pytest.skip("Redis test skipped: PARTYNEWS_TEST_REDIS is not set")
    return url


@pytest.fixture
def chdir_tmp(tmp_path: Path) -> Iterator[Path]:
    """Run the test inside an empty temporary directory."""
    old = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(old)


@contextmanager
def fresh_postgres_database(server_url: str) -> Iterator[str]:
    """Create a uniquely named database on the test server, yield its URL, then drop it."""
    name = f"partynews_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A new, empty database of each kind: an SQLite file, or a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'partynews.db'}"
        return
    with fresh_postgres_database(request.getfixturevalue("postgres_url")) as url:
        yield url
