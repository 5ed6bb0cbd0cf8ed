from __future__ import annotations

import json
from pathlib import Path

import pytest

from crawler.discovery import (
    FeedEntry,
    PageLinks,
    UrlKind,
    classify_url,
    is_pagination,
    is_tag_listing,
    next_page,
    page_links,
    pagination_number,
    parse_feed,
    parse_sitemap,
    read_links,
    robots_sitemaps,
)
from crawler.extract.document import load_page
from crawler.sites.base import SiteProfile

ROOT = "https://thainguyen.dcs.vn/"


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        # article shapes of the CMS families in the research
        ("https://thainguyen.dcs.vn/tin-tuc/chinh-tri/hoi-nghi-ban-chap-hanh-1234.html", "article"),
        ("https://thainguyen.dcs.vn/thoi-su/tang-cuong-phong-chong-662290.html", "article"),
        ("https://thainguyen.dcs.vn/thoi-su-chinh-tri/202103/hoi-nghi-tong-ket-773370/", "article"),
        ("https://thainguyen.dcs.vn/DetailView/3321/22/Hoi-nghi-tinh-uy.html", "article"),
        ("https://thainguyen.dcs.vn/ContentDetail/NewsDetailView?NewsId=8b6f2a", "article"),
        ("https://thainguyen.dcs.vn/tin/-/asset_publisher/hIBc6/content/hoi-nghi", "article"),
        (
            "https://thainguyen.dcs.vn/home/index.php/nghien-cuu/item/3456-ve-xay-dung-dang.html",
            "article",
        ),
        (
            "https://thainguyen.dcs.vn/nhip-cau/ban-chap-hanh-dang-bo-tinh-hop-phien-thuong-ky",
            "article",
        ),
        # listings and navigation
        ("https://thainguyen.dcs.vn/", "listing"),
        ("https://thainguyen.dcs.vn/tin-tuc/chinh-tri", "listing"),
        ("https://thainguyen.dcs.vn/tin-tuc/chinh-tri/page-2", "listing"),
        ("https://thainguyen.dcs.vn/thoi-su.html?page=1099", "listing"),
        ("https://thainguyen.dcs.vn/tin-tuc/tag/xay-dung-dang-1234", "listing"),
        # never fetched: other hosts, attachments, print views, traps
        ("https://nhandan.vn/thoi-su/hoi-nghi-1234.html", "skip"),
        ("https://thainguyen.dcs.vn:8443/tin-tuc/chinh-tri/hoi-nghi-1234.html", "skip"),
        ("https://thainguyen.dcs.vn/uploads/news/2024_06/nghi-quyet.pdf", "skip"),
        ("https://thainguyen.dcs.vn/tin-tuc/print/chinh-tri/hoi-nghi-1234.html", "skip"),
        ("https://thainguyen.dcs.vn/lich?ngay=2020-07-09", "skip"),
        ("https://thainguyen.dcs.vn/tim-kiem?q=dang&page=3", "skip"),
        ("https://thainguyen.dcs.vn/page/search?keyword=hoi-nghi", "skip"),
        ("mailto:toasoan@thainguyen.dcs.vn", "skip"),
    ],
)
def test_classify_url(url: str, kind: str) -> None:
    assert classify_url(url, ROOT).value == kind


def test_profile_pattern_decides_articles() -> None:
    profile = SiteProfile(
        key="x",
        name="X",
        domains=("thainguyen.dcs.vn",),
        article_url_pattern=r"^/news/[^/]+/[^/]+-\d+\.html$",
    )
    assert classify_url(ROOT + "news/a/b-12.html", ROOT, profile) is UrlKind.ARTICLE
    assert classify_url(ROOT + "tin-tuc/a/b-12.html", ROOT, profile) is UrlKind.LISTING
    assert classify_url(ROOT + "news/print/b-12.pdf", ROOT, profile) is UrlKind.SKIP


def test_read_links_are_absolute_and_without_fragments() -> None:
    body = b"""<html><head><link rel="alternate" type="application/rss+xml" href="/rss/">
    <link rel="alternate" hreflang="en" href="/en/"></head><body>
    <a href="/a-1.html#binh-luan">x</a><a href="b">y</a>
    <a href="mailto:x@y.vn">m</a><a href="https://other.vn/c">z</a></body></html>"""
    assert read_links(body, "http://127.0.0.1:8000/tin/") == PageLinks(
        links=[
            "http://127.0.0.1:8000/a-1.html",
            "http://127.0.0.1:8000/tin/b",
            "https://other.vn/c",
        ],
        feeds=["http://127.0.0.1:8000/rss/"],
    )


FIXTURE_PAGES = sorted((Path(__file__).resolve().parents[2] / "fixtures").glob("*/*.html"))


