"""The next version of a test site: new and edited articles, the rest byte-identical (pure)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime

from tests.site import vocabulary as vocab
from tests.site.article_nukeviet import print_path
from tests.site.draft import ArticleSpec, sentence
from tests.site.feeds import SITEMAP_INDEX
from tests.site.generator import (
    add_article_pages,
    add_assets,
    add_indexes,
    current_aliases,
    etag_of,
)
from tests.site.model import Page, Site, html_page
from tests.site.newer import draft_newer, times_after
from tests.site.templates import text

EDIT_TAIL = 60
"""Characters of the edited paragraph's end used to find it in the page."""
EDIT_DELAY = timedelta(hours=1)
"""Without ``now``, an edit is stamped this long after the page's previous Last-Modified."""


def evolve(
    site: Site,
    *,
    new_articles: int = 0,
    edited: Sequence[int] = (),
    seed: int = 1,
    now: datetime | None = None,
) -> Site:
    """Return the next version of ``site``.

    ``new_articles`` are published after the newest article (up to ``now`` when given) and lead
    their listings, the sitemap and RSS. The articles at the indices ``edited`` (of
    ``site.articles``, newest first) get a longer last paragraph, a new ETag and Last-Modified.
    Every other article page is byte-identical, with the same ETag.
    """
    if not site.specs:
        raise ValueError("the site carries no drafts: build it with build_site")
    rng = random.Random(seed)  # noqa: S311  (reproducible test data, not secrets)
    pages = dict(site.pages)
    specs = list(site.specs)
    for index in edited:
        specs[index] = _edit(pages, specs[index], rng, now)
    times = times_after(specs[0].truth.published_at, new_articles, now=now)
    newer = draft_newer(specs, times, seed)
    combined = newer + specs
    add_article_pages(pages, combined, only={spec.truth.article_id for spec in newer})
    add_assets(pages, newer)
    featured = current_aliases(combined)
    aliases = {**site.aliases, **featured}
    for alias, canonical in aliases.items():
        pages[alias] = pages[canonical]
    add_indexes(pages, combined, featured)
    new_prints = {print_path(s): s.truth.path for s in newer if s.category.template == "nukeviet"}
    return replace(
        site,
        pages=pages,
        articles=[spec.truth for spec in combined],
        aliases=aliases,
        print_views={**site.print_views, **new_prints},
        attachments=site.attachments + tuple(s.attachment for s in newer if s.attachment),
        specs=tuple(combined),
    )


def home_only(site: Site) -> Site:
    """Return ``site`` reduced to a home page without links, robots.txt and an empty sitemap.

    Every request answers 200, so a crawl of it yields no article without any error.
    """
    home = (
        '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>Trang chủ</title>'
        "</head><body><h1>Trang chủ</h1><p>Trang thông tin đang được bảo trì.</p></body></html>\n"
    )
    empty_index = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></sitemapindex>\n'
    )
    return Site(
        pages={
            "/": html_page(home),
            "/robots.txt": site.pages["/robots.txt"],
            SITEMAP_INDEX: Page(200, {"Content-Type": "application/xml"}, empty_index.encode()),
        },
        articles=[],
        bad_pages={},
        aliases={},
        print_views={},
        disallowed=site.disallowed,
        traps=(),
        attachments=(),
    )


def _edit(
    pages: dict[str, Page], spec: ArticleSpec, rng: random.Random, now: datetime | None
) -> ArticleSpec:
    """Append a sentence to the last paragraph of ``spec`` in its page (and print view)."""
    truth = spec.truth
    old = truth.paragraphs[-1]
    addition = " " + sentence(rng, rng.choice(vocab.SENTENCES), spec.local_time.year)
    edited = replace(truth, paragraphs=[*truth.paragraphs[:-1], old + addition])
    needle = (text(old[-EDIT_TAIL:]) + "</p>").encode()
    patch = (text(old[-EDIT_TAIL:] + addition) + "</p>").encode()
    page = pages[truth.path]
    body = _replace_once(page.body, needle, patch, truth.path)
    previous = parsedate_to_datetime(page.headers["Last-Modified"])
    modified = max(now, previous + timedelta(seconds=1)) if now else previous + EDIT_DELAY
    headers = {
        **page.headers,
        "ETag": etag_of(body),
        "Last-Modified": format_datetime(modified.astimezone(UTC), usegmt=True),
    }
    pages[truth.path] = replace(page, headers=headers, body=body)
    printed = print_path(spec)
    if spec.category.template == "nukeviet" and printed in pages:
        view = pages[printed]
        pages[printed] = replace(view, body=_replace_once(view.body, needle, patch, printed))
    return replace(spec, truth=edited)


def _replace_once(body: bytes, needle: bytes, patch: bytes, where: str) -> bytes:
    if body.count(needle) != 1:
        raise ValueError(f"the paragraph to edit is not found exactly once in {where}")
    return body.replace(needle, patch)
