"""The article's parts in the tree (title, lead, body container); its body text via trafilatura."""

from __future__ import annotations

import copy
import re
from functools import lru_cache

import trafilatura
from lxml.html import HtmlElement, builder
from trafilatura.settings import Extractor

from crawler.extract.nodes import (
    PageIndex,
    collapse_spaces,
    in_chrome,
    raw_text,
    select,
    text_of,
)
from crawler.sites.base import SiteProfile

TITLE_KEYS = ("@headline", "title", "post-title", "article-title", "detail-title", "title-detail",
              "title_detail", "news-title")
BLOCK_TITLE_KEYS = ("newstitle", "news-title", "title-news", "titlenews", "detail-title",
                    "article-title", "title-detail", "post-title")
LEAD_KEYS = (
    "sapo", "hometext", "#hometext", "post-summary", "summary", "sapo_detail", "chapeau", "lead",
    "sumary", "detail-sapo", "news-sapo", "article-sapo", "article-summary", "summary-detail",
    "@description", "trichyeu", "trich-yeu", "tomtat", "tom-tat",
)
BODY_KEYS = (
    "@articlebody", "#news-bodyhtml", "bodytext", "post-content", "detailcontent", "detail-content",
    "content-detail", "article-content", "article-body", "entry-content", "news-content",
    "newscontent", "news_detail", "journal-content-article", "#main-detail", "cms-body", "fck",
    "noidung", "noi-dung", "#noidung",
)
# a table cell holding one of these is page layout, not data (old ASP.NET portals: the whole page
# is one table, and trafilatura would flatten the article into one table row)
LAYOUT_BLOCK_TAGS = frozenset({"div", "p", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6",
                               "form", "section", "article", "blockquote"})
TABLE_PART_TAGS = ("tbody", "thead", "tfoot", "tr", "td", "th")
TITLE_SEPARATOR = re.compile(r"\s+[-|–—:»]\s+")
MIN_TITLE_CHARS = 8
# compound names of the same parts: divDetail_Summary, NewsSapo, detail__sapo, article-lead
PART_PREFIX = r"#?[a-z0-9]*?(?:detail|news|article|post|entry|content|baiviet|tintuc)[-_]{0,2}"
LEAD_TOKEN = re.compile(
    PART_PREFIX
    + r"(?:sapo|summary|sumary|chapeau|lead|trichyeu|tomtat)(?:[-_]{0,2}(?:detail|text))?"
)
MIN_LEAD_CHARS = 20
MAX_LEAD_CHARS = 1500
# enough of a text's head to show a few characters (most texts have them in their first line)
HEAD_CHARS = 100


def _first_outside_chrome(candidates: list[HtmlElement], minimum: int) -> HtmlElement | None:
    for element in candidates:
        if element.tag != "meta" and _text_reaches(element, minimum) and not in_chrome(element):
            return element
    return None


def _text_reaches(element: HtmlElement, minimum: int) -> bool:
    """Tell whether ``len(text_of(element)) >= minimum``; a long text is mostly not collapsed.

    The collapsed head of a text is never longer than the collapsed text.
    """
    text = raw_text(element)
    head = text[: minimum + HEAD_CHARS]
    if len(collapse_spaces(head)) >= minimum:
        return True
    return len(head) < len(text) and len(collapse_spaces(text)) >= minimum


def find_title_element(
    root: HtmlElement, index: PageIndex, profile: SiteProfile | None, html_title: str | None = None
) -> HtmlElement | None:
    """Return the element holding the visible headline (profile selector first), or None.

    Without an ``<h1>`` or a title-classed block, the element whose whole text is one part of
    the page's ``<title>`` ('Site - Headline') is the headline.
    """
    if profile and profile.selectors.title:
        matches = select(root, profile.selectors.title, index)
        if matches and text_of(matches[0]):
            return matches[0]
    headings = index.find(["<h1"])
    titled = set(index.find(TITLE_KEYS))
    preferred = [h1 for h1 in headings if h1 in titled or h1.getparent() in titled
                 or (h1.getparent() is not None and h1.getparent().tag == "article")]
    found = _first_outside_chrome(preferred, MIN_TITLE_CHARS)
    if found is None:
        found = _first_outside_chrome(headings, MIN_TITLE_CHARS)
    if found is None:  # portals without <h1>: a title-classed block
        found = _first_outside_chrome(index.find(BLOCK_TITLE_KEYS), MIN_TITLE_CHARS)
    if found is None and html_title:
        found = _element_of_title_part(root, html_title)
    return found


def _element_of_title_part(root: HtmlElement, html_title: str) -> HtmlElement | None:
    """Return the element outside the chrome whose text is a part of ``<title>``, longest first."""
    parts = sorted({part.strip() for part in TITLE_SEPARATOR.split(html_title)}, key=len,
                   reverse=True)
    for part in parts:
        if len(part) < MIN_TITLE_CHARS:
            break
        for text in root.xpath("//body//text()[normalize-space() = $part]", part=part):
            element = text.getparent()
            if text.is_text and element.tag not in ("a", "option", "title") and not in_chrome(
                    element):
                return element
    return None


