"""The site registry: every known site profile, by key."""

from __future__ import annotations

from crawler.sites.base import Selectors, SiteProfile

__all__ = [
    "Selectors",
    "SiteProfile",
    "UnknownSiteError",
    "get_profile",
    "known_sites",
    "profile_for_host",
    "register",
]

_REGISTRY: dict[str, SiteProfile] = {}


class UnknownSiteError(LookupError):
    """A site key that the registry does not hold."""

    def __init__(self, key: str) -> None:
        known = ", ".join(sorted(_REGISTRY)) or "(none registered yet)"
        super().__init__(f"unknown site {key!r}; known sites: {known}")
        self.key = key


def register(profile: SiteProfile) -> SiteProfile:
    """Add a profile to the registry (each key once)."""
    if profile.key in _REGISTRY:
        raise ValueError(f"site {profile.key!r} registered twice")
    _REGISTRY[profile.key] = profile
    return profile


def known_sites() -> list[SiteProfile]:
    """Return every registered profile, sorted by key."""
    return [_REGISTRY[key] for key in sorted(_REGISTRY)]


def get_profile(key: str) -> SiteProfile:
    """Return the profile registered under ``key``, or raise :class:`UnknownSiteError`."""
    try:
        return _REGISTRY[key]
    except KeyError:
        raise UnknownSiteError(key) from None


def profile_for_host(host: str) -> SiteProfile | None:
    """Return the registered profile whose domains include ``host`` (or a parent of it)."""
    host = host.lower().removeprefix("www.")
    for profile in _REGISTRY.values():
        for domain in profile.domains:
            if host == domain or host.endswith("." + domain):
                return profile
    return None


def _register_catalog() -> None:
    """Register every site of :mod:`crawler.sites.catalog` (imported late: it needs families)."""
    from crawler.sites.catalog import SITES  # noqa: PLC0415 - the catalog imports this package

    for profile in SITES:
        register(profile)


_register_catalog()
