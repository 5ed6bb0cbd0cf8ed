"""CMS family detection from fingerprints, and the profile a page gets (crawler.sites.detect)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from crawler.sites import known_sites
from crawler.sites.detect import detect_family, family_scores, resolve_profile

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures"
BENCHMARK = ROOT.parent / "shared" / "data" / "article-extraction-benchmark" / "html"

SNIPPETS = [
    ("nukeviet", "https://example.org/",
     '<img src="/uploads/news/2024_07/anh.jpg"><div id="news-bodyhtml" class="bodytext"></div>'),
    ("nukeviet", "https://example.org/",
     '<a href="/index.php?language=vi&amp;nv=news&amp;op=thoi-su">Thời sự</a>'),
    ("nukeviet", "https://example.org/",
     '<script>var nv_base_siteurl="/",nv_lang_data="vi";</script>'),
    ("liferay", "https://example.org/",
     '<a href="/tin-tuc/-/asset_publisher/hIBc6Tqn9pAH/content/hoi-nghi">Hội nghị</a>'),
    ("liferay", "https://example.org/",
     '<img src="/documents/34037/193476/anh.jpg?t=1600000000000&imagePreview=1">'),
    ("liferay", "https://tccs.example/web/guest/nghien-cu/-/2018/52175/x.aspx", "<p>x</p>"),
    ("aspnet", "https://example.org/",
     '<a href="/DetailView/8123/22/Tuyen-Quang-tong-ket.html">Tổng kết</a>'),
    ("aspnet", "https://example.org/",
     '<a href="/ContentDetail/NewsDetailView?NewsId=6f1e2d3c">Tin</a>'),
    ("aspnet", "https://example.org/",
     '<form><input type="hidden" name="__VIEWSTATE" value="x"></form>'),
    ("aspnet", "https://example.org/", '<a href="/hoi-nghi-dang-uy-khoi-duk4630.aspx">x</a>'),
    ("yyyymm", "https://example.org/",
     '<a href="/thoi-su-chinh-tri/202103/hoi-nghi-bch-773370/">Hội nghị</a>'),
    ("yyyymm", "https://example.org/chinh-tri/202208/boi-duong-dang-vien-8260204/", "<p>x</p>"),
    ("joomla", "https://example.org/",
     '<a href="/home/index.php/thuc-tien/item/3552-phat-huy-dan-chu.html">x</a>'),
    ("joomla", "https://example.org/", '<meta name="generator" content="Joomla! - Open Source">'),
    ("dangcongsan", "https://example.org/",
     '<img src="https://file1.dangcongsan.vn/data/0/images/2024/05/06/a.jpg">'),
    ("dangcongsan", "https://bacninh.dangcongsan.vn/phat-trien/x-542390.html", "<p>x</p>"),
    ("sharepoint", "https://example.org/",
     '<link href="/Style%20Library/css/site.css"><input name="__VIEWSTATE" value="x">'
     '<script src="/_layouts/15/init.js"></script>'),
    ("websphere", "https://example.org/",
     '<img src="/wps/wcm/connect/longan/1b2c/anh.jpg?MOD=AJPERES&amp;CVID=abc">'),
    ("vnportal", "https://example.org/",
     '<img src="https://files-vnportal.camau.dcs.vn/tinhuy/2681/anh.jpg">'),
]


@pytest.mark.parametrize(("family", "url", "html"), SNIPPETS)
def test_detects_the_family_of_a_snippet(family: str, url: str, html: str) -> None:
    detected = detect_family(html.encode(), url)
    assert detected is not None
    assert detected.name == family


@pytest.mark.parametrize(
    ("url", "html"),
    [
        ("https://example.org/2024/05/06/a-story", "<html><body><h1>A story</h1><p>Text</p>"),
        ("https://example.org/", '<a href="https://www.npd.com/wps/portal/npd/blog">NPD</a>'),
        ("https://example.org/", '<a href="https://dangcongsan.vn/thoi-su">ĐCSVN</a>'),
    ],
)
def test_a_page_without_fingerprints_is_generic(url: str, html: str) -> None:
    assert detect_family(html.encode(), url) is None


def test_more_fingerprints_win_over_a_shared_one() -> None:
    html = (b'<input name="__VIEWSTATE" value="x"><link href="/Style Library/a.css">'
            b'<script>var _spPageContextInfo = {};</script>')
    assert family_scores(html, "https://example.org/") == {"sharepoint": 2, "aspnet": 1}
    detected = detect_family(html, "https://example.org/")
    assert detected is not None
    assert detected.name == "sharepoint"


FIXTURE_FAMILIES = [
    ("thainguyen-dcs/giao-ban-thang-7", "nukeviet"),
    ("tapchicongsan/doi-moi-phuong-thuc-lanh-dao", "liferay"),
    ("baobacninh/giao-ban-to-chuc-2021", "liferay"),
    ("tuyenquang-dcs/tong-ket-tuyen-giao-2019", "aspnet"),
    ("phutho-dcs/quan-triet-nghi-quyet-xiii", "aspnet"),
    ("hanoi/giao-ban-phia-bac", "aspnet"),
    ("dangcongsan/so-ket-to-chuc-xay-dung-dang", "dangcongsan"),
    ("hatinh-dcs/ban-thuong-vu-nghe-bao-cao", None),
    ("bacninh-dcs/giao-ban-van-phong-chi-thi-35", None),
    ("baohaiduong/tham-muu-de-an-nhan-su", None),
]


@pytest.mark.parametrize(("stem", "family"), FIXTURE_FAMILIES)
def test_detects_the_family_of_fixture_pages(stem: str, family: str | None) -> None:
    meta = json.loads((FIXTURES / f"{stem}.meta.json").read_text(encoding="utf-8"))
    detected = detect_family((FIXTURES / f"{stem}.html").read_bytes(), meta["url"])
    assert (detected.name if detected else None) == family


@pytest.mark.skipif(not BENCHMARK.is_dir(), reason="the public benchmark is not available")
def test_benchmark_pages_are_generic() -> None:
    pages = sorted(BENCHMARK.glob("*.html.gz"))
    assert pages
    detected = {page.name: detect_family(gzip.decompress(page.read_bytes()), "") for page in pages}
    assert {name: family for name, family in detected.items() if family is not None} == {}


def test_an_unknown_site_gets_its_familys_profile() -> None:
    html = b'<div id="news-bodyhtml" class="bodytext"><img src="/uploads/news/2024_07/a.jpg"></div>'
    profile = resolve_profile("http://127.0.0.1:8123/news/thoi-su/x-12.html", html)
    assert profile is not None
    assert (profile.key, profile.family, profile.status) == ("127.0.0.1:8123", "nukeviet",
                                                            "unverified")
    assert profile.domains == ("127.0.0.1",)
    assert profile.root_url == "http://127.0.0.1:8123/"
    assert profile.sitemaps == ("http://127.0.0.1:8123/sitemap.xml",)
    assert profile.selectors.body.startswith("#news-bodyhtml")


def test_the_default_port_is_not_part_of_the_key() -> None:
    profile = resolve_profile("https://portal.example:443/", b'<a href="/DetailView/1/2/x.html">')
    assert profile is not None
    assert (profile.key, profile.family) == ("portal.example", "aspnet")


def test_an_unknown_site_without_fingerprints_has_no_profile() -> None:
    assert resolve_profile("https://example.org/a-story", b"<h1>A story</h1>") is None
    assert resolve_profile("https://example.org/a-story") is None
    assert resolve_profile("not a url", b"<div id='news-bodyhtml'></div>") is None


def test_a_registered_site_uses_its_registry_profile() -> None:
    registered = known_sites()
    if not registered:
        pytest.skip("the registry is empty")
    site = registered[0]
    url = f"https://{site.domains[0]}/some/article-123.html"
    assert resolve_profile(url, b'<div id="news-bodyhtml"></div>') is site
    assert resolve_profile(url) is site
