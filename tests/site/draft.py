"""Drafts the articles: text, dates, authors, images and how each page shows them (pure)."""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

from tests.site import vocabulary as vocab
from tests.site.model import (
    BASE,
    CATEGORIES,
    ArticleTruth,
    Category,
    DatelineTruth,
    ImageTruth,
    Template,
)

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
NEWEST = datetime(2024, 6, 28, 17, 30, tzinfo=VIETNAM)
OLDEST = datetime(2020, 1, 2, 8, 0, tzinfo=VIETNAM)
FIRST_ID = 10_000
CENTRAL_TAG = "ĐCSVN"


@dataclass(frozen=True, slots=True)
class ArticleSpec:
    """An article's truth plus the presentation choices its page makes."""

    truth: ArticleTruth
    category: Category
    lead_prefix: str
    """The source tag as printed before the lead ('HNP - ', '(ĐCSVN) - '), or ''."""
    byline: str | None
    """A byline printed as the last body paragraph."""
    author_field: str | None
    """NukeViet's 'Tác giả:' value."""
    broken_meta: bool
    json_ld: bool
    lead_image: ImageTruth | None
    body_images: tuple[tuple[int, ImageTruth], ...]
    """(index of the paragraph the image precedes, image)."""
    attachment: str | None
    views: int

    @property
    def local_time(self) -> datetime:
        """Return the publication time in Vietnam."""
        return self.truth.published_at.astimezone(VIETNAM)


def fold(text: str) -> str:
    """Return ``text`` without Vietnamese diacritics ('Đảng' → 'Dang')."""
    text = text.replace("Đ", "D").replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def slugify(text: str, limit: int = 70) -> str:
    """Return a NukeViet-style alias: folded, lower case, words joined by hyphens."""
    words = "".join(char if char.isalnum() else " " for char in fold(text).lower()).split()
    slug = ""
    for word in words:
        if slug and len(slug) + len(word) + 1 > limit:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug


def draft_articles(count: int, seed: int) -> list[ArticleSpec]:
    """Return ``count`` article drafts, newest first, with ids growing with time."""
    rng = random.Random(seed)  # noqa: S311  (reproducible test data, not secrets)
    times = _publication_times(count, rng)
    titles: set[str] = set()
    specs: list[ArticleSpec] = []
    for index, local in enumerate(times):
        article_id = FIRST_ID + (count - index) * 7 + rng.randrange(7)
        template: Template = "nukeviet" if index % 2 == 0 else "central"
        category = rng.choice([cat for cat in CATEGORIES if cat.template == template])
        title = unique_title(rng, titles, local.year)
        specs.append(draft_one(rng, article_id, category, title, local, first=index == 0))
    return specs


def _publication_times(count: int, rng: random.Random) -> list[datetime]:
    step = (NEWEST - OLDEST) / max(count, 1)
    times: list[datetime] = []
    for index in range(count):
        day = (NEWEST - step * index).date()
        hour, minute, second = rng.randrange(6, 22), rng.randrange(60), rng.randrange(60)
        times.append(datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=VIETNAM))
    return sorted(times, reverse=True)


def unique_title(rng: random.Random, seen: set[str], year: int) -> str:
    """Return a title not in ``seen`` (and add it there)."""
    title = ""
    for _attempt in range(30):
        title = _fill(rng, rng.choice(vocab.TITLE_PATTERNS), year)
        title = title[0].upper() + title[1:]
        if title not in seen:
            break
    while title in seen:
        title = f"{title} (tiếp theo)"
    seen.add(title)
    return title


def _fill(rng: random.Random, pattern: str, year: int) -> str:
    person = rng.choice(vocab.PEOPLE)
    return pattern.format(
        organ=rng.choice(vocab.ORGANS),
        place=rng.choice(vocab.PLACES),
        person=person,
        person_short=person.split(",", 1)[0].replace("đồng chí", "Đồng chí"),
        resolution=rng.choice(vocab.RESOLUTIONS),
        credit=rng.choice(vocab.CREDITS),
        year=year,
        term=f"{year + 1}-{year + 6}" if year % 5 == 4 else "2025-2030",
        quarter=rng.choice(("I", "II", "III", "IV")),
        months=rng.choice((3, 6, 9)),
        years=rng.choice((30, 40, 45, 50, 55, 60)),
        n=rng.randrange(2, 60),
        n2=rng.randrange(12, 30),
        n3=rng.randrange(1200, 9000),
        n4=rng.randrange(1, 6),
        n5=rng.randrange(1, 6),
        pct=rng.randrange(82, 99),
    )


class _Presentation(NamedTuple):
    lead_prefix: str
    byline: str | None
    author_field: str | None
    lead_image: ImageTruth | None
    body_images: tuple[tuple[int, ImageTruth], ...]


def draft_one(
    rng: random.Random,
    article_id: int,
    category: Category,
    title: str,
    local: datetime,
    *,
    first: bool,
) -> ArticleSpec:
    """Return one article draft published at ``local`` (Vietnam time)."""
    nukeviet = category.template == "nukeviet"
    json_ld = not nukeviet and rng.random() < 0.5
    if not (nukeviet or json_ld):
        local = local.replace(second=0)
    truth, shown = _draft_truth(rng, article_id, category, title, local)
    truth = replace(truth, precision="second" if nukeviet or json_ld else "minute")
    attachment = None
    if nukeviet and first:
        attachment = f"/uploads/tin-tuc/{local:%Y_%m}/ke-hoach-{article_id}.pdf"
    return ArticleSpec(
        truth=truth,
        category=category,
        broken_meta=nukeviet and rng.random() < 0.5,
        json_ld=json_ld,
        attachment=attachment,
        views=rng.randrange(100, 5000),
        **shown._asdict(),
    )


