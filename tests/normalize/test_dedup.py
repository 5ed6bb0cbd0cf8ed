"""Near-duplicate fingerprints: words, shingles, Jaccard, MinHash bands, and the calibration."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalize.dedup import _MIX_A as RANK_MULTIPLIER
from normalize.dedup import _MIX_B as RANK_OFFSET
from normalize.dedup import (
    NEAR_DUP_THRESHOLD,
    NUM_BANDS,
    SKETCH_SIZE,
    band_keys,
    dedup_words,
    fingerprint,
    is_near_duplicate,
    jaccard,
    minhash,
    shingle_ranks,
    shingle_set,
    shingle_sketch,
    sketch_jaccard,
    text_fingerprint,
    text_shingles,
)

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "dedup"
PAIRS = sorted(FIXTURES.glob("*.json"))


def digest(shingle: str) -> int:
    """The documented shingle hash: CRC-32 per word, mixed with an odd 64-bit multiplier."""
    words = shingle.split(" ")
    value = len(words)
    for word in words:
        value = ((value ^ zlib.crc32(word.encode())) * 0x9E3779B97F4A7C15) & (2**64 - 1)
    return value


def shingles_of(text: dict[str, str]) -> frozenset[int]:
    return text_shingles(text["title"], text["lead"], text["body"])


@pytest.mark.parametrize(
    ("title", "lead", "body", "expected"),
    [
        ("Hòa Bình", "", "", ["hoà", "bình"]),
        ("Thủy điện", "Ủy ban", "", ["thuỷ", "điện", "uỷ", "ban"]),
        ("", "Chiều 28/6, HĐND tỉnh…", "", ["chiều", "28", "6", "hđnd", "tỉnh"]),
        ("Sức khỏe", "", "(ĐCSVN) - Khoẻ!", ["sức", "khoẻ", "đcsvn", "khoẻ"]),
        ("", "", "", []),
        ("  ", "—", "…", []),
    ],
)
def test_dedup_words(title: str, lead: str, body: str, expected: list[str]) -> None:
    assert dedup_words(title, lead, body) == expected


@pytest.mark.parametrize(
    ("words", "size", "expected"),
    [
        (["a", "b", "c", "d"], 3, {"a b c", "b c d"}),
        (["a", "b", "c", "d"], 2, {"a b", "b c", "c d"}),
        (["a", "b"], 3, {"a b"}),
        (["a", "b", "a", "b"], 2, {"a b", "b a"}),
        (["hoà"], 3, {"hoà"}),
        ([], 3, set()),
    ],
)
def test_shingle_set(words: list[str], size: int, expected: set[str]) -> None:
    assert shingle_set(words, size) == {digest(shingle) for shingle in expected}


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ({1, 2, 3}, {2, 3, 4}, 0.5),
        ({1, 2, 3, 4}, {1, 2, 3, 4}, 1.0),
        ({1, 2}, {3, 4}, 0.0),
        ({1}, {1, 2, 3, 4}, 0.25),
        (set(), {1}, 0.0),
        (set(), set(), 0.0),
    ],
)
def test_jaccard(first: set[int], second: set[int], expected: float) -> None:
    assert jaccard(frozenset(first), frozenset(second)) == expected


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Hòa bình, thủy lợi và sức khỏe", "Hoà bình, thuỷ lợi và sức khoẻ"),
        ("ỦY BAN KIỂM TRA TỈNH ỦY", "Uỷ ban kiểm tra Tỉnh uỷ"),
        ("Đoàn công tác", "đoàn   công\n\ntác"),
    ],
)
def test_tone_style_case_and_spacing_do_not_matter(first: str, second: str) -> None:
    assert text_shingles(first, "", "") == text_shingles(second, "", "")
    assert band_keys(text_shingles(first, "", "")) == band_keys(text_shingles(second, "", ""))


def test_band_keys_are_signed_64_bit_and_one_per_band() -> None:
    keys = band_keys(text_shingles("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15", "", ""))
    assert len(keys) == NUM_BANDS
    assert len(set(keys)) == NUM_BANDS
    assert all(-(2**63) <= key < 2**63 for key in keys)


def test_empty_text_has_no_signature() -> None:
    assert minhash(frozenset()) == ()
    assert band_keys(frozenset()) == ()


def test_minhash_agreement_follows_jaccard() -> None:
    first = frozenset(range(0, 300))
    second = frozenset(range(100, 400))  # Jaccard 200 / 400 = 0.5
    agree = sum(a == b for a, b in zip(minhash(first), minhash(second), strict=True))
    assert minhash(first) == minhash(frozenset(range(299, -1, -1)))
    assert 0.3 <= agree / len(minhash(first)) <= 0.7


@given(st.text(), st.text(), st.text())
def test_never_raises_and_is_deterministic(title: str, lead: str, body: str) -> None:
    shingles = text_shingles(title, lead, body)
    assert shingles == text_shingles(title, lead, body)
    assert band_keys(shingles) == band_keys(text_shingles(title, lead, body))


@given(st.text())
def test_words_are_idempotent(text: str) -> None:
    words = dedup_words(text, "", "")
    assert dedup_words(" ".join(words), "", "") == words


def test_at_least_twenty_calibration_pairs_with_both_labels() -> None:
    labels = [json.loads(path.read_text(encoding="utf-8"))["label"] for path in PAIRS]
    assert len(labels) >= 20
    assert set(labels) == {"same", "different"}


@pytest.mark.parametrize("path", PAIRS, ids=[path.stem for path in PAIRS])
def test_calibration_pair_is_classified_right(path: Path) -> None:
    pair = json.loads(path.read_text(encoding="utf-8"))
    first, second = shingles_of(pair["a"]), shingles_of(pair["b"])
    assert is_near_duplicate(first, second) == (pair["label"] == "same")
    estimate = sketch_jaccard(shingle_sketch(first), shingle_sketch(second))
    assert (estimate >= NEAR_DUP_THRESHOLD) == (pair["label"] == "same")
    if pair["label"] == "same":  # the LSH lookup must also bring them together
        assert set(band_keys(first)) & set(band_keys(second))


def test_seeds_000_and_001_stay_apart() -> None:
    pair = json.loads((FIXTURES / "different_seed000_seed001.json").read_text(encoding="utf-8"))
    similarity = jaccard(shingles_of(pair["a"]), shingles_of(pair["b"]))
    assert similarity < NEAR_DUP_THRESHOLD / 4


def test_sketch_keeps_the_least_ranks_of_a_large_set() -> None:
    sketch = shingle_sketch(frozenset(range(10_000)))
    assert len(sketch) == SKETCH_SIZE
    assert list(sketch) == sorted(set(sketch))
    assert sketch == shingle_sketch(frozenset(range(9_999, -1, -1)))
    assert shingle_sketch(frozenset()) == ()


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (range(0, 200), range(100, 250)),  # 100 / 250 = 0.4
        (range(0, 10), range(20, 30)),
        (range(0, 5), range(0, 5)),
        (range(0, 1), range(1, 2)),
    ],
)
def test_sketches_of_small_sets_give_the_exact_jaccard(first: range, second: range) -> None:
    sets = frozenset(first), frozenset(second)
    estimate = sketch_jaccard(shingle_sketch(sets[0]), shingle_sketch(sets[1]))
    assert estimate == jaccard(*sets)


@pytest.mark.parametrize("overlap", [0, 500, 1_000, 1_500, 2_000, 3_000])
def test_sketches_of_large_sets_estimate_the_jaccard(overlap: int) -> None:
    """3,000-shingle sets: the estimate stays within four standard errors (0.125 at most)."""
    first = frozenset(range(3_000))
    second = frozenset(range(3_000 - overlap, 6_000 - overlap))
    exact = jaccard(first, second)
    tolerance = 4 * (exact * (1 - exact) / SKETCH_SIZE) ** 0.5
    estimate = sketch_jaccard(shingle_sketch(first), shingle_sketch(second))
    assert abs(estimate - exact) <= tolerance


def test_sketch_jaccard_of_nothing_is_zero() -> None:
    assert sketch_jaccard((), ()) == 0.0
    assert sketch_jaccard((), shingle_sketch(frozenset({1}))) == 0.0


@given(st.frozensets(st.integers(min_value=0, max_value=2**64 - 1), max_size=400))
def test_fingerprint_is_band_keys_and_sketch(shingles: frozenset[int]) -> None:
    assert fingerprint(shingles) == (band_keys(shingles), shingle_sketch(shingles))


MERSENNE_61 = 2**61 - 1
EDGES = [0, 1, 2**32 - 1, 2**32, MERSENNE_61 - 1, MERSENNE_61, MERSENNE_61 + 1, 2**64 - 1]


@given(st.lists(st.integers(min_value=0, max_value=2**64 - 1), max_size=300))
def test_ranks_are_the_documented_universal_hash(shingles: list[int]) -> None:
    """The vectorized ranks equal ``(a * (x mod p) + b) mod p`` computed with Python integers."""
    for values in (shingles, EDGES, [*shingles, *EDGES]):
        expected = sorted(
            {
                (RANK_MULTIPLIER * (value % MERSENNE_61) + RANK_OFFSET) % MERSENNE_61
                for value in values
            }
        )
        assert shingle_ranks(values) == expected


@given(st.text(max_size=400), st.text(max_size=100), st.text(max_size=2000))
def test_text_fingerprint_is_the_fingerprint_of_the_text_shingles(
    title: str, lead: str, body: str
) -> None:
    assert text_fingerprint(title, lead, body) == fingerprint(text_shingles(title, lead, body))
