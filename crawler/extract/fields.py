"""Page fields beside the text: tags, section, authors' element, listing detection, language.

Listing / tag / search pages (NotAnArticle) — thresholds, measured on the cleaned tree:
* the main text is shorter than ``MIN_BODY_CHARS`` (200) characters; or
* the page is not typed as an article (no JSON-LD Article, no ``og:type=article``) and either its
  URL looks like a listing (``/tag/``, ``/search``, ``/page-N``, ``?page=`` …) or it holds at least
  ``MIN_LISTING_LINKS`` (12) headline-like links (anchor text ≥ 25 characters) while its main text
  is shorter than ``CHARS_PER_LINK`` (80) characters per such link.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from crawler.extract.metadata import PageMeta
from crawler.extract.nodes import PageIndex, in_chrome, select, text_of
from crawler.sites.base import SiteProfile
from normalize.bylines import parse_authors
from normalize.text import clean_text

TAG_KEYS = ("tags", "post-tag", "tag", "keywords", "news-tags", "tag-list", "box-tags",
            "list-tags", "@keywords", "tag-item", "tags-list")
# any class token or id naming a breadcrumb: mas-breadcrumb, wpthemeBreadcrumbTrail, bread-crumb
BREADCRUMB_TOKEN = re.compile(r"#?[\w-]*bread-?crumb[\w-]*")
CRUMB_ITEM_TAGS = frozenset({"li", "a", "span"})
AUTHOR_KEYS = ("author", "#author", "tacgia", "tac-gia", "news-author", "article-author",
               "post-author", "detail-author", "author-detail", "author-name", "newsauthor",
               "byline")
HOME_CRUMBS = frozenset({"trang chủ", "home", "trang chính", "tin tức"})
TAG_HREF = re.compile(r"/(?:tags?|tu-khoa|tukhoa)/[^/?#]+", re.IGNORECASE)
TAG_PREFIX = re.compile(r"^(tags?|từ khóa|từ khoá)\s*:\s*", re.IGNORECASE)
LISTING_URL = re.compile(
    r"/(tags?|search|tim-kiem|timkiem|chuyen-muc|author|tac-gia|rss)(/|$|\.)|/page-\d+/?$"
    r"|[?&](keyword|q|tu-?khoa)=|/trang-\d+\.html?$",
    re.IGNORECASE,
)
SOURCE_LINE = re.compile(r"^Nguồn(?: tin)?\s*:\s*(\S.{1,100})$", re.IGNORECASE)
MIN_BODY_CHARS = 200
MAX_SOURCE_LINE_CHARS = 120
MAX_AUTHOR_CHARS = 80
MIN_LISTING_LINKS = 12
HEADLINE_LINK_CHARS = 25
CHARS_PER_LINK = 80
SOURCE_TEXTS = etree.XPath("//text()[starts-with(normalize-space(), 'Nguồn')]")


def _unique(values: list[str]) -> list[str]:
    seen: set[str] = set()
    kept: list[str] = []
    for value in values:
        key = value.casefold()
        if value and key not in seen:
            seen.add(key)
            kept.append(value)
    return kept


def read_tags(
    root: HtmlElement, index: PageIndex, profile: SiteProfile | None, meta: PageMeta
) -> list[str]:
    """Return the article's tags: the profile's element, visible tag links, else meta tags.

    A profile's selector that matches nothing on the page falls back to the generic search.
    """
    elements: list[HtmlElement] = []
    found = select(root, profile.selectors.tags, index) if profile and profile.selectors.tags else (
        [])
    if found:
        links = [link for element in found for link in element.iter("a")]
        elements = links or found
    else:
        boxes = [box for box in index.find(TAG_KEYS) if not in_chrome(box)]
        elements = [link for box in boxes[:1] for link in box.iter("a")]
        elements = elements or _tag_links(root)
    raw = [TAG_PREFIX.sub("", text_of(element)) for element in elements] or meta.tags
    return _unique([clean_text(tag).strip(" ,;") for tag in raw])


def _tag_links(root: HtmlElement) -> list[HtmlElement]:
    """Return the links to tag pages outside the page chrome (tag boxes without a tag class)."""
    return [link for link in root.iter("a")
            if TAG_HREF.search(link.get("href") or "") and not in_chrome(link)]


def read_section(root: HtmlElement, index: PageIndex, profile: SiteProfile | None,
                 meta: PageMeta, title: str) -> str | None:
    """Return the section: profile element, JSON-LD/article:section, else the last breadcrumb."""
    if profile and profile.selectors.section:
        found = select(root, profile.selectors.section, index)
        if found and text_of(found[-1]):
            return clean_text(text_of(found[-1]))
    if meta.section:
        return clean_text(meta.section)
    for found in index.find_matching(BREADCRUMB_TOKEN)[:1]:
        box = found.getparent() if found.tag in CRUMB_ITEM_TAGS else found  # li.breadcrumb-item
        box = found if box is None else box
        items = list(box.iter("a")) or list(box.iter("li"))
        crumbs = [clean_text(text_of(element)) for element in items]
        crumbs = [crumb for crumb in crumbs if crumb and crumb.casefold() not in HOME_CRUMBS
                  and crumb != title]
        if crumbs:
            return crumbs[-1]
    return None


def read_author_element(root: HtmlElement, profile: SiteProfile | None,
                        index: PageIndex | None = None) -> tuple[list[str], HtmlElement | None]:
    """Return the authors named by the profile's author element, and that element.

    The first matching element that is not a 'Nguồn tin: …' source line is taken. Without a
    profile selector (or when it matches nothing) and given ``index``, a short author-classed
    element outside the page chrome that names someone is taken.
    """
    if profile and profile.selectors.author:
        for element in select(root, profile.selectors.author, index):
            text = clean_text(text_of(element))
            if text and not SOURCE_LINE.match(text):  # a 'Nguồn tin:' line in the same style
                return parse_authors(text), element
    if index is None:
        return [], None
    for element in index.find(AUTHOR_KEYS):
        text = clean_text(text_of(element))
        if (text and len(text) <= MAX_AUTHOR_CHARS and not SOURCE_LINE.match(text)
                and not in_chrome(element)):
            authors = parse_authors(text)
            if authors:
                return authors, element
    return [], None


def read_source_line(root: HtmlElement) -> str | None:
    """Return the source named by a 'Nguồn tin: …' element outside the body (NukeViet), or None."""
    for text in SOURCE_TEXTS(root):
        element = text.getparent()
        if text.is_tail and element is not None:  # the text after an element: its parent's line
            element = element.getparent()
        # climb from a label element ('<b>Nguồn:</b> X') to the whole line, never past it
        while element is not None and len(text_of(element)) <= MAX_SOURCE_LINE_CHARS:
            found = SOURCE_LINE.match(clean_text(text_of(element)))
            if found:
                return found.group(1).strip(" .")
            element = element.getparent()
    return None


def language_of(meta: PageMeta) -> str:
    """Return the two-letter language code of the page ('vi' when it does not say)."""
    code = (meta.language or "").strip().lower().replace("_", "-")
    primary = code.split("-", 1)[0]
    return primary if len(primary) == 2 and primary.isalpha() else "vi"  # noqa: PLR2004


def listing_reason(root: HtmlElement, meta: PageMeta, url: str, body_chars: int) -> str | None:
    """Return why the page is a listing rather than an article, or None."""
    if body_chars < MIN_BODY_CHARS:
        return f"main text too short ({body_chars} < {MIN_BODY_CHARS} characters)"
    if meta.is_article_typed:
        return None
    if LISTING_URL.search(urlsplit(url).path + ("?" + urlsplit(url).query)):
        return "listing URL and no article metadata"
    headline_links = sum(
        1 for link in root.iter("a") if len(text_of(link)) >= HEADLINE_LINK_CHARS
    )
    if headline_links >= MIN_LISTING_LINKS and body_chars < CHARS_PER_LINK * headline_links:
        return f"listing page ({headline_links} headline links, {body_chars} characters of text)"
    return None
