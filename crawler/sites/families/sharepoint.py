"""Microsoft SharePoint portals (angiang.dcs.vn): fingerprints and generic selectors (§3.6)."""

from __future__ import annotations

from crawler.sites.base import Family, Selectors

SELECTORS = Selectors(
    title="h1.title, .article-title, .news-title, h1",
    lead=".article-summary, .sapo, .news-summary",
    body=".ms-rtestate-field, .article-content, .news-content, .content-detail",
    date=".article-date, .news-date, .date",
    drop=(".ms-hide", "#s4-ribbonrow", ".ms-webpart-titleText", ".related-news"),
)

FAMILY = Family(
    name="sharepoint",
    selectors=SELECTORS,
    # publishing pages: /Pages/<name>.aspx (unverified for the party portals)
    article_url_pattern=r"/Pages/[^/?]+\.aspx(?:\?.*)?$",
    sitemap_paths=(),
    fingerprints=(
        r"/Style(?:%20| )Library/",
        r"/_layouts/(?:1[45]/)?",
        r"_spPageContextInfo",
        r"<meta[^>]+content=[\"']Microsoft SharePoint",
        r"mas-portal",
        r"class=[\"'][^\"']*\bms-rtestate-field\b",
    ),
)
