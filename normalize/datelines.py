"""Body datelines ('Chiều 28/6', '(BTV) Sáng 10/7'): the day of the event, year from publication."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from normalize.dates import VIETNAM, Stamp, day_stamp
from normalize.text import squeeze_spaces

FIRST_LINES = 6
"""How many non-empty lines (paragraphs split at newlines) are searched for a dateline."""

_MIN_YEAR, _MAX_YEAR = 1900, 2100
_YEARS_BACK = 8  # enough to reach a leap year for '29/2'
_LEAD_IN_WORDS = 5

_DAY = r"(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}|\d{2}))?(?!\d|[/.\-]\d)"
_DATELINE = re.compile(
    r"(?P<part>rạng\s+sáng|sáng|trưa|chiều|tối|đêm|ngày)(?:\s+(?P<mod>nay|qua|sớm|muộn))?"
    r"(?:\s*(?P<open>\()?\s*" + _DAY + r"(?(open)\s*\)))?(?!\w)",
    re.IGNORECASE,
)
# 'HNP - ', 'ĐCSVN - ', '(BTV) ', '(ĐCSVN) - ': an upper-case tag before the dateline.
_SOURCE_TAG = re.compile(
    r"(?:\((?P<paren>[^()]{1,20})\)\s*(?:[-–—:]\s*)?|(?P<bare>[^\s()\-–—:,][^()\-–—:,]{0,19}?)\s*[-–—]\s*)"
)
# 'Cụ thể, ', 'Tại Hà Nội, ': a few words without digits, then a comma.
_LEAD_IN = re.compile(r"(?P<lead>[^\W\d_][^,\d()]{0,40}),\s*")


@dataclass(frozen=True, slots=True)
class Dateline:
    """The day a story happened ('Chiều 28/6' → 28 June), its part of day and the raw text."""

    event_date: date
    part_of_day: str | None
    """'sáng', 'trưa', 'chiều', 'tối', 'đêm' or 'rạng sáng'; None for 'Ngày 28-2'."""
    raw: str


def find_dateline(paragraphs: Sequence[str], published: datetime | None) -> Dateline | None:
    """Find the dateline in the first ``FIRST_LINES`` lines of the body, or None.

    A dateline opens a line, possibly after a source tag ('HNP -', '(BTV)') or a short
    lead-in ending in a comma ('Cụ thể, chiều 28/6'). After a lead-in, a 'ngày …' phrase
    is not a dateline; neither are ranges ('3-5/8'). Without a year, the date is the latest
    such day not after the published local date + 1 day; without ``published`` it is None.
    """
    limit = _limit(published)
    for line in _first_lines(paragraphs):
        match = _match_dateline(line)
        if match is None:
            continue
        try:
            found = _dateline(match, limit)
        except OverflowError:
            found = None
        if found is not None:
            return found
    return None


def dateline_stamp(dateline: Dateline) -> Stamp:
    """Return the dateline's day as a day-precision stamp (00:00 Vietnam time, in UTC).

    For an article without any other date; the extractor adds the warning ``date_from_dateline``.
    """
    return day_stamp(dateline.event_date, dateline.raw)


def _limit(published: datetime | None) -> date | None:
    if published is None:
        return None
    aware = published if published.tzinfo is not None else published.replace(tzinfo=UTC)
    try:
        return aware.astimezone(VIETNAM).date() + timedelta(days=1)
    except OverflowError:
        return None


def _first_lines(paragraphs: Sequence[str]) -> Iterator[str]:
    count = 0
    for paragraph in paragraphs:
        for line in unicodedata.normalize("NFC", paragraph).splitlines():
            text = squeeze_spaces(line)
            if not text:
                continue
            yield text
            count += 1
            if count >= FIRST_LINES:
                return


def _match_dateline(line: str) -> re.Match[str] | None:
    """Match a dateline at the start of the line, after a source tag and/or a lead-in."""
    position = _after_source_tag(line)
    match = _DATELINE.match(line, position)
    if _is_dateline(match):
        return match
    lead_in = _LEAD_IN.match(line, position)
    if lead_in is None or len(lead_in["lead"].split()) > _LEAD_IN_WORDS:
        return None
    match = _DATELINE.match(line, lead_in.end())
    if match is None or match["part"].lower() == "ngày" or not _is_dateline(match):
        return None
    return match


def _after_source_tag(line: str) -> int:
    tag = _SOURCE_TAG.match(line)
    if tag is None:
        return 0
    name = tag["paren"] if tag["paren"] is not None else tag["bare"]
    return tag.end() if name.isupper() else 0


def _is_dateline(match: re.Match[str] | None) -> bool:
    """Tell whether a match is complete: a date, or 'nay'/'qua' after a part of day."""
    if match is None:
        return False
    if match["d"] is not None:
        return True
    return match["part"].lower() != "ngày" and (match["mod"] or "").lower() in {"nay", "qua"}


def _dateline(match: re.Match[str], limit: date | None) -> Dateline | None:
    part = " ".join(match["part"].lower().split())
    found = _event_date(match, limit)
    if found is None or not _MIN_YEAR <= found.year <= _MAX_YEAR:
        return None
    return Dateline(found, None if part == "ngày" else part, match.group(0).strip())


def _event_date(match: re.Match[str], limit: date | None) -> date | None:
    if match["d"] is None:  # 'Sáng nay,' / 'Chiều qua,': the day of publication or the one before
        if limit is None:
            return None
        return limit - timedelta(days=1 if match["mod"].lower() == "nay" else 2)
    day, month = int(match["d"]), int(match["m"])
    if match["y"] is not None:
        year = int(match["y"]) + (2000 if len(match["y"]) == 2 else 0)  # noqa: PLR2004
        return _valid_date(year, month, day)
    return _infer_year(day, month, limit)


def _infer_year(day: int, month: int, limit: date | None) -> date | None:
    """Return the latest (day, month) not after ``limit``."""
    if limit is None:
        return None
    for year in range(limit.year, limit.year - _YEARS_BACK, -1):
        found = _valid_date(year, month, day)
        if found is not None and found <= limit:
            return found
    return None


def _valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
