"""Database URLs, engines and their failure modes."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from store.db import DatabaseUnavailable, make_engine, normalize_url, resolve_database_url


@pytest.mark.parametrize(
    ("cli_value", "environ", "expected"),
    [
        ("sqlite:///cli.db", {"PARTYNEWS_DATABASE_URL": "sqlite:///env.db"}, "sqlite:///cli.db"),
        (None, {"PARTYNEWS_DATABASE_URL": "sqlite:///env.db"}, "sqlite:///env.db"),
        ("", {"PARTYNEWS_DATABASE_URL": "sqlite:///env.db"}, "sqlite:///env.db"),
        (None, {}, "sqlite:///partynews.db"),
        (None, {"PARTYNEWS_DATABASE_URL": ""}, "sqlite:///partynews.db"),
        (None, {"DATABASE_URL": "sqlite:///other.db"}, "sqlite:///partynews.db"),
    ],
)
def test_resolve_database_url_precedence(
    cli_value: str | None, environ: dict[str, str], expected: str
) -> None:
    assert resolve_database_url(cli_value, environ) == expected


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgresql://u:p@db:5432/news", "postgresql+psycopg://u:p@db:5432/news"),
        ("postgres://u@db/news", "postgresql+psycopg://u@db/news"),
        ("postgresql+psycopg://u@db/news", "postgresql+psycopg://u@db/news"),
        ("postgresql+psycopg2://u@db/news", "postgresql+psycopg2://u@db/news"),
        ("sqlite:///partynews.db", "sqlite:///partynews.db"),
    ],
)
def test_normalize_url_selects_psycopg_3(given: str, expected: str) -> None:
    assert normalize_url(given).render_as_string(hide_password=False) == expected


def test_unreachable_postgres_fails_fast_with_one_line() -> None:
    started = time.monotonic()
    with pytest.raises(DatabaseUnavailable) as caught:
        make_engine("postgresql://reader:s3cret@127.0.0.1:1/partynews")
    elapsed = time.monotonic() - started
    message = str(caught.value)
    assert elapsed < 5
    assert "\n" not in message
    assert "s3cret" not in message
    assert message.startswith(
        "database unavailable: postgresql+psycopg://reader:***@127.0.0.1:1/partynews"
    )


def test_unopenable_sqlite_file_is_unavailable(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/missing-directory/partynews.db"
    with pytest.raises(DatabaseUnavailable) as caught:
        make_engine(url)
    assert str(caught.value) == f"database unavailable: {url}: unable to open database file"


@pytest.mark.parametrize(
    ("pragma", "expected"),
    [("journal_mode", "wal"), ("foreign_keys", 1), ("busy_timeout", 30000)],
)
def test_sqlite_connections_are_configured(tmp_path: Path, pragma: str, expected: object) -> None:
    engine: Engine = make_engine(f"sqlite:///{tmp_path / 'partynews.db'}")
    try:
        with engine.connect() as connection:
            assert connection.scalar(text(f"PRAGMA {pragma}")) == expected
    finally:
        engine.dispose()
