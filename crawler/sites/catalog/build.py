"""Helpers that turn one line of site data into a SiteProfile: key, province fields, status."""

from __future__ import annotations

from typing import Any

from crawler.sites import families
from crawler.sites.base import Family, SiteKind, SiteProfile, SiteStatus, profile_from_family
from crawler.sites.catalog.merger import CITIES, MERGER_DATE, current_province

_SUFFIXES = (".org.vn", ".com.vn", ".info.vn", ".vn")


def site_key(domain: str) -> str:
    """Return the key of the site whose main domain is ``domain``, e.g. ``thainguyen-dcs``.

    Drops ``www.``/``m.`` and the final ``.vn``, ``.org.vn``, ``.com.vn`` or ``.info.vn``;
    dots become hyphens.
    """
    host = domain.lower()
    for prefix in ("www.", "m."):
        host = host.removeprefix(prefix)
    for suffix in _SUFFIXES:
        if host.endswith(suffix):
            host = host.removesuffix(suffix)
            break
    return host.replace(".", "-")


def family_named(name: str) -> Family:
    """Return the CMS family called ``name`` (``generic``: the empty one); KeyError if unknown."""
    return families.get(name)


def _profile(family: str, domains: tuple[str, ...], **fields: Any) -> SiteProfile:
    return profile_from_family(
        family_named(family), key=site_key(domains[0]), domains=domains, **fields
    )


def central(
    domain: str, name: str, family: str, note: str, *, seen: bool, more: tuple[str, ...] = ()
) -> SiteProfile:
    """Build a central party organ's profile; ``seen``: the research verified the site."""
    status: SiteStatus = "active" if seen else "unverified"
    return _profile(family, (domain, *more), name=name, kind="central", status=status, note=note)


def portal(
    place: str,
    domain: str,
    family: str,
    note: str,
    *,
    seen: bool,
    more: tuple[str, ...] = (),
    root_url: str = "",
    selectors: dict[str, Any] | None = None,
) -> SiteProfile:
    """Build the party committee portal of ``place``; ``selectors`` override the family's."""
    extra: dict[str, Any] = {"root_url": root_url} if root_url else {}
    if selectors:
        extra["selectors"] = selectors
    return _provincial(
        "provincial_portal",
        place,
        (domain, *more),
        family=family,
        note=note,
        seen=seen,
        name=f"Cổng TTĐT Đảng bộ {_unit(place)}",
        extra=extra,
    )


def paper(
    place: str,
    domain: str,
    family: str,
    note: str,
    *,
    seen: bool,
    more: tuple[str, ...] = (),
    name: str = "",
    selectors: dict[str, Any] | None = None,
) -> SiteProfile:
    """Build the party newspaper of ``place`` ('Báo <place>' unless ``name``).

    ``selectors`` override the family's (see ``Selectors.overridden``).
    """
    return _provincial(
        "provincial_newspaper",
        place,
        (domain, *more),
        family=family,
        note=note,
        seen=seen,
        name=name or f"Báo {place}",
        extra={"selectors": selectors} if selectors else None,
    )


def _unit(place: str) -> str:
    """Return how a party committee names its unit: 'tỉnh Thái Nguyên', 'thành phố Hà Nội'."""
    if place.startswith("TP. "):
        return place
    return f"{'thành phố' if place in CITIES else 'tỉnh'} {place}"


def _provincial(
    kind: SiteKind,
    place: str,
    domains: tuple[str, ...],
    *,
    family: str,
    note: str,
    seen: bool,
    name: str,
    extra: dict[str, Any] | None = None,
) -> SiteProfile:
    province = current_province(place)
    absorbed = province != place
    status: SiteStatus = "archive" if absorbed else ("active" if seen else "unverified")
    if absorbed:
        note = f"{place} merged into {province} on {MERGER_DATE}; {note}"
    return _profile(
        family,
        domains,
        name=name,
        kind=kind,
        province=province,
        province_historical=place if absorbed else None,
        status=status,
        note=note,
        **(extra or {}),
    )
