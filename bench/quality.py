"""Extraction quality over the golden fixtures, partynews beside plain trafilatura, in one run.

Usage: python -m bench.quality [fixtures-dir] [article-extraction-benchmark-dir]

Per fixture page (``fixtures/**/<name>.expected.json`` with its ``.html`` and ``.meta.json``):

* body F1 — the article-extraction-benchmark metric (``\\w+`` tokens, 4-gram shingles as
  multisets, per-page TP/FP/FN normalized by their sum, then precision and recall of the means,
  F1 of those); the truth is the expected lead + body, so a sapo left in the text is not
  punished twice; partynews offers its lead + body, trafilatura its extracted text;
* title / lead / date / author exactness, over the pages whose expectation has that field;
  partynews' ``published_at`` must equal the expected one to the minute; trafilatura only
  gives a day, which counts as exact when it is the expected local (Vietnam) day;
  trafilatura's lead is the page's meta description;
* boilerplate leaks — ``must_not_contain`` snippets found in title + lead + body.

Then the same body scorer over the public article-extraction benchmark: partynews' generic path
(``parse_article`` without a profile, lead + body) against ``trafilatura.extract``.
"""

from __future__ import annotations

import gzip
import importlib
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import trafilatura

from bench.extraction_f1 import ours as generic_body
from bench.extraction_f1 import page_counts
from bench.extraction_f1 import plain as trafilatura_body
from crawler.extract import NotAnArticle, parse_article
from crawler.sites.base import SiteProfile

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
BENCHMARK = Path("/work/shared/data/article-extraction-benchmark")
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
TARGETS = {"body F1": "≥ 0.97", "title exact": "≥ 98 %", "date exact": "≥ 98 %",
           "leaks": "0"}
BENCHMARK_TARGETS = {"body F1": "≥ plain trafilatura"}


@dataclass(frozen=True, slots=True)
class FixturePage:
    """One golden fixture: raw bytes, request data and the hand-written expectation."""

    name: str
    body: bytes
    url: str
    headers: dict[str, str]
    now: datetime
    expected: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Prediction:
    """What one extractor made of one page; ``day_only`` dates are compared by local day."""

    title: str = ""
    lead: str = ""
    body: str = ""
    published: datetime | None = None
    day_only: bool = False
    authors: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BodyScore:
    """Precision, recall and F1 of the shingle metric over a set of pages."""

    precision: float
    recall: float
    f1: float


def body_score(pairs: Sequence[tuple[str, str]]) -> BodyScore:
    """Score (predicted, truth) pairs: per-page normalized TP/FP/FN, P and R of their means."""
    tp = fp = fn = 0.0
    for predicted, truth in pairs:
        one = page_counts(predicted, truth)
        tp, fp, fn = tp + one[0], fp + one[1], fn + one[2]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return BodyScore(precision, recall, f1)


def same_minute(predicted: datetime | None, expected: str | None) -> bool:
    """Tell whether a predicted time equals the expected ISO time, to the minute."""
    if predicted is None or expected is None:
        return predicted is None and expected is None
    want = datetime.fromisoformat(expected)
    return predicted.replace(second=0, microsecond=0) == want.replace(second=0, microsecond=0)


def same_local_day(predicted: datetime | None, expected: str | None) -> bool:
    """Tell whether a predicted date falls on the expected time's day in Vietnam."""
    if predicted is None or expected is None:
        return predicted is None and expected is None
    want = datetime.fromisoformat(expected).astimezone(VIETNAM).date()
    return predicted.date() == want


def date_exact(prediction: Prediction, expected: str | None) -> bool:
    """Exactness of the publication date: to the minute, or by day for day-only extractors."""
    if prediction.day_only:
        return same_local_day(prediction.published, expected)
    return same_minute(prediction.published, expected)


def leaks(prediction: Prediction, snippets: Sequence[str]) -> int:
    """Count the must-not-contain snippets present in title + lead + body."""
    everything = "\n".join([prediction.body, prediction.lead, prediction.title])
    return sum(1 for snippet in snippets if snippet in everything)


def percent(hits: int, total: int) -> str:
    """Format a share as a percentage ('n/a' for an empty set)."""
    return f"{100 * hits / total:.1f} %" if total else "n/a"


def load_fixtures(root: Path) -> list[FixturePage]:
    """Read every fixture page under ``root``."""
    pages = []
    for path in sorted(root.glob("**/*.expected.json")):
        stem = path.name.removesuffix(".expected.json")
        meta = json.loads((path.parent / f"{stem}.meta.json").read_text(encoding="utf-8"))
        pages.append(FixturePage(
            name=f"{path.parent.name}/{stem}", body=(path.parent / f"{stem}.html").read_bytes(),
            url=meta["url"], headers=meta["headers"], now=datetime.fromisoformat(meta["now"]),
            expected=json.loads(path.read_text(encoding="utf-8")),
        ))
    return pages


def _profile_resolver() -> Callable[[str, bytes], SiteProfile | None]:
    """Return ``crawler.sites.detect.resolve_profile`` when it exists, else 'no profile'."""
    try:
        module = importlib.import_module("crawler.sites.detect")
    except ImportError:
        return lambda _url, _body: None
    resolver: Callable[[str, bytes], SiteProfile | None] = module.resolve_profile
    return resolver


