"""The custom CMS of dangcongsan.vn and its provincial channels (research §3.1)."""

from __future__ import annotations

from crawler.sites.base import Family, Selectors

# /<category>/<slug>-<id>.html (the id has 5 or more digits); listings are /<cat>.html?page=N
# or /<cat> (newer), sub-categories /<cat>/<sub>.html, search /page/search?keyword=...
ARTICLE_URL = r"^/[\w-]+/[\w-]+-\d{5,}\.html?$"
LISTING_URL = r"^/[\w-]+(?:/[\w-]+)?(?:\.html)?(?:\?page=\d+)?$|^/page/search"
PRINT_URL = r"/print/"

SELECTORS = Selectors(
    title="h1.post-title, .detail-post h1, h1.title",
    lead=".post-summary, .detail-post .sapo",
    body=".post-content, .detail-post .content",
    date=".post-subinfo, .lbPublishedDate, .detail-post .date",
    author=".post-author, .detail-post .author",
    tags=".post-tag",
    section=".breadcrumb a:last-child",
    caption=".post-content td.image_desc, .post-content figcaption",
    drop=(".post-tag", ".social-box", ".related-box", ".w-list", ".box-news"),
    ignore_dates=(".date-now", ".header .date"),
)

FAMILY = Family(
    name="dangcongsan",
    selectors=SELECTORS,
    article_url_pattern=ARTICLE_URL,
    listing_url_pattern=LISTING_URL,
    print_url_pattern=PRINT_URL,
    sitemap_paths=("/sitemap.xml",),
    feed_paths=("/rss",),
    fingerprints=(
        r"^https?://(?:[\w-]+\.)*dangcongsan\.vn(?::\d+)?/",
        r"file1\.dangcongsan\.vn/data/",
        r"/DATA/\d+/IMAGES/\d{4}/\d{2}/\d{2}/",
        r"class=[\"']post-subinfo[\"']",
        r"class=[\"']lbPublishedDate[\"']",
    ),
)
