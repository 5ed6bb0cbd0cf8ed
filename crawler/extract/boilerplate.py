"""Boilerplate removal before trafilatura: related lists, comment forms, share and rating widgets.

Generic rules (any site): containers whose class/id is a known widget name, boxes opened by a
known heading ('Tin liên quan', 'Viết bình luận' …, the heading and the rest of its box go), and
comment forms (a ``<form>`` with a text field and little text; an ASP.NET page wraps everything in
one ``<form>``, so a form holding the article is kept). A profile adds its own ``drop`` selectors.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree
from lxml.html import HtmlElement

from crawler.extract.nodes import (
    RELATED_TOKEN,
    PageIndex,
    attribute_tokens,
    collapse_spaces,
    is_element,
    remove,
    select,
    text_of,
)
from crawler.sites.base import SiteProfile

WIDGET_TOKEN = re.compile(
    r"^(share\S*|\S*-share|social\S*|sharing|addthis\S*|zalo-share\S*|fb-like|fb-share\S*"
    r"|like-?box|print\S*|tools?|toolbar|post-tag|tags?|tag-?list|news-?tags?|keywords?|form3b"
    r"|rating|vote\S*|views?|view-?count|luot-?xem|counter|captcha\S*|breadcrumbs?|bread-?crumb"
    r"|ads?|advert\S*|quang-?cao|banner\S*|sidebar|navbar|menu|footer|socials?|box-?comment"
    r"|comment-?form|binh-?luan\S*|y-?kien\S*|gop-?y)$",
    re.IGNORECASE,
)
DATE_WIDGET_TOKEN = re.compile(
    r"^(header|site-header|top-?header|header-?top|topbar|top-bar|today|current-?date|currentdate"
    r"|ngay-?hien-?tai|date-?now|datenow|clock)$",
    re.IGNORECASE,
)
# Elements that the page hides from readers (schema.org copies of the date and author, templates).
HIDDEN_TOKEN = re.compile(r"^(hidden|d-none|hide|sr-only|visually-?hidden|invisible)$", re.I)
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
DROP_TAGS = ("script", "style", "noscript", "iframe", "select", "button", "input", "textarea",
             "label", "nav", "aside", "footer", "object", "embed", "svg")
BOX_HEADINGS = frozenset(
    {"tin liên quan", "tin liên quan khác", "các tin liên quan", "bài liên quan", "tin mới",
     "tin mới nhất", "tin mới hơn", "tin cũ hơn", "các bài mới đăng", "các bài đã đăng",
     "tin xem nhiều", "xem nhiều", "đọc nhiều", "các tin khác", "tin khác", "bài viết khác",
     "theo dòng sự kiện", "những tin mới hơn", "những tin cũ hơn", "ý kiến bạn đọc",
     "viết bình luận", "gửi bình luận", "gửi bình luận của bạn", "ý kiến của bạn",
     "ý kiến bạn đọc - gửi bình luận", "đánh giá bài viết", "liên kết website",
     "tin cùng chuyên mục",
     "bài đã đăng", "bài mới đăng", "tin đã đưa", "đọc nhiều nhất", "xem nhiều nhất",
     "tin đọc nhiều", "tin đọc nhiều nhất", "tin xem nhiều nhất", "bài đọc nhiều",
     "bài đọc nhiều nhất", "bài xem nhiều nhất"}
)
HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "strong", "b", "div", "span", "p", "a",
                          "td", "li", "legend"})
MAX_HEADING_CHARS = 40
KEEP_TEXT_CHARS = 400
FORM_TEXT_LIMIT = 800
LONG_PARAGRAPH_CHARS = 120
ARTICLE_PARAGRAPHS = 3
# blank text nodes (most of them) can name no box: they are left out
SHORT_TEXTS = etree.XPath(
    "//text()[normalize-space()][string-length(normalize-space()) <= $limit]")
FORM_FIELDS = etree.XPath(".//textarea|.//input[not(@type) or @type='text' or @type='email']")


@lru_cache(maxsize=8192)
def _token_kind(token: str) -> str:
    if HIDDEN_TOKEN.match(token):
        return "hidden"
    if RELATED_TOKEN.match(token):
        return "related"
    if DATE_WIDGET_TOKEN.match(token):
        return "widget"
    return "widget" if WIDGET_TOKEN.match(token) else ""


@lru_cache(maxsize=8192)
def _kinds(classes: str | None, ident: str | None) -> frozenset[str]:
    """Return the kinds (see ``_token_kind``) of an element's class tokens and id."""
    return frozenset(_token_kind(token) for token in attribute_tokens(classes, ident))


