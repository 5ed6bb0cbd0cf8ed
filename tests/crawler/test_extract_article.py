"""parse_article: metadata reading, not-an-article cases, the today's-date trap, profile hints."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawler.extract import NotAnArticle, parse_article
from crawler.extract.document import load_page
from crawler.extract.metadata import read_metadata
from crawler.sites.base import Selectors, SiteProfile

NOW = datetime(2021, 7, 1, tzinfo=UTC)
HTML = {"Content-Type": "text/html; charset=utf-8"}
PARAGRAPHS = (
    "<p>Ban Tổ chức Tỉnh ủy tổ chức hội nghị giao ban công tác tổ chức xây dựng Đảng, đánh giá kết"
    " quả 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm 2021 trong toàn tỉnh.</p>"
    "<p>Hội nghị đề ra các giải pháp nâng cao chất lượng sinh hoạt chi bộ, phát triển đảng viên"
    " trong các doanh nghiệp ngoài Nhà nước và khu vực nông thôn của tỉnh.</p>"
)


def page(head: str = "", body: str = "") -> bytes:
    return f"<html><head>{head}</head><body>{body}</body></html>".encode()


def article_page(head: str = "", before: str = "", after: str = "") -> bytes:
    return page(head, f"{before}<div class='detail'><h1>Hội nghị giao ban công tác tổ chức</h1>"
                      f"{after}<div class='content'>{PARAGRAPHS}</div></div>")


def test_metadata_reads_json_ld_graph_og_and_itemprop() -> None:
    head = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@graph":['
        '{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,'
        '"name":"Trang chủ"},{"@type":"ListItem","position":2,"name":"Xây dựng Đảng"}]},'
        '{"@type":["NewsArticle"],"headline":"Tiêu đề JSON",'
        '"datePublished":"2021-06-28T19:54:00+07:00","dateModified":"2021-06-29T08:00:00+07:00",'
        '"author":[{"@type":"Person","name":"Trọng Toàn"}],'
        '"keywords":"giao ban, tổ chức"}]}</script>'
        '<meta property="og:type" content="article"><meta property="og:title" content="Tiêu đề OG">'
        '<meta property="article:published_time" content="2021-06-28T12:54:00Z">'
        '<link rel="canonical" href="/a-1.html">'
    )
    tree = load_page(page(head, '<span itemprop="datePublished" content="2021-06-28">x</span>'),
                     HTML).tree
    meta = read_metadata(tree)
    assert (meta.title, meta.og_title, meta.og_type) == ("Tiêu đề JSON", "Tiêu đề OG", "article")
    assert meta.section == "Xây dựng Đảng"
    assert meta.tags == ["giao ban", "tổ chức"]
    assert meta.authors == ["Trọng Toàn"]
    assert meta.published == [("json-ld", "2021-06-28T19:54:00+07:00"),
                              ("meta", "2021-06-28T12:54:00Z"), ("itemprop", "2021-06-28")]
    assert meta.modified == [("json-ld", "2021-06-29T08:00:00+07:00")]
    assert meta.canonical == "/a-1.html"
    assert meta.is_article_typed


def test_metadata_survives_broken_json_ld() -> None:
    head = '<script type="application/ld+json">{"@type": "NewsArticle", </script>'
    assert read_metadata(load_page(page(head, "<p>x</p>"), HTML).tree).title is None


@pytest.mark.parametrize(
    ("body", "headers", "reason"),
    [
        (b"%PDF-1.4 binary", {"Content-Type": "application/pdf"}, "not HTML: application/pdf"),
        (b"%PDF-1.4 binary", {}, "not HTML: binary content"),
        (b"   ", HTML, "empty body"),
        (page("<title></title>", "<p>Không có tiêu đề</p>"), HTML, "no title"),
    ],
)
def test_not_an_article(body: bytes, headers: dict[str, str], reason: str) -> None:
    with pytest.raises(NotAnArticle) as caught:
        parse_article(body, "https://site.vn/a-1.html", headers, now=NOW)
    assert caught.value.reason == reason


def test_home_page_with_og_type_website_is_not_an_article() -> None:
    body = article_page('<meta property="og:type" content="website">')
    with pytest.raises(NotAnArticle, match="home page"):
        parse_article(body, "https://site.vn/", HTML, now=NOW)


def test_listing_page_is_not_an_article() -> None:
    items = "".join(
        f'<li><a href="/tin-{n}.html">Tin số {n}: hội nghị giao ban công tác tổ chức</a></li>'
        for n in range(20)
    )
    body = page("<title>Xây dựng Đảng</title>", f"<h1>Xây dựng Đảng</h1><ul>{items}</ul>")
    with pytest.raises(NotAnArticle, match=r"main text too short|listing"):
        parse_article(body, "https://site.vn/xay-dung-dang/page-3", HTML, now=NOW)


def test_short_text_is_not_an_article() -> None:
    body = page("", "<h1>Một tiêu đề đủ dài</h1><p>Chỉ một câu.</p>")
    with pytest.raises(NotAnArticle, match="main text too short"):
        parse_article(body, "https://site.vn/a-1.html", HTML, now=NOW)


def test_todays_date_in_the_header_is_never_the_publication_date() -> None:
    header = '<div class="header"><span class="date">Thứ Năm, 01/07/2021</span></div>'
    body = article_page(before=header)
    article = parse_article(body, "https://site.vn/a-1.html", HTML, now=NOW)
    assert article.published_at is None
    assert article.warnings == ["no_date"]
    assert "01/07/2021" not in article.body


def test_dates_in_related_lists_are_ignored_and_visible_date_is_used() -> None:
    body = article_page(
        before='<div class="top-bar"><span id="current-date">01/07/2021 07:00</span></div>',
        after='<div class="other-news"><span class="date">(27/06/2021)</span></div>'
              '<span class="date">28/06/2021 19:54</span>',
    )
    article = parse_article(body, "https://site.vn/a-1.html", HTML, now=NOW)
    assert article.published_at == datetime(2021, 6, 28, 12, 54, tzinfo=UTC)
    assert (article.published_source, article.published_precision) == ("visible", "minute")


def test_profile_ignore_dates_and_selectors_are_used() -> None:
    profile = SiteProfile(
        key="bacninh", name="Bắc Ninh", domains=("bacninh.dcs.vn",),
        selectors=Selectors(title=".tieude", date=".ngay", body=".noidung", author=".tacgia",
                            ignore_dates=(".ngay-hom-nay",)),
    )
    body = page("", '<div class="ngay ngay-hom-nay">01/07/2021 08:00</div>'
                    '<div class="tieude">Tiêu đề theo hồ sơ trang</div>'
                    '<div class="ngay">28/06/2021 10:00</div>'
                    f'<div class="noidung">{PARAGRAPHS}</div>'
                    '<div class="tacgia">Tác giả: P.Hoa</div>')
    article = parse_article(body, "https://bacninh.dcs.vn/a-1.html", HTML, now=NOW, profile=profile)
    assert (article.site, article.title, article.authors) == (
        "bacninh", "Tiêu đề theo hồ sơ trang", ["P.Hoa"])
    assert article.published_at == datetime(2021, 6, 28, 3, 0, tzinfo=UTC)
    assert article.body.startswith("Ban Tổ chức Tỉnh ủy")
    assert "Tác giả" not in article.body


def test_site_argument_and_language() -> None:
    body = article_page().replace(b"<html>", b'<html lang="vi-VN">')
    article = parse_article(body, "http://127.0.0.1:8080/a-1.html", HTML, now=NOW)
    assert (article.site, article.language) == ("127.0.0.1:8080", "vi")
    named = parse_article(body, "http://127.0.0.1:8080/a-1.html", HTML, now=NOW, site="test")
    assert named.site == "test"
