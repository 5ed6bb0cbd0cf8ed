"""Store fixtures: one migrated database per module, on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ProgrammingError
from sqlalchemy.orm import Session

from store.db import make_engine, normalize_url, upgrade

POSTGRES_ENV = "PARTYNEWS_TEST_POSTGRES"

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def postgres_url() -> URL:
    """The test server's URL, or skip the test."""
    value = os.environ.get(POSTGRES_ENV)
    if not value:
        pytest.skip(f"{POSTGRES_ENV} not set")
    return normalize_url(value)


def _ensure_database(url: URL) -> None:
    """Create the test database if it is missing (other runs may do the same at once)."""
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            exists = connection.scalar(
                text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": url.database}
            )
            if not exists:
                # a concurrent run may create it meanwhile
                with contextlib.suppress(ProgrammingError):
                    connection.execute(text(f'CREATE DATABASE "{url.database}"'))
    finally:
        admin.dispose()


def _execute_autocommit(url: URL, statement: str) -> None:
    """Run one DDL statement outside any transaction."""
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(statement))
    finally:
        admin.dispose()


@contextlib.contextmanager
def blank_engine(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    """Open an engine on an empty database: a new SQLite file, or a new PostgreSQL schema."""
    if backend == "sqlite":
        path = tmp_path_factory.mktemp("store") / "partynews.db"
        engine = make_engine(f"sqlite:///{path}")
        try:
            yield engine
        finally:
            engine.dispose()
        return
    url = postgres_url()
    _ensure_database(url)
    schema = f"test_{uuid.uuid4().hex[:12]}"
    _execute_autocommit(url, f'CREATE SCHEMA "{schema}"')
    engine = make_engine(url.update_query_dict({"options": f"-csearch_path={schema}"}))
    try:
        yield engine
    finally:
        engine.dispose()
        _execute_autocommit(url, f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(scope="module", params=BACKENDS)
def engine(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """A database migrated to head, shared by the tests of one module."""
    with blank_engine(request.param, tmp_path_factory) as migrated:
        upgrade(migrated)
        yield migrated


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session inside a transaction that is rolled back after the test."""
    with engine.connect() as connection:
        transaction = connection.begin()
        with Session(bind=connection) as db_session:
            yield db_session
        if transaction.is_active:  # a failed flush has already rolled it back
            transaction.rollback()
