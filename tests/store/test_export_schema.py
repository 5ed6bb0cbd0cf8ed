"""Every exported record validates against docs/corpus.schema.json (JSON Schema 2020-12)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import pytest
from jsonschema import Draft202012Validator, FormatChecker
from sqlalchemy.orm import Session

from crawler.extract import parse_article
from crawler.items import CrawledArticle, RawResponse
from store.export import RECORD_FIELDS, iter_export_rows
from store.repository import upsert_articles
from tests.conftest import PROJECT_ROOT
from tests.site import build_site
from tests.store.test_export import store_corpus

SCHEMA = json.loads((PROJECT_ROOT / "docs" / "corpus.schema.json").read_text(encoding="utf-8"))
BASE = "http://127.0.0.1:8765"
NOW = datetime(2026, 11, 22, 8, tzinfo=UTC)
FORMATS = FormatChecker()


@FORMATS.checks("date-time", raises=ValueError)
def _is_date_time(value: object) -> bool:
    """RFC 3339 date-times: an offset is required (this jsonschema install has no checker)."""
    return not isinstance(value, str) or datetime.fromisoformat(value).tzinfo is not None


VALIDATOR = Draft202012Validator(SCHEMA, format_checker=FORMATS)


def store_local_site(session: Session) -> int:
    """Parse every article page of the local test site and store it; return how many."""
    site = build_site(24)
    items = []
    for truth in site.articles:
        page = site.pages[truth.path]
        body = page.body.replace(b"{BASE}", BASE.encode())
        url = BASE + truth.path
        parsed = parse_article(body, url, page.headers, now=NOW)
        raw = RawResponse(url=url, status=200, headers=page.headers, body=body, fetched_at=NOW)
        items.append(CrawledArticle(article=parsed, raw=raw))
    upsert_articles(session, items, now=NOW)
    return len(items)


def test_the_schema_is_valid_and_lists_every_field() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert list(SCHEMA["properties"]) == list(RECORD_FIELDS)
    assert SCHEMA["required"] == list(RECORD_FIELDS)
    assert all("description" in field for field in SCHEMA["properties"].values())


def test_every_exported_record_validates(session: Session) -> None:
    parsed = store_local_site(session)
    store_corpus(session)
    rows = list(iter_export_rows(session))
    assert len(rows) == parsed + 6
    for row in rows:
        errors = [error.message for error in VALIDATOR.iter_errors(row)]
        assert errors == [], row["url"]
    assert any(row["images"] for row in rows)
    assert any(row["published_at"] is None for row in rows)


def valid_record() -> dict[str, Any]:
    """A hand-written record with every field set."""
    return {
        "id": 7, "url": "https://hanoi.dcs.vn/a.html", "site": "hanoi", "province": "Hà Nội",
        "province_historical": None, "kind": "provincial_portal", "title": "Hội nghị",
        "lead": "", "body": "Chiều 28/6, Tỉnh ủy tổ chức Hội nghị.", "authors": ["P.Hoa"],
        "published_at": "2021-06-28T08:30:00+00:00", "published_at_raw": "28/06/2021 15:30",
        "published_local": "2021-06-28T15:30:00+07:00", "published_precision": "minute",
        "published_source": "visible", "modified_at": None, "modified_at_raw": None,
        "event_date": "2021-06-28", "event_date_raw": "Chiều 28/6", "part_of_day": "chiều",
        "section": None, "tags": [], "images": [{"url": "https://x.vn/1.jpg", "caption": ""}],
        "source": None, "source_tag": "HNP", "language": "vi", "version": 1,
        "content_hash": "0" * 64, "near_dup_group": 7, "warnings": [],
        "fetched_at": "2021-06-28T09:00:00+00:00", "first_seen_at": "2021-07-01T00:00:00+00:00",
        "updated_at": "2021-07-01T00:00:00.250000+00:00",
    }  # fmt: skip


def test_a_hand_written_record_validates() -> None:
    assert [error.message for error in VALIDATOR.iter_errors(valid_record())] == []


@pytest.mark.parametrize(
    ("changes", "missing"),
    [
        ({"published_at": "2021-06-28T15:30:00+07:00"}, None),  # not UTC
        ({"published_at": "2021-06-28T08:30:00"}, None),  # naive
        ({"published_local": "2021-06-28T08:30:00+00:00"}, None),
        ({"kind": "blog"}, None),
        ({"content_hash": "ABC"}, None),
        ({"authors": "P.Hoa"}, None),
        ({"images": [{"url": "https://x.vn/1.jpg"}]}, None),
        ({"version": 0}, None),
        ({"event_date": "28/06/2021"}, None),
        ({"part_of_day": "trưa nay"}, None),
        ({"extra": 1}, None),
        ({}, "near_dup_group"),
        ({}, "updated_at"),
    ],
)
def test_the_schema_rejects(changes: dict[str, Any], missing: str | None) -> None:
    record = valid_record() | changes
    if missing:
        del record[missing]
    assert not VALIDATOR.is_valid(record)
