"""Where articles are found: URL classification, links, sitemaps and feeds (pure functions)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from urllib.parse import SplitResult, parse_qsl, urljoin, urlsplit

from lxml import etree

from crawler.extract.urls import LinkResolver
from crawler.sites.base import SiteProfile


class UrlKind(Enum):
    """What a URL on the crawled site is, as far as its shape tells."""

    ARTICLE = "article"
    LISTING = "listing"
    SKIP = "skip"


_ATTACHMENT = re.compile(
    r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|7z|jpe?g|png|gif|webp|svg|bmp|ico|mp3|mp4|avi|wmv|flv"
    r"|css|js|xml|json|rss|txt|exe|apk)$",
    re.IGNORECASE,
)
# Views of an article that are not the article page, and endless traps.
_SKIP_PATH = re.compile(
    r"/(?:print|in-bai|sendmail|savefile|rss|feed|search|tim-kiem|timkiem|lich|calendar|login"
    r"|dang-nhap|admin|wp-admin|user|users|member|register|dang-ky|comment|binh-luan)(?:/|$|\.)",
    re.IGNORECASE,
)
_TRAP_QUERY_KEYS = frozenset(
    {
        "q",
        "keyword",
        "keywords",
        "search",
        "tu-khoa",
        "tukhoa",
        "date",
        "ngay",
        "day",
        "month",
        "year",
        "thang",
        "nam",
        "calendar",
        "print",
        "sort",
        "order",
        "replytocom",
    }
)
_LISTING_PATH = re.compile(
    r"/(?:tag|tags|tu-khoa|chu-de|topic|author|tac-gia|page)(?:/|-\d|$)", re.I
)
# Article URL shapes of the CMS families the research describes, and the generic news shape.
_ARTICLE_SHAPES = (
    re.compile(r"-\d{3,}(?:\.html?|\.aspx|\.htm|\.php)?/?$"),  # <slug>-<id>[.html]
    re.compile(r"/\d{6}/[^/]+-\d+/?$"),  # 'YYYYMM path' newspaper CMS
    re.compile(r"/DetailView/\d+/", re.I),  # custom ASP.NET portals
    re.compile(
        r"/-/(?:asset_publisher/[^/]+/content|view-content/\d+|\d{4}/\d+)/", re.I
    ),  # Liferay
    re.compile(r"/item/\d+-[^/]+\.html?$", re.I),  # Joomla/K2
    re.compile(r"/\d{4}/\d{2}/\d{2}/[^/]+"),  # dated paths
)
_ARTICLE_QUERY_KEYS = frozenset({"newsid", "contentid", "articleid", "id_news", "itemid"})
_MIN_SLUG_WORDS = 5


def classify_url(url: str, root: str, profile: SiteProfile | None = None) -> UrlKind:
    """Classify ``url`` found while crawling the site rooted at ``root``."""
    parts = urlsplit(url)
    if _is_off_site_or_trap(parts, urlsplit(root).netloc):
        return UrlKind.SKIP
    path = parts.path or "/"
    if profile is not None and profile.article_url_pattern:
        target = path + ("?" + parts.query if parts.query else "")
        found = re.search(profile.article_url_pattern, target)
        return UrlKind.ARTICLE if found else UrlKind.LISTING
    if _LISTING_PATH.search(path):
        return UrlKind.LISTING
    query_keys = {key.lower() for key, _ in parse_qsl(parts.query, keep_blank_values=True)}
    if query_keys & _ARTICLE_QUERY_KEYS or any(shape.search(path) for shape in _ARTICLE_SHAPES):
        return UrlKind.ARTICLE
    return UrlKind.ARTICLE if _looks_like_headline_slug(path) else UrlKind.LISTING


_TAG_LISTING_PATH = re.compile(r"/(?:tag|tags|tu-khoa|keyword|keywords)/[^/]", re.IGNORECASE)


def is_tag_listing(url: str) -> bool:
    """Return True for a page of one tag's listing ('/news/tag/xay-dung-dang', '/tags/x/page-2').

    A tag listing shows again articles that the sections list; only its first page is walked
    unless ``PARTYNEWS_WALK_TAG_PAGES`` is on.
    """
    return bool(_TAG_LISTING_PATH.search(urlsplit(url).path))


_PAGINATION_PATH = re.compile(
    r"/(?:page|trang|p|pages)[-/_]?(?P<number>\d{1,5})(?:\.html?|\.aspx|\.php)?/?$", re.IGNORECASE
)
_PAGINATION_QUERY_KEYS = frozenset({"page", "p", "trang", "pageindex", "pagenumber", "paged", "pg"})


def is_pagination(url: str) -> bool:
    """Return True when ``url`` is a later page of a listing ('/page-2', '?page=2', '/trang-3')."""
    return pagination_number(url) is not None


def pagination_number(url: str) -> int | None:
    """Return the page number of a listing page URL ('/page-2' → 2), None for other URLs."""
    parts = urlsplit(url)
    found = _PAGINATION_PATH.search(parts.path or "/")
    if found:
        return int(found["number"])
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if key.lower() in _PAGINATION_QUERY_KEYS and value.strip().isdigit():
            return int(value)
    return None


def next_page(current_url: str, pages: list[str]) -> str | None:
    """Return the link to the page after ``current_url`` among ``pages`` (None at the end).

    The current page is page 1 when its URL carries no page number.
    """
    current = pagination_number(current_url) or 1
    later = [(number, url) for url in pages if (number := pagination_number(url) or 0) > current]
    return min(later)[1] if later else None


def _is_off_site_or_trap(parts: SplitResult, root_netloc: str) -> bool:
    """Another host or port, an attachment, a print view, a search or calendar page."""
    if parts.scheme not in {"http", "https"} or parts.netloc.lower() != root_netloc.lower():
        return True
    path = parts.path or "/"
    if _ATTACHMENT.search(path) or _SKIP_PATH.search(path):
        return True
    query_keys = {key.lower() for key, _ in parse_qsl(parts.query, keep_blank_values=True)}
    return bool(query_keys & _TRAP_QUERY_KEYS)


def _looks_like_headline_slug(path: str) -> bool:
    last = path.rstrip("/").rsplit("/", 1)[-1]
    last = re.sub(r"\.(?:html?|aspx|php)$", "", last, flags=re.I)
    return last.count("-") + 1 >= _MIN_SLUG_WORDS


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """A URL listed by a sitemap or feed, with its last-modified stamp when given."""

    url: str
    lastmod: str | None = None


@dataclass(frozen=True, slots=True)
class PageLinks:
    """The links of an HTML page (absolute, without fragments) and the feeds it advertises."""

    links: list[str]
    feeds: list[str]


_FEED_TYPES = ("rss", "atom")


_HTML_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)


def read_links(body: bytes, base_url: str) -> PageLinks:
    """Return the http(s) links of an HTML page in document order, and its RSS/Atom feeds."""
    try:
        root = etree.fromstring(body, _HTML_PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return PageLinks([], [])
    if root is None:
        return PageLinks([], [])
    return page_links(root, base_url)


def page_links(root: etree._Element, base_url: str) -> PageLinks:
    """Return the links and feeds of a page already parsed (see `read_links`)."""
    bases = root.xpath("//base/@href")
    base = urljoin(base_url, str(bases[0]).strip()) if bases else base_url
    resolver = LinkResolver(base)
    links: list[str] = []
    for href in root.xpath("//a/@href"):
        absolute = resolver.resolve(str(href))
        if absolute.startswith(("http://", "https://")):
            links.append(absolute)
    feeds = [
        urljoin(base, str(link.get("href", "")).strip())
        for link in root.xpath("//link[@rel='alternate'][@href]")
        if any(kind in (link.get("type") or "") for kind in _FEED_TYPES)
    ]
    return PageLinks(links, feeds)


def robots_sitemaps(body: bytes, base_url: str) -> list[str]:
    """Return the ``Sitemap:`` URLs of a robots.txt."""
    text = body.decode("utf-8", errors="replace")
    found = re.findall(r"^\s*sitemap\s*:\s*(\S+)", text, flags=re.IGNORECASE | re.MULTILINE)
    return [urljoin(base_url, url) for url in found]


def parse_sitemap(body: bytes) -> tuple[list[FeedEntry], list[FeedEntry]]:
    """Return ``(child sitemaps, page entries)`` of a sitemap or sitemap index."""
    root = _xml_root(body)
    if root is None:
        return [], []
    children: list[FeedEntry] = []
    pages: list[FeedEntry] = []
    for node in root.iter("{*}sitemap", "{*}url"):
        loc = node.findtext("{*}loc")
        if not loc:
            continue
        entry = FeedEntry(loc.strip(), (node.findtext("{*}lastmod") or "").strip() or None)
        (children if etree.QName(node).localname == "sitemap" else pages).append(entry)
    return children, pages


def parse_feed(body: bytes) -> list[FeedEntry]:
    """Return the item links of an RSS 2.0 or Atom feed."""
    root = _xml_root(body)
    if root is None:
        return []
    entries = []
    for item in root.iter("item", "{*}entry"):
        link = item.findtext("link") or ""
        if not link:
            atom_link = item.find("{*}link")
            link = atom_link.get("href", "") if atom_link is not None else ""
        stamp = item.findtext("pubDate") or item.findtext("{*}updated")
        if link.strip():
            entries.append(FeedEntry(link.strip(), stamp.strip() if stamp else None))
    return entries


def _xml_root(body: bytes) -> etree._Element | None:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(body.strip(), parser=parser)
    except etree.XMLSyntaxError:
        return None
    return root
