"""Choosing an article's publication and modification times among the dates found on its page.

The caller (the extractor) passes only dates that belong to the article itself: never the
header's 'today's date' widget, nor the dates of related or most-read articles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from normalize.dates import VIETNAM, Stamp, date_from_url, parse_machine_date, parse_stamp

MACHINE_KINDS = ("json-ld", "itemprop", "meta")
"""Machine-readable sources, in order of preference."""

TZ_MISLABELLED = "tz_mislabelled"
FUTURE_DATE_REJECTED = "future_date_rejected"
MODIFIED_BEFORE_PUBLISHED = "modified_before_published"

_VIETNAM_OFFSET = timedelta(hours=7)
_OFFSET_SLACK = timedelta(minutes=1)
_FUTURE_SLACK = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class DateCandidate:
    """A date string found on the page and where: json-ld, meta, itemprop, visible or url."""

    kind: str
    raw: str


@dataclass(frozen=True, slots=True)
class DateChoice:
    """The chosen stamp (or None), the kind of candidate it came from, and warnings."""

    stamp: Stamp | None
    source: str | None
    warnings: list[str] = field(default_factory=list)


def choose_published(candidates: Sequence[DateCandidate], *, now: datetime) -> DateChoice:
    """Pick ``published_at``: machine values first, then the visible stamp, then the URL.

    A machine value exactly 7 h (±1 min) away from the visible stamp was written with the
    wrong zone: the visible local time wins, with the warning ``tz_mislabelled``. A machine
    value with day precision gives way to a visible stamp with a time on the same local day.
    Dates later than ``now`` + 1 day are dropped with ``future_date_rejected``.
    """
    warnings: list[str] = []
    parsed = _parse_candidates(candidates, now, warnings)
    picked = _pick(parsed, warnings)
    if picked is None:
        picked = _first_of_kind(parsed, ("url",))
    if picked is None:
        return DateChoice(None, None, warnings)
    return DateChoice(picked[1], picked[0], warnings)


def choose_modified(
    candidates: Sequence[DateCandidate], *, now: datetime, published: datetime | None
) -> DateChoice:
    """Pick ``modified_at`` the same way as ``published_at``, URLs excepted.

    Pass the modification candidates only (JSON-LD ``dateModified``,
    ``article:modified_time``, a visible 'Cập nhật: …'). A value before ``published``
    (for a day-precision value: on an earlier local day) is dropped with
    ``modified_before_published``.
    """
    warnings: list[str] = []
    parsed = [item for item in _parse_candidates(candidates, now, warnings) if item[0] != "url"]
    picked = _pick(parsed, warnings)
    if picked is None:
        return DateChoice(None, None, warnings)
    if published is not None and _before(picked[1], _aware(published)):
        warnings.append(MODIFIED_BEFORE_PUBLISHED)
        return DateChoice(None, None, warnings)
    return DateChoice(picked[1], picked[0], warnings)


def _parse_candidates(
    candidates: Sequence[DateCandidate], now: datetime, warnings: list[str]
) -> list[tuple[str, Stamp]]:
    """Parse each candidate with the reader for its kind; unknown kinds are ignored."""
    readers: dict[str, Callable[[str], Stamp | None]] = {
        "visible": lambda raw: parse_stamp(raw, now=now),
        "url": date_from_url,
        **dict.fromkeys(MACHINE_KINDS, parse_machine_date),
    }
    latest = _latest_allowed(now)
    parsed: list[tuple[str, Stamp]] = []
    for candidate in candidates:
        reader = readers.get(candidate.kind)
        stamp = reader(candidate.raw) if reader is not None else None
        if stamp is None:
            continue
        if stamp.value > latest:
            _warn(warnings, FUTURE_DATE_REJECTED)
            continue
        parsed.append((candidate.kind, stamp))
    return parsed


def _latest_allowed(now: datetime) -> datetime:
    try:
        return _aware(now) + _FUTURE_SLACK
    except OverflowError:
        return datetime.max.replace(tzinfo=UTC)


def _pick(parsed: list[tuple[str, Stamp]], warnings: list[str]) -> tuple[str, Stamp] | None:
    """Reconcile the preferred machine value with the first visible stamp."""
    machine = _first_of_kind(parsed, MACHINE_KINDS)
    visible = _first_of_kind(parsed, ("visible",))
    if machine is None or visible is None:
        return machine or visible
    machine_stamp, visible_stamp = machine[1], visible[1]
    if machine_stamp.precision != "day" and visible_stamp.precision != "day":
        gap = abs(machine_stamp.value - visible_stamp.value)
        if abs(gap - _VIETNAM_OFFSET) <= _OFFSET_SLACK:
            _warn(warnings, TZ_MISLABELLED)
            return visible
    day_only = machine_stamp.precision == "day" and visible_stamp.precision != "day"
    if day_only and _local_day(machine_stamp) == _local_day(visible_stamp):
        return visible
    return machine


def _first_of_kind(
    parsed: list[tuple[str, Stamp]], kinds: Sequence[str]
) -> tuple[str, Stamp] | None:
    for kind in kinds:
        for item in parsed:
            if item[0] == kind:
                return item
    return None


def _before(stamp: Stamp, published: datetime) -> bool:
    if stamp.precision == "day":
        return _local_day(stamp) < published.astimezone(VIETNAM).date()
    return stamp.value < published


def _local_day(stamp: Stamp) -> date:
    return stamp.value.astimezone(VIETNAM).date()


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _warn(warnings: list[str], warning: str) -> None:
    if warning not in warnings:
        warnings.append(warning)
