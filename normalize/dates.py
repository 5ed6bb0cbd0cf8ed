"""Vietnamese timestamps: visible page stamps, machine (ISO 8601) values and dates in URLs."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

Precision = Literal["second", "minute", "day"]

_MIN_YEAR, _MAX_YEAR = 1900, 2100
_NOON = 12


@dataclass(frozen=True, slots=True)
class Stamp:
    """A point in time read from a page: an aware UTC value, its precision and the raw string.

    A day-precision stamp holds 00:00 Vietnam time of its day, converted to UTC
    (so ``value.astimezone(VIETNAM).date()`` is the day that was printed).
    """

    value: datetime
    precision: Precision
    raw: str


# Dates, searched in the lower-cased text. Day first, always; 'yyyy-mm-dd' is unambiguous.
_DATE_PATTERNS = (
    re.compile(
        r"(?<!\d)(?<!\d[/.\-])(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)"
        r"(?P<y>\d{4}|\d{2})(?!\d|[/.\-]\d)"
    ),
    re.compile(r"(?<![\d/.\-])(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d|[/.\-]\d)"),
    re.compile(
        r"(?<!\d)(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s*,\s*|\s+năm\s+|\s+)"
        r"(?P<y>\d{4})(?!\d)"
    ),
    re.compile(r"\bhôm\s+(?P<rel>nay|qua)\b"),
)
_TIME = (
    r"(?<![\d:])(?P<h>\d{1,2})\s*(?::|h|g|giờ)\s*(?P<mi>\d{1,2})(?!\d)(?:\s*phút)?"
    r"(?::(?P<s>\d{2})(?!\d))?(?:\s*(?P<half>sa|ch|am|pm|sáng|chiều|tối)(?!\w))?"
)
# What may stand between a date and its time: spaces, punctuation, 'lúc' (at), 'ngày' (on).
_GAP = r"[\s,|\-–—•·()]*(?:(?:vào\s+)?lúc\s*|ngày\s*)?[\s,|\-–—•·():]*"
_TIME_AFTER = re.compile(_GAP + _TIME)
_TIME_BEFORE = re.compile(_TIME + _GAP + r"\Z")
_NEXT_DATE = re.compile(_GAP + r"(?:\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2}|\d{1,2}\s+tháng\s|hôm\s)")
_ZONE = re.compile(
    r"\b(?:gmt|utc)(?:\s*(?P<sign>[+\-−])\s*(?P<zh>\d{1,2})(?::?(?P<zm>\d{2}))?)?(?!\d)"
)
_LUNAR_AFTER = re.compile(r"[\s,(\[]*(?:âm\s+lịch|âl)(?!\w)")
_RELATIVE = re.compile(r"(?<!\d)(?P<n>\d{1,3})\s*(?P<unit>giây|phút|giờ|tiếng|ngày|tuần)\s+trước")
_RELATIVE_UNITS: dict[str, tuple[timedelta, Precision]] = {
    "giây": (timedelta(seconds=1), "second"),
    "phút": (timedelta(minutes=1), "minute"),
    "giờ": (timedelta(hours=1), "minute"),
    "tiếng": (timedelta(hours=1), "minute"),
    "ngày": (timedelta(days=1), "day"),
    "tuần": (timedelta(weeks=1), "day"),
}
_PM_WORDS = frozenset({"ch", "pm", "chiều", "tối"})

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:[t ](?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:[.,]\d{1,9})?)?)?"
    r"\s*(?P<zone>z|[+\-]\d{2}(?::?\d{2})?)?"
)
# NukeViet's PHP date('Y-m-dTH:i:s'): 'T' is the zone abbreviation ('+07', 'ICT' in old tzdata).
_NUKEVIET = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:\+07|ict)(?P<h>\d{2}):(?P<mi>\d{2}):(?P<s>\d{2})"
)
_URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?=[/._\-]|$)"),
    re.compile(r"(?<=[\-_/.])(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?:\d{6,})?(?!\d)"),
)
_URL_MIN_YEAR = 1990


def day_stamp(day: date, raw: str) -> Stamp:
    """Return a day-precision stamp: 00:00 Vietnam time of ``day``, as UTC."""
    local = datetime.combine(day, time(0), tzinfo=VIETNAM)
    return Stamp(local.astimezone(UTC), "day", raw)


def parse_stamp(raw: str, *, now: datetime) -> Stamp | None:
    """Read a visible Vietnamese stamp ('THỨ NĂM, 09/07/2020 18:48:18', '2 giờ trước', …).

    Day first; two-digit years are 20yy; naive times are Vietnam time; 'GMT+7' is +07:00.
    ``now`` (aware; naive is taken as UTC) anchors 'hôm nay', 'hôm qua' and 'N giờ trước'.
    Returns None for no date, an impossible date or a lunar date ('… âm lịch', 'ÂL').
    """
    try:
        text = _prepare(raw)
        found = _absolute_stamp(text, raw, now)
        return found if found is not None else _relative_stamp(text, raw, now)
    except (ValueError, OverflowError):
        return None


def _prepare(raw: str) -> str:
    text = unicodedata.normalize("NFC", raw)
    return " ".join(text.split()).lower()


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _absolute_stamp(text: str, raw: str, now: datetime) -> Stamp | None:
    """Take the first date that has a time beside it, else the first date at all."""
    matches = sorted(
        (match for pattern in _DATE_PATTERNS for match in pattern.finditer(text)),
        key=lambda match: match.start(),
    )
    first_day: Stamp | None = None
    for match in matches:
        day = _match_date(match, now)
        if day is None or _LUNAR_AFTER.match(text, match.end()):
            continue
        clock = _adjacent_time(text, match)
        if clock is not None:
            return _timed_stamp(text, day, clock, raw)
        if first_day is None:
            first_day = day_stamp(day, raw)
    return first_day


def _match_date(match: re.Match[str], now: datetime) -> date | None:
    groups = match.groupdict()
    if groups.get("rel") is not None:
        today = _aware(now).astimezone(VIETNAM).date()
        return today if groups["rel"] == "nay" else today - timedelta(days=1)
    year = int(groups["y"])
    if len(groups["y"]) == 2:  # noqa: PLR2004 - a two-digit year
        year += 2000
    return _valid_date(year, int(groups["m"]), int(groups["d"]))


def _valid_date(year: int, month: int, day: int) -> date | None:
    if not _MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _adjacent_time(text: str, match: re.Match[str]) -> re.Match[str] | None:
    """Return the time right after the date, else right before it.

    A time between two dates ('30/4/1975 (19:54 28/06/2021)') belongs to the second one.
    """
    after = _TIME_AFTER.match(text, match.end())
    if after is not None and _NEXT_DATE.match(text, after.end()) is None:
        return after
    return _TIME_BEFORE.search(text, 0, match.start())


def _timed_stamp(text: str, day: date, clock: re.Match[str], raw: str) -> Stamp | None:
    hour = _twenty_four_hour(int(clock["h"]), clock["half"])
    minute = int(clock["mi"])
    if hour is None:
        return None
    second = int(clock["s"]) if clock["s"] is not None else 0
    zone = _zone_in(text)
    if zone is None:
        return None
    try:
        local = datetime.combine(day, time(hour, minute, second), tzinfo=zone)
    except ValueError:
        return None
    precision: Precision = "second" if clock["s"] is not None else "minute"
    return Stamp(local.astimezone(UTC), precision, raw)


def _twenty_four_hour(hour: int, half: str | None) -> int | None:
    """Apply SA/CH (a.m./p.m.); '19:54 chiều' is consistent, '19:54 SA' is not."""
    if half is None or (hour > _NOON and half in _PM_WORDS):
        return hour
    if hour > _NOON:
        return None
    return hour % _NOON + (_NOON if half in _PM_WORDS else 0)


def _zone_in(text: str) -> tzinfo | None:
    """Return the zone the text names ('(GMT+7)', '(UTC+07:00)'), Vietnam if none, None if bad."""
    match = _ZONE.search(text)
    if match is None:
        return VIETNAM
    if match["sign"] is None:
        return UTC
    return _fixed_offset("-" if match["sign"] in "-−" else "+", match["zh"], match["zm"])


def _fixed_offset(sign: str, hours: str, minutes: str | None) -> tzinfo | None:
    offset = timedelta(hours=int(hours), minutes=int(minutes or 0))
    if offset >= timedelta(hours=24) or int(minutes or 0) >= 60:  # noqa: PLR2004 - minutes
        return None
    return timezone(-offset if sign == "-" else offset)


def _relative_stamp(text: str, raw: str, now: datetime) -> Stamp | None:
    match = _RELATIVE.search(text)
    if match is None:
        return None
    unit, precision = _RELATIVE_UNITS[match["unit"]]
    moment = _aware(now).astimezone(UTC) - unit * int(match["n"])
    if precision == "day":
        return day_stamp(moment.astimezone(VIETNAM).date(), raw)
    if precision == "minute":
        moment = moment.replace(second=0)
    return Stamp(moment.replace(microsecond=0), precision, raw)


def parse_machine_date(raw: str) -> Stamp | None:
    """Read an ISO 8601 value from JSON-LD, ``<meta>`` or ``itemprop`` (naive → Vietnam time).

    NukeViet's broken ``2020-07-09+0718:48:18`` (PHP ``Y-m-dTH:i:s`` with ``T`` = '+07' or
    'ICT') is repaired to 18:48:18+07:00; any other non-ISO shape is rejected, never guessed.
    """
    text = raw.strip().lower()
    nukeviet = _NUKEVIET.fullmatch(text)
    if nukeviet is not None:
        return _machine_stamp(nukeviet, timezone(timedelta(hours=7)), raw)
    iso = _ISO.fullmatch(text)
    if iso is None:
        return None
    zone: tzinfo | None = VIETNAM
    if iso["zone"] == "z":
        zone = UTC
    elif iso["zone"] is not None:
        digits = iso["zone"][1:].replace(":", "")
        zone = _fixed_offset(iso["zone"][0], digits[:2], digits[2:] or None)
    if zone is None:
        return None
    return _machine_stamp(iso, zone, raw)


def _machine_stamp(match: re.Match[str], zone: tzinfo, raw: str) -> Stamp | None:
    day = _valid_date(int(match["y"]), int(match["m"]), int(match["d"]))
    if day is None:
        return None
    if match["h"] is None:
        return day_stamp(day, raw)
    hour, minute = int(match["h"]), int(match["mi"])
    second = int(match["s"]) if match["s"] is not None else 0
    try:
        local = datetime.combine(day, time(hour, minute, second), tzinfo=zone)
    except ValueError:
        return None
    precision: Precision = "second" if match["s"] is not None else "minute"
    return Stamp(local.astimezone(UTC), precision, raw)


def date_from_url(url: str) -> Stamp | None:
    """Read a publication day from a URL path: ``/2021/06/28/`` or ``-20210628`` (day precision).

    A path with only a year and month (``/202103/``, ``/2021/03/``) names no day: None.
    """
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return None
    for pattern in _URL_DATES:
        for match in pattern.finditer(path):
            year = int(match["y"])
            day = _valid_date(year, int(match["m"]), int(match["d"]))
            if day is not None and year >= _URL_MIN_YEAR:
                return day_stamp(day, url)
    return None
