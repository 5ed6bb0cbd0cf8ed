"""The CMS families: URL shapes, canonical URLs and selectors (crawler.sites.families)."""

from __future__ import annotations

import re

import lxml.html
import pytest
from lxml.cssselect import CSSSelector

from crawler.sites import families
from crawler.sites.base import GENERIC, Selectors
from crawler.sites.families import FAMILIES

ARTICLES = [
    ("nukeviet", "/hoat-dong-cua-cac-dang-bo/to-chuc-xay-dung-dang/giao-ban-thang-7-2412.html"),
    ("nukeviet", "/news/thoi-su/hoi-nghi-tinh-uy-lan-thu-10-1534.html"),
    ("nukeviet", "/vi/news/thoi-su/hoi-nghi-tinh-uy-lan-thu-10-1534.html"),
    ("nukeviet", "/tin-tuc/ban-thuong-vu-tinh-uy-nghe-bao-cao-3345.html"),
    ("nukeviet", "/vi/news/Tin-hoat-dong/So-ket-cong-tac-dan-van-1873/"),
    ("liferay", "/web/guest/nghien-cu/-/2018/52175/doi-moi-phuong-thuc-lanh-dao.aspx"),
    ("liferay", "/nghien-cu/-/2018/52175/view_content"),
    ("liferay", "/an-ninh-quoc-phong/-/view-content/609439/quy-nhon-nam"),
    ("liferay", "/tin-tuc/-/asset_publisher/hIBc6Tqn9pAH/content/hoi-nghi-tinh-uy"),
    ("liferay", "/web/bbn/chinh-tri/-/asset_publisher/content/giao-ban-truc-tuyen"),
    ("aspnet", "/DetailView/8123/22/Tuyen-Quang-tong-ket-cong-tac-tuyen-giao.html"),
    ("aspnet", "/ContentDetail/NewsDetailView?NewsId=6f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"),
    ("aspnet", "/hoi-nghi-dang-uy-khoi-duk4630.aspx"),
    ("aspnet", "/Portal/Default.aspx?Organization=TU&ContentID=12345"),
    ("yyyymm", "/thoi-su-chinh-tri/202103/hoi-nghi-bch-dang-bo-tinh-773370/"),
    ("yyyymm", "/chinh-tri/202208/boi-duong-dang-vien-moi-8260204/"),
    ("yyyymm", "/kinh-te/202210/dai-hoi-chi-bo-diem-2203947/"),
    ("joomla", "/home/index.php/thuc-tien/item/3552-phat-huy-dan-chu.html"),
    ("dangcongsan", "/thoi-su/tang-cuong-phong-chong-nang-nong-662290.html"),
    ("dangcongsan", "/canh-bao-thong-tin-gia/canh-giac-voi-thong-tin-xuyen-tac-592693.html"),
    ("sharepoint", "/Pages/hoi-nghi-tinh-uy.aspx"),
    ("websphere", "/wps/wcm/connect/longan/1b2c3d4e/tin-hoat-dong/hoi-nghi"),
]
NOT_ARTICLES = [
    ("nukeviet", "/hoat-dong-cua-cac-dang-bo/to-chuc-xay-dung-dang/page-2"),
    ("nukeviet", "/news/tag/giao-ban"),
    ("nukeviet", "/news/tag/giao-ban/page-8"),
    ("nukeviet", "/news/print/thoi-su/hoi-nghi-tinh-uy-lan-thu-10-1534.html"),
    ("nukeviet", "/news/sendmail/thoi-su/hoi-nghi-tinh-uy-lan-thu-10-1534.html"),
    ("nukeviet", "/news/rss/"),
    ("nukeviet", "/news/Tin-hoat-dong/page-2/"),
    ("liferay", "/web/guest/nghien-cu"),
    ("liferay", "/web/bbn/chinh-tri?p_p_id=newsbycategory_WAR_bacninhportlet&_x_cur=2"),
    ("aspnet", "/ListView/22/Tin-tuc.html"),
    ("yyyymm", "/thoi-su-chinh-tri/"),
    ("yyyymm", "/chinh-tri/?page=2"),
    ("joomla", "/home/index.php/thuc-tien/itemlist/category/12"),
    ("dangcongsan", "/thoi-su.html?page=1099"),
    ("dangcongsan", "/xay-dung-dang"),
    ("dangcongsan", "/page/search?keyword=dai-hoi"),
]


@pytest.mark.parametrize(("family", "path"), ARTICLES)
def test_article_pattern_matches_the_researched_article_urls(family: str, path: str) -> None:
    assert re.search(FAMILIES[family].article_url_pattern, path), path


@pytest.mark.parametrize(("family", "path"), NOT_ARTICLES)
def test_article_pattern_rejects_listing_and_print_urls(family: str, path: str) -> None:
    assert not re.search(FAMILIES[family].article_url_pattern, path), path


