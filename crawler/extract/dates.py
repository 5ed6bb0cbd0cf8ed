"""Date candidates of a page (collection only; ``normalize.published`` chooses).

Never a candidate: the header's 'today's date' widget, dates in related-news lists or sidebars
(see ``nodes.in_chrome``), the profile's ``ignore_dates`` elements, lunar dates.
"""

from __future__ import annotations

import re
from datetime import datetime

from lxml.html import HtmlElement

from crawler.extract.metadata import PageMeta
from crawler.extract.nodes import PageIndex, in_chrome, select, text_of
from crawler.sites.base import SiteProfile
from normalize.dates import parse_stamp
from normalize.published import DateCandidate

VISIBLE_DATE_TOKENS = frozenset(
    {"date", "time", "post-subinfo", "publishdate", "date-created", "pubdate", "date_news",
     "date-time", "datetime", "post-date", "date_up", "creatdate", "divdetail_datecreate",
     "lbpublisheddate", "period", "post-time", "time-post", "date-post", "news-date", "detail-time",
     "article-date", "ngay-dang", "ngaydang", "publish-date", "published", "entry-date",
     "datecreate", "date-detail", "detail-date", "meta-date", "post-meta", "article-meta", "h5"}
)
LUNAR = re.compile(r"âm\s*lịch|\bÂL\b", re.IGNORECASE)
MAX_STAMP_CHARS = 120
TITLE_STAMP = re.compile(r"\s*\((\d{1,2}[:h]\d{2}\s+\d{1,2}/\d{1,2}/\d{2,4})\)\s*$")


def split_title_stamp(title: str) -> tuple[str, str | None]:
    """Split a trailing '(19:54 28/06/2021)' stamp off a title: (title, stamp or None)."""
    found = TITLE_STAMP.search(title)
    if not found:
        return title, None
    return title[: found.start()].rstrip(), found.group(1)


def _ignored(element: HtmlElement, ignored: list[HtmlElement]) -> bool:
    node: HtmlElement | None = element
    while node is not None:
        if any(node is entry for entry in ignored):
            return True
        node = node.getparent()
    return False


def _usable_stamp(element: HtmlElement, *, now: datetime) -> str | None:
    raw = text_of(element)
    if not raw or len(raw) > MAX_STAMP_CHARS or LUNAR.search(raw):
        return None
    return raw if parse_stamp(raw, now=now) is not None else None


def find_visible_date(
    tree: HtmlElement, index: PageIndex, profile: SiteProfile | None, *, now: datetime
) -> tuple[HtmlElement, str] | None:
    """Return the visible date element of the article and its raw text, or None."""
    selectors = profile.selectors if profile else None
    ignored = [found for sel in (selectors.ignore_dates if selectors else ()) for found in
               select(tree, sel, index)]
    if selectors and selectors.date:
        for element in select(tree, selectors.date, index):
            raw = _usable_stamp(element, now=now)
            if raw and not _ignored(element, ignored):
                return element, raw
    for element in index.find((*VISIBLE_DATE_TOKENS, "<time")):
        if _ignored(element, ignored) or in_chrome(element):
            continue
        raw = _usable_stamp(element, now=now)
        if raw:
            return element, raw
    return None


def time_datetimes(tree: HtmlElement) -> list[str]:
    """Return the ``datetime`` attributes of ``<time>`` elements outside the page chrome."""
    return [
        element.get("datetime", "").strip()
        for element in tree.iter("time")
        if element.get("datetime", "").strip() and not in_chrome(element)
        and not element.get("itemprop")
    ]


def published_candidates(
    meta: PageMeta, visible: str | None, machine_times: list[str], url: str
) -> list[DateCandidate]:
    """Return the publication-date candidates in the contract's order of kinds."""
    candidates = [DateCandidate(kind, raw) for kind, raw in meta.published]
    candidates.extend(DateCandidate("itemprop", raw) for raw in machine_times[:1])
    if visible:
        candidates.append(DateCandidate("visible", visible))
    candidates.append(DateCandidate("url", url))
    return candidates


def modified_candidates(meta: PageMeta, visible_modified: str | None) -> list[DateCandidate]:
    """Return the last-modified candidates (machine fields, then the profile's visible element)."""
    candidates = [DateCandidate(kind, raw) for kind, raw in meta.modified]
    if visible_modified:
        candidates.append(DateCandidate("visible", visible_modified))
    return candidates
