"""Liferay portals: tapchicongsan.org.vn and several ``.dcs.vn`` portals (research §3.2, §3.5)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from crawler.sites.base import Family, Selectors

# /<page>/-/asset_publisher/<instance>/content/<urlTitle>; /<page>/-/view-content/<id>/<slug>;
# tapchicongsan: /web/guest/<cat>/-/2018/<id>/<slug>.aspx and /<cat>/-/2018/<id>/view_content.
ARTICLE_URL = (
    r"/-/(?:asset_publisher/(?:[\w-]+/)?content/[^/?]+|view-content/\d+(?:/[^/?]+)?"
    r"|\d{4}/\d+/[^/?]+)/?(?:\?|$)"
)
LISTING_URL = r"_cur=\d+|/-/asset_publisher/[\w-]+/?(?:\?|$)|^(?:/web/[\w-]+)?/[\w-]+/?$"
PRINT_URL = r"p_p_state=pop_up|/-/asset_publisher/[\w-]+/content/[^/?]+\?.*viewMode=print"
# one journal article of tapchicongsan: its category page and numeric id
_JOURNAL_SHAPE = re.compile(
    r"^(?:/[a-z]{2}_[A-Z]{2})?(?:/web/guest)?/(?P<category>[\w-]+)(?:/chi-tiet)?"
    r"/-/2018/(?P<id>\d+)(?:/[^/]*)?/?$"
)
# the ASP.NET site before 2018: /Home/<Category>/2018/<id>/<Slug>.aspx
_ASPNET_SHAPE = re.compile(r"^/Home/(?P<category>[\w-]+)/2018/(?P<id>\d+)/[^/]+\.aspx$", re.I)
_PREFIX = re.compile(r"^(?:/[a-z]{2}_[A-Z]{2})?(?:/web/guest)?(?=/)")


def canonical_url(url: str) -> str:
    """Map every URL shape of one journal article to ``/<category>/-/2018/<id>/view_content``.

    Other Liferay URLs lose the locale prefix (``/en_US``) and the default site's ``/web/guest``.
    """
    parts = urlsplit(url)
    found = _JOURNAL_SHAPE.match(parts.path) or _ASPNET_SHAPE.match(parts.path)
    if found:
        path = f"/{found['category'].lower()}/-/2018/{found['id']}/view_content"
        return urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    return urlunsplit(parts._replace(path=_PREFIX.sub("", parts.path, count=1) or "/"))


# A web content's own template names its parts freely (tapchicongsan: .sumary, .publishdate; other
# portals: 'news-summary', 'date-news' …), so inside the journal article any class containing
# 'summary'/'sapo' is the lead and any containing 'date' the date; Liferay's asset publisher itself
# prints .asset-summary and .metadata-publish-date / .metadata-author.
_ARTICLE = (".journal-content-article", ".asset-full-content")
_AUTHOR = (".detail .author", ".journal-content-article .author")
SELECTORS = Selectors(
    title=".detail h1.title, .journal-content-article h1, .asset-full-content h1, h1.title",
    lead=", ".join((".sumary", ".detail .sapo", ".asset-summary",
                    *(f"{scope} [class*=summary]" for scope in _ARTICLE),
                    *(f"{scope} [class*=sapo]" for scope in _ARTICLE))),
    body=".detailContent, .journal-content-article, .asset-full-content .asset-content",
    date=", ".join((".publishdate", ".detail .date", ".metadata-publish-date",
                    *(f"{scope} [class*=date]:not([class*=modif]):not([class*=update])"
                      for scope in _ARTICLE))),
    # tapchicongsan: the name in bold, then a line with the author's post ('Phó Giám đốc …')
    author=", ".join((*(f"{scope} > strong:first-child" for scope in _AUTHOR),
                      *(f"{scope}:not(:has(> strong:first-child))" for scope in _AUTHOR),
                      ".metadata-author")),
    tags=".asset-tags, .taglib-asset-tags-summary",
    caption=".detailContent figcaption, .detailContent .image_caption",
    drop=(".tools", ".taglib-social-bookmarks", ".asset-links", ".taglib-ratings",
          ".lfr-discussion", ".portlet-title", ".related-assets"),
    ignore_dates=("#top-header", ".top-header", ".header .date"),
)

FAMILY = Family(
    name="liferay",
    selectors=SELECTORS,
    article_url_pattern=ARTICLE_URL,
    listing_url_pattern=LISTING_URL,
    print_url_pattern=PRINT_URL,
    sitemap_paths=("/sitemap.xml",),
    fingerprints=(
        r"/-/asset_publisher/",
        r"/-/view-content/\d+",
        r"/-/2018/\d+/",
        r"/documents/\d+/\d+/",
        r"Liferay\.(?:ThemeDisplay|Portlet|AUI|Util)\b",
        r"[?&](?:amp;)?p_p_id=",
        r"/html/js/liferay/|/o/frontend-js-",
        r"class=[\"'][^\"']*\bportlet-boundary\b",
    ),
    canonical_url=canonical_url,
)
