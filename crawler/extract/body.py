"""The article's parts in the tree (title, lead, body container); its body text via trafilatura."""

from __future__ import annotations

import copy

import trafilatura
from lxml.html import HtmlElement, builder

from crawler.extract.nodes import PageIndex, in_chrome, select, text_of
from crawler.sites.base import SiteProfile

TITLE_KEYS = ("@headline", "title", "post-title", "article-title", "detail-title", "title-detail",
              "title_detail", "news-title")
BLOCK_TITLE_KEYS = ("newstitle", "news-title", "title-news", "titlenews", "detail-title",
                    "article-title", "title-detail", "post-title")
LEAD_KEYS = (
    "sapo", "hometext", "#hometext", "post-summary", "summary", "sapo_detail", "chapeau", "lead",
    "sumary", "detail-sapo", "news-sapo", "article-sapo", "article-summary", "summary-detail",
    "@description",
)
BODY_KEYS = (
    "@articlebody", "#news-bodyhtml", "bodytext", "post-content", "detailcontent", "detail-content",
    "content-detail", "article-content", "article-body", "entry-content", "news-content",
    "newscontent", "news_detail", "journal-content-article", "#main-detail", "cms-body", "fck",
)
MIN_TITLE_CHARS = 8
MIN_LEAD_CHARS = 20
MAX_LEAD_CHARS = 1500


def _first_outside_chrome(candidates: list[HtmlElement], minimum: int) -> HtmlElement | None:
    for element in candidates:
        if element.tag != "meta" and len(text_of(element)) >= minimum and not in_chrome(element):
            return element
    return None


def find_title_element(
    root: HtmlElement, index: PageIndex, profile: SiteProfile | None
) -> HtmlElement | None:
    """Return the element holding the visible headline (profile selector first), or None."""
    if profile and profile.selectors.title:
        matches = select(root, profile.selectors.title)
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
    return found


def find_lead_element(
    root: HtmlElement, index: PageIndex, profile: SiteProfile | None
) -> HtmlElement | None:
    """Return the sapo element (profile selector, else the common sapo containers), or None.

    A family's selector that matches nothing on a page (another template of the site) falls back
    to the common containers.
    """
    if profile and profile.selectors.lead:
        found = [element for element in select(root, profile.selectors.lead) if text_of(element)]
        if found:
            return found[0]
    element = _first_outside_chrome(index.find(LEAD_KEYS), MIN_LEAD_CHARS)
    if element is None or len(text_of(element)) > MAX_LEAD_CHARS:
        return None
    return element


def find_body_container(
    root: HtmlElement, index: PageIndex, profile: SiteProfile | None
) -> HtmlElement | None:
    """Return the element holding the article text (profile selector, else common names)."""
    if profile and profile.selectors.body:
        found = select(root, profile.selectors.body)
        if found:
            return found[0]
    return _first_outside_chrome(index.find(BODY_KEYS), 1)


def extract_lines(root: HtmlElement, url: str, container: HtmlElement | None) -> list[str]:
    """Run trafilatura on ``container`` (a profile's body element) or the cleaned tree; split lines.

    The generic path passes no container: trafilatura sees the whole cleaned page.
    """
    text = None
    if container is not None:
        wrapper = builder.HTML(builder.BODY(copy.deepcopy(container)))
        text = _run_trafilatura(wrapper, url)
    if not text:
        text = _run_trafilatura(root, url)
    return [line for line in (text or "").split("\n") if line.strip()]


def _run_trafilatura(tree: HtmlElement, url: str) -> str | None:
    result = trafilatura.extract(
        tree, url=url, include_comments=False, include_tables=True, include_images=False,
        output_format="txt", deduplicate=False,
    )
    return result if isinstance(result, str) else None
