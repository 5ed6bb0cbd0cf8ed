"""Which CMS family an unknown site runs, from fingerprints in its HTML and URL."""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from urllib.parse import urlsplit

from crawler.sites import profile_for_host
from crawler.sites.base import Family, SiteProfile, profile_from_family
from crawler.sites.families import FAMILIES

__all__ = ["detect_family", "family_scores", "resolve_profile"]

logger = logging.getLogger(__name__)

MAX_SCANNED_BYTES = 1_000_000
"""Fingerprints are searched, case-sensitively, in the first 1 MB of a page."""


@lru_cache(maxsize=1)
def _compiled() -> tuple[tuple[Family, tuple[re.Pattern[str], ...]], ...]:
    return tuple(
        (family, tuple(re.compile(pattern) for pattern in family.fingerprints))
        for family in FAMILIES.values()
    )


def family_scores(body: bytes, url: str) -> dict[str, int]:
    """Return, for each family with a match, how many of its fingerprints the page shows."""
    # the fingerprints are ASCII: latin-1 decodes any bytes without a charset guess
    html = body[:MAX_SCANNED_BYTES].decode("latin-1")
    scores: dict[str, int] = {}
    for family, patterns in _compiled():
        found = sum(1 for pattern in patterns if pattern.search(url) or pattern.search(html))
        if found:
            scores[family.name] = found
    return scores


def detect_family(body: bytes, url: str) -> Family | None:
    """Return the family whose fingerprints the page matches most (None: generic extraction).

    Ties go to the family listed first in ``FAMILIES`` (the more specific platforms).
    """
    scores = family_scores(body, url)
    if not scores:
        return None
    best = max(scores.values())
    name = next(name for name in FAMILIES if scores.get(name) == best)
    return FAMILIES[name]


def resolve_profile(url: str, body: bytes | None = None) -> SiteProfile | None:
    """Return the registry's profile for the URL's host, else one built from the detected family.

    A profile built for an unknown site has the key ``host[:port]`` and status 'unverified'.
    None when the site is unknown and shows no family's fingerprint.
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        return None
    registered = profile_for_host(host)
    if registered is not None:
        return registered
    family = detect_family(body or b"", url)
    if family is None:
        return None
    key = parts.netloc.lower().rsplit("@", 1)[-1]
    if parts.port is not None and parts.port == {"http": 80, "https": 443}.get(parts.scheme):
        key = host
    logger.debug("%s: detected CMS family %s", key, family.name)
    return profile_from_family(
        family,
        key=key,
        name=key,
        domains=(host,),
        root_url=f"{parts.scheme or 'http'}://{parts.netloc.rsplit('@', 1)[-1]}/",
        kind="unknown",
        status="unverified",
        note=f"not in the registry; CMS family {family.name} detected from fingerprints",
    )
