"""Near-duplicate groups at store time and `dedupe_rows`, on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from crawler.items import Article
from normalize.dedup import NUM_BANDS, shingle_sketch, text_shingles
from store.dedup import assign_missing_groups, pack_sketch, unpack_sketch
from store.export_dedupe import dedupe_rows
from store.models import ArticleBandRow, ArticleRow, SiteRow
from store.repository import ensure_site, upsert_articles
from tests.store.factories import article, crawled

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "dedup"
T0 = datetime(2023, 3, 20, 3, 0, tzinfo=UTC)
T1 = datetime(2023, 3, 20, 9, 0, tzinfo=UTC)


def fixture_article(name: str, side: str, url: str, published_at: datetime = T0) -> Article:
    """The text ``side`` ('a' or 'b') of a calibration pair, as an article at ``url``."""
    text = json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))[side]
    base = article(url, site=text["site"], title=text["title"], body=text["body"])
    return dataclasses.replace(base, lead=text["lead"], published_at=published_at)


def store(session: Session, *articles: Article) -> dict[str, int]:
    """Upsert the articles in one batch; return the stored group of each URL."""
    upsert_articles(session, [crawled(item) for item in articles])
    rows = session.execute(select(ArticleRow.url, ArticleRow.near_dup_group))
    return {str(url): int(group or 0) for url, group in rows}


def article_id(session: Session, url: str) -> int:
    return int(session.scalar(select(ArticleRow.id).where(ArticleRow.url == url)) or 0)


CENTRAL = "https://dangcongsan.vn/a/1.html"
PROVINCIAL = "https://baolongan.vn/b/2.html"


def test_republication_on_another_site_joins_the_group(session: Session) -> None:
    store(session, fixture_article("same_e3a_everything", "a", CENTRAL))
    groups = store(session, fixture_article("same_e3a_everything", "b", PROVINCIAL, T1))
    assert groups == {CENTRAL: article_id(session, CENTRAL), PROVINCIAL: groups[CENTRAL]}


def test_republication_in_the_same_batch_joins_the_group(session: Session) -> None:
    first = fixture_article("same_e1a_excerpt", "a", "https://quangngai.dcs.vn/1.html")
    second = fixture_article("same_e1a_excerpt", "b", "https://baoquangngai.vn/2.html")
    groups = store(session, first, second)
    # a batch is inserted in URL order: baoquangngai.vn gets the lower id and founds the group
    assert set(groups.values()) == {article_id(session, second.url)}
    assert article_id(session, second.url) < article_id(session, first.url)


def test_different_report_of_the_same_event_has_its_own_group(session: Session) -> None:
    store(session, fixture_article("different_e3_same_event", "a", CENTRAL))
    groups = store(session, fixture_article("different_e3_same_event", "b", PROVINCIAL))
    assert groups == {
        CENTRAL: article_id(session, CENTRAL),
        PROVINCIAL: article_id(session, PROVINCIAL),
    }


def test_seeds_000_and_001_have_their_own_groups(session: Session) -> None:
    first = fixture_article("different_seed000_seed001", "a", "https://bacninh.dcs.vn/1.html")
    second = fixture_article("different_seed000_seed001", "b", "https://hanoi.dcs.vn/2.html")
    groups = store(session, first, second)
    assert groups == {
        first.url: article_id(session, first.url),
        second.url: article_id(session, second.url),
    }


def test_exact_duplicate_joins_the_group(session: Session) -> None:
    store(session, article(CENTRAL, site="dangcongsan", title="Ngắn", body="Một câu."))
    groups = store(session, article(PROVINCIAL, site="baolongan", title="Ngắn", body="Một câu."))
    assert groups[PROVINCIAL] == article_id(session, CENTRAL)


def test_exact_copies_in_one_batch_join_the_oldest(session: Session) -> None:
    copies = [
        article(f"https://baolongan.vn/{number}.html", site="baolongan", title="Ngắn", body="Một.")
        for number in range(3)
    ]
    groups = store(session, *copies)
    assert set(groups.values()) == {min(article_id(session, item.url) for item in copies)}


def test_band_keys_are_stored_and_replaced(session: Session) -> None:
    store(session, fixture_article("same_e3a_everything", "a", CENTRAL))
    store(
        session,
        dataclasses.replace(fixture_article("same_e3a_everything", "a", CENTRAL), body="Khác."),
    )
    count = select(func.count()).select_from(ArticleBandRow)
    assert session.scalar(count) == NUM_BANDS


def test_sketch_is_stored_and_replaced(session: Session) -> None:
    first = fixture_article("same_e3a_everything", "a", CENTRAL)
    store(session, first)
    edited = dataclasses.replace(first, body="Khác.")
    store(session, edited)
    stored = session.scalar(select(ArticleRow.dedup_sketch))
    assert stored is not None
    expected = shingle_sketch(text_shingles(edited.title, edited.lead, edited.body))
    assert unpack_sketch(stored) == expected


def test_candidate_without_a_sketch_is_compared_through_its_text(session: Session) -> None:
    """An article stored before sketches existed still draws its republication into its group."""
    store(session, fixture_article("same_e3a_everything", "a", CENTRAL))
    session.execute(update(ArticleRow).values(dedup_sketch=None))
    groups = store(session, fixture_article("same_e3a_everything", "b", PROVINCIAL, T1))
    assert groups[PROVINCIAL] == article_id(session, CENTRAL)


@given(st.lists(st.integers(min_value=0, max_value=2**64 - 1), max_size=300))
def test_packed_sketch_round_trips(ranks: list[int]) -> None:
    assert unpack_sketch(pack_sketch(ranks)) == tuple(ranks)


def test_edited_into_another_story_leaves_the_group(session: Session) -> None:
    store(session, fixture_article("same_e3a_everything", "a", CENTRAL))
    store(session, fixture_article("same_e3a_everything", "b", PROVINCIAL, T1))
    edited = fixture_article("different_e3_same_event", "b", PROVINCIAL, T1)
    groups = store(session, edited)
    assert groups[PROVINCIAL] == article_id(session, PROVINCIAL)


def test_missing_groups_are_assigned_later(session: Session) -> None:
    store(
        session,
        fixture_article("same_e3a_everything", "a", CENTRAL),
        fixture_article("same_e3a_everything", "b", PROVINCIAL, T1),
    )
    session.execute(delete(ArticleBandRow))
    session.execute(update(ArticleRow).values(near_dup_group=None))
    assert assign_missing_groups(session, batch_size=1) == 2
    groups = dict(session.execute(select(ArticleRow.url, ArticleRow.near_dup_group)).all())
    founder = min(article_id(session, CENTRAL), article_id(session, PROVINCIAL))
    assert groups == {CENTRAL: founder, PROVINCIAL: founder}


def export_order_rows(session: Session) -> list[dict[str, Any]]:
    """The fields `dedupe_rows` reads, in the export order."""
    query = (
        select(ArticleRow.id, ArticleRow.near_dup_group, ArticleRow.published_at, SiteRow.kind)
        .join(SiteRow, SiteRow.key == ArticleRow.site_key)
        .order_by(ArticleRow.published_at.asc().nulls_last(), ArticleRow.id)
    )
    return [
        {"id": id_, "near_dup_group": group, "published_at": published, "kind": kind}
        for id_, group, published, kind in session.execute(query)
    ]


@pytest.mark.parametrize(
    ("central_at", "provincial_at", "kept"),
    [(T1, T0, PROVINCIAL), (T0, T1, CENTRAL), (T0, T0, CENTRAL)],
)
def test_dedupe_keeps_the_earliest_and_central_on_ties(
    session: Session, central_at: datetime, provincial_at: datetime, kept: str
) -> None:
    ensure_site(
        session, "dangcongsan", name="ĐCSVN", root_url="https://dangcongsan.vn/", kind="central"
    )
    store(session, fixture_article("same_e3a_everything", "b", PROVINCIAL, provincial_at))
    store(session, fixture_article("same_e3a_everything", "a", CENTRAL, central_at))
    other = fixture_article("different_e3_same_event", "b", "https://baolongan.vn/c/3.html")
    store(session, other)
    kept_ids = [row["id"] for row in dedupe_rows(export_order_rows(session))]
    assert sorted(kept_ids) == sorted([article_id(session, kept), article_id(session, other.url)])


def row(
    id_: int, group: int | None, published: str | None, kind: str = "provincial"
) -> dict[str, Any]:
    return {"id": id_, "near_dup_group": group, "published_at": published, "kind": kind}


A = "2023-03-20T03:00:00+00:00"
A_LOCAL = "2023-03-20T10:00:00+07:00"  # the same instant as A
B = "2023-03-20T09:00:00+00:00"


@pytest.mark.parametrize(
    ("rows", "kept"),
    [
        ([row(1, 1, A), row(2, 1, B)], [1]),
        ([row(1, 1, A), row(2, 1, A, "central")], [2]),
        ([row(1, 1, A, "central"), row(2, 1, A_LOCAL, "central")], [1]),
        ([row(1, 1, A), row(2, 1, A)], [1]),
        ([row(1, 1, A), row(2, 2, A), row(3, 1, B), row(4, 2, B)], [1, 2]),
        ([row(3, None, A), row(4, None, A)], [3, 4]),
        ([row(1, 1, A), row(2, 1, None, "central"), row(3, 3, None)], [1, 3]),
        ([row(5, 1, None), row(6, 1, None, "central")], [6]),
        ([row(2, 1, B), row(3, 3, B, "central"), row(4, 3, B)], [2, 3]),
        ([], []),
    ],
)
def test_dedupe_rows(rows: list[dict[str, Any]], kept: list[int]) -> None:
    assert [item["id"] for item in dedupe_rows(rows)] == kept


@pytest.mark.parametrize(
    "rows",
    [[row(1, 1, B), row(2, 2, A)], [row(1, 1, None), row(2, 2, A)]],
)
def test_dedupe_rows_refuses_rows_out_of_export_order(rows: list[dict[str, Any]]) -> None:
    with pytest.raises(ValueError, match="ordered by published_at"):
        list(dedupe_rows(rows))
