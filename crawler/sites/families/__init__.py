"""The CMS families as code: URL shapes, feeds, selectors and fingerprints of each."""

from __future__ import annotations

from crawler.sites.base import GENERIC, Family
from crawler.sites.families import (
    aspnet,
    dangcongsan,
    joomla,
    liferay,
    nukeviet,
    sharepoint,
    vnportal,
    websphere,
    yyyymm,
)

__all__ = ["FAMILIES", "get"]

FAMILIES: dict[str, Family] = {
    module.FAMILY.name: module.FAMILY
    for module in (
        nukeviet, liferay, sharepoint, websphere, vnportal, dangcongsan, joomla, yyyymm, aspnet
    )
}
"""Every family by name, in detection priority order (ties go to the earlier one)."""


def get(name: str) -> Family:
    """Return the family called ``name`` ('generic' gives the empty family); KeyError if unknown."""
    if name == GENERIC.name:
        return GENERIC
    try:
        return FAMILIES[name]
    except KeyError:
        known = ", ".join(sorted(FAMILIES))
        raise KeyError(f"unknown CMS family {name!r}; known families: {known}") from None
