"""The Article record: one typed definition shared by the parser, the store and the export."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

Precision = Literal["second", "minute", "day"]


@dataclass(frozen=True, slots=True)
class Image:
    """An image of the article and its caption (captions never stay in the body)."""

    url: str
    caption: str = ""


@dataclass(slots=True)
class Article:
    """A clean article, as the parser produces it and the store keeps it.

    Datetimes are timezone-aware (UTC); each carries the raw string it was read from.
    """

    url: str
    """Canonical URL: tracking parameters and fragment dropped, ``rel=canonical`` honoured."""
    site: str
    """Site key: a registry key, or ``host[:port]`` for a site without a profile."""
    title: str
    body: str
    """Paragraphs separated by one blank line; no title, lead, captions, byline or boilerplate."""
    lead: str = ""
    """The sapo (summary paragraph), without its source tag."""
    authors: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    """Publication time, timezone-aware, in UTC."""
    published_at_raw: str | None = None
    """The string ``published_at`` was read from, exactly as found."""
    published_precision: Precision | None = None
    published_source: str | None = None
    """Where the date came from: json-ld, meta, itemprop, visible, url or dateline."""
    modified_at: datetime | None = None
    modified_at_raw: str | None = None
    event_date: date | None = None
    """The day of the dateline ('Chiều 28/6'), its year taken from the publication date."""
    event_date_raw: str | None = None
    part_of_day: str | None = None
    """'sáng', 'trưa', 'chiều', 'tối' or 'đêm' from the dateline."""
    language: str = "vi"
    images: list[Image] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    section: str | None = None
    source_tag: str | None = None
    """The lead's source tag ('HNP', 'BTV', 'ĐCSVN'), kept out of the lead."""
    source: str | None = None
    """A 'Nguồn tin:' / 'Theo …' line: where the story came from, not who wrote it."""
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """Return the record as JSON-ready values (ISO 8601 with explicit offsets)."""
        data: dict[str, Any] = {}
        for item in dataclasses.fields(self):
            data[item.name] = _jsonable(getattr(self, item.name))
        data["published_local"] = (
            self.published_at.astimezone(VIETNAM).isoformat() if self.published_at else None
        )
        return data


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Image):
        return {"url": value.url, "caption": value.caption}
    if isinstance(value, list):
        return [_jsonable(entry) for entry in value]
    return value


@dataclass(frozen=True, slots=True)
class RawResponse:
    """What the server sent for an article, kept so it can be parsed again without re-crawling."""

    url: str
    status: int
    headers: dict[str, str]
    body: bytes
    fetched_at: datetime
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class CrawledArticle:
    """The item that flows through the crawl pipelines: the article and its raw response."""

    article: Article
    raw: RawResponse
