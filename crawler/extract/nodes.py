"""Small helpers over lxml elements: class tokens, text, cached CSS selectors, page regions."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache, partial

from lxml.html import HtmlElement

from crawler.extract.css import Anchor, compile_selector

SPACES = re.compile(r"\s+")
# the separators of class tokens for XPath (and so for CSS selectors): XML whitespace
XML_SPACES = re.compile("[ \t\r\n]+")
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
# an element of the page index with its class, id and itemprop attributes
LabelledElement = tuple[HtmlElement, str | None, str | None, str | None]


@lru_cache(maxsize=8192)
def is_chrome_token(token: str) -> bool:
    """Tell whether a class/id token names page chrome or a related-news box."""
    return bool(CHROME_TOKEN.match(token) or RELATED_TOKEN.match(token))


def attribute_tokens(classes: str | None, ident: str | None) -> list[str]:
    """Return the tokens of a ``class`` attribute's value, then the ``id`` (when not empty)."""
    found = (classes or "").split()
    if ident:
        found.append(ident)
    return found


@lru_cache(maxsize=8192)
def _names_chrome(classes: str | None, ident: str | None) -> bool:
    """Tell whether a class token or the id (attribute values) names chrome or related news."""
    return any(is_chrome_token(token) for token in attribute_tokens(classes, ident))


def text_of(element: HtmlElement) -> str:
    """Return the element's text with whitespace collapsed."""
    return collapse_spaces(raw_text(element))


def raw_text(element: HtmlElement) -> str:
    """Return all the text in ``element`` as it stands (``text_content()``, faster on leaves)."""
    # an element without children holds its own text only: no need for the slower text_content()
    text: str = element.text_content() if len(element) else element.text or ""
    return text


def collapse_spaces(text: str) -> str:
    """Return ``text`` with its whitespace runs as one space, stripped.

    The same as ``SPACES.sub(" ", text).strip()`` (``str.split`` knows the whitespace that
    ``SPACES`` matches), three times faster.
    """
    return " ".join(text.split())


def is_element(node: object) -> bool:
    """Tell whether ``node`` is a real element (not a comment or processing instruction)."""
    return isinstance(node, HtmlElement) and isinstance(node.tag, str)


def select(root: HtmlElement, selector: str, index: PageIndex | None = None) -> list[HtmlElement]:
    """Return the elements matching a CSS selector (empty or invalid selectors match nothing).

    Given the page's ``index`` (of the tree ``root`` is in), the selector's branches start from
    the elements carrying the id or class they require instead of scanning the whole tree.
    """
    if not selector.strip():
        return []
    compiled = compile_selector(selector)
    if compiled is None:
        return []
    lookup = None
    if index is not None and _within(root, index.root):
        lookup = partial(index.anchored, root=root)
    return [found for found in compiled.evaluate(root, lookup) if is_element(found)]


def select_first(root: HtmlElement, selectors: Iterable[str],
                 index: PageIndex | None = None) -> HtmlElement | None:
    """Return the first element matched by the first selector that matches anything."""
    for selector in selectors:
        found = select(root, selector, index)
        if found:
            return found[0]
    return None


def _within(element: HtmlElement, root: HtmlElement) -> bool:
    """Tell whether ``element`` is ``root`` or one of its descendants."""
    node: HtmlElement | None = element
    while node is not None:
        if node is root:
            return True
        node = node.getparent()
    return False


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
        if _names_chrome(node.get("class"), node.get("id")):
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
    The exact ids, class tokens and itemprops are kept too: a CSS selector starts from the
    elements that carry the id, class or itemprop its first step requires (see ``css``); elements
    may leave the tree afterwards, but none may join it or change its class, id or itemprop.
    """

    def __init__(self, root: HtmlElement, tags: Iterable[str] = ("h1", "time")) -> None:
        """Index ``root``; ``tags`` are the tag names to keep lists of."""
        self.root = root
        self._by_key: dict[str, list[HtmlElement]] = {}
        self._order: dict[int, int] = {}
        self._labelled: list[LabelledElement] = []
        self._anchors: dict[str, dict[str, list[HtmlElement]]] | None = None
        wanted = frozenset(tags)
        # lxml.html builds an element's proxy through a Python class lookup; while these stay
        # alive, every later pass over the page reuses them
        self._proxies = list(root.iter())
        for position, element in enumerate(self._proxies):
            tag = element.tag
            if not isinstance(tag, str):
                continue
            classes, ident = element.get("class"), element.get("id")
            itemprop = element.get("itemprop")
            if classes is None and ident is None and itemprop is None and tag not in wanted:
                continue
            if classes is not None or ident is not None or itemprop is not None:
                self._labelled.append((element, classes, ident, itemprop))
            keys = [token.lower() for token in classes.split()] if classes else []
            if ident:
                keys.append("#" + ident.lower())
            if itemprop:
                keys.append("@" + itemprop.lower())
            if tag in wanted:
                keys.append("<" + tag)
            if keys:
                self._order[id(element)] = position
                for key in keys:
                    self._by_key.setdefault(key, []).append(element)

    def anchored(self, anchor: Anchor, root: HtmlElement) -> list[HtmlElement]:
        """Return the elements under ``root`` (still in the tree) that carry ``anchor``."""
        if self._anchors is None:
            self._anchors = _anchor_maps(self._labelled)
        carriers = self._anchors[anchor.kind].get(anchor.value, ())
        return [element for element in carriers if _within(element, root)]

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


def _anchor_maps(labelled: list[LabelledElement]) -> dict[str, dict[str, list[HtmlElement]]]:
    """Map each exact id, class token and itemprop to its elements, in document order.

    The maps are keyed by anchor kind ('id', 'class', 'itemprop'), then by the value.
    """
    by_id: dict[str, list[HtmlElement]] = {}
    by_class: dict[str, list[HtmlElement]] = {}
    by_itemprop: dict[str, list[HtmlElement]] = {}
    for element, classes, ident, itemprop in labelled:
        if classes:
            for token in _class_tokens(classes):
                by_class.setdefault(token, []).append(element)
        if ident is not None:
            by_id.setdefault(ident, []).append(element)
        if itemprop is not None:
            by_itemprop.setdefault(itemprop, []).append(element)
    return {"id": by_id, "class": by_class, "itemprop": by_itemprop}


def _class_tokens(classes: str) -> list[str]:
    """Return the distinct tokens of a class attribute, split on XML whitespace (as XPath does)."""
    if "\t" in classes or "\n" in classes or "\r" in classes:
        parts = XML_SPACES.split(classes)
    else:  # the common case, without a regular expression
        parts = classes.split(" ")
    return [parts[0]] if len(parts) == 1 else [part for part in dict.fromkeys(parts) if part]
