"""The catalog of known sites: central organs, then each province's party portal and newspaper."""

from __future__ import annotations

from crawler.sites.base import SiteProfile
from crawler.sites.catalog import central, provinces_north, provinces_south

SITES: tuple[SiteProfile, ...] = (
    *central.SITES,
    *provinces_north.SITES,
    *provinces_south.SITES,
)
"""Every catalogued site profile, in catalog order (central organs, then north to south)."""
