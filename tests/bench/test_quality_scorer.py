"""The quality benchmark's arithmetic on tiny hand-made cases."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bench.quality import (
    Prediction,
    body_score,
    date_exact,
    leaks,
    percent,
    same_local_day,
    same_minute,
)

# 'a b c d e' has the 4-gram shingles (a,b,c,d) and (b,c,d,e).
# 'a b c d x' has (a,b,c,d) and (b,c,d,x): per page TP 1, FP 1, FN 1 -> 1/3 each.


@pytest.mark.parametrize(
    ("pairs", "precision", "recall"),
    [
        ([("a b c d e", "a b c d e")], 1.0, 1.0),
        ([("a b c d x", "a b c d e")], 0.5, 0.5),
        # predicted 2 shingles, truth 3 (a b c d e f): TP 2, FP 0, FN 1 -> 2/3, 0, 1/3
        ([("a b c d e", "a b c d e f")], 1.0, 2 / 3),
        # two pages: (1, 0, 0) and (1/3, 1/3, 1/3) -> TP 4/3, FP 1/3, FN 1/3
        ([("a b c d e", "a b c d e"), ("a b c d x", "a b c d e")], 0.8, 0.8),
        # nothing shared: 'p q r s' vs 'a b c d' -> TP 0, FP 1/2, FN 1/2
        ([("p q r s", "a b c d")], 0.0, 0.0),
    ],
)
def test_body_score_is_the_benchmark_metric(
    pairs: list[tuple[str, str]], precision: float, recall: float
) -> None:
    score = body_score(pairs)
    assert score.precision == pytest.approx(precision)
    assert score.recall == pytest.approx(recall)
    expected_f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    assert score.f1 == pytest.approx(expected_f1)


def test_long_pages_weigh_no_more_than_short_ones() -> None:
    long_truth = " ".join(f"w{index}" for index in range(103))  # 100 shingles
    # page 1: perfect and long; page 2: short, half wrong -> (1, 0, 0) + (1/3, 1/3, 1/3)
    score = body_score([(long_truth, long_truth), ("a b c d x", "a b c d e")])
    assert score.precision == pytest.approx(0.8)


@pytest.mark.parametrize(
    ("predicted", "expected", "exact"),
    [
        (datetime(2020, 7, 9, 11, 48, tzinfo=UTC), "2020-07-09T11:48:00+00:00", True),
        (datetime(2020, 7, 9, 11, 48, 18, tzinfo=UTC), "2020-07-09T11:48:00+00:00", True),
        (datetime(2020, 7, 9, 18, 48, tzinfo=UTC), "2020-07-09T11:48:00+00:00", False),
        (datetime(2020, 7, 9, 11, 49, tzinfo=UTC), "2020-07-09T11:48:00+00:00", False),
        (None, "2020-07-09T11:48:00+00:00", False),
        (None, None, True),
    ],
)
def test_same_minute(predicted: datetime | None, expected: str | None, exact: bool) -> None:
    assert same_minute(predicted, expected) is exact


@pytest.mark.parametrize(
    ("day", "expected", "exact"),
    [
        # 17:00 UTC on 15 Aug is midnight of 16 Aug in Vietnam
        (datetime(2024, 8, 16), "2024-08-15T17:00:00+00:00", True),
        (datetime(2024, 8, 15), "2024-08-15T17:00:00+00:00", False),
        (datetime(2020, 7, 9), "2020-07-09T11:48:00+00:00", True),
    ],
)
def test_same_local_day(day: datetime, expected: str, exact: bool) -> None:
    assert same_local_day(day, expected) is exact


def test_date_exact_uses_the_day_only_for_day_only_extractors() -> None:
    day = datetime(2020, 7, 9)
    expected = "2020-07-09T11:48:00+00:00"
    assert date_exact(Prediction(published=day, day_only=True), expected)
    assert not date_exact(Prediction(published=day.replace(tzinfo=UTC)), expected)


def test_leaks_counts_snippets_in_title_lead_and_body() -> None:
    prediction = Prediction(title="Tiêu đề", lead="Chia sẻ", body="Nội dung\n\nTin liên quan")
    snippets = ["Tiêu đề", "Chia sẻ", "Tin liên quan", "Facebook"]
    assert leaks(prediction, snippets) == 3


@pytest.mark.parametrize(
    ("hits", "total", "shown"),
    [(29, 30, "96.7 %"), (30, 30, "100.0 %"), (0, 0, "n/a")],
)
def test_percent(hits: int, total: int, shown: str) -> None:
    assert percent(hits, total) == shown
