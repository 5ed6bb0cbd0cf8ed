"""robots.txt, the sitemap index and its children, and the RSS feed of the test site."""

from __future__ import annotations

from collections.abc import Sequence
from email.utils import format_datetime

from tests.site.draft import ArticleSpec
from tests.site.model import BASE
from tests.site.templates import ADMIN_PATH, SITE_NAME, local, text

SITEMAP_INDEX = "/sitemap.xml"
RSS_ITEMS = 20


def sitemap_path(template: str) -> str:
    """Return the child sitemap path holding the articles of one template."""
    module = "tin-tuc" if template == "nukeviet" else "bai-viet"
    return f"/sitemap-vi.{module}.xml"


def robots_txt() -> str:
    """Return robots.txt: the admin area is off limits; the sitemap index is announced."""
    return (
        "User-agent: *\n"
        f"Disallow: {ADMIN_PATH}\n"
        "Disallow: /includes/\n"
        "Crawl-delay: 0\n\n"
        f"Sitemap: {BASE}{SITEMAP_INDEX}\n"
    )


def sitemap_index(children: Sequence[tuple[str, Sequence[ArticleSpec]]]) -> str:
    """Return the sitemap index; each child's lastmod is its newest article."""
    entries = "".join(
        f"<sitemap><loc>{BASE}{path}</loc>"
        f"<lastmod>{local(specs[0].truth.published_at).isoformat()}</lastmod></sitemap>\n"
        for path, specs in children
        if specs
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</sitemapindex>\n'
    )


def urlset(specs: Sequence[ArticleSpec]) -> str:
    """Return a child sitemap listing exactly the canonical URLs of ``specs``."""
    entries = "".join(
        f"<url><loc>{BASE}{spec.truth.path}</loc>"
        f"<lastmod>{local(spec.truth.published_at).isoformat()}</lastmod>"
        "<changefreq>monthly</changefreq></url>\n"
        for spec in specs
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</urlset>\n'
    )


def rss(specs: Sequence[ArticleSpec]) -> str:
    """Return the RSS 2.0 feed of the newest articles (canonical links only)."""
    items = "".join(
        f"<item><title>{text(spec.truth.title)}</title><link>{BASE}{spec.truth.path}</link>"
        f'<guid isPermaLink="false">{spec.truth.article_id}</guid>'
        f"<description>{text(spec.lead_prefix + spec.truth.lead)}</description>"
        f"<pubDate>{format_datetime(local(spec.truth.published_at))}</pubDate></item>\n"
        for spec in specs[:RSS_ITEMS]
    )
    newest = format_datetime(local(specs[0].truth.published_at)) if specs else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n'
        f"<title>{text(SITE_NAME)}</title><link>{BASE}/</link>"
        f"<description>Tin tức</description><language>vi</language>"
        f"<lastBuildDate>{newest}</lastBuildDate>\n{items}</channel></rss>\n"
    )
