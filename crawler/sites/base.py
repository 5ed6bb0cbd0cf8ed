"""Site profiles: what the crawler and the parser know of one site or one CMS family."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

SiteKind = Literal["central", "provincial_portal", "provincial_newspaper", "unknown"]
SiteStatus = Literal["active", "archive", "unverified"]


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


@dataclass(frozen=True, slots=True)
class SiteProfile:
    """A declarative description of one site; a CMS family provides the defaults."""

    key: str
    name: str
    domains: tuple[str, ...]
    start_urls: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    family: str = "generic"
    article_url_pattern: str = ""
    """A regex matched against an article URL's path and query; empty: the generic classifier."""
    listing_url_pattern: str = ""
    selectors: Selectors = field(default_factory=Selectors)
    kind: SiteKind = "unknown"
    province: str | None = None
    province_historical: str | None = None
    status: SiteStatus = "unverified"
