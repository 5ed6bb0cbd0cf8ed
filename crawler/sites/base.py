"""Site profiles: what the crawler and the parser know of one site or one CMS family."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

SiteKind = Literal["central", "provincial_portal", "provincial_newspaper", "unknown"]
SiteStatus = Literal["active", "archive", "unverified"]
UrlMapper = Callable[[str], str]


@dataclass(frozen=True, slots=True)
class Selectors:
    """CSS selectors for the parts of an article page; an empty string means 'not known'."""

    title: str = ""
    lead: str = ""
    body: str = ""
    date: str = ""
    modified: str = ""
    author: str = ""
    tags: str = ""
    section: str = ""
    caption: str = ""
    drop: tuple[str, ...] = ()
    """Containers removed before extraction: related lists, comment forms, share widgets."""
    ignore_dates: tuple[str, ...] = ()
    """Elements whose dates are never the publication date ('today's date' headers)."""

    def overridden(self, **changes: Any) -> Selectors:
        """Return a copy with ``changes``; ``drop`` and ``ignore_dates`` are added, not replaced."""
        for name in ("drop", "ignore_dates"):
            if name in changes:
                changes[name] = (*getattr(self, name), *changes[name])
        return dataclasses.replace(self, **changes)


@dataclass(frozen=True, slots=True)
class Family:
    """A CMS family: the URL shapes, feeds and selectors its sites share."""

    name: str
    selectors: Selectors = field(default_factory=Selectors)
    article_url_pattern: str = ""
    """A regex matched against an article URL's path and query (``re.search``)."""
    listing_url_pattern: str = ""
    print_url_pattern: str = ""
    sitemap_paths: tuple[str, ...] = ("/sitemap.xml",)
    feed_paths: tuple[str, ...] = ()
    fingerprints: tuple[str, ...] = ()
    """Regexes searched in a page's HTML and URL that identify the family on an unknown site."""
    canonical_url: UrlMapper | None = None
    """Maps the several URL shapes of one article to one (None: the URL is already canonical)."""


GENERIC = Family(name="generic")


@dataclass(frozen=True, slots=True)
class SiteProfile:
    """A declarative description of one site; its CMS family provides the defaults."""

    key: str
    name: str
    domains: tuple[str, ...]
    root_url: str = ""
    start_urls: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    family: str = "generic"
    article_url_pattern: str = ""
    """A regex matched against an article URL's path and query; empty: the generic classifier."""
    listing_url_pattern: str = ""
    selectors: Selectors = field(default_factory=Selectors)
    canonical_url: UrlMapper | None = None
    kind: SiteKind = "unknown"
    province: str | None = None
    """The province today (after the 2025 merger of 63 provinces into 34)."""
    province_historical: str | None = None
    """The province the site belonged to when it published (before the merger, where it differs)."""
    status: SiteStatus = "unverified"
    note: str = ""
    """What is known or not confirmed about the site (shown in docs/sites.md)."""


def profile_from_family(family: Family, **site: Any) -> SiteProfile:
    """Build a site's profile: the family's defaults, then the site's own values.

    ``selectors`` may be given as a dict of overrides (see :meth:`Selectors.overridden`).
    """
    selectors = site.pop("selectors", {})
    if isinstance(selectors, dict):
        selectors = family.selectors.overridden(**selectors)
    root = site.get("root_url") or f"https://{site['domains'][0]}/"
    defaults: dict[str, Any] = {
        "root_url": root,
        "family": family.name,
        "article_url_pattern": family.article_url_pattern,
        "listing_url_pattern": family.listing_url_pattern,
        "canonical_url": family.canonical_url,
        "sitemaps": tuple(root.rstrip("/") + path for path in family.sitemap_paths),
        "feeds": tuple(root.rstrip("/") + path for path in family.feed_paths),
    }
    return SiteProfile(**{**defaults, **site, "selectors": selectors})
