"""Builds the local test site, pages and ground truth, from an article count and a seed (pure)."""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Mapping, Sequence
from datetime import datetime
from email.utils import format_datetime

from tests.site import feeds, traps
from tests.site.article_central import central_article, sidebar
from tests.site.article_nukeviet import nukeviet_article, print_path, print_view
from tests.site.draft import OLDEST, ArticleSpec, draft_articles
from tests.site.model import BASE, CATEGORIES, BadKind, Category, Page, Site, html_page
from tests.site.newer import draft_newer, recent_times
from tests.site.templates import (
    ADMIN_PATH,
    RSS_PATH,
    home_page,
    listing_page,
    nukeviet_listing_date,
    simple_page,
    text,
)
from tests.site.vocabulary import TAGS

PAGE_SIZE = 5
TRACKING_QUERY = "?utm_source=rss#comments"
BAD_PAGES: tuple[tuple[str, BadKind, str], ...] = (
    (
        "/tin-tuc/xay-dung-dang/thong-bao-ket-luan-hoi-nghi-900001.html",
        "empty",
        "Thông báo kết luận hội nghị",
    ),
    ("/tin-tuc/xay-dung-dang/van-ban-chi-dao-900002.html", "not-html", "Văn bản chỉ đạo"),
    (
        "/tin-tuc/xay-dung-dang/toan-van-bao-cao-chinh-tri-900003.html",
        "huge",
        "Toàn văn báo cáo chính trị",
    ),
    ("/tin-tuc/xay-dung-dang/ky-yeu-dai-hoi-900004.html", "truncated", "Kỷ yếu đại hội"),
    ("/tin-tuc/xay-dung-dang/le-ky-niem-thanh-lap-dang-900005.html", "server-error", "Lễ kỷ niệm"),
    ("/tin-tuc/xay-dung-dang/bai-viet-da-go-900006.html", "not-found", "Bài viết đã gỡ"),
)
"""(path, kind, title): the bad pages listed on the first page of the first category."""


def build_site(
    article_count: int = 24, *, seed: int = 0, now: datetime | None = None, recent: int = 0
) -> Site:
    """Return the deterministic test site with ``article_count`` articles (newest first).

    With ``now``, the newest ``recent`` of them are published in the last days before ``now``
    (inside the default 7-day revalidation window); the others keep the 2020–2024 archive dates.
    """
    if recent and now is None:
        raise ValueError("recent articles need `now`")
    specs = draft_articles(article_count - recent, seed)
    if recent and now is not None:
        specs = draft_newer(specs, recent_times(now, recent), seed) + specs
    pages: dict[str, Page] = {}
    add_article_pages(pages, specs)
    add_assets(pages, specs)
    aliases = current_aliases(specs)
    for alias, canonical in aliases.items():
        pages[alias] = pages[canonical]
    add_indexes(pages, specs, aliases)
    pages[ADMIN_PATH] = html_page(
        simple_page("Đăng nhập quản trị", "Vui lòng đăng nhập để tiếp tục.")
    )
    _add_bad_pages(pages)
    nukeviet = [spec for spec in specs if spec.category.template == "nukeviet"]
    return Site(
        pages=pages,
        articles=[spec.truth for spec in specs],
        bad_pages={path: kind for path, kind, _title in BAD_PAGES},
        aliases=aliases,
        print_views={print_path(spec): spec.truth.path for spec in nukeviet},
        disallowed=(ADMIN_PATH,),
        traps=(traps.CALENDAR_PATH, traps.SEARCH_PATH),
        attachments=tuple(spec.attachment for spec in specs if spec.attachment),
        trap_renderer=traps.render_trap,
        specs=tuple(specs),
    )


def add_indexes(
    pages: dict[str, Page], specs: Sequence[ArticleSpec], featured: Mapping[str, str]
) -> None:
    """Add the pages listing articles: listings, tags, home (``featured`` aliases), feeds."""
    for category in CATEGORIES:
        _add_listing(pages, category, [spec for spec in specs if spec.category == category])
    _add_tag_pages(pages, specs)
    pages["/"] = html_page(home_page(specs, _featured(specs, featured)))
    _add_feeds(pages, specs)


def etag_of(body: bytes) -> str:
    """Return the strong ETag the site sends for an article body."""
    return '"' + hashlib.sha256(body).hexdigest()[:24] + '"'


def _article_page(markup: str, spec: ArticleSpec) -> Page:
    body = markup.encode()
    return Page(
        200,
        {
            "Content-Type": "text/html; charset=utf-8",
            "ETag": etag_of(body),
            "Last-Modified": format_datetime(spec.truth.published_at, usegmt=True),
            "Cache-Control": "max-age=0, must-revalidate",
        },
        body,
    )


def add_article_pages(
    pages: dict[str, Page], specs: Sequence[ArticleSpec], only: Collection[int] | None = None
) -> None:
    """Add the article pages (and print views) of ``specs``, or of the ids in ``only``."""
    by_category: dict[Category, list[ArticleSpec]] = {}
    for spec in specs:
        by_category.setdefault(spec.category, []).append(spec)
    most_read = sorted(specs, key=lambda spec: (-spec.views, spec.truth.article_id))[:5]
    side = sidebar(specs[:5], most_read)
    for siblings in by_category.values():
        for position, spec in enumerate(siblings):
            if only is not None and spec.truth.article_id not in only:
                continue
            newer = siblings[max(0, position - 3) : position][::-1]
            older = siblings[position + 1 : position + 4]
            if spec.category.template == "nukeviet":
                markup = nukeviet_article(spec, newer, older)
                pages[print_path(spec)] = html_page(print_view(spec))
            else:
                markup = central_article(spec, older or newer, side)
            pages[spec.truth.path] = _article_page(markup, spec)


