"""Shared helpers of the test-site tests: cached sites and link extraction."""

from __future__ import annotations

from functools import cache
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

from tests.site import Site, build_site

BASE = "http://127.0.0.1:8999"


@cache
def site_of(count: int, seed: int = 0) -> Site:
    return build_site(count, seed=seed)


def served_text(site: Site, target: str) -> str:
    page = site.resolve(target)
    assert page is not None, target
    return page.body.replace(b"{BASE}", BASE.encode()).decode()


def target_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def links_in(site: Site, target: str) -> list[str]:
    """Absolute URLs of every href/src (HTML) or loc/link (XML) on a page, fragments dropped."""
    page = site.resolve(target)
    assert page is not None
    content_type = page.headers["Content-Type"]
    if not page.body or not content_type.startswith(("text/html", "application/")):
        return []
    text = served_text(site, target)
    if "xml" in content_type:
        root = lxml.etree.fromstring(text.encode())
        raw = [node.text or "" for node in root.iter() if str(node.tag).endswith(("loc", "link"))]
    else:
        tree = lxml.html.fromstring(text)
        raw = [value for attribute in ("href", "src") for value in tree.xpath(f"//@{attribute}")]
    page_url = BASE + target
    return [urljoin(page_url, value).split("#", 1)[0] for value in raw if not value.startswith("#")]
