"""Tests of the local test site: determinism, dates as printed, and the truth against the pages."""

from __future__ import annotations

import dataclasses
import time
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import lxml.etree
import lxml.html
import pytest

from tests.site import ArticleTruth, Site, build_site
from tests.site.article_central import visible_date as central_visible_date
from tests.site.article_nukeviet import nukeviet_article
from tests.site.article_nukeviet import visible_date as nukeviet_visible_date
from tests.site.draft import ArticleSpec, draft_articles, fold, slugify
from tests.site.vocabulary import BYLINE_PARAGRAPHS
from tests.site_tests.helpers import BASE, links_in, served_text, site_of, target_of

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

# --- the generator ---------------------------------------------------------------------------


def test_generator_is_deterministic() -> None:
    first, second = build_site(24, seed=0), build_site(24, seed=0)
    assert first.articles == second.articles
    assert {key: page.body for key, page in first.pages.items()} == {
        key: page.body for key, page in second.pages.items()
    }
    assert build_site(24, seed=1).articles != first.articles


@pytest.mark.parametrize("count", [1, 2, 24, 61])
def test_article_count_ids_and_dates(count: int) -> None:
    articles = site_of(count).articles
    assert len(articles) == count
    assert len({article.path for article in articles}) == count
    assert len({article.title for article in articles}) == count
    ids = [article.article_id for article in articles]
    assert ids == sorted(ids, reverse=True)
    times = [article.published_at for article in articles]
    assert times == sorted(times, reverse=True)
    assert all(time.utcoffset() == UTC.utcoffset(None) for time in times)
    assert (
        datetime(2020, 1, 1, tzinfo=UTC) <= times[-1] <= times[0] < datetime(2024, 7, 1, tzinfo=UTC)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12",
            "hoi-nghi-ban-chap-hanh-dang-bo-tinh-lan-thu-12",
        ),
        ("Kết nạp 40 đảng viên mới (đợt 3)", "ket-nap-40-dang-vien-moi-dot-3"),
        ("Chỉ thị số 05-CT/TW", "chi-thi-so-05-ct-tw"),
    ],
)
def test_slugify(text: str, expected: str) -> None:
    assert slugify(text) == expected


def test_fold_removes_diacritics_and_d_stroke() -> None:
    assert fold("Đảng ủy Khối") == "Dang uy Khoi"


def test_both_templates_and_every_variant_occur() -> None:
    articles = site_of(61).articles
    assert {article.template for article in articles} == {"nukeviet", "central"}
    assert {article.precision for article in articles} == {"second", "minute"}
    assert any(article.dateline is None for article in articles)
    assert any(article.dateline is not None for article in articles)
    assert any(not article.authors for article in articles)
    assert any(len(article.authors) == 2 for article in articles)
    assert any(article.source is not None for article in articles)
    assert {a.source_tag for a in articles if a.template == "central"} == {"ĐCSVN"}


def test_body_sizes_stay_in_range() -> None:
    sizes = [len(article.body.encode()) for article in site_of(61).articles]
    assert min(sizes) > 1000
    assert max(sizes) < 6000
    assert 2000 < sum(sizes) / len(sizes) < 4000


def test_builds_two_thousand_articles_quickly() -> None:
    started = time.perf_counter()
    site = build_site(2000)
    assert time.perf_counter() - started < 10
    assert len(site.articles) == 2000


# --- dates as the pages print them (worked out by hand: 9 July 2020 was a Thursday) ----------


def _with_time(template: str, local: datetime) -> ArticleSpec:
    spec = next(spec for spec in draft_articles(8, 0) if spec.category.template == template)
    truth = dataclasses.replace(spec.truth, published_at=local.astimezone(UTC))
    return dataclasses.replace(spec, truth=truth)


def test_nukeviet_dates_as_printed() -> None:
    spec = _with_time("nukeviet", datetime(2020, 7, 9, 18, 48, 18, tzinfo=VIETNAM))
    spec = dataclasses.replace(spec, broken_meta=True)
    assert nukeviet_visible_date(spec) == "Thứ năm - 09/07/2020 18:48"
    page = nukeviet_article(spec, [], [])
    assert 'content="2020-07-09+0718:48:18"' in page
    assert '<span class="hidden d-none" itemprop="datePublished">2020-07-09T18:48:18+07:00' in page