def add_assets(pages: dict[str, Page], specs: Sequence[ArticleSpec]) -> None:
    """Add the images and attachments of ``specs``."""
    image = Page(200, {"Content-Type": "image/png"}, traps.png_bytes())
    for spec in specs:
        for picture in spec.truth.images:
            pages[picture.src.removeprefix(BASE)] = image
        if spec.attachment:
            pages[spec.attachment] = Page(
                200, {"Content-Type": "application/pdf"}, traps.pdf_bytes()
            )


def _add_listing(pages: dict[str, Page], category: Category, specs: Sequence[ArticleSpec]) -> None:
    total = max(1, -(-len(specs) // PAGE_SIZE))
    for number in range(1, total + 1):
        chunk = specs[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
        extra = _bad_links() if number == 1 and category == CATEGORIES[0] else ""
        markup = listing_page(
            heading=category.name,
            specs=chunk,
            current=number,
            total=total,
            url_of=category.page_path,
            extra=extra,
        )
        pages[category.page_path(number)] = html_page(markup)


def _bad_links() -> str:
    items = "".join(
        f'<li><a href="{path}">{text(title)}</a> <span>{nukeviet_listing_date(OLDEST)}</span></li>'
        for path, _kind, title in BAD_PAGES
    )
    return f'<div class="other-links"><h2>Tin khác</h2><ul>{items}</ul></div>'


def _add_tag_pages(pages: dict[str, Page], specs: Sequence[ArticleSpec]) -> None:
    for alias, name in TAGS:
        tagged = [spec for spec in specs if name in spec.truth.tags]
        total = max(1, -(-len(tagged) // PAGE_SIZE))

        def url_of(number: int, alias: str = alias) -> str:
            return f"/tin-tuc/tag/{alias}" + (f"/page-{number}" if number > 1 else "")

        for number in range(1, total + 1):
            chunk = tagged[(number - 1) * PAGE_SIZE : number * PAGE_SIZE]
            markup = listing_page(
                heading=f"Tags: {name}", specs=chunk, current=number, total=total, url_of=url_of
            )
            pages[url_of(number)] = html_page(markup)


def current_aliases(specs: Sequence[ArticleSpec]) -> dict[str, str]:
    """Return the alternate URLs of the newest NukeViet articles → their canonical paths."""
    nukeviet = [spec for spec in specs if spec.category.template == "nukeviet"]
    aliases: dict[str, str] = {}
    if nukeviet:
        path = nukeviet[0].truth.path
        aliases[path + TRACKING_QUERY.split("#", 1)[0]] = path
    if len(nukeviet) > 1:
        spec = nukeviet[1]
        op = spec.truth.path.removeprefix("/tin-tuc/").removesuffix(".html")
        aliases[f"/index.php?language=vi&nv=tin-tuc&op={op}"] = spec.truth.path
    return aliases


def _featured(specs: Sequence[ArticleSpec], aliases: Mapping[str, str]) -> list[tuple[str, str]]:
    titles = {spec.truth.path: spec.truth.title for spec in specs}
    featured: list[tuple[str, str]] = []
    for alias, canonical in aliases.items():
        href = alias + "#comments" if "utm_source" in alias else alias
        featured.append((href, titles[canonical]))
    return featured


def _add_feeds(pages: dict[str, Page], specs: Sequence[ArticleSpec]) -> None:
    xml = {"Content-Type": "application/xml; charset=utf-8"}
    pages["/robots.txt"] = Page(
        200, {"Content-Type": "text/plain; charset=utf-8"}, feeds.robots_txt().encode()
    )
    children = []
    for template in ("nukeviet", "central"):
        mine = [spec for spec in specs if spec.category.template == template]
        children.append((feeds.sitemap_path(template), mine))
        pages[feeds.sitemap_path(template)] = Page(200, xml, feeds.urlset(mine).encode())
    pages[feeds.SITEMAP_INDEX] = Page(200, xml, feeds.sitemap_index(children).encode())
    rss_headers = {"Content-Type": "application/rss+xml; charset=utf-8"}
    pages[RSS_PATH] = Page(200, rss_headers, feeds.rss(specs).encode())


def _add_bad_pages(pages: dict[str, Page]) -> None:
    html = {"Content-Type": "text/html; charset=utf-8"}
    for path, kind, _title in BAD_PAGES:
        if kind == "empty":
            pages[path] = Page(200, html, b"")
        elif kind == "not-html":
            pages[path] = Page(200, {"Content-Type": "image/png"}, traps.png_bytes())
        elif kind == "huge":
            pages[path] = traps.huge_page()
        elif kind == "truncated":
            pages[path] = traps.truncated_page()
        elif kind == "server-error":
            pages[path] = html_page(
                simple_page("Lỗi máy chủ", "Đã có lỗi xảy ra, vui lòng thử lại sau."), 500
            )