def find_lead_element(
    root: HtmlElement, index: PageIndex, profile: SiteProfile | None
) -> HtmlElement | None:
    """Return the sapo element (profile selector, else the common sapo containers), or None.

    A family's selector that matches nothing on a page (another template of the site) falls back
    to the common containers.
    """
    if profile and profile.selectors.lead:
        found = [element for element in select(root, profile.selectors.lead, index)
                 if text_of(element)]
        if found:
            return found[0]
    element = _first_outside_chrome(index.find(LEAD_KEYS), MIN_LEAD_CHARS)
    if element is None:
        element = _first_outside_chrome(index.find_matching(LEAD_TOKEN), MIN_LEAD_CHARS)
    if element is None or len(text_of(element)) > MAX_LEAD_CHARS:
        return None
    return element


def find_body_container(
    root: HtmlElement, index: PageIndex, profile: SiteProfile | None
) -> HtmlElement | None:
    """Return the element holding the article text (profile selector, else common names)."""
    if profile and profile.selectors.body:
        found = select(root, profile.selectors.body, index)
        if found:
            return found[0]
    return _first_outside_chrome(index.find(BODY_KEYS), 1)


def extract_lines(root: HtmlElement, url: str, container: HtmlElement | None) -> list[str]:
    """Run trafilatura on ``container`` (a profile's body element) or the cleaned tree; split lines.

    The generic path passes no container: trafilatura sees the whole cleaned page. Layout tables
    become plain blocks first.
    """
    text = None
    if container is not None:
        wrapper = builder.HTML(builder.BODY(copy.deepcopy(container)))
        unwrap_layout_tables(wrapper)
        text = _extract_container(wrapper, url)
    if not text:
        unwrap_layout_tables(root)
        text = _run_trafilatura(root, url)
    return [line for line in (text or "").split("\n") if line.strip()]


def _extract_container(wrapper: HtmlElement, url: str) -> str | None:
    """Run trafilatura on a profile's body container: its main extractor alone, unless short.

    The container is already the article, so trafilatura's fallback extractors (readability,
    jusText, compared with its own result) rarely change anything and cost a third of its
    time; they run when the main extractor kept under half of the container's text.
    """
    text = _run_trafilatura(wrapper, url, fast=True)
    kept = len("".join((text or "").split()))
    content = wrapper.text_content()
    # the container's characters but spaces, counted only when its raw length leaves a doubt
    if kept * 2 < len(content) and kept * 2 < len("".join(content.split())):
        return _run_trafilatura(wrapper, url)
    return text


@lru_cache(maxsize=2)
def _trafilatura_options(fast: bool) -> Extractor:
    """Return trafilatura's options for one mode, built once: reading its config is slow.

    (Their date settings, fixed at the first call, serve metadata extraction only: it is off.)
    """
    return Extractor(output_format="txt", fast=fast, comments=False, tables=True, images=False,
                     dedup=False)


def _run_trafilatura(tree: HtmlElement, url: str, *, fast: bool = False) -> str | None:
    options = copy.copy(_trafilatura_options(fast))  # as trafilatura itself copies shared options
    options.url = url  # and the source (for its log) as Extractor(url=url) sets it
    options.source = url.encode("utf-8", "replace").decode("utf-8") if url else None
    result = trafilatura.extract(tree, options=options)
    return result if isinstance(result, str) else None


def _own_parts(table: HtmlElement) -> list[HtmlElement]:
    """Return the rows, cells and row groups of ``table`` itself (not of tables nested in it)."""
    parts = []
    for part in table.iter(*TABLE_PART_TAGS):
        owner = part.getparent()
        while owner is not None and owner.tag != "table":
            owner = owner.getparent()
        if owner is table:
            parts.append(part)
    return parts


def _is_layout_table(parts: list[HtmlElement]) -> bool:
    rows = [part for part in parts if part.tag == "tr"]
    cells = [part for part in parts if part.tag in ("td", "th")]
    if rows and len(cells) <= len(rows) and all(
            sum(1 for cell in row if cell.tag in ("td", "th")) <= 1 for row in rows):
        return True  # one cell per row: a stack of boxes
    return any(isinstance(node.tag, str) and node.tag in LAYOUT_BLOCK_TAGS
               for cell in cells for node in cell.iterdescendants())


def unwrap_layout_tables(root: HtmlElement) -> None:
    """Turn layout tables (cells holding blocks, or one cell per row) into ``<div>``s, in place.

    Data tables (cells with inline text only) are kept for trafilatura's table output, also when
    they sit inside a layout table.
    """
    layouts = [(table, parts) for table in root.iter("table")
               if _is_layout_table(parts := _own_parts(table))]
    for table, parts in layouts:
        for part in (table, *parts):
            part.tag = "div"
            for attribute in ("width", "valign", "align", "colspan", "rowspan"):
                part.attrib.pop(attribute, None)
