"""URL canonicalization: tracking parameters and fragments out, ``rel=canonical`` honoured."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url as w3lib_canonicalize

TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid",
        "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "zarsrc", "zalo_source", "ref_src",
        "cmpid", "ocid", "sclient", "_hsenc", "_hsmi", "mkt_tok",
        # Liferay portlet state that changes per visit, not per article
        "p_p_auth", "p_p_col_id", "p_p_col_pos", "p_p_col_count",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")
DEFAULT_PORTS = {"http": 80, "https": 443}
HOME_PATHS = re.compile(
    r"^/?((index|default|home|trang-chu|trangchu)(\.(html?|php|aspx?|jsp))?)?/?$", re.IGNORECASE
)
STRIPPED_HOST_PREFIXES = ("www.", "m.", "mobile.", "amp.")


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


@lru_cache(maxsize=65536)
def canonicalize_url(url: str) -> str:
    """Return ``url`` with tracking parameters, fragment and default port removed, query sorted.

    Meaningful parameters (``?NewsId=<GUID>``, Liferay ids) are kept; scheme and host are
    lower-cased; the path keeps its case. Input that is not an absolute http(s) URL comes back
    stripped of its fragment only.
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return text.split("#", 1)[0]
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return text.split("#", 1)[0]
    pairs = [pair for pair in parts.query.split("&") if pair]
    kept = [pair for pair in pairs if not _is_tracking(pair.split("=", 1)[0])]
    host = parts.hostname.lower().rstrip(".")
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    rebuilt = urlunsplit((scheme, netloc, parts.path or "/", "&".join(kept), ""))
    return str(w3lib_canonicalize(rebuilt, keep_blank_values=True))


def site_host(url: str) -> str:
    """Return ``host[:port]`` of ``url`` (lower case, default port omitted), or '' if none."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return ""
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        return ""
    if port is None or port == DEFAULT_PORTS.get(parts.scheme.lower()):
        return host
    return f"{host}:{port}"


def _base_host(host: str) -> str:
    for prefix in STRIPPED_HOST_PREFIXES:
        if host.startswith(prefix):
            return host[len(prefix) :]
    return host


def same_site(first: str, second: str) -> bool:
    """Tell whether two URLs belong to one site (``www.``/``m.`` variants and subdomains count)."""
    one, two = _base_host(site_host(first)), _base_host(site_host(second))
    if not one or not two:
        return False
    return one == two or one.endswith("." + two) or two.endswith("." + one)


def is_home_url(url: str) -> bool:
    """Tell whether ``url`` points to a site's home page (no query, root or index path)."""
    parts = urlsplit(url)
    return not parts.query and bool(HOME_PATHS.match(parts.path))


def choose_canonical(fetched_url: str, canonical_href: str | None) -> str:
    """Return the article's URL: the page's canonical link when usable, else the fetched one.

    The page's canonical link is ignored when it points to another site or to the home page.
    """
    fetched = canonicalize_url(fetched_url)
    if not canonical_href or not canonical_href.strip():
        return fetched
    absolute = urljoin(fetched_url, canonical_href.strip())
    if urlsplit(absolute).scheme.lower() not in DEFAULT_PORTS:
        return fetched
    if not same_site(fetched_url, absolute) or is_home_url(absolute):
        return fetched
    return canonicalize_url(absolute)


class LinkResolver:
    """Resolve the hrefs of one page against its base URL, like ``urljoin``, fragment dropped.

    An absolute (``http:…``, ``//host/…``) or root-relative (``/…``) href resolves the same from
    any page of the site, so those are remembered across pages (menus and sidebars repeat on
    every page); other hrefs depend on the page's own path and are joined each time.
    """

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        parts = urlsplit(base_url)
        self.origin = f"{parts.scheme}://{parts.netloc}/" if parts.scheme and parts.netloc else ""
        self.joined_here: dict[str, str] = {}

    def resolve(self, href: str) -> str:
        """Return the absolute URL of ``href`` (stripped) without its fragment."""
        href = href.strip()
        if self.origin and _origin_decides(href):
            return _joined_from_origin(self.origin, href)
        joined = self.joined_here.get(href)
        if joined is None:
            joined = urljoin(self.base_url, href).split("#", 1)[0]
            self.joined_here[href] = joined
        return joined


def _origin_decides(href: str) -> bool:
    """Whether ``urljoin`` reads no more of the base than its scheme and host for ``href``.

    That is so when the href names a host or its path starts at the root; an empty path
    (``//``, ``http://``) takes the base's path, and tabs or line breaks (which ``urljoin``
    deletes) could turn one shape into the other, so those hrefs are not remembered.
    """
    if any(char in href for char in "\t\r\n"):
        return False
    if href.startswith("/") and not href.startswith("//"):
        return True
    if not href.startswith(("//", "http://", "https://")):
        return False
    parts = urlsplit(href)
    return bool(parts.netloc) or parts.path.startswith("/")


@lru_cache(maxsize=65536)
def _joined_from_origin(origin: str, href: str) -> str:
    return urljoin(origin, href).split("#", 1)[0]