@pytest.mark.parametrize("page", FIXTURE_PAGES, ids=lambda page: f"{page.parent.name}/{page.stem}")
def test_links_of_the_extraction_tree_are_the_links_of_the_bytes(page: Path) -> None:
    """The crawl reads an article's links off the tree it extracts from (one parse a page)."""
    meta = json.loads(page.with_name(page.stem + ".meta.json").read_text(encoding="utf-8"))
    body = page.read_bytes()
    tree = load_page(body, meta.get("headers", {})).tree
    assert page_links(tree, meta["url"]) == read_links(body, meta["url"])


def test_read_links_of_garbage_is_empty() -> None:
    assert read_links(b"", "http://x/") == PageLinks([], [])


def test_robots_sitemaps() -> None:
    body = b"User-agent: *\nDisallow: /admin/\nSitemap: /sitemap.xml\nsitemap: http://x.vn/s2.xml\n"
    assert robots_sitemaps(body, "http://x.vn/robots.txt") == [
        "http://x.vn/sitemap.xml",
        "http://x.vn/s2.xml",
    ]


def test_parse_sitemap_index_and_urlset() -> None:
    index = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>http://x.vn/sitemap-news.xml</loc><lastmod>2024-06-01</lastmod></sitemap>
    </sitemapindex>"""
    assert parse_sitemap(index) == ([FeedEntry("http://x.vn/sitemap-news.xml", "2024-06-01")], [])
    urlset = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <url><loc> http://x.vn/a-1.html </loc></url><url><lastmod>2020</lastmod></url></urlset>"""
    assert parse_sitemap(urlset) == ([], [FeedEntry("http://x.vn/a-1.html", None)])
    assert parse_sitemap(b"not xml at all") == ([], [])


def test_parse_feed_rss_and_atom() -> None:
    rss = b"""<rss version="2.0"><channel><item><title>t</title><link>http://x.vn/a-1.html</link>
    <pubDate>Thu, 09 Jul 2020 11:48:18 GMT</pubDate></item></channel></rss>"""
    assert parse_feed(rss) == [FeedEntry("http://x.vn/a-1.html", "Thu, 09 Jul 2020 11:48:18 GMT")]
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="http://x.vn/b-2.html"/>
    <updated>2020-07-09T18:48:18+07:00</updated></entry></feed>"""
    assert parse_feed(atom) == [FeedEntry("http://x.vn/b-2.html", "2020-07-09T18:48:18+07:00")]


@pytest.mark.parametrize(
    ("url", "number"),
    [
        ("https://x.vn/tin-tuc/chinh-tri/page-2", 2),
        ("https://x.vn/thoi-su.html?page=1099", 1099),
        ("https://x.vn/tin-tuc/trang-3", 3),
        ("https://x.vn/tin-tuc/trang-3.html", 3),
        ("https://x.vn/tin?p=4", 4),
        ("https://x.vn/category/page/5/", 5),
        ("https://x.vn/trang-chu", None),
        ("https://x.vn/tin?p=abc", None),
        ("https://x.vn/thoi-su/hoi-nghi-ban-chap-hanh-662290.html", None),
        ("https://x.vn/tin/page-view-123456.html", None),
    ],
)
def test_pagination_number(url: str, number: int | None) -> None:
    assert pagination_number(url) == number
    assert is_pagination(url) is (number is not None)


@pytest.mark.parametrize(
    ("current", "pages", "following"),
    [
        (
            "https://x.vn/a",
            ["https://x.vn/a/page-3", "https://x.vn/a/page-2"],
            "https://x.vn/a/page-2",
        ),
        (
            "https://x.vn/a/page-3",
            ["https://x.vn/a/page-1", "https://x.vn/a/page-4", "https://x.vn/a/page-99"],
            "https://x.vn/a/page-4",
        ),
        ("https://x.vn/a.html?page=5", ["https://x.vn/a.html?page=4"], None),
        ("https://x.vn/a", [], None),
    ],
)
def test_next_page(current: str, pages: list[str], following: str | None) -> None:
    assert next_page(current, pages) == following


@pytest.mark.parametrize(
    ("url", "tag"),
    [
        ("https://tinhuy.vn/news/tag/xay-dung-dang", True),
        ("https://tinhuy.vn/news/tag/xay-dung-dang/page-8", True),
        ("https://bao.vn/tags/dai-hoi-dang.html", True),
        ("https://bao.vn/tu-khoa/chuyen-doi-so", True),
        ("https://bao.vn/news/tag/", False),
        ("https://bao.vn/chinh-tri/page-2", False),
        ("https://bao.vn/tin-tuc/tagline-moi-1234.html", False),
        ("https://bao.vn/chu-de/dai-hoi-xiv", False),
    ],
)
def test_is_tag_listing(url: str, tag: bool) -> None:
    assert is_tag_listing(url) is tag