def _draft_truth(
    rng: random.Random, article_id: int, category: Category, title: str, local: datetime
) -> tuple[ArticleTruth, _Presentation]:
    nukeviet = category.template == "nukeviet"
    prefix = "/tin-tuc" if nukeviet else ""
    dateline = _dateline(rng, local) if rng.random() < 0.5 else None
    paragraphs = _paragraphs(rng, local.year, dateline)
    byline, author_field, authors = _authorship(rng, nukeviet=nukeviet)
    source_tag, lead_prefix = _source_tag(rng, nukeviet=nukeviet)
    lead_image, body_images = _images(
        rng, article_id, local, nukeviet=nukeviet, count=len(paragraphs)
    )
    truth = ArticleTruth(
        path=f"{prefix}/{category.alias}/{slugify(title)}-{article_id}.html",
        template=category.template,
        article_id=article_id,
        title=title,
        lead=_fill(rng, rng.choice(vocab.LEADS), local.year),
        source_tag=source_tag,
        paragraphs=paragraphs,
        authors=list(authors),
        published_at=local.astimezone(UTC),
        precision="second",
        section=category.name,
        tags=[name for _alias, name in rng.sample(vocab.TAGS, rng.randrange(2, 5))],
        images=([lead_image] if lead_image else []) + [image for _index, image in body_images],
        source=rng.choice(vocab.SOURCES) if nukeviet and rng.random() < 0.5 else None,
        dateline=dateline,
    )
    return truth, _Presentation(lead_prefix, byline, author_field, lead_image, body_images)


def _source_tag(rng: random.Random, *, nukeviet: bool) -> tuple[str | None, str]:
    if not nukeviet:
        return CENTRAL_TAG, f"({CENTRAL_TAG}) - "
    if rng.random() < 0.8:
        tag = rng.choice(vocab.SOURCE_TAGS)
        return tag, f"{tag} - "
    return None, ""


def _dateline(rng: random.Random, local: datetime) -> DatelineTruth:
    event = local.date() - timedelta(days=rng.choice((0, 0, 1)))
    part = rng.choice(vocab.DATELINE_PARTS)
    separator = rng.choice(("/", "-", "."))
    raw = f"{part} {event.day}{separator}{event.month}"
    return DatelineTruth(
        raw=raw, event_date=event, part_of_day=None if part == "Ngày" else part.lower()
    )


def _paragraphs(rng: random.Random, year: int, dateline: DatelineTruth | None) -> list[str]:
    pool = list(vocab.SENTENCES)
    rng.shuffle(pool)
    paragraphs: list[str] = []
    for _index in range(rng.randrange(4, 8)):
        size = rng.randrange(2, 4)
        if len(pool) < size:
            break
        sentences, pool = pool[:size], pool[size:]
        paragraphs.append(" ".join(sentence(rng, pattern, year) for pattern in sentences))
    if dateline is not None:
        opening = _fill(
            rng, "tại {place}, {organ} tổ chức hội nghị triển khai nhiệm vụ năm {year}.", year
        )
        paragraphs[0] = f"{dateline.raw}, {opening} {paragraphs[0]}"
    return paragraphs


def sentence(rng: random.Random, pattern: str, year: int) -> str:
    """Return ``pattern`` filled in, capitalized."""
    filled = _fill(rng, pattern, year)
    return filled[0].upper() + filled[1:]


def _authorship(
    rng: random.Random, *, nukeviet: bool
) -> tuple[str | None, str | None, tuple[str, ...]]:
    roll = rng.random()
    if nukeviet and roll < 0.45:
        field_value, authors = rng.choice(vocab.AUTHOR_FIELDS)
        return None, field_value, authors
    if roll < (0.75 if nukeviet else 0.6):
        byline, authors = rng.choice(vocab.BYLINE_PARAGRAPHS)
        return byline, None, authors
    return None, None, ()


def _images(
    rng: random.Random, article_id: int, local: datetime, *, nukeviet: bool, count: int
) -> tuple[ImageTruth | None, tuple[tuple[int, ImageTruth], ...]]:
    def caption() -> str:
        return _fill(rng, rng.choice(vocab.CAPTIONS), local.year)

    if nukeviet:
        folder = f"/uploads/tin-tuc/{local:%Y_%m}"
        lead = (
            ImageTruth(f"{folder}/anh-{article_id}-1.png", caption())
            if rng.random() < 0.8
            else None
        )
        body: list[tuple[int, ImageTruth]] = []
        if rng.random() < 0.4:
            body.append(
                (rng.randrange(1, count), ImageTruth(f"{folder}/anh-{article_id}-2.png", caption()))
            )
        return lead, tuple(body)
    folder = f"{BASE}/data/0/images/{local:%Y/%m/%d}/bientap"
    positions = [0, min(2, count - 1)][: rng.choice((0, 1, 1, 2))]
    return None, tuple(
        (
            position,
            ImageTruth(f"{folder}/{article_id}-{number}.png?dpi=150&quality=100&w=780", caption()),
        )
        for number, position in enumerate(positions, start=1)
    )
