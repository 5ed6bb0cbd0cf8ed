"""The 'YYYYMM path' newspaper CMS of several provincial party papers (research §3.8)."""

from __future__ import annotations

from crawler.sites.base import Family, Selectors

# /<cat>/<YYYYMM>/<slug>-<id>/ (baohagiang, baokhanhhoa, baoquangbinh …)
ARTICLE_URL = r"^/[\w-]+/(?:19|20)\d{2}(?:0[1-9]|1[0-2])/[\w-]+-\d+/?$"
LISTING_URL = r"^/[\w-]+/?(?:\?.*)?$|^/[\w-]+/(?:page|trang)-?\d+/?$"
PRINT_URL = r"/print/|[?&]print="

SELECTORS = Selectors(
    title="h2#title, h1#title, .detail-title, article h1, h1.title",
    lead=".sapo, .detail-sapo, #sapo, .summary",
    body="#content, .detail-content, .content-detail, .article-content",
    date="#date, .detail-time, .date, ul.list-inline li.list-inline-item",
    author=".author, .detail-author",
    tags=".tags, .tag-list",
    section=".cate-name a, ul.list-inline li.list-inline-item:first-child a, .breadcrumb a",
    caption="#content .image_desc, #content figcaption, .detail-content figcaption",
    drop=(".rl", ".quote", ".related", ".tin-lien-quan", ".share", ".social"),
    ignore_dates=("#current-date", ".today", ".header .date"),
)

FAMILY = Family(
    name="yyyymm",
    selectors=SELECTORS,
    article_url_pattern=ARTICLE_URL,
    listing_url_pattern=LISTING_URL,
    print_url_pattern=PRINT_URL,
    sitemap_paths=("/sitemap.xml",),
    feed_paths=("/rss/home.rss",),
    fingerprints=(
        r"href=[\"']/[\w-]+/(?:19|20)\d{2}(?:0[1-9]|1[0-2])/[\w-]+-\d{4,}/[\"']",
        r"^https?://[^/]+/[\w-]+/(?:19|20)\d{2}(?:0[1-9]|1[0-2])/[\w-]+-\d+/?$",
    ),
)