@pytest.mark.parametrize(
    ("family", "path"),
    [
        ("nukeviet", "/news/thoi-su/page-3"),
        ("nukeviet", "/news/tag/giao-ban/page-8"),
        ("liferay", "/web/guest/nghien-cu"),
        ("dangcongsan", "/thoi-su.html?page=1099"),
        ("joomla", "/home/index.php/thuc-tien?start=20"),
    ],
)
def test_listing_pattern_matches_listings(family: str, path: str) -> None:
    assert re.search(FAMILIES[family].listing_url_pattern, path), path


@pytest.mark.parametrize(
    ("family", "path"),
    [
        ("nukeviet", "/news/print/thoi-su/hoi-nghi-1534.html"),
        ("nukeviet", "/vi/news/savefile/thoi-su/hoi-nghi-1534.html"),
    ],
)
def test_print_pattern_matches_print_views(family: str, path: str) -> None:
    assert re.search(FAMILIES[family].print_url_pattern, path), path


TCCS_CANONICAL = "https://tapchicongsan.org.vn/nghien-cu/-/2018/52175/view_content"


@pytest.mark.parametrize(
    "url",
    [
        "https://tapchicongsan.org.vn/web/guest/nghien-cu/-/2018/52175/doi-moi-phuong-thuc.aspx",
        "https://tapchicongsan.org.vn/nghien-cu/-/2018/52175/view_content",
        "https://tapchicongsan.org.vn/en_US/web/guest/nghien-cu/-/2018/52175/doi-moi.aspx",
        "https://tapchicongsan.org.vn/web/guest/nghien-cu/chi-tiet/-/2018/52175/doi-moi.aspx",
        "https://tapchicongsan.org.vn/Home/Nghien-cu/2018/52175/Doi-moi-phuong-thuc.aspx",
    ],
)
def test_liferay_maps_every_tapchicongsan_shape_to_one_url(url: str) -> None:
    mapper = FAMILIES["liferay"].canonical_url
    assert mapper is not None
    assert mapper(url) == TCCS_CANONICAL


@pytest.mark.parametrize(
    ("family", "url", "canonical"),
    [
        ("liferay", "https://binhdinh.dcs.vn/en_US/web/guest/tin-tuc", "https://binhdinh.dcs.vn/tin-tuc"),
        ("liferay", "https://x.dcs.vn/web/bbn/chinh-tri", "https://x.dcs.vn/web/bbn/chinh-tri"),
        ("nukeviet", "https://a.dcs.vn/news/print/thoi-su/hoi-nghi-1534.html",
         "https://a.dcs.vn/news/thoi-su/hoi-nghi-1534.html"),
        ("nukeviet", "https://a.dcs.vn/vi/news/thoi-su/hoi-nghi-1534.html",
         "https://a.dcs.vn/news/thoi-su/hoi-nghi-1534.html"),
        ("nukeviet", "https://a.dcs.vn/vi/news/sendmail/thoi-su/hoi-nghi-1534.html",
         "https://a.dcs.vn/news/thoi-su/hoi-nghi-1534.html"),
        ("nukeviet", "https://a.dcs.vn/en/news/thoi-su/meeting-15.html",
         "https://a.dcs.vn/en/news/thoi-su/meeting-15.html"),
        ("aspnet", "http://hp.gov.vn/(S(abc123xyz))/Default.aspx?ContentID=7",
         "http://hp.gov.vn/Default.aspx?ContentID=7"),
        ("aspnet", "http://hp.gov.vn/Default.aspx?ContentID=7&ASP.NET_SessionId=q1w2&view=print",
         "http://hp.gov.vn/Default.aspx?ContentID=7"),
        ("aspnet", "https://phutho.dcs.vn/ContentDetail/NewsDetailView?NewsId=6f1e-2d3c",
         "https://phutho.dcs.vn/ContentDetail/NewsDetailView?NewsId=6f1e-2d3c"),
    ],
)
def test_canonical_url(family: str, url: str, canonical: str) -> None:
    mapper = FAMILIES[family].canonical_url
    assert mapper is not None
    assert mapper(url) == canonical


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_every_family_has_title_and_body_selectors_that_compile(name: str) -> None:
    selectors: Selectors = FAMILIES[name].selectors
    assert selectors.title
    assert selectors.body
    fields = (selectors.title, selectors.lead, selectors.body, selectors.date, selectors.modified,
              selectors.author, selectors.tags, selectors.section, selectors.caption,
              *selectors.drop, *selectors.ignore_dates)
    for selector in filter(None, fields):
        CSSSelector(selector, translator="html")  # raises on a selector lxml cannot run
    assert ":contains(" not in " ".join(fields)  # lxml's :contains() is not thread-safe here


@pytest.mark.parametrize("name", sorted(FAMILIES))
def test_every_family_has_fingerprints_that_compile(name: str) -> None:
    family = FAMILIES[name]
    assert family.fingerprints
    for pattern in (*family.fingerprints, family.article_url_pattern,
                    family.listing_url_pattern, family.print_url_pattern):
        re.compile(pattern)


