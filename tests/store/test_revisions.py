"""Revisions: an edited article keeps its replaced content and gets the next version."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from crawler.items import Article
from store.mapping import content_hash
from store.models import ArticleRevisionRow, ArticleRow
from store.repository import (
    Revision,
    UpsertCounts,
    get_article,
    list_revisions,
    upsert_articles,
)
from tests.store.factories import article, crawled

T1 = datetime(2021, 6, 28, 9, 0, tzinfo=UTC)
T2 = datetime(2021, 6, 29, 9, 0, tzinfo=UTC)
T3 = datetime(2021, 6, 30, 9, 0, tzinfo=UTC)
T4 = datetime(2021, 7, 1, 9, 0, tzinfo=UTC)

ORIGINAL = article()
LEAD = ORIGINAL.lead
FIRST_EDIT = dataclasses.replace(ORIGINAL, body="Chiều 28/6, Tỉnh ủy tổ chức Hội nghị lần thứ 5.")
SECOND_EDIT = dataclasses.replace(FIRST_EDIT, title="Hội nghị Tỉnh ủy lần thứ 5 (khóa XVII)")


def version_of(session: Session, url: str) -> tuple[int, datetime]:
    query = select(ArticleRow.version, ArticleRow.updated_at).where(ArticleRow.url == url)
    version, updated_at = session.execute(query).one()
    return version, updated_at


def revision_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(ArticleRevisionRow)) or 0


def test_an_edit_archives_the_old_content_as_version_1(session: Session) -> None:
    upsert_articles(session, [crawled(ORIGINAL)], now=T1)
    assert upsert_articles(session, [crawled(FIRST_EDIT)], now=T2) == UpsertCounts(0, 1, 0)

    assert list_revisions(session, ORIGINAL.url) == [
        Revision(
            version=1,
            title="Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5",
            lead=LEAD,
            body="Chiều 28/6, Tỉnh ủy tổ chức Hội nghị.\n\nCác đại biểu thảo luận.",
            content_hash=content_hash(ORIGINAL.title, LEAD, ORIGINAL.body),
            seen_from=T1,
            replaced_at=T2,
        )
    ]
    assert version_of(session, ORIGINAL.url) == (2, T2)
    assert get_article(session, ORIGINAL.url) == FIRST_EDIT


def test_a_second_edit_is_version_3_with_two_revisions(session: Session) -> None:
    upsert_articles(session, [crawled(ORIGINAL)], now=T1)
    upsert_articles(session, [crawled(FIRST_EDIT)], now=T2)
    upsert_articles(session, [crawled(FIRST_EDIT)], now=T3)  # unchanged: no revision
    assert upsert_articles(session, [crawled(SECOND_EDIT)], now=T4) == UpsertCounts(0, 1, 0)

    revisions = list_revisions(session, ORIGINAL.url)
    assert [(r.version, r.title, r.body, r.seen_from, r.replaced_at) for r in revisions] == [
        (1, ORIGINAL.title, ORIGINAL.body, T1, T2),
        (2, ORIGINAL.title, FIRST_EDIT.body, T2, T4),
    ]
    assert version_of(session, ORIGINAL.url) == (3, T4)
    assert get_article(session, ORIGINAL.url) == SECOND_EDIT


@pytest.mark.parametrize(
    "same_content",
    [
        ORIGINAL,
        dataclasses.replace(
            ORIGINAL, body="Chiều 28/6,  Tỉnh ủy tổ chức Hội nghị.\nCác đại biểu thảo luận. "
        ),
        dataclasses.replace(ORIGINAL, tags=["Kinh tế"], authors=["Ngọc Anh"], section="Thời sự"),
    ],
    ids=["identical", "whitespace-only", "metadata-only"],
)
def test_an_unchanged_restore_writes_no_revision(session: Session, same_content: Article) -> None:
    upsert_articles(session, [crawled(ORIGINAL)], now=T1)
    assert upsert_articles(session, [crawled(same_content)], now=T2) == UpsertCounts(0, 0, 1)
    assert revision_count(session) == 0
    assert version_of(session, ORIGINAL.url) == (1, T1)


def test_a_new_article_has_no_revision(session: Session) -> None:
    upsert_articles(session, [crawled(ORIGINAL)], now=T1)
    assert list_revisions(session, ORIGINAL.url) == []
    assert list_revisions(session, "https://hanoi.dcs.vn/khong-co.html") == []


def test_a_mixed_batch_archives_only_the_edited_articles(session: Session) -> None:
    kept = article("https://hanoi.dcs.vn/tin/giu-nguyen.html")
    edited = article("https://hanoi.dcs.vn/tin/da-sua.html")
    upsert_articles(session, [crawled(kept), crawled(edited)], now=T1)
    fresh = article("https://hanoi.dcs.vn/tin/moi.html")
    changed = dataclasses.replace(edited, title="Tiêu đề đã sửa")

    counts = upsert_articles(session, [crawled(fresh), crawled(kept), crawled(changed)], now=T2)

    assert counts == UpsertCounts(new=1, updated=1, unchanged=1)
    assert [r.version for r in list_revisions(session, edited.url)] == [1]
    assert list_revisions(session, kept.url) == []
    assert revision_count(session) == 1
    assert version_of(session, fresh.url) == (1, T2)


def test_edits_within_one_batch_make_one_version(session: Session) -> None:
    upsert_articles(session, [crawled(ORIGINAL)], now=T1)
    upsert_articles(session, [crawled(FIRST_EDIT), crawled(SECOND_EDIT)], now=T2)
    assert [r.body for r in list_revisions(session, ORIGINAL.url)] == [ORIGINAL.body]
    assert version_of(session, ORIGINAL.url) == (2, T2)
