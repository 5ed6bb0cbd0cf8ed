"""VNPT vnPortal (camau.dcs.vn and many government portals): fingerprints, generic selectors.

No article page of a party portal on vnPortal was seen (only its file hosts, research §3.6), so
the selectors are generic: the usual names, and parts named with a prefix ('<x>-summary',
'<x>-time') inside the detail block. The header's 'today's date' sits outside that block.
"""

from __future__ import annotations

from crawler.sites.base import Family, Selectors

_DETAIL = "[class*=detail]"
"""The article's block: 'news-detail', 'detail', '<prefix>-news-detail' …"""


def _inside_detail(*suffixes: str) -> str:
    """Return a selector list for parts of the detail block whose class ends in ``-<suffix>``."""
    return ", ".join(f"{_DETAIL} [class$=-{suffix}]" for suffix in suffixes)


SELECTORS = Selectors(
    title="h1.title, .article-title, .news-title, h1",
    lead=f".article-summary, .sapo, .news-summary, {_inside_detail('summary', 'sapo')}",
    body=".article-content, .news-content, .content-detail, .detail-content",
    date=(f".article-date, .news-date, {_DETAIL} .date, "
          f"{_inside_detail('time', 'date', 'datetime')}"),
    section="[class*=breadcrumb] a",
)

FAMILY = Family(
    name="vnportal",
    selectors=SELECTORS,
    sitemap_paths=(),
    fingerprints=(
        r"files-vnportal\.",
        r"storage-vnportal\.vnpt\.vn",
    ),
)
