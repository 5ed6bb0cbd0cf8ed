"""Tests for normalize.datelines: body datelines, their year and their part of day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.datelines import FIRST_LINES, Dateline, dateline_stamp, find_dateline
from normalize.dates import VIETNAM, Stamp, parse_stamp


def local(*parts: int) -> datetime:
    """Vietnam wall-clock time (y, m, d[, h, mi]) as an aware datetime."""
    return datetime(*parts, tzinfo=VIETNAM)  # type: ignore[arg-type, misc]


BODY = "Ban Tổ chức Trung ương tổ chức hội nghị giao ban trực tuyến."

DATELINES = [
    ("Chiều 28/6, " + BODY, local(2021, 6, 28, 19, 54), date(2021, 6, 28), "chiều", "Chiều 28/6"),
    ("Sáng 10/7, tại Hà Nội", local(2020, 7, 10, 11), date(2020, 7, 10), "sáng", "Sáng 10/7"),
    ("Chiều 3-8, " + BODY, local(2020, 8, 3, 20), date(2020, 8, 3), "chiều", "Chiều 3-8"),
    ("Chiều 9.7, phát biểu", local(2020, 7, 9, 18, 48), date(2020, 7, 9), "chiều", "Chiều 9.7"),
    ("Tối 15/8/2021, " + BODY, local(2021, 8, 16, 7), date(2021, 8, 15), "tối", "Tối 15/8/2021"),
    ("Tối 15/8/21, " + BODY, local(2021, 8, 16, 7), date(2021, 8, 15), "tối", "Tối 15/8/21"),
    ("Tối 15/8/2021, " + BODY, None, date(2021, 8, 15), "tối", "Tối 15/8/2021"),
    ("Ngày 28-2, " + BODY, local(2022, 3, 1, 9), date(2022, 2, 28), None, "Ngày 28-2"),
    ("Trưa 5/10, " + BODY, local(2021, 10, 5, 14), date(2021, 10, 5), "trưa", "Trưa 5/10"),
    ("Đêm 9.8, " + BODY, local(2021, 8, 10, 6), date(2021, 8, 9), "đêm", "Đêm 9.8"),
    (
        "Rạng sáng 9/8, " + BODY,
        local(2021, 8, 9, 9),
        date(2021, 8, 9),
        "rạng sáng",
        "Rạng sáng 9/8",
    ),
    (
        "sáng nay (23/9), đoàn công tác",
        local(2021, 9, 23, 12),
        date(2021, 9, 23),
        "sáng",
        "sáng nay (23/9)",
    ),
    (
        "Trưa nay (28/6), " + BODY,
        local(2021, 6, 28, 15),
        date(2021, 6, 28),
        "trưa",
        "Trưa nay (28/6)",
    ),
    ("Sáng nay, " + BODY, local(2021, 6, 28, 9), date(2021, 6, 28), "sáng", "Sáng nay"),
    ("Chiều qua, " + BODY, local(2021, 6, 28, 9), date(2021, 6, 27), "chiều", "Chiều qua"),
    # after a source tag
    (
        "HNP - Chiều 28/6, " + BODY,
        local(2021, 6, 28, 19, 54),
        date(2021, 6, 28),
        "chiều",
        "Chiều 28/6",
    ),
    ("(BTV) Sáng 10/7, tại Hà Nội", local(2020, 7, 10), date(2020, 7, 10), "sáng", "Sáng 10/7"),
    ("TCCS - Sáng 7/8, " + BODY, local(2021, 8, 7, 15), date(2021, 8, 7), "sáng", "Sáng 7/8"),
    ("ĐCSVN - Sáng 7/8, " + BODY, local(2021, 8, 7, 15), date(2021, 8, 7), "sáng", "Sáng 7/8"),
    ("(ĐCSVN) - Chiều 1/9, " + BODY, local(2021, 9, 1, 18), date(2021, 9, 1), "chiều", "Chiều 1/9"),
    ("(BBNĐT) Sáng 2.3, " + BODY, local(2021, 3, 2, 10), date(2021, 3, 2), "sáng", "Sáng 2.3"),
    ("ND - Tối 4/5, " + BODY, local(2021, 5, 5, 8), date(2021, 5, 4), "tối", "Tối 4/5"),
    # after a short lead-in ending in a comma
    (
        "Cụ thể, chiều 28/6, tại Hà Nội",
        local(2021, 6, 28, 21),
        date(2021, 6, 28),
        "chiều",
        "chiều 28/6",
    ),
    ("Tại Hà Nội, sáng 10/7, " + BODY, local(2020, 7, 10), date(2020, 7, 10), "sáng", "sáng 10/7"),
    # year inference against the published local date, + 1 day tolerance
    ("Chiều 31/12, " + BODY, local(2022, 1, 2, 9), date(2021, 12, 31), "chiều", "Chiều 31/12"),
    ("Chiều 2/1, " + BODY, local(2022, 1, 1, 23), date(2022, 1, 2), "chiều", "Chiều 2/1"),
    ("Chiều 3/1, " + BODY, local(2022, 1, 1, 23), date(2021, 1, 3), "chiều", "Chiều 3/1"),
    # 18:00 UTC on the 28th is 01:00 on the 29th in Vietnam: the 30th is within tolerance
    (
        "Chiều 30/6, " + BODY,
        datetime(2021, 6, 28, 18, tzinfo=UTC),
        date(2021, 6, 30),
        "chiều",
        "Chiều 30/6",
    ),
    ("Ngày 29/2, " + BODY, local(2022, 3, 5), date(2020, 2, 29), None, "Ngày 29/2"),
]


@pytest.mark.parametrize(("text", "published", "event_date", "part", "raw"), DATELINES)
def test_find_dateline(
    text: str, published: datetime | None, event_date: date, part: str | None, raw: str
) -> None:
    assert find_dateline(["", text], published) == Dateline(event_date, part, raw)


PUBLISHED = local(2021, 6, 29, 8)


@pytest.mark.parametrize(
    "text",
    [
        "Thực hiện Chỉ thị số 45-CT/TW, ngày 14/4/2025 của Bộ Chính trị, " + BODY,
        "Ngày 3-5/8, " + BODY,
        "Từ ngày 3-5/8, " + BODY,
        "Chiều 3-5/8, " + BODY,
        "Theo kế hoạch, ngày 28/6 " + BODY,
        "Hội nghị diễn ra chiều 28/6 tại Hà Nội.",
        "Chiều 31/4, " + BODY,
        "Trưa",
        "Đêm",
        "Chiều dài 3-8 m",
        "Trong 6 tháng đầu năm, chiều 28/6 " + BODY,
        "Trong không khí phấn khởi của cả nước hướng tới đại hội, chiều 28/6 " + BODY,
        "Ông Nguyễn Văn A, Bí thư Tỉnh ủy, chiều 28/6 " + BODY,
        "Nhiệm kỳ 2020-2025, " + BODY,
        "THỨ NĂM, 09/07/2020 18:48:18",
    ],
)
def test_find_dateline_rejects(text: str) -> None:
    assert find_dateline([text], PUBLISHED) is None


def test_yearless_dateline_needs_a_published_date() -> None:
    assert find_dateline(["Chiều 28/6, " + BODY], None) is None


def test_only_the_first_lines_are_searched() -> None:
    filler = [f"Đoạn {number}." for number in range(FIRST_LINES - 1)]
    assert find_dateline([*filler, "Chiều 28/6, " + BODY], PUBLISHED) is not None
    assert find_dateline([*filler, "", "Chiều 28/6, " + BODY], PUBLISHED) is not None
    assert find_dateline([*filler, "Đoạn cuối.", "Chiều 28/6, " + BODY], PUBLISHED) is None


# The five seeds (shared/seeds), cut to the lines that matter.
SEED_000 = [
    "Cụ thể, chiều 28/6, tại Hà Nội, Ban Tổ chức T.Ư tổ chức hội nghị trực tuyến với 28 điểm cầu"
    " của 28 tỉnh, thành phố khu vực miền Bắc nhằm đánh giá kết quả công tác tổ chức xây dựng"
    " Đảng 6 tháng đầu năm, triển khai phương hướng công tác 6 tháng cuối năm 2021.",
    "Phó Bí thư Thường trực Tỉnh ủy Bắc Ninh, Nguyễn Quốc Chung phát biểu chỉ đạo tại điểm cầu"
    " tỉnh. (Ảnh: XM).",
]
SEED_001 = [
    "Giao ban trực tuyến công tác tổ chức xây dựng Đảng các tỉnh, thành phố khu vực phía Bắc"
    " (19:54 28/06/2021)",
    "HNP - Chiều 28/6, Ban Tổ chức Trung ương tổ chức Hội nghị giao ban trực tuyến khu vực phía"
    " Bắc nhằm đánh giá tình hình, kết quả công tác tổ chức xây dựng Đảng 6 tháng đầu năm 2021.",
]
SEED_002 = [
    "Chiều 3-8, Ban Tổ chức Trung ương đã tổ chức Hội nghị giao ban trực tuyến ngành Tổ chức xây"
    " dựng Đảng đánh giá kết quả thực hiện nhiệm vụ tháng 7, triển khai nhiệm vụ tháng 8.",
]
SEED_003 = [
    "Hội nghị giao ban trực tuyến đánh giá kết quả tham mưu thực hiện Chỉ thị số 35 của Bộ Chính"
    " trị",
    "(BTV) Sáng 10/7, tại Hà Nội, Văn phòng Trung ương Đảng tổ chức Hội nghị giao ban trực tuyến"
    " với Văn phòng các Tỉnh ủy, Thành ủy trong cả nước.",
]
SEED_004 = [
    "Tập trung tham mưu xây dựng đề án nhân sự cấp ủy cấp huyện",
    "THỨ NĂM, 09/07/2020 18:48:18",
    "Tập trung tham mưu thực hiện tốt quy trình giới thiệu nhân sự và xây dựng đề án nhân sự cấp"
    " ủy cấp huyện bảo đảm chất lượng, tiến độ để báo cáo Thường trực, Thường vụ Tỉnh ủy.",
    " Đồng chí Nguyễn Hồng Sơn, Uỷ viên Ban Thường vụ, Trưởng Ban Tổ chức Tỉnh ủy phát biểu kết"
    " luận hội nghị triển khai nhiệm vụ công tác 6 tháng cuối năm 2020 của ngành tổ chức xây"
    " dựng Đảng\nChiều 9.7, phát biểu kết luận hội nghị triển khai nhiệm vụ công tác 6 tháng"
    " cuối năm 2020 của ngành tổ chức xây dựng Đảng, đồng chí Nguyễn Hồng Sơn yêu cầu ngành"
    " tiếp tục tập trung tham mưu.",
]


@pytest.mark.parametrize(
    ("paragraphs", "published", "expected"),
    [
        (SEED_000, local(2021, 6, 29, 8), Dateline(date(2021, 6, 28), "chiều", "chiều 28/6")),
        (SEED_001, local(2021, 6, 28, 19, 54), Dateline(date(2021, 6, 28), "chiều", "Chiều 28/6")),
        (SEED_002, local(2020, 8, 3, 17), Dateline(date(2020, 8, 3), "chiều", "Chiều 3-8")),
        (SEED_003, local(2020, 7, 10, 12), Dateline(date(2020, 7, 10), "sáng", "Sáng 10/7")),
        (SEED_004, local(2020, 7, 9, 18, 48), Dateline(date(2020, 7, 9), "chiều", "Chiều 9.7")),
    ],
)
def test_seed_datelines(paragraphs: list[str], published: datetime, expected: Dateline) -> None:
    assert find_dateline(paragraphs, published) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (SEED_001[0], local(2021, 6, 28, 19, 54)),
        (SEED_004[1], local(2020, 7, 9, 18, 48, 18)),
    ],
)
def test_seed_stamps(line: str, expected: datetime) -> None:
    stamp = parse_stamp(line, now=local(2026, 1, 1))
    assert stamp is not None
    assert stamp.value == expected


def test_seed_004_stamp_gives_the_dateline_year() -> None:
    stamp = parse_stamp(SEED_004[1], now=local(2026, 1, 1))
    assert stamp is not None
    assert find_dateline(SEED_004, stamp.value) == Dateline(date(2020, 7, 9), "chiều", "Chiều 9.7")


def test_dateline_stamp_is_the_local_day_in_utc() -> None:
    stamp = dateline_stamp(Dateline(date(2021, 6, 28), "chiều", "Chiều 28/6"))
    assert stamp == Stamp(datetime(2021, 6, 27, 17, 0, tzinfo=UTC), "day", "Chiều 28/6")
    assert stamp.value.astimezone(VIETNAM).date() == date(2021, 6, 28)


FAST = settings(max_examples=200, deadline=None)


@FAST
@given(
    paragraphs=st.lists(st.text(max_size=60), max_size=8),
    published=st.none() | st.datetimes(timezones=st.just(UTC)) | st.datetimes(),
)
def test_find_dateline_never_raises(paragraphs: list[str], published: datetime | None) -> None:
    found = find_dateline(paragraphs, published)
    if found is not None:
        assert found.raw


@FAST
@given(
    part=st.sampled_from(["Sáng", "Trưa", "Chiều", "Tối", "Đêm"]),
    separator=st.sampled_from(["/", "-", "."]),
    event=st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 12, 31)),
    gap_days=st.integers(min_value=-1, max_value=363),
)
def test_year_is_inferred_from_published(
    part: str, separator: str, event: date, gap_days: int
) -> None:
    published = datetime.combine(event + timedelta(days=gap_days), time(12), tzinfo=VIETNAM)
    text = f"{part} {event.day}{separator}{event.month}, " + BODY
    found = find_dateline([text], published)
    assert found == Dateline(event, part.lower(), f"{part} {event.day}{separator}{event.month}")
