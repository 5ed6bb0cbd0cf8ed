"""Extraction parts: text-node repair, layout tables, title/lead/author/section/source, captions."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from lxml import html as lxml_html

from crawler.extract import parse_article
from crawler.extract.body import find_lead_element, find_title_element, unwrap_layout_tables
from crawler.extract.boilerplate import drop_boilerplate
from crawler.extract.document import load_page
from crawler.extract.fields import read_author_element, read_section, read_source_line
from crawler.extract.images import caption_text, take_images
from crawler.extract.metadata import PageMeta
from crawler.extract.nodes import PageIndex, text_of
from crawler.extract.repair import repair_text_nodes

NOW = datetime(2021, 7, 1, tzinfo=UTC)
CP1252 = {"Content-Type": "text/html; charset=windows-1252"}
UTF8 = {"Content-Type": "text/html; charset=utf-8"}
# TCVN3 as a windows-1252 page shows it: U+00AD (soft hyphen) is the letter 'ư'
TCVN3_LEAD = "S¸ng 19/4, Ban Th\u00adêng vô TØnh uû tæ chøc héi nghÞ s¬ kÕt"
PARAGRAPHS = (
    "<p>Ban Tổ chức Tỉnh ủy tổ chức hội nghị giao ban công tác tổ chức xây dựng Đảng, đánh giá kết"
    " quả 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm 2021 trong toàn tỉnh.</p>"
    "<p>Hội nghị đề ra các giải pháp nâng cao chất lượng sinh hoạt chi bộ, phát triển đảng viên"
    " trong các doanh nghiệp ngoài Nhà nước và khu vực nông thôn của tỉnh.</p>"
)


def tree_of(body: str, headers: dict[str, str] = UTF8, encoding: str = "utf-8") -> (
        lxml_html.HtmlElement):
    page = f"<html><head><title>t</title></head><body>{body}</body></html>"
    return load_page(page.encode(encoding), headers).tree


def as_latin1_mojibake(text: str) -> str:
    """UTF-8 bytes shown one byte per character (what a cp1252/latin-1 decode makes of them)."""
    return text.encode("utf-8").decode("latin-1")


@pytest.mark.parametrize(
    ("body", "headers", "encoding", "expected"),
    [
        # the soft hyphen survives until the page is converted; the short byline converts too
        (f"<p id='x'>{TCVN3_LEAD}</p><p id='y'><b>V¨n Th¾ng</b></p>", CP1252, "cp1252",
         ["Sáng 19/4, Ban Thường vụ Tỉnh uỷ tổ chức hội nghị sơ kết", "Văn Thắng"]),
        # the C1 control of Đ (C4 90) and the NBSP of à (C3 A0) are still there on the node
        (f"<p id='x'>{as_latin1_mojibake('Đại hội và giải pháp')}</p><p id='y'>Đảng bộ</p>",
         UTF8, "utf-8", ["Đại hội và giải pháp", "Đảng bộ"]),
        # Western text is left alone
        ("<p id='x'>Café au lait, s’il vous plaît</p><p id='y'>Hội nghị</p>", UTF8, "utf-8",
         ["Café au lait, s’il vous plaît", "Hội nghị"]),
    ],
)
def test_text_nodes_are_repaired_at_load(body: str, headers: dict[str, str], encoding: str,
                                         expected: list[str]) -> None:
    tree = tree_of(body, headers, encoding)
    assert [text_of(tree.get_element_by_id(key)) for key in ("x", "y")] == expected


def test_repair_reports_the_legacy_font() -> None:
    tree = lxml_html.fromstring(f"<div><p>{TCVN3_LEAD}</p></div>")
    assert repair_text_nodes(tree) == "tcvn3"
    assert repair_text_nodes(lxml_html.fromstring("<div><p>Hội nghị</p></div>")) is None


@pytest.mark.parametrize(
    ("table", "tables", "cells"),
    [
        ("<table><tr><td><div>a</div></td><td><p>b</p></td></tr></table>", 0, 0),  # blocks
        ("<table><tr><td>Hôm nay</td></tr><tr><td>Menu</td></tr></table>", 0, 0),  # 1 cell a row
        ("<table><tr><td>Năm</td><td>Số đảng viên</td></tr>"
         "<tr><td>2020</td><td>1.200</td></tr></table>", 1, 4),  # data
        ("<table><tr><td><div>Bảng:</div><table><tr><td>Năm</td><td>Số đảng viên</td></tr>"
         "</table></td><td>Phải</td></tr></table>", 1, 2),  # data inside layout
    ],
)
def test_layout_tables_become_divs(table: str, tables: int, cells: int) -> None:
    tree = lxml_html.fromstring(f"<div>{table}</div>")
    unwrap_layout_tables(tree)
    assert (len(list(tree.iter("table"))), len(list(tree.iter("td")))) == (tables, cells)


@pytest.mark.parametrize(
    ("body", "html_title", "expected"),
    [
        ("<div class='t'><span>Góp ý dự thảo báo cáo chính trị</span></div>",
         "Thành ủy Hải Phòng - Góp ý dự thảo báo cáo chính trị", "Góp ý dự thảo báo cáo chính trị"),
        # a link with the same text (a related list) is not the headline
        ("<a href='/x'>Góp ý dự thảo báo cáo chính trị</a>",
         "Thành ủy Hải Phòng - Góp ý dự thảo báo cáo chính trị", None),
    ],
)
def test_title_element_from_a_part_of_the_html_title(body: str, html_title: str,
                                                     expected: str | None) -> None:
    tree = lxml_html.fromstring(f"<html><body>{body}</body></html>")
    found = find_title_element(tree, PageIndex(tree), None, html_title)
    assert (text_of(found) if found is not None else None) == expected


@pytest.mark.parametrize(
    ("class_name", "found"),
    [("divDetail_Summary", True), ("NewsSapo", True), ("detail__sapo", True),
     ("trichyeu", True), ("lead-news", False), ("summary-list", False)],
)
def test_lead_by_compound_class_name(class_name: str, found: bool) -> None:
    lead = "Chiều 14/11, Ban Thường vụ Thành ủy tổ chức hội nghị góp ý dự thảo báo cáo."
    tree = lxml_html.fromstring(f"<html><body><div class='{class_name}'>{lead}</div></body></html>")
    element = find_lead_element(tree, PageIndex(tree), None)
    assert (element is not None and text_of(element) == lead) is found


@pytest.mark.parametrize(
    ("crumbs", "expected"),
    [
        ("<div class='mas-breadcrumb'><a href='/'>Trang chủ</a> &gt; "
         "<a href='/tin'>Tin tức - Sự kiện</a></div>", "Tin tức - Sự kiện"),
        ("<div class='wpthemeBreadcrumbTrail'><a href='/'>Trang chủ</a> › <a href='/t'>Tin tức</a>"
         " › <a href='/t/d'>Hoạt động Đảng</a></div>", "Hoạt động Đảng"),
        ("<ol><li class='breadcrumb-item'><a href='/'>Home</a></li>"
         "<li class='breadcrumb-item'><a href='/x'>Xây dựng Đảng</a></li></ol>", "Xây dựng Đảng"),
    ],
)
def test_section_from_any_breadcrumb_class(crumbs: str, expected: str) -> None:
    tree = lxml_html.fromstring(f"<html><body>{crumbs}<h1>Tiêu đề bài</h1></body></html>")
    assert read_section(tree, PageIndex(tree), None, PageMeta(), "Tiêu đề bài") == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<div class='a'><p>Nội dung bài viết dài.</p></div>"
         "<div class='news-source'>Nguồn: Tạp chí Lịch sử Đảng</div>", "Tạp chí Lịch sử Đảng"),
        ("<p><b>Nguồn tin:</b> Báo Bình Phước</p>", "Báo Bình Phước"),
        ("<p>Ảnh đẹp<br>Nguồn: TTXVN.</p>", None),  # the line's element holds more than the line
    ],
)
def test_source_line(body: str, expected: str | None) -> None:
    assert read_source_line(lxml_html.fromstring(f"<html><body>{body}</body></html>")) == expected


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("<figcaption><p class='file-name'>img_1361(1).jpeg</p><p>Quang cảnh hội nghị. "
         "Ảnh: Viết Thành</p></figcaption>", "Quang cảnh hội nghị. Ảnh: Viết Thành"),
        ("<figcaption>Lễ ký kết<br>(Ảnh: <b>TTXVN</b>)</figcaption>", "Lễ ký kết (Ảnh: TTXVN)"),
        ("<figcaption>DSC 0042.JPG</figcaption>", ""),
    ],
)
def test_caption_text_drops_file_name_lines(caption: str, expected: str) -> None:
    assert caption_text(lxml_html.fromstring(caption)) == expected


def test_image_words_in_the_host_do_not_skip_an_image() -> None:
    tree = lxml_html.fromstring("<div><img src='/documents/1/hoi-nghi.jpg'>"
                                "<img src='/images/icon-print.png'></div>")
    images = take_images(tree, "https://tapchicongsan.org.vn/a")
    assert [image.url for image in images] == ["https://tapchicongsan.org.vn/documents/1/hoi-nghi.jpg"]


def test_author_element_without_a_profile_selector() -> None:
    tree = lxml_html.fromstring(
        "<html><body><div id='header'><span class='author'>Quản trị viên</span></div>"
        "<div class='Author'>TS. NGUYỄN THANH BÌNH</div><p>Bài viết.</p></body></html>")
    authors, element = read_author_element(tree, None, PageIndex(tree))
    assert authors == ["Nguyễn Thanh Bình"]
    assert element is not None
    assert element.get("class") == "Author"


def test_most_read_box_is_dropped() -> None:
    tree = lxml_html.fromstring(
        "<html><body><div><p>Bài viết.</p></div><div class='box'><div>Đọc nhiều nhất</div>"
        "<ul><li><a href='/a'>Đổi mới phương thức lãnh đạo</a></li></ul></div></body></html>")
    drop_boilerplate(tree, None)
    assert "Đổi mới" not in text_of(tree)
    assert "Bài viết." in text_of(tree)


def test_picture_in_the_sapo_is_kept_and_legacy_page_parses() -> None:
    body = (f"<h1>Hội nghị giao ban công tác tổ chức</h1><div id='hometext'>"
            f"<img src='/uploads/news/a.jpg' width='200'>Ngày 13/7, Ban Tổ chức Tỉnh ủy tổ chức hội"
            f" nghị giao ban.</div><div class='bodytext'>{PARAGRAPHS}</div>")
    page = f"<html><head><title>t</title></head><body>{body}</body></html>".encode()
    article = parse_article(page, "https://site.vn/a-1.html", UTF8, now=NOW)
    assert [image.url for image in article.images] == ["https://site.vn/uploads/news/a.jpg"]
    assert article.lead == "Ngày 13/7, Ban Tổ chức Tỉnh ủy tổ chức hội nghị giao ban."
