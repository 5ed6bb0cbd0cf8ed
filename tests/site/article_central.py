"""A central party newspaper article, laid out like dangcongsan.vn's custom CMS."""

from __future__ import annotations

import json
from collections.abc import Sequence

from tests.site.draft import ArticleSpec
from tests.site.model import BASE, ImageTruth
from tests.site.templates import (
    WEEKDAYS_TITLE,
    attr,
    central_listing_date,
    page_html,
    short_date,
    text,
)
from tests.site.vocabulary import TAGS


def visible_date(spec: ArticleSpec) -> str:
    """Return the visible date ('Thứ Năm, 09/07/2020 18:48')."""
    moment = spec.local_time
    return f"{WEEKDAYS_TITLE[moment.weekday()]}, {moment:%d/%m/%Y %H:%M}"


def central_article(
    spec: ArticleSpec,
    related: Sequence[ArticleSpec],
    sidebar: str,
) -> str:
    """Return a central article page; ``sidebar`` holds 'Tin mới' / 'Tin xem nhiều'."""
    truth = spec.truth
    main = (
        '<div class="breadcrumb"><a href="/">Trang chủ</a> / '
        f'<a href="{spec.category.listing_path}">'
        f"{text(spec.category.name)}</a></div>"
        f'<div class="detail-post"><h1 class="post-title">{text(truth.title)}</h1>'
        '<div class="post-subinfo-wrap">'
        f'<span class="post-subinfo">{visible_date(spec)}</span></div>'
        f'<div class="post-summary"><p>{text(spec.lead_prefix + truth.lead)}</p></div>'
        f'<div class="post-content">{_body(spec)}</div>{_tags(spec)}'
        f"{_related(related)}</div>"
    )
    return page_html(title=truth.title, main=main, head_extra=_head(spec), aside=sidebar)


def _head(spec: ArticleSpec) -> str:
    truth = spec.truth
    head = (
        f'<link rel="canonical" href="{BASE}{truth.path}">\n'
        f'<meta name="description" content="{attr(spec.lead_prefix + truth.lead)}">\n'
        f'<meta property="og:title" content="{attr(truth.title)}">\n'
    )
    if spec.json_ld:
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": truth.title,
            "description": truth.lead,
            "mainEntityOfPage": f"{BASE}{truth.path}",
            "datePublished": spec.local_time.isoformat(),
            "articleSection": truth.section,
            "publisher": {"@type": "Organization", "name": "Báo điện tử Đảng bộ tỉnh Thái Sơn"},
        }
        payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
        head += f'<script type="application/ld+json">{payload}</script>\n'
    return head


def _image_table(image: ImageTruth) -> str:
    return (
        '<table class="image center"><tbody><tr><td>'
        f'<img src="{attr(image.src)}" alt="{attr(image.caption)}"></td></tr>'
        f'<tr><td class="image_desc">{text(image.caption)}</td></tr></tbody></table>'
    )


def _body(spec: ArticleSpec) -> str:
    images: dict[int, list[ImageTruth]] = {}
    for index, image in spec.body_images:
        images.setdefault(index, []).append(image)
    parts: list[str] = []
    for index, paragraph in enumerate(spec.truth.paragraphs):
        parts.extend(_image_table(image) for image in images.get(index, []))
        parts.append(f"<p>{text(paragraph)}</p>")
    if spec.byline is not None:
        parts.append(f'<p style="text-align:right"><strong>{text(spec.byline)}</strong></p>')
    return "\n".join(parts)


def _tags(spec: ArticleSpec) -> str:
    alias_of = {name: alias for alias, name in TAGS}
    links = " ".join(
        f'<a href="/tin-tuc/tag/{alias_of[tag]}" title="{attr(tag)}">{text(tag)}</a>'
        for tag in spec.truth.tags
    )
    return f'<div class="post-tag"><span>Từ khóa:</span> {links}</div>'


def _related(related: Sequence[ArticleSpec]) -> str:
    if not related:
        return ""
    items = "".join(
        f'<li><a href="{spec.truth.path}">{text(spec.truth.title)}</a> '
        f'<span class="date">({short_date(spec.truth.published_at)})</span></li>'
        for spec in related
    )
    return f'<div class="related-box"><h3>Tin liên quan</h3><ul>{items}</ul></div>'


def sidebar(latest: Sequence[ArticleSpec], most_read: Sequence[ArticleSpec]) -> str:
    """Return the sidebar boxes 'Tin mới' and 'Tin xem nhiều' with their listing dates."""
    return _box("Tin mới", latest) + _box("Tin xem nhiều", most_read)


def _box(heading: str, specs: Sequence[ArticleSpec]) -> str:
    items = "".join(
        f'<li><a href="{spec.truth.path}">{text(spec.truth.title)}</a>'
        f'<span class="time">{central_listing_date(spec.truth.published_at)}</span></li>'
        for spec in specs
    )
    return f'<div class="box-news"><h3 class="box-title">{heading}</h3><ul>{items}</ul></div>'
