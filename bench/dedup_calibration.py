"""Calibrate near-duplicate detection on the labelled pairs of ``fixtures/dedup/``.

Run ``python -m bench.dedup_calibration``: per pair, the Jaccard similarity of the shingle sets
for shingle sizes 1 to 5, its estimate from the bottom-k sketches (what the store compares) and
whether the pair shares an LSH band; then precision and recall of ``similarity >= threshold`` at
each candidate threshold, for the chosen shingle size.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from pathlib import Path

from normalize.dedup import (
    NEAR_DUP_THRESHOLD,
    NUM_BANDS,
    ROWS_PER_BAND,
    SHINGLE_WORDS,
    band_keys,
    dedup_words,
    jaccard,
    shingle_set,
    shingle_sketch,
    sketch_jaccard,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "dedup"
SIZES = (1, 2, 3, 4, 5)
THRESHOLDS = tuple(step / 20 for step in range(1, 17))


@dataclass(frozen=True)
class Pair:
    """One labelled pair of article texts."""

    name: str
    same: bool
    first: dict[str, str]
    second: dict[str, str]


def load_pairs(directory: Path = FIXTURES) -> list[Pair]:
    """Read every ``*.json`` pair of ``directory``, in name order."""
    pairs = []
    for path in sorted(directory.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        pairs.append(Pair(path.stem, data["label"] == "same", data["a"], data["b"]))
    return pairs


def words(text: dict[str, str]) -> list[str]:
    """The dedup words of one fixture text."""
    return dedup_words(text["title"], text["lead"], text["body"])


def similarity(pair: Pair, size: int = SHINGLE_WORDS) -> float:
    """Jaccard similarity of the pair's shingle sets of ``size`` words."""
    return jaccard(shingle_set(words(pair.first), size), shingle_set(words(pair.second), size))


def sketch_estimate(pair: Pair) -> float:
    """The Jaccard similarity estimated from the two texts' bottom-k sketches."""
    first = shingle_sketch(shingle_set(words(pair.first)))
    return sketch_jaccard(first, shingle_sketch(shingle_set(words(pair.second))))


def shares_band(pair: Pair) -> bool:
    """Whether the pair would meet as LSH candidates (one band key in common)."""
    first = set(band_keys(shingle_set(words(pair.first))))
    return bool(first & set(band_keys(shingle_set(words(pair.second)))))


def precision_recall(scored: list[tuple[bool, float]], threshold: float) -> tuple[float, float]:
    """Precision and recall of ``score >= threshold`` against the labels."""
    predicted = [same for same, score in scored if score >= threshold]
    true_positives = sum(predicted)
    positives = sum(same for same, _ in scored)
    precision = true_positives / len(predicted) if predicted else 1.0
    recall = true_positives / positives if positives else 1.0
    return precision, recall


def print_pairs(pairs: list[Pair], size: int) -> None:
    """One line per pair: label, similarity per shingle size, sketch estimate, LSH band hit."""
    header = " ".join(f"{'k=' + str(k) + ('*' if k == size else ''):>6}" for k in SIZES)
    print(f"{'pair':<36} {'label':<9} {header} sketch  band")
    for pair in pairs:
        scores = " ".join(f"{similarity(pair, k):6.3f}" for k in SIZES)
        label = "same" if pair.same else "different"
        band = "yes" if shares_band(pair) else "no"
        print(f"{pair.name:<36} {label:<9} {scores} {sketch_estimate(pair):6.3f}  {band}")


def print_thresholds(pairs: list[Pair], size: int) -> None:
    """Precision and recall at each candidate threshold, and the LSH candidate probability."""
    scored = [(pair.same, similarity(pair, size)) for pair in pairs]
    print(f"\nshingle size {size}; chosen threshold {NEAR_DUP_THRESHOLD}")
    print(f"{'threshold':>9} {'precision':>9} {'recall':>6} {'errors':>6} {'P(band)':>8}")
    for threshold in THRESHOLDS:
        precision, recall = precision_recall(scored, threshold)
        errors = sum(same != (score >= threshold) for same, score in scored)
        band = 1 - (1 - threshold**ROWS_PER_BAND) ** NUM_BANDS
        print(f"{threshold:9.2f} {precision:9.3f} {recall:6.3f} {errors:6d} {band:8.3f}")
    same = [score for label, score in scored if label]
    different = [score for label, score in scored if not label]
    print(f"\nlowest 'same': {min(same):.3f}; highest 'different': {max(different):.3f}")


def main() -> None:
    """Print the calibration tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shingle", type=int, default=SHINGLE_WORDS, help="words per shingle")
    size = parser.parse_args().shingle
    pairs = load_pairs()
    print_pairs(pairs, size)
    print_thresholds(pairs, size)


if __name__ == "__main__":
    main()
