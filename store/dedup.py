"""Near-duplicate groups, assigned when articles are stored; ``export --dedupe`` reads them.

An article joins the group of a stored article with the same content hash, else of the most
similar stored article whose shingle Jaccard reaches ``NEAR_DUP_THRESHOLD`` (candidates come
from shared LSH band keys in ``article_bands``; the similarity is estimated from the bottom-k
sketches kept in ``articles.dedup_sketch``), else it founds a group named by its own id.
Groups are never merged or renamed. A batch of articles costs a handful of statements, its
candidate lookup included. Like the repositories, nothing here commits.
"""

from __future__ import annotations

import struct
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, desc, func, insert, select, update
from sqlalchemy.orm import Session

from normalize.dedup import (
    NEAR_DUP_THRESHOLD,
    sketch_jaccard,
    text_fingerprint,
)
from store.in_clause import IN_CLAUSE_SIZE, in_clause_chunks
from store.models import ArticleBandRow, ArticleRow

ARTICLES = cast("Table", ArticleRow.__table__)
BANDS = cast("Table", ArticleBandRow.__table__)
GROUP = func.coalesce(ARTICLES.c.near_dup_group, ARTICLES.c.id)
"""An article's group; one stored before grouping existed reads as its own group."""

MAX_CANDIDATES = 4
"""Stored articles compared per new article, those sharing the most band keys first.

A republication (Jaccard >= 0.56 in the calibration) shares 3.5 of the 20 bands on average and a
same-event report (<= 0.28) under 0.5, so the few candidates sharing the most bands hold the
duplicate; a comparison reads one stored sketch, so the count bounds the cost per article."""
_RANK_BYTES = 8


def pack_sketch(sketch: Sequence[int]) -> bytes:
    """Return a sketch as the bytes of ``articles.dedup_sketch`` (big-endian unsigned 64-bit)."""
    return struct.pack(f">{len(sketch)}Q", *sketch)


def unpack_sketch(data: bytes) -> tuple[int, ...]:
    """Return the sketch stored as ``data`` by `pack_sketch`."""
    return struct.unpack(f">{len(data) // _RANK_BYTES}Q", data)


@dataclass(frozen=True, slots=True)
class _StoredText:
    """The columns that identify an article's text."""

    id: int
    title: str
    lead: str
    body: str
    content_hash: str


@dataclass(frozen=True, slots=True)
class _Fingerprint:
    """What grouping compares of one article: its content hash, band keys and sketch."""

    id: int
    content_hash: str
    keys: tuple[int, ...]
    sketch: tuple[int, ...]


def _stored_texts(session: Session, ids: Sequence[int]) -> list[_StoredText]:
    """Read the texts of ``ids`` in id order."""
    columns = (
        ARTICLES.c.id,
        ARTICLES.c.title,
        ARTICLES.c.lead,
        ARTICLES.c.body,
        ARTICLES.c.content_hash,
    )
    texts: list[_StoredText] = []
    for chunk in in_clause_chunks(ids):
        query = select(*columns).where(ARTICLES.c.id.in_(chunk)).order_by(ARTICLES.c.id)
        texts.extend(_StoredText(*row) for row in session.execute(query))
    return texts


def _fingerprint(text: _StoredText) -> _Fingerprint:
    keys, sketch = text_fingerprint(text.title, text.lead, text.body)
    return _Fingerprint(text.id, text.content_hash, keys, sketch)


def assign_near_dup_groups(session: Session, article_ids: Iterable[int]) -> dict[int, int]:
    """Give each article (in id order) its group, band keys and sketch; return the groups by id.

    An article processed earlier in the same call is already a candidate for the later ones.
    """
    prints = [_fingerprint(text) for text in _stored_texts(session, sorted(set(article_ids)))]
    if not prints:
        return {}
    batch = [item.id for item in prints]
    _write_bands(session, prints)
    copies = _stored_copies(session, sorted({item.content_hash for item in prints}), batch)
    searched = [  # an exact copy of a stored article needs no similarity search
        item.id for item in prints if item.keys and item.content_hash not in copies
    ]
    outside = _stored_candidates(session, searched, batch)
    wanted = sorted({candidate for found in outside.values() for _, candidate in found})
    grouping = _Grouping(copies=copies, sketches=_stored_sketches(session, wanted))
    groups = {item.id: grouping.assign(item, outside.get(item.id, [])) for item in prints}
    _write_groups(session, prints, groups)
    return groups


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


@dataclass(slots=True)
class _Grouping:
    """The groups of one batch, decided in id order from what is stored and what came before."""

    copies: dict[str, tuple[int, int]]
    """Content hash → (id, group) of the oldest article with that hash."""
    sketches: dict[int, tuple[int, tuple[int, ...]]]
    """Candidate id → (group, sketch)."""
    band_members: defaultdict[int, list[int]] = field(default_factory=lambda: defaultdict(list))
    """Band key → ids of this batch's articles already grouped."""

    def assign(self, item: _Fingerprint, stored: list[tuple[int, int]]) -> int:
        """Return the group of one article; ``stored`` are its (shared keys, id) candidates."""
        copy = self.copies.get(item.content_hash)
        group = copy[1] if copy is not None else self._most_similar(item, stored)
        group = item.id if group is None else group
        if copy is None or item.id < copy[0]:
            self.copies[item.content_hash] = (item.id, group)
        self.sketches[item.id] = (group, item.sketch)
        for key in item.keys:
            self.band_members[key].append(item.id)
        return group

    def _most_similar(self, item: _Fingerprint, stored: list[tuple[int, int]]) -> int | None:
        """Return the group of the most similar candidate over the threshold (lowest on ties)."""
        earlier = Counter(member for key in item.keys for member in self.band_members.get(key, ()))
        candidates = [*stored, *((count, member) for member, count in earlier.items())]
        ranked = sorted(candidates, key=lambda candidate: (-candidate[0], candidate[1]))
        best: tuple[float, int] | None = None
        for _, candidate in ranked[:MAX_CANDIDATES]:
            group, sketch = self.sketches[candidate]
            score = sketch_jaccard(item.sketch, sketch)
            if score >= NEAR_DUP_THRESHOLD and (best is None or (score, -group) > best):
                best = (score, -group)
        return None if best is None else -best[1]


