"""URL canonicalization and the choice of the canonical link."""

from __future__ import annotations

import pytest

from crawler.extract.urls import canonicalize_url, choose_canonical, site_host


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://dangcongsan.vn/thoi-su/bai-662290.html?utm_source=fb&utm_medium=x#top",
         "https://dangcongsan.vn/thoi-su/bai-662290.html"),
        ("HTTP://WWW.Hanoi.org.vn:80/Default.aspx?tabid=107&NewsId=ABC-1&fbclid=IwAR",
         "http://www.hanoi.org.vn/Default.aspx?NewsId=ABC-1&tabid=107"),
        ("https://phutho.dcs.vn/ContentDetail/NewsDetailView?NewsId=6f1e&gclid=x&zarsrc=30",
         "https://phutho.dcs.vn/ContentDetail/NewsDetailView?NewsId=6f1e"),
        ("http://baobacninh.com.vn/web/bbn/a?p_p_id=news_INSTANCE_x&p_p_auth=Zx1&p_p_col_pos=2",
         "http://baobacninh.com.vn/web/bbn/a?p_p_id=news_INSTANCE_x"),
        ("https://example.vn:8443/a", "https://example.vn:8443/a"),
        ("https://example.vn", "https://example.vn/"),
        ("mailto:toasoan@example.vn#x", "mailto:toasoan@example.vn"),
    ],
)
def test_canonicalize_url(url: str, expected: str) -> None:
    assert canonicalize_url(url) == expected


def test_canonicalize_url_is_idempotent() -> None:
    once = canonicalize_url("https://Example.vn/tin/a?b=2&a=1&utm_campaign=z#f")
    assert canonicalize_url(once) == once == "https://example.vn/tin/a?a=1&b=2"


@pytest.mark.parametrize(
    ("fetched", "canonical", "expected"),
    [
        ("https://m.site.vn/a-1?utm_source=x", "https://site.vn/a-1", "https://site.vn/a-1"),
        ("https://site.vn/a-1", "/a-1.html", "https://site.vn/a-1.html"),
        ("https://site.vn/a-1", "https://site.vn/", "https://site.vn/a-1"),
        ("https://site.vn/a-1", "https://site.vn/index.php", "https://site.vn/a-1"),
        ("https://site.vn/a-1", "https://other.vn/a-1", "https://site.vn/a-1"),
        ("https://site.vn/a-1", None, "https://site.vn/a-1"),
        ("https://site.vn/a-1", "  ", "https://site.vn/a-1"),
        ("https://site.vn/a-1", "javascript:void(0)", "https://site.vn/a-1"),
    ],
)
def test_choose_canonical(fetched: str, canonical: str | None, expected: str) -> None:
    assert choose_canonical(fetched, canonical) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://Thainguyen.DCS.vn/a", "thainguyen.dcs.vn"),
        ("http://127.0.0.1:8080/x", "127.0.0.1:8080"),
        ("https://site.vn:443/x", "site.vn"),
        ("not a url", ""),
    ],
)
def test_site_host(url: str, expected: str) -> None:
    assert site_host(url) == expected
