"""Tests for normalize.published: choosing published_at and modified_at among candidates."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.dates import VIETNAM
from normalize.published import DateCandidate, DateChoice, choose_modified, choose_published

NOW = datetime(2021, 6, 29, 8, 0, tzinfo=VIETNAM)


def local(*parts: int) -> datetime:
    """Vietnam wall-clock time (y, m, d[, h, mi, s]) as an aware datetime."""
    return datetime(*parts, tzinfo=VIETNAM)  # type: ignore[arg-type, misc]


def c(kind: str, raw: str) -> DateCandidate:
    return DateCandidate(kind, raw)


PUBLISHED = [
    pytest.param(
        [c("visible", "(19:54 28/06/2021)"), c("json-ld", "2021-06-28T19:50:00+07:00")],
        local(2021, 6, 28, 19, 50),
        "json-ld",
        [],
        id="machine value preferred over visible",
    ),
    pytest.param(
        [
            c("meta", "2021-06-28T19:52:00+07:00"),
            c("itemprop", "2021-06-28T19:51:00+07:00"),
            c("json-ld", "2021-06-28T19:50:00+07:00"),
        ],
        local(2021, 6, 28, 19, 50),
        "json-ld",
        [],
        id="json-ld before itemprop before meta",
    ),
    pytest.param(
        [c("meta", "2021-06-28T19:52:00+07:00"), c("itemprop", "2021-06-28T19:51:00+07:00")],
        local(2021, 6, 28, 19, 51),
        "itemprop",
        [],
        id="itemprop before meta",
    ),
    pytest.param(
        [c("meta", "2021-06-28T19:54:00Z"), c("visible", "Thứ Hai, 28/06/2021 - 19:54")],
        local(2021, 6, 28, 19, 54),
        "visible",
        ["tz_mislabelled"],
        id="local digits labelled UTC",
    ),
    pytest.param(
        [c("json-ld", "2021-06-28T12:54:00+07:00"), c("visible", "(19:54 28/06/2021)")],
        local(2021, 6, 28, 19, 54),
        "visible",
        ["tz_mislabelled"],
        id="UTC digits labelled +07:00",
    ),
    pytest.param(
        [c("meta", "2021-06-28T19:55:00Z"), c("visible", "28/06/2021 19:54")],
        local(2021, 6, 28, 19, 54),
        "visible",
        ["tz_mislabelled"],
        id="7 h 1 min apart is still mislabelled",
    ),
    pytest.param(
        [c("meta", "2021-06-28T19:56:00Z"), c("visible", "28/06/2021 19:54")],
        local(2021, 6, 29, 2, 56),
        "meta",
        [],
        id="7 h 2 min apart is not",
    ),
    pytest.param(
        [c("meta", "2021-06-28T12:54:00Z"), c("visible", "28/06/2021 19:54")],
        local(2021, 6, 28, 19, 54),
        "meta",
        [],
        id="agreeing values",
    ),
    pytest.param(
        [c("json-ld", "2021-06-28"), c("visible", "Cập nhật lúc 19:54 ngày 28/06/2021")],
        local(2021, 6, 28, 19, 54),
        "visible",
        [],
        id="day-precision machine value gives way to a time on the same day",
    ),
    pytest.param(
        [c("json-ld", "2021-06-27"), c("visible", "28/06/2021 19:54")],
        local(2021, 6, 27),
        "json-ld",
        [],
        id="day-precision machine value on another day stays",
    ),
    pytest.param(
        [c("json-ld", "2021-06-28T19:54:00+07:00"), c("visible", "28/06/2021")],
        local(2021, 6, 28, 19, 54),
        "json-ld",
        [],
        id="a day-only visible stamp does not trigger the 7 h check",
    ),
    pytest.param(
        [c("meta", "2020-07-09+0718:48:18"), c("visible", "Thứ năm - 09/07/2020 18:48")],
        local(2020, 7, 9, 18, 48, 18),
        "meta",
        [],
        id="NukeViet broken meta repaired",
    ),
    pytest.param(
        [c("meta", "09/07/2020 18:48"), c("visible", "Thứ năm - 09/07/2020 18:48")],
        local(2020, 7, 9, 18, 48),
        "visible",
        [],
        id="unreadable machine value skipped",
    ),
    pytest.param(
        [c("json-ld", "2031-06-28T19:54:00+07:00"), c("visible", "28/06/2021 19:54")],
        local(2021, 6, 28, 19, 54),
        "visible",
        ["future_date_rejected"],
        id="future machine value rejected",
    ),
    pytest.param(
        [c("json-ld", "2021-06-30T07:59:00+07:00")],
        local(2021, 6, 30, 7, 59),
        "json-ld",
        [],
        id="within now + 1 day is accepted",
    ),
    pytest.param(
        [c("json-ld", "2021-06-30T08:01:00+07:00"), c("url", "https://b.vn/2021/06/27/a")],
        local(2021, 6, 27),
        "url",
        ["future_date_rejected"],
        id="beyond now + 1 day falls back to the URL",
    ),
    pytest.param(
        [c("url", "https://b.vn/tin-20210628.htm"), c("visible", "28/06/2021 19:54")],
        local(2021, 6, 28, 19, 54),
        "visible",
        [],
        id="visible before URL",
    ),
    pytest.param(
        [c("url", "https://b.vn/2021/06/28/a"), c("related", "2021-06-01")],
        local(2021, 6, 28),
        "url",
        [],
        id="URL last, unknown kind ignored",
    ),
    pytest.param(
        [c("visible", "2 giờ trước")],
        local(2021, 6, 29, 6, 0),
        "visible",
        [],
        id="relative visible stamp",
    ),
]


@pytest.mark.parametrize(("candidates", "expected", "source", "warnings"), PUBLISHED)
def test_choose_published(
    candidates: list[DateCandidate], expected: datetime, source: str, warnings: list[str]
) -> None:
    choice = choose_published(candidates, now=NOW)
    assert choice.stamp is not None
    assert choice.stamp.value == expected
    assert choice.source == source
    assert choice.warnings == warnings


def test_choose_published_keeps_the_raw_string() -> None:
    choice = choose_published(
        [c("meta", "2021-06-28T19:54:00Z"), c("visible", "(19:54 28/06/2021)")], now=NOW
    )
    assert choice.stamp is not None
    assert choice.stamp.raw == "(19:54 28/06/2021)"
    assert choice.stamp.precision == "minute"


@pytest.mark.parametrize(
    ("candidates", "warnings"),
    [
        ([], []),
        ([c("visible", "Giao ban trực tuyến"), c("meta", "")], []),
        (
            [c("json-ld", "2031-01-01T00:00:00Z"), c("visible", "01/01/2031")],
            ["future_date_rejected"],
        ),
    ],
)
def test_choose_published_finds_nothing(
    candidates: list[DateCandidate], warnings: list[str]
) -> None:
    assert choose_published(candidates, now=NOW) == DateChoice(None, None, warnings)


PUBLISHED_AT = local(2021, 6, 28, 19, 54)

MODIFIED = [
    pytest.param(
        [c("json-ld", "2021-06-28T21:00:00+07:00"), c("visible", "Cập nhật: 20:30 | 28/06/2021")],
        local(2021, 6, 28, 21, 0),
        "json-ld",
        [],
        id="machine value",
    ),
    pytest.param(
        [c("visible", "Cập nhật: 20:30 | 28/06/2021"), c("url", "https://b.vn/2021/06/30/a")],
        local(2021, 6, 28, 20, 30),
        "visible",
        [],
        id="URL is never a modification date",
    ),
    pytest.param(
        [c("meta", "2021-06-28T21:00:00Z"), c("visible", "28/06/2021 21:00")],
        local(2021, 6, 28, 21, 0),
        "visible",
        ["tz_mislabelled"],
        id="mislabelled",
    ),
    pytest.param(
        [c("json-ld", "2021-06-28")],
        local(2021, 6, 28),
        "json-ld",
        [],
        id="day precision on the day of publication",
    ),
]


@pytest.mark.parametrize(("candidates", "expected", "source", "warnings"), MODIFIED)
def test_choose_modified(
    candidates: list[DateCandidate], expected: datetime, source: str, warnings: list[str]
) -> None:
    choice = choose_modified(candidates, now=NOW, published=PUBLISHED_AT)
    assert choice.stamp is not None
    assert choice.stamp.value == expected
    assert choice.source == source
    assert choice.warnings == warnings


@pytest.mark.parametrize(
    ("candidates", "warnings"),
    [
        ([c("json-ld", "2021-06-28T19:00:00+07:00")], ["modified_before_published"]),
        ([c("json-ld", "2021-06-27")], ["modified_before_published"]),
        ([c("url", "https://b.vn/2021/06/28/a")], []),
        ([c("json-ld", "2031-06-28T19:00:00+07:00")], ["future_date_rejected"]),
    ],
)
def test_choose_modified_rejects(candidates: list[DateCandidate], warnings: list[str]) -> None:
    choice = choose_modified(candidates, now=NOW, published=PUBLISHED_AT)
    assert choice == DateChoice(None, None, warnings)


def test_choose_modified_without_published() -> None:
    choice = choose_modified([c("json-ld", "2021-06-20T10:00:00+07:00")], now=NOW, published=None)
    assert choice.stamp is not None
    assert choice.stamp.value == local(2021, 6, 20, 10, 0)


KINDS = st.sampled_from(["json-ld", "meta", "itemprop", "visible", "url", "other"])


@settings(max_examples=200, deadline=None)
@given(
    candidates=st.lists(st.builds(DateCandidate, KINDS, st.text(max_size=40)), max_size=5),
    now=st.datetimes(timezones=st.just(UTC)),
)
def test_choosers_never_raise(candidates: list[DateCandidate], now: datetime) -> None:
    published = choose_published(candidates, now=now)
    published_at = published.stamp.value if published.stamp is not None else None
    modified = choose_modified(candidates, now=now, published=published_at)
    for choice in (published, modified):
        assert (choice.stamp is None) == (choice.source is None)