def _heading_key(text: str) -> str:
    return text.strip().strip(":：").strip().casefold()


def _own_text_chars(element: HtmlElement) -> int:
    linked = sum(len(text_of(link)) for link in element.iter("a"))
    return len(text_of(element)) - linked


def _drop_box_after(heading: HtmlElement) -> None:
    node = heading
    while node.getnext() is None and node.getparent() is not None and node.getparent().tag not in (
        "body", "form", "html"):
        node = node.getparent()
    for sibling in list(node.itersiblings()):
        if is_element(sibling) and _own_text_chars(sibling) >= KEEP_TEXT_CHARS:
            break
        remove(sibling)
    remove(node)


def _drop_boxes_by_heading(root: HtmlElement) -> None:
    headings: list[HtmlElement] = []
    for text in SHORT_TEXTS(root, limit=MAX_HEADING_CHARS):
        if not text.is_text or _heading_key(collapse_spaces(text)) not in BOX_HEADINGS:
            continue
        element = text.getparent()
        if element is not None and element.tag in HEADING_TAGS and (
            _heading_key(text_of(element)) in BOX_HEADINGS
        ):
            headings.append(element)
    for heading in headings:
        if _attached(heading, root):
            _drop_box_after(heading)


def _attached(element: HtmlElement, root: HtmlElement) -> bool:
    top = element
    while top.getparent() is not None:
        top = top.getparent()
    return top is root and element is not root


def _holds_article(element: HtmlElement) -> bool:
    long_paragraphs = 0
    for paragraph in element.iter("p"):
        if len(text_of(paragraph)) >= LONG_PARAGRAPH_CHARS:
            long_paragraphs += 1
            if long_paragraphs == ARTICLE_PARAGRAPHS:
                return True
    return False


def _is_comment_form(form: HtmlElement) -> bool:
    fields = FORM_FIELDS(form)
    return bool(fields) and len(text_of(form)) < FORM_TEXT_LIMIT


def _is_boilerplate(element: HtmlElement) -> bool:
    """Tell whether ``element`` is a related list, a widget, a comment form or hidden."""
    classes, ident, style = element.get("class"), element.get("id"), element.get("style")
    if not (classes or ident or style or element.tag == "form"):
        return False  # the common case: nothing to judge it by
    kinds = _kinds(classes, ident)
    if "related" in kinds or "hidden" in kinds or (style and HIDDEN_STYLE.search(style)):
        return True
    if element.tag == "form" and _is_comment_form(element):
        return True
    return "widget" in kinds and not _holds_article(element)


def drop_boilerplate(root: HtmlElement, profile: SiteProfile | None,
                     index: PageIndex | None = None) -> None:
    """Remove boilerplate containers from ``root`` in place (``index``: the page's)."""
    doomed: list[HtmlElement] = []
    if profile:
        for selector in profile.selectors.drop:
            doomed.extend(select(root, selector, index))
    for element in root.iter(etree.Element):  # elements only: no comments, no PIs
        if element.tag not in ("html", "body") and _is_boilerplate(element):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            remove(element)
    for element in list(root.iter(*DROP_TAGS)):
        if element.getparent() is not None:
            remove(element)
    _drop_boxes_by_heading(root)
