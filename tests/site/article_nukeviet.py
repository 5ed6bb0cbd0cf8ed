"""A provincial portal article in the NukeViet 'news' module layout, and its print view."""

from __future__ import annotations

from collections.abc import Sequence

from tests.site.draft import ArticleSpec
from tests.site.model import BASE, ImageTruth
from tests.site.templates import (
    WEEKDAYS_LOWER,
    attr,
    local,
    page_html,
    short_date,
    text,
)
from tests.site.vocabulary import TAGS


def print_path(spec: ArticleSpec) -> str:
    """Return the print view path of a NukeViet article."""
    return spec.truth.path.replace("/tin-tuc/", "/tin-tuc/print/", 1)


def visible_date(spec: ArticleSpec) -> str:
    """Return the detail page's visible date ('Thứ năm - 09/07/2020 18:48')."""
    moment = spec.local_time
    return f"{WEEKDAYS_LOWER[moment.weekday()]} - {moment:%d/%m/%Y %H:%M}"


def nukeviet_article(
    spec: ArticleSpec, newer: Sequence[ArticleSpec], older: Sequence[ArticleSpec]
) -> str:
    """Return the detail page of a NukeViet article with its related-news blocks."""
    truth = spec.truth
    main = (
        f'<ul class="breadcrumbs"><li><a href="/">Trang chủ</a></li><li><a href="'
        f'{spec.category.listing_path}">{text(spec.category.name)}</a></li></ul>'
        '<div class="news_column panel panel-default" '
        'itemtype="http://schema.org/NewsArticle" itemscope>'
        f'<div class="panel-body">{_headline(spec)}{_lead_block(spec)}'
        f'<div id="news-bodyhtml" class="bodytext margin-bottom-lg">{_body(spec)}</div>'
        f"{_signature(spec)}</div></div>{_attachment(spec)}{_tags(spec)}{_rating(spec)}"
        f"{_share(spec)}{_comments()}{_other_news(newer, older)}"
    )
    return page_html(title=truth.title, main=main, head_extra=_head(spec))


def _head(spec: ArticleSpec) -> str:
    truth = spec.truth
    head = (
        f'<link rel="canonical" href="{BASE}{truth.path}">\n'
        f'<meta name="description" content="{attr(spec.lead_prefix + truth.lead)}">\n'
        f'<meta property="og:title" content="{attr(truth.title)}">\n'
        '<meta property="og:type" content="article">\n'
        f'<meta property="og:url" content="{BASE}{truth.path}">\n'
    )
    if spec.lead_image is not None:
        head += f'<meta property="og:image" content="{BASE}{spec.lead_image.src}">\n'
    if spec.broken_meta:
        # NukeViet formats this with PHP's date('Y-m-dTH:i:s'): 'T' prints the zone abbreviation.
        head += (
            '<meta property="article:published_time" '
            f'content="{spec.local_time:%Y-%m-%d}+07{spec.local_time:%H:%M:%S}">\n'
        )
    return head


def _headline(spec: ArticleSpec) -> str:
    truth = spec.truth
    iso = spec.local_time.isoformat()
    author = ""
    if truth.authors:
        author = (
            '<span class="hidden d-none" itemprop="author" itemscope '
            'itemtype="http://schema.org/Person">'
            f'<span itemprop="name">{text(", ".join(truth.authors))}</span></span>'
        )
    return (
        f'<h1 class="title margin-bottom-lg" itemprop="headline">{text(truth.title)}</h1>'
        f'<span class="hidden d-none" itemprop="datePublished">{iso}</span>'
        f"{author}"
        '<div class="row margin-bottom-lg"><div class="col-md-12">'
        f'<span class="h5">{visible_date(spec)}'
        f'</span></div><div class="col-md-12"><ul class="list-inline text-right">'
        f'<li><a class="dimgray" rel="nofollow" title="In ra" href="{print_path(spec)}">'
        '<em class="fa fa-print"></em> In ra</a></li></ul></div></div>'
    )


def _lead_block(spec: ArticleSpec) -> str:
    figure = ""
    if spec.lead_image is not None:
        image = spec.lead_image
        figure = (
            f'<figure class="article left pointer"><img alt="{attr(spec.truth.title)}" '
            f'src="{attr(image.src)}" width="460" class="img-thumbnail">'
            f"<figcaption>{text(image.caption)}</figcaption></figure>"
        )
    lead = text(spec.lead_prefix + spec.truth.lead)
    return (
        f'<div class="clearfix">{figure}'
        f'<div class="hometext m-bottom" itemprop="description">{lead}</div></div>'
    )


def _figure(image: ImageTruth) -> str:
    return (
        f'<figure class="image"><img alt="" src="{attr(image.src)}" width="800">'
        f"<figcaption>{text(image.caption)}</figcaption></figure>"
    )


def _body(spec: ArticleSpec) -> str:
    images = dict(spec.body_images)
    parts: list[str] = []
    for index, paragraph in enumerate(spec.truth.paragraphs):
        if index in images:
            parts.append(_figure(images[index]))
        dateline = spec.truth.dateline
        if index == 0 and dateline is not None:
            rest = paragraph[len(dateline.raw) :]
            parts.append(
                '<p style="text-align:justify">'
                f"<strong>{text(dateline.raw)}</strong>{text(rest)}</p>"
            )
        else:
            parts.append(f'<p style="text-align:justify">{text(paragraph)}</p>')
    if spec.byline is not None:
        parts.append(f'<p style="text-align:right"><strong>{text(spec.byline)}</strong></p>')
    return "\n".join(parts)


