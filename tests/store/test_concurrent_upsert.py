"""Concurrent writers of the same article: one row, the right version, every revision kept."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from crawler.items import Article
from store.mapping import content_hash
from store.models import ArticleRow
from store.repository import UpsertCounts, list_revisions, upsert_articles
from tests.store.factories import article, crawled

WRITERS = 8
ROUNDS = 5
T0 = datetime(2021, 7, 1, 0, 0, tzinfo=UTC)


def edition(url: str, number: int) -> Article:
    """Return the article at ``url`` with a body of its own for writer ``number``."""
    return dataclasses.replace(article(url), body=f"Bản sửa số {number} của bài viết.")


def write_all_at_once(engine: Engine, versions: Sequence[Article]) -> list[UpsertCounts]:
    """Upsert each version in its own thread and transaction, all released by one barrier."""
    barrier = threading.Barrier(len(versions))

    def write(number: int) -> UpsertCounts:
        with Session(engine) as session:
            barrier.wait()
            counts = upsert_articles(
                session, [crawled(versions[number])], now=T0 + timedelta(minutes=number)
            )
            session.commit()
            return counts

    with ThreadPoolExecutor(max_workers=len(versions)) as pool:
        return list(pool.map(write, range(len(versions))))


def check_history(engine: Engine, url: str, bodies: set[str], expected_version: int) -> None:
    """One row, the expected version, and revisions 1..v-1 chained without a gap."""
    with Session(engine) as session:
        rows = session.execute(
            select(ArticleRow.version, ArticleRow.body, ArticleRow.updated_at).where(
                ArticleRow.url == url
            )
        ).all()
        revisions = list_revisions(session, url)
    assert len(rows) == 1
    version, current_body, updated_at = rows[0]
    assert version == expected_version
    assert [revision.version for revision in revisions] == list(range(1, expected_version))
    assert {revision.body for revision in revisions} | {current_body} == bodies
    for revision in revisions:
        assert revision.content_hash == content_hash(revision.title, revision.lead, revision.body)
    # each version was seen from the moment it replaced the one before
    replaced = [revision.replaced_at for revision in revisions]
    assert [revision.seen_from for revision in revisions[1:]] == replaced[:-1]
    if revisions:
        assert revisions[-1].replaced_at == updated_at


@pytest.mark.parametrize("round_number", range(ROUNDS))
def test_distinct_edits_of_a_stored_article(engine: Engine, round_number: int) -> None:
    url = f"https://hanoi.dcs.vn/tin/sua-dong-thoi-{round_number}.html"
    original = article(url)
    with Session(engine) as session:
        upsert_articles(session, [crawled(original)], now=T0 - timedelta(days=1))
        session.commit()
    edits = [edition(url, number) for number in range(WRITERS)]

    counts = write_all_at_once(engine, edits)

    assert counts == [UpsertCounts(updated=1)] * WRITERS
    check_history(engine, url, {original.body} | {e.body for e in edits}, WRITERS + 1)


@pytest.mark.parametrize("round_number", range(ROUNDS))
def test_distinct_versions_of_a_new_article(engine: Engine, round_number: int) -> None:
    url = f"https://hanoi.dcs.vn/tin/moi-dong-thoi-{round_number}.html"
    versions = [edition(url, number) for number in range(WRITERS)]

    counts = write_all_at_once(engine, versions)

    assert sorted(counts, key=lambda c: c.new) == [UpsertCounts(updated=1)] * (WRITERS - 1) + [
        UpsertCounts(new=1)
    ]
    check_history(engine, url, {v.body for v in versions}, WRITERS)


@pytest.mark.parametrize("round_number", range(ROUNDS))
def test_the_same_edit_from_every_writer(engine: Engine, round_number: int) -> None:
    url = f"https://hanoi.dcs.vn/tin/cung-ban-sua-{round_number}.html"
    original = article(url)
    with Session(engine) as session:
        upsert_articles(session, [crawled(original)], now=T0 - timedelta(days=1))
        session.commit()
    edit = edition(url, 0)

    counts = write_all_at_once(engine, [edit] * WRITERS)

    assert sorted(counts, key=lambda c: c.updated) == [UpsertCounts(unchanged=1)] * (
        WRITERS - 1
    ) + [UpsertCounts(updated=1)]
    check_history(engine, url, {original.body, edit.body}, 2)


def test_no_article_is_stored_twice(engine: Engine) -> None:
    with Session(engine) as session:
        duplicated = session.execute(
            select(ArticleRow.url).group_by(ArticleRow.url).having(func.count() > 1)
        ).all()
    assert duplicated == []
