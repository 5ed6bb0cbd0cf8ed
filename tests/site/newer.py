"""Drafts articles published after a site's newest one, and recent publication times (pure)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta

from tests.site.draft import FIRST_ID, VIETNAM, ArticleSpec, draft_one, unique_title
from tests.site.model import CATEGORIES, Template

RECENT_NEWEST_AGE = timedelta(hours=12)
"""How long before ``now`` the newest 'recent' article was published."""
RECENT_SPAN = timedelta(days=5)
"""The recent articles are spread over this span: inside the default 7-day revalidation window."""
NEWER_STEP = timedelta(hours=6)
"""Spacing of new articles when no ``now`` bounds them."""


def recent_times(now: datetime, count: int) -> list[datetime]:
    """Return ``count`` publication times (newest first) in the last days before ``now``."""
    newest = now - RECENT_NEWEST_AGE
    step = RECENT_SPAN / max(count, 1)
    return [_whole_second(newest - step * index) for index in range(count)]


def times_after(newest: datetime, count: int, *, now: datetime | None = None) -> list[datetime]:
    """Return ``count`` times (newest first) after ``newest``: spread up to ``now``, else 6 h apart.

    Times are at least a minute apart and after ``newest`` by at least a minute, so an article
    shown to the minute still sorts after it.
    """
    if now is None:
        step = NEWER_STEP
    else:
        if now - newest < timedelta(minutes=count + 1):
            raise ValueError(f"no room for {count} articles between {newest} and {now}")
        step = (now - newest) / (count + 1)
    ascending = [_whole_second(newest + step * (index + 1)) for index in range(count)]
    return ascending[::-1]


def draft_newer(
    existing: Sequence[ArticleSpec], times: Sequence[datetime], seed: int
) -> list[ArticleSpec]:
    """Return drafts published at ``times`` (newest first), ids and titles after ``existing``."""
    rng = random.Random(seed)  # noqa: S311  (reproducible test data, not secrets)
    titles = {spec.truth.title for spec in existing}
    top = max((spec.truth.article_id for spec in existing), default=FIRST_ID)
    ordered = sorted(times, reverse=True)
    specs: list[ArticleSpec] = []
    for index, moment in enumerate(ordered):
        local = moment.astimezone(VIETNAM)
        article_id = top + (len(ordered) - index) * 7 + rng.randrange(7)
        template: Template = "nukeviet" if index % 2 == 0 else "central"
        category = rng.choice([cat for cat in CATEGORIES if cat.template == template])
        title = unique_title(rng, titles, local.year)
        specs.append(draft_one(rng, article_id, category, title, local, first=False))
    return specs


def _whole_second(moment: datetime) -> datetime:
    return moment.astimezone(VIETNAM).replace(microsecond=0)