def _signature(spec: ArticleSpec) -> str:
    lines = ""
    if spec.author_field is not None:
        lines += f'<p class="h5 text-right"><strong>Tác giả: </strong>{text(spec.author_field)}</p>'
    if spec.truth.source is not None:
        lines += (
            f'<p class="h5 text-right"><strong>Nguồn tin: </strong>{text(spec.truth.source)}</p>'
        )
    return lines


def _attachment(spec: ArticleSpec) -> str:
    if spec.attachment is None:
        return ""
    return (
        '<div class="news_column panel panel-default">'
        '<div class="panel-heading">File đính kèm</div>'
        f'<div class="panel-body"><a href="{spec.attachment}" title="Tải về">'
        '<em class="fa fa-file-pdf-o"></em> Kế hoạch triển khai (PDF)</a></div></div>'
    )


def _tags(spec: ArticleSpec) -> str:
    alias_of = {name: alias for alias, name in TAGS}
    links = ", ".join(
        f'<a title="{attr(tag)}" href="/tin-tuc/tag/{alias_of[tag]}"><em>{text(tag)}</em></a>'
        for tag in spec.truth.tags
    )
    return (
        '<div class="news_column panel panel-default"><div class="panel-body">'
        '<div class="h5"><em class="fa fa-tags">&nbsp;</em>'
        f"<strong>Tags: </strong>{links}</div></div></div>"
    )


def _rating(spec: ArticleSpec) -> str:
    votes = spec.views % 7 + 1
    score = votes * 4
    stars = "".join(
        f'<input class="hover-star" type="radio" value="{value}" title="Bài viết {label}">'
        for value, label in enumerate(("rất kém", "kém", "bình thường", "tốt", "rất tốt"), start=1)
    )
    return (
        '<div class="news_column panel panel-default"><div class="panel-body">'
        '<form id="form3B" action=""><div class="h5 clearfix">'
        f'<p id="stringrating">Tổng số điểm của bài viết là: {score} trong '
        f"{votes} đánh giá</p><p>Xếp hạng: 4 - {votes} phiếu bầu</p>{stars}"
        '<span id="hover-test">Click để đánh giá bài viết</span></div></form></div></div>'
    )


def _share(spec: ArticleSpec) -> str:
    url = f"{BASE}{spec.truth.path}"
    return (
        '<div class="news_column panel panel-default"><div class="panel-body socialicon">'
        f'<div class="fb-like" data-href="{url}" data-layout="button_count" '
        'data-share="true"></div>'
        f'<div class="zalo-share-button" data-href="{url}" data-oaid="5790192840396640111" '
        'data-layout="1" data-color="blue"></div></div></div>'
    )


def _comments() -> str:
    return (
        '<div id="idcomment" class="nv-fullbg"><h3 class="comment-title">Ý kiến bạn đọc</h3>'
        '<form method="post" class="comment-form"><p>Gửi bình luận của bạn</p>'
        '<input type="text" name="name" placeholder="Tên của bạn">'
        '<input type="email" name="email" placeholder="Email"><textarea name="content"></textarea>'
        '<label>Mã an toàn</label><input type="text" name="code" maxlength="6">'
        '<button type="button" class="refresh" title="Thay mới">Thay mới</button>'
        '<input type="reset" value="Thiết lập lại"><input type="submit" value="Gửi bình luận">'
        "</form></div>"
    )


def _related_list(heading: str, specs: Sequence[ArticleSpec]) -> str:
    if not specs:
        return ""
    items = "".join(
        f'<li><em class="fa fa-angle-right">&nbsp;</em><a href="{spec.truth.path}" '
        f'title="{attr(spec.truth.title)}">{text(spec.truth.title)}</a> '
        f"<em>({short_date(spec.truth.published_at)})</em></li>"
        for spec in specs
    )
    return (
        f'<p class="h3"><strong>{heading}</strong></p><ul class="related list-items">{items}</ul>'
    )


def _other_news(newer: Sequence[ArticleSpec], older: Sequence[ArticleSpec]) -> str:
    blocks = _related_list("Những tin mới hơn", newer) + _related_list("Những tin cũ hơn", older)
    if not blocks:
        return ""
    return (
        '<div class="news_column panel panel-default">'
        f'<div class="panel-body other-news">{blocks}</div></div>'
    )


def print_view(spec: ArticleSpec) -> str:
    """Return the print view: the same article in a bare layout, marked noindex."""
    truth = spec.truth
    moment = local(truth.published_at)
    return (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
        '<meta name="robots" content="noindex, nofollow">'
        f'<link rel="canonical" href="{BASE}{truth.path}">'
        f'<title>{text(truth.title)}</title></head><body onload="window.print()">'
        f'<div id="print"><h1 class="title">{text(truth.title)}</h1>'
        f'<p class="time">{moment:%d/%m/%Y %H:%M}</p>'
        f'<div class="hometext">{text(spec.lead_prefix + truth.lead)}</div>'
        f'<div class="bodytext">{_body(spec)}</div>{_signature(spec)}'
        f'<p class="copyright">URL của bài viết: {BASE}{truth.path}</p></div></body></html>\n'
    )
