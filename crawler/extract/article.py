"""``parse_article``: the raw bytes of one page to a clean ``Article`` (or ``NotAnArticle``)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from lxml.html import HtmlElement

from crawler.extract.body import (
    extract_lines,
    find_body_container,
    find_lead_element,
    find_title_element,
)
from crawler.extract.boilerplate import drop_boilerplate
from crawler.extract.dates import (
    find_visible_date,
    modified_candidates,
    published_candidates,
    split_title_stamp,
    time_datetimes,
)
from crawler.extract.document import NotAnArticle, load_page
from crawler.extract.fields import (
    language_of,
    listing_reason,
    read_author_element,
    read_section,
    read_source_line,
    read_tags,
)
from crawler.extract.images import take_images
from crawler.extract.metadata import PageMeta, read_metadata
from crawler.extract.nodes import PageIndex, collapse_spaces, remove, select, text_of
from crawler.extract.urls import canonicalize_url, choose_canonical, is_home_url, site_host
from crawler.items import Article, Image
from crawler.sites.base import SiteProfile
from normalize.bylines import split_byline
from normalize.datelines import dateline_stamp, find_dateline
from normalize.published import choose_modified, choose_published
from normalize.residue import split_source_tag, strip_residue
from normalize.text import clean_paragraphs, clean_text

TITLE_SUFFIX = re.compile(r"\s+[-|–—:]\s+[^-|–—:]{2,60}$")


@dataclass(slots=True)
class _Text:
    """The text parts of the article after normalization."""

    lead: str
    paragraphs: list[str]
    authors: list[str]
    source: str | None
    source_tag: str | None
    captions: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _key(text: str) -> str:
    return collapse_spaces(text).casefold()


def _pick_title(element: HtmlElement | None, meta: PageMeta) -> str:
    if element is not None and text_of(element):
        return text_of(element)
    if meta.og_title or meta.title:
        return meta.og_title or meta.title or ""
    return TITLE_SUFFIX.sub("", meta.html_title or "")


def _normalize_text(lines: list[str], lead_raw: str, titles: tuple[str, ...],
                    meta: PageMeta) -> _Text:
    cleaned = clean_paragraphs(lines)
    residue = strip_residue(cleaned.paragraphs)
    lead = clean_text(lead_raw) if lead_raw else ""
    paragraphs = list(residue.paragraphs)
    description = clean_text(meta.description) if meta.description else ""
    if not lead and description and paragraphs and _key(description) == _key(paragraphs[0]):
        lead = paragraphs[0]
    unwanted = ({_key(title) for title in titles} | {_key(lead)}) - {""}
    paragraphs = [paragraph for paragraph in paragraphs if _key(paragraph) not in unwanted]
    paragraphs, byline = split_byline(paragraphs)
    source_tag = None
    if lead:
        source_tag, lead = split_source_tag(lead)
    elif paragraphs:
        source_tag, first = split_source_tag(paragraphs[0])
        paragraphs = [first, *paragraphs[1:]] if first else paragraphs[1:]
    return _Text(lead=lead, paragraphs=paragraphs, authors=list(byline.authors),
                 source=byline.source, source_tag=source_tag,
                 captions=list(residue.captions), warnings=list(cleaned.warnings))


def _with_captions(images: list[Image], captions: Sequence[str]) -> list[Image]:
    """Give the residue's captions, in order, to the images that have none."""
    pending = [clean_text(caption) for caption in captions]
    result: list[Image] = []
    for image in images:
        caption = clean_text(image.caption) if image.caption else ""
        if not caption and pending:
            caption = pending.pop(0)
        result.append(Image(url=image.url, caption=caption))
    return result


def _read_lead(tree: HtmlElement, index: PageIndex, profile: SiteProfile | None,
               url: str) -> tuple[HtmlElement | None, str, list[Image]]:
    """Return the lead element, its text and its pictures (taken out of it).

    A picture inside the sapo (NukeViet's ``#hometext``) belongs to the article, not to the lead.
    """
    element = find_lead_element(tree, index, profile)
    if element is None:
        return None, "", []
    return element, text_of(element), take_images(element, url)


def _merged(first: list[Image], second: list[Image]) -> list[Image]:
    """Return the images of both lists in order, each URL once."""
    seen = {image.url for image in first}
    return [*first, *(image for image in second if image.url not in seen)]


