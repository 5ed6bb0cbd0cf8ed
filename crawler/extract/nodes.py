"""Small helpers over lxml elements: class tokens, text, cached CSS selectors, page regions."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from lxml import etree
from lxml.cssselect import CSSSelector, SelectorError
from lxml.html import HtmlElement

SPACES = re.compile(r"\s+")
# class/id tokens of the page chrome: the header (with its 'today's date'), menus, sidebars
CHROME_TOKEN = re.compile(
    r"^(header|site-header|page-header-top|top-?header|header-?top|main-header|topbar|top-bar|top"
    r"|masthead|banner|navbar|nav|menu|main-menu|mainmenu|footer|site-footer|sidebar|side-bar"
    r"|col-right|right-col|rightcol|left-col|aside|today|current-?date|currentdate|ngay-?hien-?tai"
    r"|ngayhientai|date-?now|datenow|clock|weather|time-?now|lunar)$",
    re.IGNORECASE,
)
RELATED_TOKEN = re.compile(
    r"^(related\S*|\S*-related|other-?news|othernews|news-?other|drelated|tin-?lien-?quan"
    r"|tinlienquan|tin-?khac|tinkhac|tin-?moi|tinmoi|most-?view\S*|mostview|hot-?news|news-?list"
    r"|list-?news|box-?news|same-?cat\S*|more-?news|comment\S*|fb-comments)$",
    re.IGNORECASE,
)
CHROME_TAGS = frozenset({"header", "nav", "footer", "aside"})


@lru_cache(maxsize=8192)
def is_chrome_token(token: str) -> bool:
    """Tell whether a class/id token names page chrome or a related-news box."""
    return bool(CHROME_TOKEN.match(token) or RELATED_TOKEN.match(token))


def tokens(element: HtmlElement) -> list[str]:
    """Return the class tokens and the id of ``element``."""
    found = (element.get("class") or "").split()
    ident = element.get("id")
    if ident:
        found.append(ident)
    return found


def text_of(element: HtmlElement) -> str:
    """Return the element's text with whitespace collapsed."""
    return SPACES.sub(" ", element.text_content()).strip()


def is_element(node: object) -> bool:
    """Tell whether ``node`` is a real element (not a comment or processing instruction)."""
    return isinstance(node, HtmlElement) and isinstance(node.tag, str)


@lru_cache(maxsize=512)
def _compiled(selector: str) -> CSSSelector | None:
    try:
        return CSSSelector(selector, translator="html")
    except (SelectorError, etree.XPathError):
        return None


def select(root: HtmlElement, selector: str) -> list[HtmlElement]:
    """Return the elements matching a CSS selector (empty or invalid selectors match nothing)."""
    if not selector.strip():
        return []
    compiled = _compiled(selector)
    if compiled is None:
        return []
    return [found for found in compiled(root) if is_element(found)]


def select_first(root: HtmlElement, selectors: Iterable[str]) -> HtmlElement | None:
    """Return the first element matched by the first selector that matches anything."""
    for selector in selectors:
        found = select(root, selector)
        if found:
            return found[0]
    return None


def in_chrome(element: HtmlElement, article: HtmlElement | None = None) -> bool:
    """Tell whether ``element`` sits in the page chrome or a related-news box.

    ``<header>`` inside the article (an article's own header) is not chrome.
    """
    node: HtmlElement | None = element
    while node is not None and is_element(node):
        if node is article:
            return False
        if node.tag in CHROME_TAGS and not (node.tag == "header" and _inside_article(node)):
            return True
        if any(is_chrome_token(token) for token in tokens(node)):
            return True
        node = node.getparent()
    return False


def _inside_article(node: HtmlElement) -> bool:
    parent = node.getparent()
    while parent is not None:
        if parent.tag == "article":
            return True
        parent = parent.getparent()
    return False


def remove(element: HtmlElement) -> None:
    """Remove ``element`` from its tree, keeping its tail text in place."""
    parent = element.getparent()
    if parent is None:
        return
    tail = element.tail
    if tail and tail.strip():
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(element)


class PageIndex:
    """One pass over the tree: elements by lower-cased class token, id, itemprop and tag.

    Lookups return elements in document order, so generic selector lists cost no extra scans.
    """

    def __init__(self, root: HtmlElement, tags: Iterable[str] = ("h1", "time")) -> None:
        """Index ``root``; ``tags`` are the tag names to keep lists of."""
        self._by_key: dict[str, list[HtmlElement]] = {}
        self._order: dict[int, int] = {}
        wanted = frozenset(tags)
        for position, element in enumerate(root.iter()):
            if not isinstance(element.tag, str):
                continue
            keys = [token.lower() for token in (element.get("class") or "").split()]
            if element.get("id"):
                keys.append("#" + element.get("id", "").lower())
            if element.get("itemprop"):
                keys.append("@" + element.get("itemprop", "").lower())
            if element.tag in wanted:
                keys.append("<" + element.tag)
            if keys:
                self._order[id(element)] = position
                for key in keys:
                    self._by_key.setdefault(key, []).append(element)

    def find_matching(self, pattern: re.Pattern[str]) -> list[HtmlElement]:
        """Return the elements with a class token or '#id' key that ``pattern`` fully matches."""
        return self.find(key for key in self._by_key if key[0] not in "@<" and pattern.fullmatch(
            key))

    def find(self, keys: Iterable[str]) -> list[HtmlElement]:
        """Return the elements carrying any of ``keys`` ('cls', '#id', '@itemprop', '<tag')."""
        found: dict[int, HtmlElement] = {}
        for key in keys:
            for element in self._by_key.get(key, []):
                found[id(element)] = element
        return sorted(found.values(), key=lambda element: self._order[id(element)])
