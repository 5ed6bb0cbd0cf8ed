"""Tests for normalize.dates: visible stamps, machine values and URL dates."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.dates import (
    VIETNAM,
    Stamp,
    date_from_url,
    day_stamp,
    parse_machine_date,
    parse_stamp,
)

# The reference of normalize.md §4.3: 2021-06-29 08:00 Vietnam time.
NOW = datetime(2021, 6, 29, 8, 0, tzinfo=VIETNAM)
FAST = settings(max_examples=200, deadline=None)


def local(*parts: int) -> datetime:
    """Vietnam wall-clock time (y, m, d[, h, mi, s]) as an aware datetime."""
    return datetime(*parts, tzinfo=VIETNAM)  # type: ignore[arg-type, misc]


def check(stamp: Stamp | None, expected: datetime, precision: str, raw: str) -> None:
    assert stamp is not None
    assert stamp.value == expected
    assert stamp.value.utcoffset() == timedelta(0)
    assert stamp.precision == precision
    assert stamp.raw == raw


STAMPS = [
    # time before the date
    ("(19:54 28/06/2021)", local(2021, 6, 28, 19, 54), "minute"),
    (
        "Giao ban trực tuyến khu vực phía Bắc (19:54 28/06/2021)",
        local(2021, 6, 28, 19, 54),
        "minute",
    ),
    ("21:30, ngày 06-11-2018", local(2018, 11, 6, 21, 30), "minute"),
    ("09:47, 15/03/2021", local(2021, 3, 15, 9, 47), "minute"),
    ("21:03 13/04/2020", local(2020, 4, 13, 21, 3), "minute"),
    ("Cập nhật: 19:54 | 28/06/2021", local(2021, 6, 28, 19, 54), "minute"),
    ("Cập nhật lúc 19:54 ngày 28/06/2021", local(2021, 6, 28, 19, 54), "minute"),
    ("19h54 ngày 28/6/2021", local(2021, 6, 28, 19, 54), "minute"),
    ("19g54 ngày 28/6/2021", local(2021, 6, 28, 19, 54), "minute"),
    ("19 giờ 54 phút, ngày 28/6/2021", local(2021, 6, 28, 19, 54), "minute"),
    # weekday first, time after the date
    ("THỨ NĂM, 09/07/2020 18:48:18", local(2020, 7, 9, 18, 48, 18), "second"),
    ("Thứ Hai, 28/06/2021 - 19:54", local(2021, 6, 28, 19, 54), "minute"),
    ("Thứ hai, 28/6/2021, 19:54 (GMT+7)", local(2021, 6, 28, 19, 54), "minute"),
    ("Thứ Ba, 29/06/2021", local(2021, 6, 29), "day"),
    ("Thứ Tư, 30/06/2021 07:05", local(2021, 6, 30, 7, 5), "minute"),
    ("Thứ năm - 01/07/2021 18:48", local(2021, 7, 1, 18, 48), "minute"),
    ("Thứ Sáu, 02/07/2021", local(2021, 7, 2), "day"),
    ("Thứ Bảy, 03/07/2021", local(2021, 7, 3), "day"),
    ("Chủ nhật, 04/07/2021", local(2021, 7, 4), "day"),
    ("CN, 04/07/2021", local(2021, 7, 4), "day"),
    ("Thứ 2, 28/06/2021 19:54", local(2021, 6, 28, 19, 54), "minute"),
    ("T2, 28/06/2021", local(2021, 6, 28), "day"),
    ("T7 03/07/2021 06:15", local(2021, 7, 3, 6, 15), "minute"),
    ("Thứ 6, 01/07/2022 | 18:56:23 (GMT +7)", local(2022, 7, 1, 18, 56, 23), "second"),
    ("Chủ nhật - 29/09/2024 19:43 35 0", local(2024, 9, 29, 19, 43), "minute"),
    ("Thứ tư, 08 Tháng 9 2021 15:09", local(2021, 9, 8, 15, 9), "minute"),
    ("Chủ nhật, ngày 08 tháng 12 năm 2024 16:02 (GMT +7)", local(2024, 12, 8, 16, 2), "minute"),
    # date only, separators, two-digit years
    ("07/08/2021", local(2021, 8, 7), "day"),
    ("28/06/21", local(2021, 6, 28), "day"),
    ("09.07.2020", local(2020, 7, 9), "day"),
    ("5-9-18", local(2018, 9, 5), "day"),
    ("15/11/2019 | 604", local(2019, 11, 15), "day"),
    (" 06-06-2024", local(2024, 6, 6), "day"),
    ("ngày 28 tháng 6 năm 2021", local(2021, 6, 28), "day"),
    ("Ngày 28 tháng 06 năm 2021", local(2021, 6, 28), "day"),
    ("28 tháng 6, 2021", local(2021, 6, 28), "day"),
    # bylines and counters around the stamp
    ("5/9/2018 15:18'", local(2018, 9, 5, 15, 18), "minute"),
    ("PV•28/01/2025 08:22", local(2025, 1, 28, 8, 22), "minute"),
    ("Hà Vũ 17/08/2024 09:30", local(2024, 8, 17, 9, 30), "minute"),
    # 12-hour clock
    ("28/06/2021 7:54 CH", local(2021, 6, 28, 19, 54), "minute"),
    ("28/06/2021 7:54 SA", local(2021, 6, 28, 7, 54), "minute"),
    ("28/06/2021 12:10 SA", local(2021, 6, 28, 0, 10), "minute"),
    ("28/06/2021 12:10 CH", local(2021, 6, 28, 12, 10), "minute"),
    ("7 giờ 54 phút tối 28/6/2021", local(2021, 6, 28, 19, 54), "minute"),
    # zones: a literal '+' is east of UTC
    ("28/06/2021 19:54 (UTC+07:00)", local(2021, 6, 28, 19, 54), "minute"),
    ("28/06/2021 12:54 GMT", local(2021, 6, 28, 19, 54), "minute"),
    ("28/06/2021 12:54 (GMT+0)", local(2021, 6, 28, 19, 54), "minute"),
    ("28/06/2021 08:54 GMT+9", local(2021, 6, 28, 6, 54), "minute"),
    ("28/06/2021 07:54 (UTC-05:00)", local(2021, 6, 28, 19, 54), "minute"),
    # a lunar date beside a solar one: the solar date is read
    ("Thứ Hai, 28/06/2021 (19/5/2021 âm lịch)", local(2021, 6, 28), "day"),
    # an old date in a title, then the stamp with a time
    ("Kỷ niệm 30/4/1975 (19:54 28/06/2021)", local(2021, 6, 28, 19, 54), "minute"),
    # relative to NOW (2021-06-29 08:00)
    ("2 giờ trước", local(2021, 6, 29, 6, 0), "minute"),
    ("30 phút trước", local(2021, 6, 29, 7, 30), "minute"),
    ("45 giây trước", local(2021, 6, 29, 7, 59, 15), "second"),
    ("3 ngày trước", local(2021, 6, 26), "day"),
    ("1 tuần trước", local(2021, 6, 22), "day"),
    ("hôm qua", local(2021, 6, 28), "day"),
    ("Hôm nay", local(2021, 6, 29), "day"),
    ("19:54 hôm qua", local(2021, 6, 28, 19, 54), "minute"),
    ("Hôm nay, 07:15", local(2021, 6, 29, 7, 15), "minute"),
]


@pytest.mark.parametrize(("raw", "expected", "precision"), STAMPS)
def test_parse_stamp(raw: str, expected: datetime, precision: str) -> None:
    check(parse_stamp(raw, now=NOW), expected, precision, raw)


def test_relative_stamp_crosses_midnight_in_vietnam_time() -> None:
    # 2021-06-28 18:30 UTC is 01:30 on the 29th in Vietnam: 'hôm qua' is the 28th.
    now = datetime(2021, 6, 28, 18, 30, tzinfo=UTC)
    check(parse_stamp("hôm qua", now=now), local(2021, 6, 28), "day", "hôm qua")


def test_naive_now_is_taken_as_utc() -> None:
    now = datetime(2021, 6, 29, 1, 0)  # 08:00 in Vietnam
    check(parse_stamp("2 giờ trước", now=now), local(2021, 6, 29, 6, 0), "minute", "2 giờ trước")


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "Giao ban trực tuyến",
        "31/02/2021",
        "29/02/2021",
        "32/01/2021",
        "15/13/2021",
        "28/6",  # no year: a dateline, not a stamp
        "Chiều 28/6",
        "15/8/2021 âm lịch",
        "Rằm 15/8/2021 (ÂL)",
        "ngày 15 tháng 8 năm 2021 âm lịch",
        "28/06/2021 19:54 GMT+25",
        "28/06/2021 19:54 SA",  # 19 o'clock cannot be a.m.
        "28/06/2021 25:10",
        "28/06/2021 19:61",
        "6 tháng đầu năm 2021",
        "nhiệm kỳ 2020-2025",
        "Nghị quyết số 04-NQ/TU",
        "01/01/1850",
    ],
)
def test_parse_stamp_rejects(raw: str) -> None:
    assert parse_stamp(raw, now=NOW) is None


MACHINE = [
    ("2021-06-28T12:54:00Z", datetime(2021, 6, 28, 12, 54, tzinfo=UTC), "second"),
    ("2021-06-28T12:54:00z", datetime(2021, 6, 28, 12, 54, tzinfo=UTC), "second"),
    ("2021-06-28T19:54:00+07:00", datetime(2021, 6, 28, 12, 54, tzinfo=UTC), "second"),
    ("2021-06-28T19:54:00+0700", datetime(2021, 6, 28, 12, 54, tzinfo=UTC), "second"),
    ("2021-06-28T19:54+07", datetime(2021, 6, 28, 12, 54, tzinfo=UTC), "minute"),
    ("2021-06-28T19:54:00.123456+07:00", datetime(2021, 6, 28, 12, 54, tzinfo=UTC), "second"),
    ("2021-06-28T07:54:00-05:00", datetime(2021, 6, 28, 12, 54, tzinfo=UTC), "second"),
    ("2021-06-28 19:54:00", datetime(2021, 6, 28, 12, 54, tzinfo=UTC), "second"),
    ("  2021-06-28T19:54  ", datetime(2021, 6, 28, 12, 54, tzinfo=UTC), "minute"),
    ("2021-06-28", datetime(2021, 6, 27, 17, 0, tzinfo=UTC), "day"),
    ("2020-07-09+0718:48:18", datetime(2020, 7, 9, 11, 48, 18, tzinfo=UTC), "second"),
    ("2020-07-09ICT18:48:18", datetime(2020, 7, 9, 11, 48, 18, tzinfo=UTC), "second"),
]


@pytest.mark.parametrize(("raw", "expected", "precision"), MACHINE)
def test_parse_machine_date(raw: str, expected: datetime, precision: str) -> None:
    check(parse_machine_date(raw), expected, precision, raw)


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "2020-07-09+0918:48:18",  # NukeViet shape with another zone: never misread
        "2020-07-09+07 18:48:18",
        "2020-07-09+0718:48",
        "2021-02-30T10:00:00Z",
        "2021-06-28T24:00:00Z",
        "2021-06-28T19:54:00+24:00",
        "2021-06-28T19:54:00+07:60",
        "28/06/2021 19:54",
        "hôm qua",
        "Mon, 28 Jun 2021 12:54:00 GMT",
        "1850-01-01",
    ],
)
def test_parse_machine_date_rejects(raw: str) -> None:
    assert parse_machine_date(raw) is None


URLS = [
    ("https://baoxyz.vn/2021/06/28/giao-ban-truc-tuyen/", local(2021, 6, 28)),
    ("https://baoxyz.vn/chinh-tri/2021/6/28/giao-ban.html", local(2021, 6, 28)),
    ("https://baoxyz.vn/giao-ban-truc-tuyen-20210628.htm", local(2021, 6, 28)),
    ("https://baoxyz.vn/giao-ban-20210628195400123.htm", local(2021, 6, 28)),
    ("https://baoxyz.vn/202106/giao-ban-20210628.htm?page=2", local(2021, 6, 28)),
]


@pytest.mark.parametrize(("url", "expected"), URLS)
def test_date_from_url(url: str, expected: datetime) -> None:
    check(date_from_url(url), expected, "day", url)


@pytest.mark.parametrize(
    "url",
    [
        "https://baokhanhhoa.vn/chinh-tri/202103/giao-ban-8176543/",  # YYYYMM: no day
        "https://baoxyz.vn/2021/06/giao-ban.html",
        "https://baoxyz.vn/giao-ban-2021062812.htm",  # an id, not a date
        "https://baoxyz.vn/tin-12345678.html",
        "https://baoxyz.vn/2021/02/30/giao-ban/",
        "https://baoxyz.vn/1985/06/28/giao-ban/",
        "https://baoxyz.vn/tin.html?date=2021/06/28/",  # the query is not the path
        "http://[bad-host/2021/06/28/",
        "",
    ],
)
def test_date_from_url_rejects(url: str) -> None:
    assert date_from_url(url) is None


def test_day_stamp_is_vietnam_midnight_in_utc() -> None:
    stamp = day_stamp(local(2021, 6, 28).date(), "28/06/2021")
    assert stamp == Stamp(datetime(2021, 6, 27, 17, 0, tzinfo=UTC), "day", "28/06/2021")


@FAST
@given(raw=st.text(max_size=80), now=st.datetimes(timezones=st.just(UTC)))
def test_parsers_never_raise(raw: str, now: datetime) -> None:
    for stamp in (parse_stamp(raw, now=now), parse_machine_date(raw), date_from_url(raw)):
        assert stamp is None or stamp.value.tzinfo is not None


@FAST
@given(
    raw=st.text(alphabet="0123456789/.-:+ hgTZtháng ngày giờ phút GMTUTC SACH", max_size=40),
)
def test_parsers_never_raise_on_date_like_text(raw: str) -> None:
    parse_stamp(raw, now=NOW)
    parse_machine_date(raw)
    date_from_url(raw)


@FAST
@given(moment=st.datetimes(min_value=datetime(1976, 1, 1), max_value=datetime(2099, 12, 31)))
def test_formatted_stamp_round_trips(moment: datetime) -> None:
    wall = moment.replace(second=0, microsecond=0)
    raw = wall.strftime("%d/%m/%Y %H:%M")
    check(parse_stamp(raw, now=NOW), wall.replace(tzinfo=VIETNAM), "minute", raw)


@FAST
@given(
    moment=st.datetimes(min_value=datetime(1976, 1, 1), max_value=datetime(2099, 12, 31)),
    offset_minutes=st.integers(min_value=-14 * 60, max_value=14 * 60),
)
def test_iso_value_round_trips(moment: datetime, offset_minutes: int) -> None:
    aware = moment.replace(microsecond=0, tzinfo=timezone(timedelta(minutes=offset_minutes)))
    raw = aware.isoformat()
    check(parse_machine_date(raw), aware, "second", raw)
