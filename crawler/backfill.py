"""Backfills: the date range, the dates a listing prints beside its links, sitemap lastmod."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from lxml import etree

from crawler.extract.urls import LinkResolver
from normalize.dates import parse_machine_date, parse_stamp

_HTML_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
_MAX_STAMP_CHARS = 64
"""A listing's date is a short text of its own; longer texts are titles and leads."""
_MAX_ITEM_DEPTH = 4
"""How many ancestors of a link are searched for its date (an item is a small block)."""
_OUTSIDE_LINKS = ".//text()[not(ancestor::a) and not(ancestor::script) and not(ancestor::style)]"


@dataclass(frozen=True, slots=True)
class DateRange:
    """Publication times a crawl keeps: ``since`` inclusive, ``until`` exclusive (None: open)."""

    since: datetime | None = None
    until: datetime | None = None

    @property
    def bounded(self) -> bool:
        """Return True when the range restricts anything."""
        return self.since is not None or self.until is not None

    def contains(self, moment: datetime) -> bool:
        """Return True when ``moment`` is inside the range."""
        if self.since is not None and moment < self.since:
            return False
        return self.until is None or moment < self.until

    def is_older(self, moment: datetime) -> bool:
        """Return True when ``moment`` is before ``since`` (where a listing walk may stop)."""
        return self.since is not None and moment < self.since

    def digest(self) -> str:
        """Return a short stable name for the range (the per-range job directory)."""
        text = f"since={_iso(self.since)};until={_iso(self.until)}"
        return hashlib.sha256(text.encode()).hexdigest()[:16]


def _iso(moment: datetime | None) -> str:
    return moment.isoformat() if moment is not None else "-"


def lastmod_before(lastmod: str | None, since: datetime | None) -> bool:
    """Return True when a sitemap ``<lastmod>`` is older than ``since`` (then skip the entry).

    ``<lastmod>`` is a modification time: an entry modified after ``until`` may still have
    been published inside the range, so it is never compared with ``until``.
    """
    if since is None or not lastmod:
        return False
    stamp = parse_machine_date(lastmod)
    return stamp is not None and stamp.value < since


def listing_dates(body: bytes, base_url: str, *, now: datetime) -> dict[str, datetime]:
    """Return the date a listing prints beside each of its links (absolute URL → moment).

    A link's item is its nearest ancestor block that holds no other link target; the date is
    the first short text of the item, outside any link, that reads as a Vietnamese stamp.
    """
    try:
        root = etree.fromstring(body, _HTML_PARSER)
    except (etree.XMLSyntaxError, ValueError):
        return {}
    if root is None:
        return {}
    targets = _LinkTargets(base_url)
    dates: dict[str, datetime] = {}
    for anchor in root.iter("a"):
        href = (anchor.get("href") or "").strip()
        target = targets.resolve(href)
        if not href or target in dates or not target.startswith(("http://", "https://")):
            continue
        moment = _item_date(anchor, target, targets, now)
        if moment is not None:
            dates[target] = moment
    return dates


class _LinkTargets(LinkResolver):
    """The absolute targets (without fragment) of one page's hrefs."""

    def other_than(self, node: etree._Element, target: str) -> bool:
        """Return True when ``node`` links somewhere else than ``target`` (it is not one item)."""
        hrefs = (anchor.get("href") for anchor in node.iterdescendants("a"))
        return any(self.resolve(href) != target for href in hrefs if href is not None)


def _item_date(
    anchor: etree._Element, target: str, targets: _LinkTargets, now: datetime
) -> datetime | None:
    node = anchor
    for _ in range(_MAX_ITEM_DEPTH):
        parent = node.getparent()
        if parent is None or targets.other_than(parent, target):
            return None
        node = parent
        for text in node.xpath(_OUTSIDE_LINKS):
            chunk = str(text).strip()
            if not chunk or len(chunk) > _MAX_STAMP_CHARS:
                continue
            stamp = parse_stamp(chunk, now=now)
            if stamp is not None:
                return stamp.value
    return None
