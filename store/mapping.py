"""Conversions between the `crawler.items` records and the database rows."""

from __future__ import annotations

import hashlib
import unicodedata
import zlib
from datetime import datetime
from typing import Any, cast

from crawler.items import Article, Image, Precision, RawResponse
from store.models import ArticleRow, RawResponseRow

ZLIB_LEVEL = 6
"""zlib's default trade-off: HTML shrinks about 5x, at a small cost per page."""


def normalized_content(text: str) -> str:
    """NFC text with every run of whitespace collapsed to one space: edits that matter only."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def content_hash(title: str, lead: str, body: str) -> str:
    """SHA-256 (hex) of the normalized title, lead and body."""
    parts = (normalized_content(title), normalized_content(lead), normalized_content(body))
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def article_values(article: Article, seen_at: datetime) -> dict[str, Any]:
    """Return the ``articles`` column values for a newly seen (or changed) article."""
    return {
        "url": article.url,
        "site_key": article.site,
        "title": article.title,
        "lead": article.lead,
        "body": article.body,
        "authors": list(article.authors),
        "published_at": article.published_at,
        "published_at_raw": article.published_at_raw,
        "published_precision": article.published_precision,
        "published_source": article.published_source,
        "modified_at": article.modified_at,
        "modified_at_raw": article.modified_at_raw,
        "event_date": article.event_date,
        "event_date_raw": article.event_date_raw,
        "part_of_day": article.part_of_day,
        "language": article.language,
        "images": [{"url": image.url, "caption": image.caption} for image in article.images],
        "tags": list(article.tags),
        "section": article.section,
        "source_tag": article.source_tag,
        "source": article.source,
        "warnings": list(article.warnings),
        "content_hash": content_hash(article.title, article.lead, article.body),
        "version": 1,
        "first_seen_at": seen_at,
        "last_seen_at": seen_at,
        "updated_at": seen_at,
    }


def row_to_article(row: ArticleRow) -> Article:
    """Return the `Article` record a stored row holds."""
    return Article(
        url=row.url,
        site=row.site_key,
        title=row.title,
        body=row.body,
        lead=row.lead,
        authors=list(row.authors),
        published_at=row.published_at,
        published_at_raw=row.published_at_raw,
        published_precision=cast("Precision | None", row.published_precision),
        published_source=row.published_source,
        modified_at=row.modified_at,
        modified_at_raw=row.modified_at_raw,
        event_date=row.event_date,
        event_date_raw=row.event_date_raw,
        part_of_day=row.part_of_day,
        language=row.language,
        images=[Image(url=image["url"], caption=image.get("caption", "")) for image in row.images],
        tags=list(row.tags),
        section=row.section,
        source_tag=row.source_tag,
        source=row.source,
        warnings=list(row.warnings),
    )


def raw_values(article_id: int, raw: RawResponse) -> dict[str, Any]:
    """Return the ``raw_responses`` column values, the body compressed with zlib."""
    return {
        "article_id": article_id,
        "url": raw.url,
        "status": raw.status,
        "headers": dict(raw.headers),
        "body": zlib.compress(raw.body, ZLIB_LEVEL),
        "etag": raw.etag,
        "last_modified": raw.last_modified,
        "fetched_at": raw.fetched_at,
    }


def row_to_raw_response(row: RawResponseRow) -> RawResponse:
    """Return the `RawResponse` a stored row holds, its body decompressed."""
    return RawResponse(
        url=row.url,
        status=row.status,
        headers=dict(row.headers),
        body=zlib.decompress(row.body),
        fetched_at=row.fetched_at,
        etag=row.etag,
        last_modified=row.last_modified,
    )
