from __future__ import annotations

from datetime import UTC, datetime

import pytest

from crawler.backfill import DateRange, lastmod_before, listing_dates
from crawler.items import VIETNAM

SINCE = datetime(2023, 1, 1, tzinfo=VIETNAM)  # 2022-12-31 17:00 UTC
UNTIL = datetime(2024, 1, 1, tzinfo=VIETNAM)
NOW = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("moment", "inside", "older"),
    [
        (datetime(2022, 12, 31, 16, 59, tzinfo=UTC), False, True),
        (datetime(2022, 12, 31, 17, 0, tzinfo=UTC), True, False),  # since is inclusive
        (datetime(2023, 12, 31, 16, 59, tzinfo=UTC), True, False),
        (datetime(2023, 12, 31, 17, 0, tzinfo=UTC), False, False),  # until is exclusive
    ],
)
def test_date_range_bounds(moment: datetime, inside: bool, older: bool) -> None:
    window = DateRange(SINCE, UNTIL)
    assert window.contains(moment) is inside
    assert window.is_older(moment) is older


def test_open_range_keeps_everything_and_digests_by_its_bounds() -> None:
    assert DateRange().contains(datetime(1990, 1, 1, tzinfo=UTC))
    assert not DateRange().bounded
    assert DateRange(SINCE).digest() == DateRange(SINCE).digest()
    assert DateRange(SINCE).digest() != DateRange(SINCE, UNTIL).digest()


@pytest.mark.parametrize(
    ("lastmod", "since", "before"),
    [
        ("2022-12-30T10:00:00+07:00", SINCE, True),
        ("2023-01-01T00:00:00+07:00", SINCE, False),
        ("2022-12-31", SINCE, True),  # a day: its start in Vietnam, before since
        ("2025-06-01T00:00:00Z", SINCE, False),  # modified after until: never dropped by until
        ("not a date", SINCE, False),
        (None, SINCE, False),
        ("2001-01-01", None, False),
    ],
)
def test_lastmod_before(lastmod: str | None, since: datetime | None, before: bool) -> None:
    assert lastmod_before(lastmod, since) is before


LISTING = """<html><body>
<header><span class="today">Thứ Hai, 23/9/2019</span><a href="/">Trang chủ</a></header>
<div class="item"><a href="/tin/hoi-nghi-tinh-uy-101.html">Hội nghị 6 tháng năm 2024</a>
 <span class="date">18:48 09/07/2020</span>
 <p>Sáng 9/7, tại hội trường tỉnh ủy, hội nghị lần thứ 54 đã khai mạc.</p></div>
<div class="panel"><a href="/tin/ket-nap-dang-vien-102.html"><img src="a.jpg"></a>
 <h3><a href="/tin/ket-nap-dang-vien-102.html">Kết nạp đảng viên</a></h3>
 <ul><li>28/06/2024 18:48:56</li><li>Đã xem: 2870</li></ul></div>
<ul class="other"><li><a href="/tin/khong-ngay-103.html">Không có ngày</a></li>
<li><a href="/tin/so-ket-104.html">Sơ kết</a> <em>(15/03/2021)</em></li></ul>
</body></html>"""


def test_listing_dates_reads_the_date_of_each_item() -> None:
    dates = listing_dates(LISTING.encode(), "https://x.vn/tin", now=NOW)
    assert dates == {
        # a lone link beside a date takes it: the spider only looks up its article links
        "https://x.vn/": datetime(2019, 9, 22, 17, 0, tzinfo=UTC),
        "https://x.vn/tin/hoi-nghi-tinh-uy-101.html": datetime(2020, 7, 9, 11, 48, tzinfo=UTC),
        "https://x.vn/tin/ket-nap-dang-vien-102.html": datetime(
            2024, 6, 28, 11, 48, 56, tzinfo=UTC
        ),
        "https://x.vn/tin/so-ket-104.html": datetime(2021, 3, 14, 17, 0, tzinfo=UTC),
    }


@pytest.mark.parametrize("body", [b"", b"\x00\x01", b"<html></html>"])
def test_listing_dates_of_no_listing_is_empty(body: bytes) -> None:
    assert listing_dates(body, "https://x.vn/", now=NOW) == {}