def test_get_returns_families_by_name() -> None:
    assert families.get("nukeviet") is FAMILIES["nukeviet"]
    assert families.get("generic") is GENERIC
    assert set(FAMILIES) == {"nukeviet", "liferay", "aspnet", "yyyymm", "joomla", "dangcongsan",
                             "sharepoint", "websphere", "vnportal"}


def test_get_rejects_an_unknown_family() -> None:
    with pytest.raises(KeyError, match="wordpress"):
        families.get("wordpress")


def test_nukeviet_feeds_and_sitemaps() -> None:
    family = FAMILIES["nukeviet"]
    assert family.sitemap_paths == ("/sitemap.xml",)
    assert all(path.endswith("/rss/") for path in family.feed_paths)


def _first_text(family: str, field: str, html: str) -> str | None:
    """The whitespace-collapsed text of the first element the family's selector finds."""
    selector = getattr(FAMILIES[family].selectors, field)
    found = CSSSelector(selector, translator="html")(lxml.html.fromstring(html))
    return " ".join(found[0].text_content().split()) if found else None


LIFERAY_ARTICLE = (
    '<div class="{scope}"><div class="{date}">Thứ ba, 16/05/2023 09:10</div>'
    '<div class="{lead}"><strong>Sáng 15/5, hội nghị …</strong></div><p>Nội dung.</p></div>'
)


@pytest.mark.parametrize(
    ("family", "field", "html", "expected"),
    [
        # NukeViet 4: the visible 'Tác giả:' line; NukeViet 3: a right-aligned paragraph
        ("nukeviet", "author",
         '<div class="news_column"><p class="h5 text-right"><strong>Tác giả: </strong>Minh Khoa'
         "</p></div>", "Tác giả: Minh Khoa"),
        ("nukeviet", "author",
         '<div id="news_detail"><p>Nội dung.</p><p style="text-align: right;"><strong>Tác giả '
         "bài viết: </strong>Hồng Nhung</p></div>", "Tác giả bài viết: Hồng Nhung"),
        # tapchicongsan: the bold name, not the author's post on the next line
        ("liferay", "author",
         '<div class="detail"><div class="author"><strong>LÊ VĂN HÒA</strong><br>'
         "Phó Giám đốc Học viện</div></div>", "LÊ VĂN HÒA"),
        # without a bold name the whole author element is the byline
        ("liferay", "author",
         '<div class="detail"><div class="author">Nguyễn Văn An</div></div>', "Nguyễn Văn An"),
        # an academic title before the bold name stays out (text nodes are not elements)
        ("liferay", "author",
         '<div class="detail"><div class="author">PGS, TS <strong>NGUYỄN VĂN AN</strong><br>'
         "Viện Xây dựng Đảng</div></div>", "NGUYỄN VĂN AN"),
        ("liferay", "author",
         '<div class="asset-metadata"><span class="metadata-entry metadata-author">Hà Linh</span>'
         "</div>", "Hà Linh"),
        # a web content template's own class names inside the journal article
        ("liferay", "lead",
         LIFERAY_ARTICLE.format(scope="journal-content-article", date="date-news",
                                lead="news-summary"), "Sáng 15/5, hội nghị …"),
        ("liferay", "lead",
         LIFERAY_ARTICLE.format(scope="asset-full-content", date="ngay", lead="sapo-tin"),
         "Sáng 15/5, hội nghị …"),
        ("liferay", "date",
         LIFERAY_ARTICLE.format(scope="journal-content-article", date="date-news", lead="x"),
         "Thứ ba, 16/05/2023 09:10"),
        ("liferay", "date",
         '<div class="asset-full-content"><span class="metadata-modified-date">20/05/2023</span>'
         '<span class="metadata-publish-date">16/05/2023</span></div>', "16/05/2023"),
        # outside the article: a 'today's date' in the header is no candidate
        ("liferay", "date", '<div class="ngay-hien-tai date">17/05/2023</div>', None),
        ("liferay", "lead", '<div class="portlet"><div class="news-summary">Tóm tắt</div></div>',
         None),
        # vnPortal: parts named '<prefix>-summary', '<prefix>-time' inside the detail block
        ("vnportal", "date",
         '<div class="x-header"><div class="x-date">Thứ tư, 13/03/2024</div></div>'
         '<div class="x-news-detail"><span class="x-time">12/03/2024 08:20</span></div>',
         "12/03/2024 08:20"),
        ("vnportal", "lead",
         '<div class="x-news-detail"><div class="x-summary">Chiều 11/3, hội nghị …</div></div>',
         "Chiều 11/3, hội nghị …"),
        ("vnportal", "lead", '<div class="news-detail"><div class="sapo">Sáng 2/3 …</div></div>',
         "Sáng 2/3 …"),
    ],
)
def test_family_selectors_find_the_part(
    family: str, field: str, html: str, expected: str | None
) -> None:
    assert _first_text(family, field, html) == expected
