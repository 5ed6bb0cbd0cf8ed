"""URL canonicalization and the choice of the canonical link."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crawler.extract.urls import LinkResolver, canonicalize_url, choose_canonical, site_host


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


SEGMENTS = st.sampled_from(["a", "b.html", "..", ".", "", "x y", "tin-tuc", "?p=2", "#top", ";v"])
HREFS = st.builds(
    "".join,
    st.tuples(
        st.sampled_from(["", "/", "//", "///", "http://", "https://", "http:", "http://a.vn",
                         "https://b.vn:8443", "//a.vn/", " ", "mailto:", "?", "#", "/\t/", "//\n"]),
        st.lists(SEGMENTS, max_size=5).map("/".join),
        st.sampled_from(["", " ", "#f", "?q=1#f"]),
    ),
)
BASES = st.sampled_from([
    "http://a.vn/", "http://a.vn/x/y.html", "https://a.vn/x/y/?page=3", "http://a.vn:8000/x;p?q#f",
    "https://b.vn", "http://127.0.0.1:8931/tin-tuc/page-2",
])


@given(base=BASES, href=HREFS)
def test_link_resolver_is_urljoin_without_fragment(base: str, href: str) -> None:
    resolver = LinkResolver(base)
    expected = urljoin(base, href.strip()).split("#", 1)[0]
    assert resolver.resolve(href) == expected
    assert resolver.resolve(href) == expected  # the remembered answer too
