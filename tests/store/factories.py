"""Builders of crawled articles for the store tests."""

from __future__ import annotations

from datetime import UTC, date, datetime

from crawler.items import Article, CrawledArticle, Image, RawResponse

FETCHED_AT = datetime(2021, 6, 28, 9, 0, tzinfo=UTC)
PAGE = "<html><body><h1>Hội nghị Tỉnh ủy</h1><p>Chiều 28/6, Đảng bộ tỉnh…</p></body></html>"


def article(
    url: str = "https://hanoi.dcs.vn/tin/hoi-nghi-2021-06-28.html",
    *,
    site: str = "hanoi",
    title: str = "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 5",
    body: str = "Chiều 28/6, Tỉnh ủy tổ chức Hội nghị.\n\nCác đại biểu thảo luận.",
    published_at: datetime | None = datetime(2021, 6, 28, 8, 30, tzinfo=UTC),
) -> Article:
    """Return a fully populated article; every field differs from its default."""
    return Article(
        url=url,
        site=site,
        title=title,
        body=body,
        lead="Hội nghị đánh giá tình hình 6 tháng đầu năm.",
        authors=["Hoàng Biên", "P.Hoa"],
        published_at=published_at,
        published_at_raw="28/06/2021 15:30",
        published_precision="minute",
        published_source="visible",
        modified_at=datetime(2021, 6, 29, 1, 0, tzinfo=UTC),
        modified_at_raw="2021-06-29T08:00:00+07:00",
        event_date=date(2021, 6, 28),
        event_date_raw="Chiều 28/6",
        part_of_day="chiều",
        images=[Image(url="https://hanoi.dcs.vn/img/1.jpg", caption="Quang cảnh hội nghị")],
        tags=["Hội nghị", "Tỉnh ủy"],
        section="Tin tức",
        source_tag="HNP",
        source="Báo Hà Nội mới",
        warnings=["tz_mislabelled"],
    )


def crawled(
    item: Article | None = None,
    *,
    body: bytes = PAGE.encode("utf-8"),
    fetched_at: datetime = FETCHED_AT,
) -> CrawledArticle:
    """Wrap an article with the raw response it was parsed from."""
    item = item or article()
    raw = RawResponse(
        url=item.url + "?utm_source=rss",
        status=200,
        headers={"Content-Type": "text/html; charset=utf-8"},
        body=body,
        fetched_at=fetched_at,
        etag='"abc123"',
        last_modified="Mon, 28 Jun 2021 08:31:00 GMT",
    )
    return CrawledArticle(article=item, raw=raw)