def _apply_dates(article: Article, meta: PageMeta, dates: tuple[str | None, str | None, list[str]],
                 text: _Text, now: datetime) -> None:
    visible, visible_modified, machine_times = dates
    choice = choose_published(published_candidates(meta, visible, machine_times, article.url),
                              now=now)
    article.warnings.extend(choice.warnings)
    stamp = choice.stamp
    dateline_text = [text.lead, *text.paragraphs] if text.lead else text.paragraphs
    dateline = find_dateline(dateline_text, stamp.value if stamp else now)
    if stamp is not None:
        article.published_at, article.published_at_raw = stamp.value, stamp.raw
        article.published_precision, article.published_source = stamp.precision, choice.source
    elif dateline is not None:
        from_dateline = dateline_stamp(dateline)
        article.published_at, article.published_at_raw = from_dateline.value, from_dateline.raw
        article.published_precision, article.published_source = from_dateline.precision, "dateline"
        article.warnings.append("date_from_dateline")
    else:
        article.warnings.append("no_date")
    if dateline is not None:
        article.event_date, article.event_date_raw = dateline.event_date, dateline.raw
        article.part_of_day = dateline.part_of_day
    modified = choose_modified(modified_candidates(meta, visible_modified), now=now,
                               published=article.published_at).stamp
    if modified is not None:
        article.modified_at, article.modified_at_raw = modified.value, modified.raw


def _canonical_of(url: str, meta: PageMeta, profile: SiteProfile | None) -> str:
    """Return the article's one URL: same-site ``rel=canonical``, then the profile's mapping."""
    canonical = choose_canonical(url, meta.canonical)
    if profile is not None and profile.canonical_url is not None:
        canonical = canonicalize_url(profile.canonical_url(canonical))
    if meta.og_type == "website" and is_home_url(canonical):
        raise NotAnArticle("home page (og:type website)")
    return canonical


def _read_title(
    tree: HtmlElement, index: PageIndex, profile: SiteProfile | None, meta: PageMeta
) -> tuple[str, str, str | None]:
    """Return (title, the title as printed, a stamp printed after it) or raise NotAnArticle."""
    title_element = find_title_element(tree, index, profile, meta.html_title)
    title_raw = clean_text(_pick_title(title_element, meta))
    title, title_stamp = split_title_stamp(title_raw)
    if not title:
        raise NotAnArticle("no title")
    return title, title_raw, title_stamp


def _read_date_sources(
    tree: HtmlElement, index: PageIndex, profile: SiteProfile | None, now: datetime,
    title_stamp: str | None,
) -> tuple[tuple[str | None, str | None, list[str]], list[HtmlElement]]:
    """Return the visible, modified and ``<time>`` date strings, and the elements they came from."""
    visible = find_visible_date(tree, index, profile, now=now)
    modified_elements = select(tree, profile.selectors.modified, index) if profile else []
    dates = (visible[1] if visible else title_stamp,
             text_of(modified_elements[0]) if modified_elements else None, time_datetimes(tree))
    return dates, [visible[0], *modified_elements] if visible else modified_elements


def parse_article(
    body: bytes,
    url: str,
    headers: Mapping[str, str],
    *,
    now: datetime,
    profile: SiteProfile | None = None,
    site: str | None = None,
) -> Article:
    """Turn the raw bytes of one page into a clean ``Article``; raise ``NotAnArticle`` otherwise."""
    tree = load_page(body, headers).tree
    return article_of_tree(tree, url, now=now, profile=profile, site=site)


def article_of_tree(
    tree: HtmlElement,
    url: str,
    *,
    now: datetime,
    profile: SiteProfile | None = None,
    site: str | None = None,
) -> Article:
    """Turn the tree `load_page` gave into an ``Article`` (see `parse_article`).

    The tree is taken apart on the way (boilerplate and the parts read removed).
    """
    meta = read_metadata(tree)
    canonical = _canonical_of(url, meta, profile)
    index = PageIndex(tree)
    title, title_raw, title_stamp = _read_title(tree, index, profile, meta)
    dates, date_elements = _read_date_sources(tree, index, profile, now, title_stamp)
    tags = read_tags(tree, index, profile, meta)
    section = read_section(tree, index, profile, meta, title)
    element_authors, author_element = read_author_element(tree, profile, index)
    lead_element, lead_raw, lead_images = _read_lead(tree, index, profile, url)
    has_body_selector = bool(profile and profile.selectors.body)
    container = find_body_container(tree, index, profile) if has_body_selector else None
    # the title stays in the tree: trafilatura finds the article next to its headline
    for element in (lead_element, author_element, *date_elements):
        if element is not None and element is not container:
            remove(element)
    source_line = read_source_line(tree)
    drop_boilerplate(tree, profile, index)
    caption_selector = profile.selectors.caption if profile else ""
    images = _merged(lead_images, take_images(tree, url, caption_selector, index))
    text = _normalize_text(extract_lines(tree, url, container), lead_raw, (title, title_raw), meta)
    body_text = "\n\n".join(text.paragraphs)
    reason = listing_reason(tree, meta, canonical, len(body_text))
    if reason:
        raise NotAnArticle(reason)
    article = Article(
        url=canonical, site=site or (profile.key if profile else site_host(url)), title=title,
        body=body_text, lead=text.lead, authors=element_authors or text.authors or meta.authors,
        language=language_of(meta), images=_with_captions(images, text.captions), tags=tags,
        section=section, source_tag=text.source_tag, source=text.source or source_line,
        warnings=list(dict.fromkeys(text.warnings)),
    )
    _apply_dates(article, meta, dates, text, now)
    article.warnings = list(dict.fromkeys(article.warnings))
    return article
