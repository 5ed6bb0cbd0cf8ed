"""The migrations build the schema the models describe, on both databases."""

from __future__ import annotations

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from store.db import alembic_config, upgrade
from store.models import Base

TABLES = {
    "alembic_version",
    "article_bands",
    "article_revisions",
    "articles",
    "crawl_runs",
    "raw_responses",
    "sites",
}
INITIAL_REVISION = "d6e7b2827aa3"


def test_upgrade_creates_every_table(engine: Engine) -> None:
    assert set(inspect(engine).get_table_names()) == TABLES


def test_database_is_at_the_single_head(engine: Engine) -> None:
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    with engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_heads()
    assert len(heads) == 1
    assert current == tuple(heads)


def test_models_match_the_migrations(engine: Engine) -> None:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_downgrade_to_base_and_back(engine: Engine) -> None:
    command.downgrade(alembic_config(engine), "base")
    assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    upgrade(engine)
    assert set(inspect(engine).get_table_names()) == TABLES


def test_upgrade_twice_is_a_no_op(engine: Engine) -> None:
    upgrade(engine)
    assert set(inspect(engine).get_table_names()) == TABLES


def test_downgrade_to_the_initial_schema_drops_the_later_tables(engine: Engine) -> None:
    command.downgrade(alembic_config(engine), INITIAL_REVISION)
    assert set(inspect(engine).get_table_names()) == TABLES - {"article_revisions", "article_bands"}
    upgrade(engine)
    assert set(inspect(engine).get_table_names()) == TABLES


def test_revision_unique_per_article_and_version(engine: Engine) -> None:
    constraints = inspect(engine).get_unique_constraints("article_revisions")
    assert [(c["name"], c["column_names"]) for c in constraints] == [
        ("uq_article_revisions_article_id", ["article_id", "version"])
    ]