def _stored_candidates(
    session: Session, searched: Sequence[int], batch: Sequence[int]
) -> dict[int, list[tuple[int, int]]]:
    """Return, for each article of ``searched``, (shared keys, id) of its candidates.

    A candidate is a stored article outside ``batch`` sharing a band key with it; each article
    gets the `MAX_CANDIDATES` sharing the most keys (lowest id first on ties), most first. The
    batch's own keys must be written already: one self-join of ``article_bands`` per chunk
    finds them all.
    """
    mine, other = BANDS.alias("mine"), BANDS.alias("other")
    rank = func.row_number().over(
        partition_by=mine.c.article_id, order_by=(desc(func.count()), other.c.article_id)
    )
    found: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for chunk in in_clause_chunks(searched):
        pairs = (
            select(
                mine.c.article_id.label("article"),
                other.c.article_id.label("candidate"),
                func.count().label("shared"),
                rank.label("rank"),
            )
            .join_from(mine, other, other.c.key == mine.c.key)
            .where(mine.c.article_id.in_(chunk), other.c.article_id.not_in(batch))
            .group_by(mine.c.article_id, other.c.article_id)
            .subquery()
        )
        query = (
            select(pairs.c.article, pairs.c.shared, pairs.c.candidate)
            .where(pairs.c.rank <= MAX_CANDIDATES)
            .order_by(pairs.c.article, pairs.c.rank)
        )
        for article, shared, candidate in session.execute(query):
            found[int(article)].append((int(shared), int(candidate)))
    return found


def _stored_copies(
    session: Session, hashes: Sequence[str], batch: Sequence[int]
) -> dict[str, tuple[int, int]]:
    """Return content hash → (id, group) of the oldest article outside ``batch`` with it."""
    oldest: dict[str, int] = {}
    for chunk in in_clause_chunks(hashes):
        query = (
            select(ARTICLES.c.content_hash, func.min(ARTICLES.c.id))
            .where(ARTICLES.c.content_hash.in_(chunk), ARTICLES.c.id.not_in(batch))
            .group_by(ARTICLES.c.content_hash)
        )
        oldest.update((str(value), int(row_id)) for value, row_id in session.execute(query))
    groups = dict(_stored_rows(session, sorted(set(oldest.values())), GROUP))
    return {value: (row_id, int(groups[row_id])) for value, row_id in oldest.items()}


def _stored_rows(session: Session, ids: Sequence[int], *columns: Any) -> Iterator[Any]:
    """Yield (id, *columns) of the articles ``ids``."""
    for chunk in in_clause_chunks(ids):
        yield from session.execute(select(ARTICLES.c.id, *columns).where(ARTICLES.c.id.in_(chunk)))


def _stored_sketches(
    session: Session, ids: Sequence[int]
) -> dict[int, tuple[int, tuple[int, ...]]]:
    """Return id → (group, sketch) of ``ids``.

    An article stored before sketches existed (NULL sketch) is sketched from its stored text.
    """
    stored: dict[int, tuple[int, bytes | None]] = {
        int(row_id): (int(group), data)
        for row_id, group, data in _stored_rows(session, ids, GROUP, ARTICLES.c.dedup_sketch)
    }
    unsketched = sorted(row_id for row_id, (_, data) in stored.items() if data is None)
    texts = {text.id: text for text in _stored_texts(session, unsketched)}
    return {
        row_id: (group, _text_sketch(texts[row_id]) if data is None else unpack_sketch(data))
        for row_id, (group, data) in stored.items()
    }


def _text_sketch(text: _StoredText) -> tuple[int, ...]:
    """Return the sketch of a stored text, computed from the text itself."""
    return text_fingerprint(text.title, text.lead, text.body)[1]


def _write_bands(session: Session, prints: Sequence[_Fingerprint]) -> None:
    """Replace the band keys of the batch's articles."""
    for chunk in in_clause_chunks([item.id for item in prints]):
        session.execute(delete(BANDS).where(BANDS.c.article_id.in_(chunk)))
    bands = [
        {"article_id": item.id, "band": band, "key": key}
        for item in prints
        for band, key in enumerate(item.keys)
    ]
    if bands:
        session.execute(insert(BANDS), bands)


def _write_groups(session: Session, prints: Sequence[_Fingerprint], groups: dict[int, int]) -> None:
    """Write the groups and sketches of the batch's articles."""
    statement = (
        update(ARTICLES)
        .where(ARTICLES.c.id == bindparam("row_id"))
        .values(near_dup_group=bindparam("row_group"), dedup_sketch=bindparam("row_sketch"))
    )
    rows = [
        {"row_id": item.id, "row_group": groups[item.id], "row_sketch": pack_sketch(item.sketch)}
        for item in prints
    ]
    session.execute(statement, rows)
