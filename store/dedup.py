"""Near-duplicate groups: assigned when articles are stored, used by ``export --dedupe``.

An article joins the group of a stored article with the same content hash, else of the most
similar stored article whose shingle Jaccard reaches ``NEAR_DUP_THRESHOLD`` (candidates come
from shared LSH band keys in ``article_bands``), else it founds a group named by its own id.
Groups are never merged or renamed. Like the repositories, nothing here commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, delete, desc, func, insert, select, update
from sqlalchemy.orm import Session

from normalize.dedup import NEAR_DUP_THRESHOLD, band_keys, jaccard, text_shingles
from store.models import ArticleBandRow, ArticleRow

ARTICLES = cast("Table", ArticleRow.__table__)
BANDS = cast("Table", ArticleBandRow.__table__)

MAX_CANDIDATES = 4
"""Stored articles compared exactly per new article, those sharing the most band keys first.

A republication (Jaccard >= 0.56 in the calibration) shares 3.5 of the 20 bands on average and a
same-event report (<= 0.28) under 0.5, so the few candidates sharing the most bands hold the
duplicate; each comparison re-reads a stored text, so the count bounds the cost per article."""
IN_CLAUSE_SIZE = 500
"""Ids per ``IN (...)`` list: far below SQLite's limit on bound parameters."""
UNDATED = datetime.max.replace(tzinfo=UTC)
"""Where undated rows sort in the export order: after every dated one."""


@dataclass(frozen=True, slots=True)
class _StoredText:
    """The columns that identify an article's text and its group."""

    id: int
    group: int
    title: str
    lead: str
    body: str
    content_hash: str


def _stored_texts(session: Session, ids: Sequence[int]) -> list[_StoredText]:
    """Read the texts of ``ids`` in id order (a missing group reads as the article's own id)."""
    columns = (
        ARTICLES.c.id,
        func.coalesce(ARTICLES.c.near_dup_group, ARTICLES.c.id),
        ARTICLES.c.title,
        ARTICLES.c.lead,
        ARTICLES.c.body,
        ARTICLES.c.content_hash,
    )
    texts: list[_StoredText] = []
    for start in range(0, len(ids), IN_CLAUSE_SIZE):
        chunk = ids[start : start + IN_CLAUSE_SIZE]
        query = select(*columns).where(ARTICLES.c.id.in_(chunk)).order_by(ARTICLES.c.id)
        texts.extend(_StoredText(*row) for row in session.execute(query))
    return texts


def assign_near_dup_groups(session: Session, article_ids: Iterable[int]) -> dict[int, int]:
    """Give each article (in id order) its group and band keys; return the groups by id.

    An article processed earlier in the same call is already a candidate for the later ones.
    """
    return {
        text.id: _assign(session, text) for text in _stored_texts(session, sorted(set(article_ids)))
    }


def assign_missing_groups(session: Session, batch_size: int = IN_CLAUSE_SIZE) -> int:
    """Group the articles stored before grouping existed (NULL group), oldest id first."""
    query = (
        select(ARTICLES.c.id)
        .where(ARTICLES.c.near_dup_group.is_(None))
        .order_by(ARTICLES.c.id)
        .limit(batch_size)
    )
    assigned = 0
    while ids := list(session.scalars(query)):
        assigned += len(assign_near_dup_groups(session, ids))
    return assigned


def _assign(session: Session, text: _StoredText) -> int:
    """Find, write and return the group of one article; replace its band keys."""
    shingles = text_shingles(text.title, text.lead, text.body)
    keys = band_keys(shingles)
    group = _exact_copy_group(session, text)
    if group is None and keys:
        group = _near_duplicate_group(session, text.id, shingles, keys)
    group = text.id if group is None else group
    session.execute(delete(BANDS).where(BANDS.c.article_id == text.id))
    if keys:
        rows = [{"article_id": text.id, "band": band, "key": key} for band, key in enumerate(keys)]
        session.execute(insert(BANDS), rows)
    session.execute(update(ARTICLES).where(ARTICLES.c.id == text.id).values(near_dup_group=group))
    return group


def _exact_copy_group(session: Session, text: _StoredText) -> int | None:
    """Return the group of the oldest other article with the same content hash, if any."""
    query = (
        select(func.coalesce(ARTICLES.c.near_dup_group, ARTICLES.c.id))
        .where(ARTICLES.c.content_hash == text.content_hash, ARTICLES.c.id != text.id)
        .order_by(ARTICLES.c.id)
        .limit(1)
    )
    group = session.scalar(query)
    return None if group is None else int(group)


def _near_duplicate_group(
    session: Session, article_id: int, shingles: frozenset[int], keys: Sequence[int]
) -> int | None:
    """Return the group of the most similar candidate over the threshold (lowest on ties)."""
    shared = func.count().label("shared")
    query = (
        select(BANDS.c.article_id, shared)
        .where(BANDS.c.key.in_(keys), BANDS.c.article_id != article_id)
        .group_by(BANDS.c.article_id)
        .order_by(desc(shared), BANDS.c.article_id)
        .limit(MAX_CANDIDATES)
    )
    candidates = [int(row.article_id) for row in session.execute(query)]
    best: tuple[float, int] | None = None
    for candidate in _stored_texts(session, sorted(candidates)):
        score = jaccard(shingles, text_shingles(candidate.title, candidate.lead, candidate.body))
        if score >= NEAR_DUP_THRESHOLD and (best is None or (score, -candidate.group) > best):
            best = (score, -candidate.group)
    return None if best is None else -best[1]


def _row_group(row: dict[str, Any]) -> int:
    """Return the group of an export row; an ungrouped row is a group of its own."""
    group = row.get("near_dup_group")
    return int(group if group is not None else row["id"])


def _published_key(value: str | datetime | None) -> datetime:
    """Sort key of the export order: dated rows by time, undated rows last."""
    if value is None:
        return UNDATED
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def _better(candidate: dict[str, Any], current: dict[str, Any]) -> bool:
    """Among rows published at the same time, a central source beats any other."""
    return candidate.get("kind") == "central" and current.get("kind") != "central"


def dedupe_rows(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Keep one row per ``near_dup_group``: the earliest published, a central source on ties.

    ``rows`` must come in the export order (``published_at`` ascending, undated last, then
    id); a row out of that order raises ValueError. Only the ids of groups already written and
    the rows sharing one ``published_at`` are held, so memory follows the number of groups.
    Remaining ties go to the row that came first (the lowest id). The output keeps the input
    order.
    """
    written: set[int] = set()
    block: dict[int, tuple[int, dict[str, Any]]] = {}
    block_key: datetime | None = None
    for position, row in enumerate(rows):
        key = _published_key(row.get("published_at"))
        if block_key is not None and key != block_key:
            if key < block_key:
                msg = "dedupe_rows needs rows ordered by published_at (undated last), then id"
                raise ValueError(msg)
            yield from _flush(block, written)
        block_key = key
        group = _row_group(row)
        if group in written:
            continue
        kept = block.get(group)
        if kept is None or _better(row, kept[1]):
            block[group] = (position, row)
    yield from _flush(block, written)


def _flush(
    block: dict[int, tuple[int, dict[str, Any]]], written: set[int]
) -> Iterator[dict[str, Any]]:
    """Write the kept row of each group of a finished tie block, in input order."""
    for group, (_, row) in sorted(block.items(), key=lambda item: item[1][0]):
        written.add(group)
        yield row
    block.clear()
