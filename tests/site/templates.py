"""Shared HTML of the site: chrome (header with today's date, menu, footer), listings, home."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from html import escape

from tests.site.draft import NEWEST, VIETNAM, ArticleSpec
from tests.site.model import CATEGORIES, Category

SITE_NAME = "Cổng Thông tin điện tử Đảng bộ tỉnh Thái Sơn"
TODAY_WIDGET = "Thứ Hai, 23/9/2019"
"""The header's 'today' date: a date that is never any article's publication date."""
CALENDAR_START = f"/lich?ngay={NEWEST:%Y-%m-%d}"
SEARCH_START = "/tim-kiem?q=ngh%E1%BB%8B+quy%E1%BA%BFt&page=1"
RSS_PATH = "/tin-tuc/rss/"
ADMIN_PATH = "/admin/"
WEEKDAYS_LOWER = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")
WEEKDAYS_TITLE = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def attr(value: str) -> str:
    """Escape a value for a double-quoted attribute."""
    return escape(value, quote=True)


def text(value: str) -> str:
    """Escape a value for a text node."""
    return escape(value, quote=False)


def local(moment: datetime) -> datetime:
    """Return ``moment`` in Vietnam time."""
    return moment.astimezone(VIETNAM)


def page_html(*, title: str, main: str, head_extra: str = "", aside: str = "") -> str:
    """Wrap ``main`` in the site chrome: head, header with today's date, menu, footer."""
    return (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{text(title)} - {text(SITE_NAME)}</title>\n"
        f'<link rel="alternate" type="application/rss+xml" title="Tin tức" href="{RSS_PATH}">\n'
        f"{head_extra}</head>\n<body>\n{_header()}\n"
        f'<div class="container"><div class="row"><main class="col-md-8">\n{main}\n</main>\n'
        f'<aside class="col-md-4">{aside}</aside></div></div>\n{_footer()}\n</body>\n</html>\n'
    )


def _header() -> str:
    items = "".join(
        f'<li><a href="{cat.listing_path}" title="{attr(cat.name)}">{text(cat.name)}</a></li>'
        for cat in CATEGORIES
    )
    return (
        '<header id="header"><div class="top-bar">'
        f'<span class="current-date"><em class="fa fa-calendar"></em> {TODAY_WIDGET}</span>'
        '<form class="search-form" action="/tim-kiem" method="get"><input type="text" name="q" '
        'placeholder="Tìm kiếm..."><button type="submit">Tìm kiếm</button></form></div>'
        f'<div class="banner"><a href="/" title="{attr(SITE_NAME)}">{text(SITE_NAME)}</a></div>'
        f'<nav class="menu-site"><ul><li><a href="/">Trang chủ</a></li>{items}'
        f'<li><a href="{attr(CALENDAR_START)}">Lịch công tác</a></li></ul></nav></header>'
    )


def _footer() -> str:
    return (
        '<footer id="footer"><div class="footer-info">'
        f"<p><strong>{text(SITE_NAME)}</strong></p>"
        "<p>Cơ quan chủ quản: Ban Tuyên giáo Tỉnh ủy Thái Sơn. Địa chỉ: số 2 đường Hoàng Văn Thụ, "
        "thành phố Thái Sơn. Điện thoại: 0208.3855.123</p>"
        "<p>Ghi rõ nguồn “Cổng Thông tin điện tử Đảng bộ tỉnh Thái Sơn” khi phát hành lại "
        "thông tin "
        "từ website này.</p></div>"
        '<p class="to-top"><a href="#header">Về đầu trang</a></p></footer>'
    )


def nukeviet_listing_date(moment: datetime) -> str:
    """Return NukeViet's listing date ('09/07/2020 18:48:18')."""
    return f"{local(moment):%d/%m/%Y %H:%M:%S}"


def central_listing_date(moment: datetime) -> str:
    """Return the central site's listing date ('18:48 09/07/2020')."""
    return f"{local(moment):%H:%M %d/%m/%Y}"


def short_date(moment: datetime) -> str:
    """Return a related-news date ('09/07/2020')."""
    return f"{local(moment):%d/%m/%Y}"


