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
