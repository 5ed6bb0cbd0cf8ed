"""Argument helpers shared by the ``partynews`` subcommands."""

from __future__ import annotations

import argparse
import os
from datetime import datetime, timedelta

from crawler.items import VIETNAM
from store.db import make_engine, resolve_database_url, upgrade

DB_HELP = "SQLAlchemy database URL (default: $PARTYNEWS_DATABASE_URL, else sqlite:///partynews.db)"


class CliError(Exception):
    """A failure the user can act on: printed as one line, exit code 2."""


def date_arg(value: str) -> datetime:
    """Read a calendar day as its start in Vietnam time (the sites' publishing day)."""
    try:
        return datetime.strptime(value, "%Y-%m-%d").replace(tzinfo=VIETNAM)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def end_of(day: datetime | None) -> datetime | None:
    """Return the exclusive upper bound of ``day``: the start of the next day."""
    return day + timedelta(days=1) if day else None


def database_url(args: argparse.Namespace) -> str:
    """Return the database URL of ``--db`` (or the environment), its schema brought up to date."""
    url = resolve_database_url(args.db, os.environ)
    engine = make_engine(url)
    try:
        upgrade(engine)
    finally:
        engine.dispose()
    return url
