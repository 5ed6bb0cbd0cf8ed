"""Alembic environment: runs the migrations on the engine `store.db.upgrade` hands over."""

from __future__ import annotations

import os
from logging.config import fileConfig

from alembic import context
from sqlalchemy import Engine, text

from store.db import make_engine, resolve_database_url
from store.models import Base

target_metadata = Base.metadata

if context.config.config_file_name is not None:
    fileConfig(context.config.config_file_name, disable_existing_loggers=False)


def _engine() -> Engine:
    """Use the engine passed in by `store.db`, else the URL of the ini file or the environment."""
    given = context.config.attributes.get("engine")
    if isinstance(given, Engine):
        return given
    configured = context.config.get_main_option("sqlalchemy.url")
    return make_engine(resolve_database_url(configured, os.environ))


# Held for the migration transaction, so workers starting together on an empty PostgreSQL
# database migrate it once (the others wait, then find it at head).
MIGRATION_LOCK_KEY = 0x7061_7274_796E  # "partyn"


def run_migrations_online() -> None:
    """Run the migrations in one transaction; batch mode lets SQLite alter tables."""
    with _engine().connect() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(
                text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK_KEY}
            )
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


if context.is_offline_mode():
    msg = "offline (--sql) migrations are not supported: give a database URL"
    raise SystemExit(msg)
run_migrations_online()
