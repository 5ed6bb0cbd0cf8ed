"""Engines, sessions and migrations: where the database URL becomes a working connection."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

DATABASE_URL_ENV = "PARTYNEWS_DATABASE_URL"
DEFAULT_DATABASE_URL = "sqlite:///partynews.db"
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_BUSY_TIMEOUT_MS = 30_000
"""How long a SQLite writer waits for another one (several crawl workers share the file)."""
POSTGRES_CONNECT_TIMEOUT_S = 5


class DatabaseUnavailable(Exception):  # noqa: N818 - the name the CLI and the brief use
    """The database server cannot be reached or the database file cannot be opened."""


def resolve_database_url(cli_value: str | None, environ: Mapping[str, str]) -> str:
    """Return the URL: ``--db``, else ``PARTYNEWS_DATABASE_URL``, else a local SQLite file."""
    if cli_value:
        return cli_value
    return environ.get(DATABASE_URL_ENV) or DEFAULT_DATABASE_URL


def normalize_url(url: str | URL) -> URL:
    """Parse a URL and select psycopg 3 for plain ``postgresql://`` (or ``postgres://``) URLs."""
    text = url if isinstance(url, str) else url.render_as_string(hide_password=False)
    for prefix in ("postgresql://", "postgres://"):
        if text.startswith(prefix):
            text = "postgresql+psycopg://" + text.removeprefix(prefix)
    return make_url(text)


def make_engine(url: str | URL) -> Engine:
    """Create an engine and check that it can connect; raise `DatabaseUnavailable` if not."""
    parsed = normalize_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed)
        event.listen(engine, "connect", _configure_sqlite)
    else:
        connect_args: dict[str, Any] = {}
        if parsed.get_backend_name() == "postgresql" and "connect_timeout" not in parsed.query:
            connect_args["connect_timeout"] = POSTGRES_CONNECT_TIMEOUT_S
        engine = create_engine(parsed, connect_args=connect_args, pool_pre_ping=True)
    try:
        with engine.connect():
            pass
    except DBAPIError as error:
        engine.dispose()
        raise DatabaseUnavailable(_unavailable_message(parsed, error)) from error
    return engine


def _configure_sqlite(dbapi_connection: Any, connection_record: Any) -> None:
    """Turn on WAL, a busy timeout and foreign keys on every new SQLite connection."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS:d}")
        cursor.execute("PRAGMA foreign_keys=ON")
    finally:
        cursor.close()


def _unavailable_message(url: URL, error: DBAPIError) -> str:
    """One line naming the database (without its password) and the driver's first line."""
    reason = str(error.orig).strip().splitlines()
    first_line = reason[0] if reason else type(error.orig).__name__
    return f"database unavailable: {url.render_as_string(hide_password=True)}: {first_line}"


def alembic_config(engine: Engine | None = None) -> Config:
    """Return an Alembic configuration for the package's migrations, without any ini file."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Migrate the database to ``revision`` (the newest by default)."""
    command.upgrade(alembic_config(engine), revision)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Return a session factory bound to ``engine``; sessions do not expire objects on commit."""
    return sessionmaker(bind=engine, expire_on_commit=False)
