"""What the spider reads off responses and failures: headers, usability, error reasons."""

from __future__ import annotations

from datetime import UTC, datetime

from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from crawler.discovery import PageLinks, page_links
from crawler.extract.article import article_of_tree
from crawler.extract.document import load_page
from crawler.items import CrawledArticle, RawResponse
from crawler.sites.base import SiteProfile

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def failure_reason(failure: Failure) -> str:
    """Return the drop reason of a failed request: ``http_<status>`` or ``error/<type>``."""
    error = failure.value
    if isinstance(error, HttpError):
        return f"http_{error.response.status}"
    return f"error/{type(error).__name__}"


def failure_url(failure: Failure) -> str:
    """Return the URL of the failed request ('?' when the failure does not say)."""
    request = getattr(failure, "request", None)
    return str(request.url) if request is not None else "?"


def failure_meta(failure: Failure, key: str) -> str | None:
    """Return the string ``key`` of the failed request's meta, if any."""
    request = getattr(failure, "request", None)
    value = request.meta.get(key) if request is not None else None
    return value if isinstance(value, str) else None


def str_headers(response: Response) -> dict[str, str]:
    """Return the response headers as lower-cased text names and values."""
    headers: dict[str, str] = {}
    for key in response.headers:
        value = response.headers.get(key)
        if value is not None:
            headers[key.decode("latin-1").lower()] = value.decode("latin-1")
    return headers


def unusable_reason(response: Response) -> str | None:
    """Say why a response cannot be an HTML page (None when it can)."""
    if not response.body.strip():
        return "empty"
    content_type = (response.headers.get(b"Content-Type") or b"").decode("latin-1").lower()
    if content_type and not content_type.startswith(_HTML_TYPES):
        return "non_html"
    if not content_type and response.body.lstrip()[:1] != b"<":
        return "non_html"
    return None


def crawled_article(
    response: Response, profile: SiteProfile | None, site_key: str
) -> tuple[CrawledArticle, PageLinks]:
    """Parse an article page into the crawl item and its links; raise `NotAnArticle` if none.

    The page is parsed once: its links are read before the article is taken out of the tree.
    """
    headers = str_headers(response)
    fetched_at = datetime.now(UTC)
    tree = load_page(response.body, headers).tree
    links = page_links(tree, response.url)
    article = article_of_tree(tree, response.url, now=fetched_at, profile=profile, site=site_key)
    raw = RawResponse(
        url=response.url,
        status=response.status,
        headers=headers,
        body=response.body,
        fetched_at=fetched_at,
        etag=headers.get("etag"),
        last_modified=headers.get("last-modified"),
    )
    return CrawledArticle(article=article, raw=raw), links
