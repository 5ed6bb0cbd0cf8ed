"""IBM WebSphere Portal / WCM (longan.dcs.vn): fingerprints and generic selectors (§3.6)."""

from __future__ import annotations

from crawler.sites.base import Family, Selectors

SELECTORS = Selectors(
    title="h1.title, .wcm-title, .news-title, h1",
    lead=".wcm-summary, .sapo, .news-summary",
    body=".wcm-content, .news-content, .content-detail, .article-content",
    date=".wcm-date, .news-date, .date",
)

FAMILY = Family(
    name="websphere",
    selectors=SELECTORS,
    # /wps/wcm/connect/<library>/<uuid>/… and /wps/portal/<site>/…/<slug>
    article_url_pattern=r"/wps/(?:wcm/connect|portal)/[^?]+/[^/?]+(?:\?.*)?$",
    sitemap_paths=(),
    fingerprints=(
        r"/wps/wcm/connect/",
        r"(?:href|src|action)=[\"']/wps/portal/",
        r"[?&](?:amp;)?MOD=AJPERES",
        r"/wps/contenthandler/",
    ),
)
