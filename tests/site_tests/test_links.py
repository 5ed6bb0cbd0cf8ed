"""Tests of the test site's links, feeds, robots.txt, bad pages and traps."""

from __future__ import annotations

import lxml.etree
import pytest

from tests.site_tests.helpers import BASE, links_in, served_text, site_of, target_of

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.mark.parametrize("count", [2, 24])
def test_every_link_resolves_or_is_documented(count: int) -> None:
    site = site_of(count)
    targets = [*site.pages, "/lich?ngay=2024-06-28", "/tim-kiem?q=x&page=3"]
    for target in targets:
        for url in links_in(site, target):
            assert url.startswith(BASE + "/"), (target, url)
            linked = target_of(url)
            assert site.resolve(linked) is not None or linked in site.bad_pages, (target, url)


def test_sitemap_lists_exactly_the_articles() -> None:
    site = site_of(24)
    index = lxml.etree.fromstring(served_text(site, "/sitemap.xml").encode())
    children = index.xpath("//s:sitemap/s:loc/text()", namespaces=SITEMAP_NS)
    assert len(children) == 2
    assert len(index.xpath("//s:sitemap/s:lastmod", namespaces=SITEMAP_NS)) == 2
    listed: list[str] = []
    for child in children:
        urlset = lxml.etree.fromstring(served_text(site, target_of(child)).encode())
        listed += urlset.xpath("//s:url/s:loc/text()", namespaces=SITEMAP_NS)
    assert len(listed) == 24
    assert set(listed) == site.article_urls(BASE)


def test_rss_lists_the_newest_twenty_articles() -> None:
    site = site_of(24)
    feed = lxml.etree.fromstring(served_text(site, "/tin-tuc/rss/").encode())
    assert feed.xpath("//item/link/text()") == [a.url(BASE) for a in site.articles[:20]]
    assert 'href="/tin-tuc/rss/"' in served_text(site, "/")


def test_robots_disallows_the_admin_link_and_names_the_sitemap() -> None:
    site = site_of(24)
    robots = served_text(site, "/robots.txt")
    assert "Disallow: /admin/\n" in robots
    assert f"Sitemap: {BASE}/sitemap.xml\n" in robots
    assert BASE + "/admin/" in links_in(site, "/")


def test_pagination_shapes() -> None:
    site = site_of(24)
    assert "/tin-tuc/xay-dung-dang/page-2" in site.pages
    assert "/chinh-tri.html?page=2" in site.pages
    assert any(key.startswith("/tin-tuc/tag/") and "/page-2" in key for key in site.pages)


@pytest.mark.parametrize(
    ("path", "kind", "status"),
    [
        ("/tin-tuc/xay-dung-dang/thong-bao-ket-luan-hoi-nghi-900001.html", "empty", 200),
        ("/tin-tuc/xay-dung-dang/van-ban-chi-dao-900002.html", "not-html", 200),
        ("/tin-tuc/xay-dung-dang/toan-van-bao-cao-chinh-tri-900003.html", "huge", 200),
        ("/tin-tuc/xay-dung-dang/ky-yeu-dai-hoi-900004.html", "truncated", 200),
        ("/tin-tuc/xay-dung-dang/le-ky-niem-thanh-lap-dang-900005.html", "server-error", 500),
    ],
)
def test_bad_pages_are_documented_and_linked(path: str, kind: str, status: int) -> None:
    site = site_of(24)
    assert site.bad_pages[path] == kind
    page = site.resolve(path)
    assert page is not None
    assert page.status == status
    assert BASE + path in links_in(site, "/tin-tuc/xay-dung-dang")


def test_missing_page_is_linked_but_absent() -> None:
    site = site_of(24)
    path = "/tin-tuc/xay-dung-dang/bai-viet-da-go-900006.html"
    assert site.bad_pages[path] == "not-found"
    assert site.resolve(path) is None


def test_traps_never_end() -> None:
    site = site_of(24)
    target = "/lich?ngay=2024-06-28"
    for _step in range(40):
        calendar_links = [url for url in links_in(site, target) if "/lich?" in url]
        target = target_of(calendar_links[-1])  # the last one is 'Ngày sau' (next day)
    assert target == "/lich?ngay=2024-08-07"
    assert BASE + "/tim-kiem?q=x&page=4" in links_in(site, "/tim-kiem?q=x&page=3")
    assert site.resolve("/lich?ngay=hom-nay") is None


def test_query_order_does_not_matter() -> None:
    site = site_of(24)
    alias = next(key for key in site.aliases if key.startswith("/index.php"))
    path, query = alias.split("?")
    swapped = path + "?" + "&".join(reversed(query.split("&")))
    assert site.resolve(swapped) is site.pages[alias]