def listing_item(spec: ArticleSpec) -> str:
    """Return one listing entry in the style of its article's template."""
    truth = spec.truth
    if spec.category.template == "central":
        return (
            f'<div class="item"><a class="item-title" href="{truth.path}">{text(truth.title)}</a>'
            f' <span class="item-date">{central_listing_date(truth.published_at)}</span>'
            f'<p class="item-sapo">{text(spec.lead_prefix + truth.lead)}</p></div>'
        )
    thumb = ""
    if spec.lead_image is not None:
        thumb = (
            f'<a href="{truth.path}" title="{attr(truth.title)}"><img alt="{attr(truth.title)}" '
            f'src="{attr(spec.lead_image.src)}" width="183" class="img-thumbnail pull-left"></a>'
        )
    return (
        f'<div class="panel panel-default clearfix"><div class="panel-body">{thumb}'
        f'<h3><a href="{truth.path}" title="{attr(truth.title)}">{text(truth.title)}</a></h3>'
        '<div class="text-muted"><ul class="list-unstyled list-inline">'
        '<li><em class="fa fa-clock-o">&nbsp;</em> '
        f"{nukeviet_listing_date(truth.published_at)}</li>"
        f'<li><em class="fa fa-eye">&nbsp;</em> Đã xem: {spec.views}</li></ul></div>'
        f'<div class="text-justify">{text(spec.lead_prefix + truth.lead)}</div></div></div>'
    )


def pagination(current: int, total: int, url_of: Callable[[int], str]) -> str:
    """Return NukeViet-like page links: first, a window around ``current``, last, next."""
    if total <= 1:
        return ""
    numbers = sorted({1, total, *range(max(1, current - 2), min(total, current + 2) + 1)})
    links = [
        f'<li class="active"><span>{number}</span></li>'
        if number == current
        else f'<li><a href="{attr(url_of(number))}">{number}</a></li>'
        for number in numbers
    ]
    if current < total:
        links.append(f'<li><a href="{attr(url_of(current + 1))}" title="Trang sau">»</a></li>')
    return f'<div class="text-center"><ul class="pagination">{"".join(links)}</ul></div>'


def listing_page(
    *,
    heading: str,
    specs: Sequence[ArticleSpec],
    current: int,
    total: int,
    url_of: Callable[[int], str],
    extra: str = "",
) -> str:
    """Return a listing page (category or tag) with its pagination."""
    css = "w-list" if specs and specs[0].category.template == "central" else "news_column"
    items = "".join(listing_item(spec) for spec in specs)
    main = (
        f'<h1 class="cat-title">{text(heading)}</h1><div class="{css}">{items}</div>{extra}'
        f"{pagination(current, total, url_of)}"
    )
    suffix = f" - Trang {current}" if current > 1 else ""
    return page_html(title=heading + suffix, main=main)


def home_page(specs: Sequence[ArticleSpec], featured: Sequence[tuple[str, str]]) -> str:
    """Return the home page: latest news, featured links, one block per category, admin link."""
    latest = "".join(listing_item(spec) for spec in specs[:10])
    featured_items = "".join(
        f'<li><a href="{attr(href)}">{text(title)}</a></li>' for href, title in featured
    )
    blocks = "".join(_category_block(cat, specs) for cat in CATEGORIES)
    main = (
        f'<section class="featured"><h2>Tin nổi bật</h2><ul>{featured_items}</ul></section>'
        f'<section class="latest"><h2>Tin mới nhất</h2>{latest}</section>{blocks}'
        '<section class="tools"><ul>'
        f'<li><a href="{RSS_PATH}">RSS</a></li>'
        f'<li><a href="{attr(SEARCH_START)}">Tra cứu nghị quyết</a></li>'
        f'<li><a href="{ADMIN_PATH}" rel="nofollow">Đăng nhập quản trị</a></li></ul></section>'
    )
    return page_html(title="Trang chủ", main=main)


def _category_block(category: Category, specs: Sequence[ArticleSpec]) -> str:
    mine = [spec for spec in specs if spec.category == category][:3]
    items = "".join(
        f'<li><a href="{spec.truth.path}">{text(spec.truth.title)}</a> '
        f"<em>({short_date(spec.truth.published_at)})</em></li>"
        for spec in mine
    )
    return (
        f'<section class="block-cat"><h2><a href="{category.listing_path}">{text(category.name)}'
        f'</a></h2><ul>{items}</ul><a class="more" href="{category.listing_path}">Xem tiếp...</a>'
        "</section>"
    )


def simple_page(title: str, message: str) -> str:
    """Return a chrome-wrapped page carrying one message (admin login, errors)."""
    return page_html(title=title, main=f"<h1>{text(title)}</h1><p>{text(message)}</p>")
