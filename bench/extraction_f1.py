"""Score the generic extraction path against plain trafilatura on the article-extraction benchmark.

Usage: python -m bench.extraction_f1 [/work/shared/data/article-extraction-benchmark]
Metric (the benchmark's own): 4-gram token shingles (``\\w+``), per-page TP/FP/FN normalized by
their sum, summed over pages; precision, recall and F1 from those sums.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import trafilatura

from crawler.extract import NotAnArticle, parse_article

TOKEN = re.compile(r"\w+")
NOW = datetime(2030, 1, 1, tzinfo=UTC)


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + size]) for i in range(max(1, len(tokens) - size + 1)))


def page_counts(predicted: str, truth: str) -> tuple[float, float, float]:
    got, want = shingles(predicted), shingles(truth)
    tp = sum((got & want).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def ours(body: bytes, url: str) -> str:
    try:
        article = parse_article(body, url, {"Content-Type": "text/html"}, now=NOW)
    except NotAnArticle:
        return ""
    return "\n\n".join(part for part in (article.lead, article.body) if part)


def plain(body: bytes, url: str) -> str:
    return trafilatura.extract(body, url=url) or ""


def score(extractor: Callable[[bytes, str], str], pages: list[tuple[bytes, str, str]]) -> str:
    start = time.perf_counter()
    tp = fp = fn = 0.0
    exact = 0
    for body, url, truth in pages:
        predicted = extractor(body, url)
        one = page_counts(predicted, truth)
        tp, fp, fn = tp + one[0], fp + one[1], fn + one[2]
        exact += TOKEN.findall(predicted) == TOKEN.findall(truth)
    elapsed = (time.perf_counter() - start) / len(pages) * 1000
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    return (f"F1 {f1:.3f}  P {precision:.3f}  R {recall:.3f}  accuracy {exact / len(pages):.3f}"
            f"  {elapsed:.1f} ms/page")


def main() -> None:
    default = "/work/shared/data/article-extraction-benchmark"
    root = Path(sys.argv[1] if len(sys.argv) > 1 else default)
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = [
        (gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()), item["url"],
         item["articleBody"])
        for key, item in sorted(truth.items())
    ]
    print(f"{len(pages)} pages")
    print("plain trafilatura.extract:", score(plain, pages))
    print("partynews generic path:   ", score(ours, pages))


if __name__ == "__main__":
    main()
