"""Joomla with K2 (lyluanchinhtri.vn) (research §3.6)."""

from __future__ import annotations

from crawler.sites.base import Family, Selectors

# /home/index.php/<cat>/item/<id>-<slug>.html; listings /<cat>.html?start=N, /itemlist/...
ARTICLE_URL = r"/item/\d+-[\w-]+(?:\.html?)?$|[?&]view=(?:item|article)&"
LISTING_URL = r"/itemlist/|[?&](?:start|limitstart)=\d+|[?&]view=(?:itemlist|category)"
PRINT_URL = r"[?&](?:tmpl=component|print=1)"

SELECTORS = Selectors(
    title="h2.itemTitle, h1.itemTitle, .item-page h2, .item-page h1",
    lead=".itemIntroText, .item-page .intro",
    body=".itemFullText, .item-page [itemprop=articleBody], .item-page",
    date=".itemDateCreated, .item-page time, dd.published",
    modified=".itemDateModified",
    author=".itemAuthor, dd.createdby",
    tags=".itemTags",
    section=".itemCategory a, dd.category-name a",
    caption=".itemImageCaption, .itemFullText figcaption",
    drop=(".itemHits", ".itemRatingBlock", ".itemToolbar", ".itemSocialSharing",
          ".itemRelated", ".itemComments", ".itemNavigation", ".itemBackToTop", ".breadcrumbs",
          ".itemAuthorLatest", ".itemCategory"),
    ignore_dates=(".k2CurrentDate", "#header .date"),
)

FAMILY = Family(
    name="joomla",
    selectors=SELECTORS,
    article_url_pattern=ARTICLE_URL,
    listing_url_pattern=LISTING_URL,
    print_url_pattern=PRINT_URL,
    sitemap_paths=(),
    fingerprints=(
        r"<meta[^>]+content=[\"']Joomla",
        r"/index\.php/[\w-]+/item/\d+-",
        r"/components/com_k2/|/media/k2/",
        r"/media/(?:system|jui)/js/",
        r"[?&](?:amp;)?option=com_\w+",
        r"class=[\"'][^\"']*\bitemFullText\b",
    ),
)