def test_central_date_as_printed() -> None:
    spec = _with_time("central", datetime(2024, 6, 23, 7, 5, tzinfo=VIETNAM))
    assert central_visible_date(spec) == "Chủ Nhật, 23/06/2024 07:05"


# --- the ground truth against the pages -----------------------------------------------------


def _texts(tree: lxml.html.HtmlElement, xpath: str) -> list[str]:
    return [" ".join(node.text_content().split()) for node in tree.xpath(xpath)]


def _check_article(site: Site, article: ArticleTruth) -> None:
    tree = lxml.html.fromstring(served_text(site, article.path))
    assert tree.xpath("//link[@rel='canonical']/@href") == [article.url(BASE)]
    prefix = f"{article.source_tag} - " if article.source_tag else ""
    if article.template == "nukeviet":
        assert _texts(tree, "//h1[@itemprop='headline']") == [article.title]
        assert _texts(tree, "//div[contains(@class,'hometext')]") == [prefix + article.lead]
        body = _texts(tree, "//div[@id='news-bodyhtml']/p")
        captions = _texts(tree, "//figure/figcaption")
        stamp = tree.xpath("//span[@itemprop='datePublished']/text()")[0]
        assert datetime.fromisoformat(stamp) == article.published_at
        tags = _texts(tree, "//div[@class='h5']/a")
    else:
        prefix = f"({article.source_tag}) - "
        assert _texts(tree, "//h1") == [article.title]
        assert _texts(tree, "//div[@class='post-summary']") == [prefix + article.lead]
        body = _texts(tree, "//div[@class='post-content']/p")
        captions = _texts(tree, "//td[@class='image_desc']")
        tags = _texts(tree, "//div[@class='post-tag']/a")
    assert body[: len(article.paragraphs)] == article.paragraphs
    signature = _texts(tree, "//p[@class='h5 text-right']")
    extra = body[len(article.paragraphs) :]
    if extra:
        printed = {byline for byline, names in BYLINE_PARAGRAPHS if list(names) == article.authors}
        assert extra[0] in printed
        assert len(extra) == 1
    elif article.authors:
        assert signature[0] == "Tác giả: " + ", ".join(article.authors)
    if article.source is not None:
        assert signature[-1] == "Nguồn tin: " + article.source
    assert captions == [image.caption for image in article.images]
    assert tags == article.tags
    if article.dateline is not None:
        assert body[0].startswith(article.dateline.raw + ", ")


@pytest.mark.parametrize("count", [24, 61])
def test_truth_matches_the_pages(count: int) -> None:
    site = site_of(count)
    for article in site.articles:
        _check_article(site, article)


def test_images_are_served() -> None:
    site = site_of(24)
    images = [image for article in site.articles for image in article.images]
    assert images
    for image in images:
        page = site.resolve(target_of(image.url(BASE)))
        assert page is not None
        assert page.headers["Content-Type"] == "image/png"


def test_aliases_and_print_views_point_to_the_canonical_article() -> None:
    site = site_of(24)
    assert len(site.aliases) == 2
    for alias, canonical in site.aliases.items():
        assert served_text(site, alias) == served_text(site, canonical)
    home = links_in(site, "/")
    assert any("utm_source=rss" in url for url in home)
    for view, canonical in site.print_views.items():
        tree = lxml.html.fromstring(served_text(site, view))
        assert tree.xpath("//meta[@name='robots']/@content") == ["noindex, nofollow"]
        assert tree.xpath("//link[@rel='canonical']/@href") == [BASE + canonical]
    assert len(site.print_views) == sum(a.template == "nukeviet" for a in site.articles)


def test_pdf_attachment_is_linked_from_an_article() -> None:
    site = site_of(24)
    (pdf,) = site.attachments
    page = site.resolve(pdf)
    assert page is not None
    assert page.headers["Content-Type"] == "application/pdf"
    assert page.body.startswith(b"%PDF-")
    assert any(BASE + pdf in links_in(site, article.path) for article in site.articles)


def test_header_date_is_never_a_publication_date() -> None:
    site = site_of(24)
    assert "Thứ Hai, 23/9/2019" in served_text(site, site.articles[0].path)
    assert all(article.published_at.year >= 2020 for article in site.articles)
