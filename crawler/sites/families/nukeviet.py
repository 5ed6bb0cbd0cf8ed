"""NukeViet (VINADES): the CMS of many ``<province>.dcs.vn`` party portals (research §3.4)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from crawler.sites.base import Family, Selectors

# /{module}/{cat}/{alias}-{id}.html (NukeViet 3: …-{id}/); /{lang}/ prefix on multi-language
# sites; the module is left out for the site's default module (rewrite_op_mod). Print, sendmail
# and savefile views are not articles, and neither are tag, topic or author pages.
ARTICLE_URL = (
    r"^(?:/[a-z]{2})?(?!/(?:print|sendmail|savefile|rss|tag|author|search)/)"
    r"(?:/[\w-]+){1,2}/(?!page-\d+/?$)[\w-]+-\d+(?:\.html|/)$"
)
LISTING_URL = (
    r"/page-\d+/?$|/(?:tag|author)/[\w-]+(?:/page-\d+)?/?$|^(?:/[a-z]{2})?/[\w-]+/[\w-]+/?$"
)
PRINT_URL = r"^(?:/[a-z]{2})?/[\w-]+/(?:print|sendmail|savefile)/"
_VIEW_PREFIX = re.compile(r"^/(?:vi/)?([\w-]+)/(?:print|sendmail|savefile)/")
_DEFAULT_LANGUAGE = re.compile(r"^/vi(?=/)")


def canonical_url(url: str) -> str:
    """Map a print/sendmail/savefile view and the ``/vi/`` prefix to the article's own URL."""
    parts = urlsplit(url)
    path = _VIEW_PREFIX.sub(r"/\1/", parts.path, count=1)
    path = _DEFAULT_LANGUAGE.sub("", path, count=1)
    return urlunsplit(parts._replace(path=path))


SELECTORS = Selectors(
    title="h1.title[itemprop=headline], #news_detail h1, .news_column h1.title",
    lead="div.hometext[itemprop=description], .hometext, #hometext",
    body="#news-bodyhtml, #news_detail div.bodytext, .news_column div.bodytext",
    date="span[itemprop=datePublished], .news_column span.h5, #news_detail span.time",
    author=("[itemprop=author] [itemprop=name], p.h5.text-right, "
            '#news_detail > p[style*="right"]'),
    tags='div.keywords, .news_column div.h5 a[href*="/tag/"]',
    section=".breadcrumbs li:last-child a, .breadcrumbs-wrap li:last-child a",
    caption="figure.article figcaption, #news-bodyhtml figcaption",
    drop=(
        "#form3B", ".other-news", "#idcomment", ".socialicon", ".fb-like", ".zalo-share-button",
        "ul.related", ".news_column .panel-heading",
    ),
)

FAMILY = Family(
    name="nukeviet",
    selectors=SELECTORS,
    article_url_pattern=ARTICLE_URL,
    listing_url_pattern=LISTING_URL,
    print_url_pattern=PRINT_URL,
    sitemap_paths=("/sitemap.xml",),
    feed_paths=("/news/rss/", "/tin-tuc/rss/"),
    fingerprints=(
        r"/uploads/[\w-]+/\d{4}_\d{2}/",
        r"id=[\"']news-bodyhtml[\"']",
        r"index\.php\?language=[a-z]{2}&(?:amp;)?nv=",
        r"nv_base_siteurl\s*=",
        r"<meta[^>]+content=[\"']NukeViet",
        r"/themes/[\w-]+/(?:js|css)/[\w.-]+\.(?:js|css)\?t=\d+",
    ),
    canonical_url=canonical_url,
)
