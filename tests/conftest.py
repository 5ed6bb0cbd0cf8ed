"""Shared test fixtures: service URLs (skipped with a reason when the service is not configured)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

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
