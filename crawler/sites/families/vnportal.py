"""VNPT vnPortal (camau.dcs.vn and many government portals): fingerprints, generic selectors."""

from __future__ import annotations

from crawler.sites.base import Family, Selectors

SELECTORS = Selectors(
    title="h1.title, .article-title, .news-title, h1",
    lead=".article-summary, .sapo, .news-summary",
    body=".article-content, .news-content, .content-detail, .detail-content",
    date=".article-date, .news-date, .date",
)

FAMILY = Family(
    name="vnportal",
    selectors=SELECTORS,
    sitemap_paths=(),
    fingerprints=(
        r"files-vnportal\.",
        r"storage-vnportal\.vnpt\.vn",
    ),
)
