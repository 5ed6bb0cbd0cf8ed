"""Database URLs, engines and their failure modes."""

from __future__ import annotations

import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from store.db import (
    DatabaseUnavailable,
    make_engine,
    normalize_url,
    resolve_database_url,
)

MIGRATE_ON_SIGNAL = """
import sys, time, pathlib
from store.db import make_engine, upgrade
engine = make_engine(sys.argv[1])
while not pathlib.Path(sys.argv[2]).exists():
    time.sleep(0.005)
upgrade(engine)
"""


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


@pytest.mark.postgres
def test_workers_starting_together_migrate_an_empty_database_once(
    postgres_url: str, tmp_path: Path
) -> None:
    name = f"partynews_migrate_{uuid.uuid4().hex[:10]}"
    server = normalize_url(postgres_url)
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    target = server.set(database=name).render_as_string(hide_password=False)
    try:
        # Alembic's context is process-global, and workers are processes: four of them import
        # everything, wait for one start signal, then migrate at the same moment.
        go = tmp_path / "go"
        workers = [
            subprocess.Popen(
                [sys.executable, "-c", MIGRATE_ON_SIGNAL, target, str(go)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            for _ in range(4)
        ]
        time.sleep(3)
        go.touch()
        outputs = [worker.communicate(timeout=120) for worker in workers]
        assert [worker.returncode for worker in workers] == [0, 0, 0, 0], outputs
        engine = make_engine(target)
        with engine.connect() as connection:
            versions = connection.execute(text("SELECT count(*) FROM alembic_version")).scalar()
        engine.dispose()
        assert versions == 1
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