def predict_partynews(page: FixturePage,
                      resolve: Callable[[str, bytes], SiteProfile | None]) -> Prediction:
    """Run ``parse_article`` with the page's profile (or none); empty when not an article."""
    try:
        article = parse_article(page.body, page.url, page.headers, now=page.now,
                                profile=resolve(page.url, page.body))
    except NotAnArticle:
        return Prediction()
    return Prediction(title=article.title, lead=article.lead, body=article.body,
                      published=article.published_at, authors=tuple(article.authors))


def predict_trafilatura(page: FixturePage) -> Prediction:
    """Run plain trafilatura (text + metadata) on the same bytes."""
    document = trafilatura.bare_extraction(page.body, url=page.url, with_metadata=True)
    if document is None:
        return Prediction()
    found = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    day = found.get("date")
    published = datetime.fromisoformat(day) if day else None
    authors = tuple(name.strip() for name in (found.get("author") or "").split(";") if name)
    return Prediction(title=found.get("title") or "", lead=found.get("description") or "",
                      body=found.get("text") or "", published=published, day_only=True,
                      authors=authors)


def _text(prediction: Prediction) -> str:
    return "\n\n".join(part for part in (prediction.lead, prediction.body) if part)


def _exact(pages: Sequence[FixturePage], key: str, check: Callable[[int, Any], bool]) -> str:
    indexes = [index for index, page in enumerate(pages) if key in page.expected]
    hits = sum(1 for index in indexes if check(index, pages[index].expected[key]))
    return f"{percent(hits, len(indexes))} ({hits}/{len(indexes)})"


def score_fixtures(pages: Sequence[FixturePage],
                   predictions: Sequence[Prediction]) -> dict[str, str]:
    """Return one column of the fixture table: metric name -> formatted value."""
    truths = [_text(Prediction(lead=page.expected.get("lead", ""),
                               body=page.expected.get("body", ""))) for page in pages]
    body = body_score([(_text(prediction), truth)
                       for prediction, truth in zip(predictions, truths, strict=True)])
    leaked = sum(leaks(prediction, page.expected.get("must_not_contain", []))
                 for prediction, page in zip(predictions, pages, strict=True))
    snippets = sum(len(page.expected.get("must_not_contain", [])) for page in pages)
    return {
        "body F1": f"{body.f1:.3f} (P {body.precision:.3f}, R {body.recall:.3f})",
        "title exact": _exact(pages, "title", lambda i, want: predictions[i].title == want),
        "lead exact": _exact(pages, "lead", lambda i, want: predictions[i].lead == want),
        "date exact": _exact(pages, "published_at",
                             lambda i, want: date_exact(predictions[i], want)),
        "author exact": _exact(pages, "authors",
                               lambda i, want: list(predictions[i].authors) == want),
        "leaks": f"{leaked} of {snippets} snippets",
    }


def table(columns: dict[str, dict[str, str]], targets: dict[str, str]) -> str:
    """Render metric rows with the target and one column per extractor as Markdown."""
    names = list(columns)
    lines = ["| metric | target | " + " | ".join(names) + " |",
             "|---|---|" + "---|" * len(names)]
    for metric in next(iter(columns.values())):
        values = " | ".join(columns[name][metric] for name in names)
        lines.append(f"| {metric} | {targets.get(metric, '')} | {values} |")
    return "\n".join(lines)


def fixture_report(root: Path) -> str:
    """Score partynews and plain trafilatura over every fixture page under ``root``."""
    pages = load_fixtures(root)
    resolve = _profile_resolver()
    ours = [predict_partynews(page, resolve) for page in pages]
    theirs = [predict_trafilatura(page) for page in pages]
    columns = {"partynews": score_fixtures(pages, ours),
               "plain trafilatura": score_fixtures(pages, theirs)}
    return (f"Golden fixtures: {len(pages)} pages under {root}\n\n{table(columns, TARGETS)}\n\n"
            "trafilatura's date is a day: exact when it is the expected local day; partynews'"
            " must match to the minute. trafilatura's lead is the meta description.")


def _benchmark_column(extractor: Callable[[bytes, str], str],
                      pages: Sequence[tuple[bytes, str, str]]) -> dict[str, str]:
    start = time.perf_counter()
    score = body_score([(extractor(body, url), truth) for body, url, truth in pages])
    elapsed = (time.perf_counter() - start) / max(1, len(pages)) * 1000
    return {"body F1": f"{score.f1:.3f}", "precision": f"{score.precision:.3f}",
            "recall": f"{score.recall:.3f}", "ms/page": f"{elapsed:.1f}"}


def benchmark_report(root: Path) -> str:
    """Score the generic path against plain trafilatura on the article-extraction benchmark."""
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = [(gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes()), item["url"],
              item["articleBody"]) for key, item in sorted(truth.items())]
    columns = {"partynews generic": _benchmark_column(generic_body, pages),
               "plain trafilatura": _benchmark_column(trafilatura_body, pages)}
    rendered = table(columns, BENCHMARK_TARGETS)
    return f"article-extraction-benchmark: {len(pages)} pages under {root}\n\n{rendered}"


def main(argv: Sequence[str] = ()) -> None:
    """Print the fixture table, then the public benchmark table."""
    fixtures = Path(argv[0]) if argv else FIXTURES
    benchmark = Path(argv[1]) if len(argv) > 1 else BENCHMARK
    print(fixture_report(fixtures))
    print()
    if (benchmark / "ground-truth.json").exists():
        print(benchmark_report(benchmark))
    else:
        print(f"(no article-extraction-benchmark at {benchmark}: skipped)")


if __name__ == "__main__":
    main(sys.argv[1:])
