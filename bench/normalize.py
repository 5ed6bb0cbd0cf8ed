"""Time the normalize chain per article over the seed texts and any HTML fixtures.

Run from the project root: ``python -m bench.normalize [--runs N]``. Not a test: it prints a table.
The chain is clean_paragraphs → strip_residue → split_byline → find_dateline; a stage whose module
or function is missing is skipped with a note. Target: ≤ 10 ms for a 7 kB article.
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import lxml.html

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SEEDS = PROJECT_ROOT.parent / "shared" / "seeds"
FIXTURES = PROJECT_ROOT / "fixtures"
TARGET_MS_PER_7KB = 10.0

Stage = Callable[[list[str]], list[str]]


def _function(module_name: str, name: str) -> Callable[..., Any] | None:
    try:
        module = importlib.import_module(module_name)
    except ImportError:
        return None
    function = getattr(module, name, None)
    return function if callable(function) else None


def _paragraphs_field(function: Callable[..., Any], paragraphs: list[str]) -> list[str]:
    return list(function(paragraphs).paragraphs)


def _first_item(function: Callable[..., Any], paragraphs: list[str]) -> list[str]:
    return list(function(paragraphs)[0])


def _unchanged(function: Callable[..., Any], paragraphs: list[str]) -> list[str]:
    function(paragraphs, None)
    return paragraphs


CHAIN: list[tuple[str, str, Callable[[Callable[..., Any], list[str]], list[str]]]] = [
    ("normalize.text", "clean_paragraphs", _paragraphs_field),
    ("normalize.residue", "strip_residue", _paragraphs_field),
    ("normalize.bylines", "split_byline", _first_item),
    ("normalize.datelines", "find_dateline", _unchanged),
]


def _stages() -> tuple[list[tuple[str, Stage]], list[str]]:
    """Return the available stages in chain order and a note for each missing one."""
    stages: list[tuple[str, Stage]] = []
    notes: list[str] = []
    for module_name, name, adapt in CHAIN:
        function = _function(module_name, name)
        if function is None:
            notes.append(f"skipped {module_name}.{name}: not available")
        else:
            stages.append((f"{module_name}.{name}", partial(adapt, function)))
    return stages, notes


def _articles() -> list[tuple[str, list[str]]]:
    """Return (name, paragraphs) for each seed text and each HTML fixture's <p> elements."""
    articles: list[tuple[str, list[str]]] = []
    for path in sorted(SEEDS.glob("*.txt")):
        articles.append((f"seed/{path.name}", path.read_text(encoding="utf-8").split("\n")))
    for path in sorted(FIXTURES.glob("**/*.html")):
        document = lxml.html.document_fromstring(path.read_bytes())
        paragraphs = [element.text_content() for element in document.iter("p")]
        if any(paragraph.strip() for paragraph in paragraphs):
            articles.append((str(path.relative_to(PROJECT_ROOT)), paragraphs))
    return articles


def _median_ms(stages: Sequence[tuple[str, Stage]], paragraphs: list[str], runs: int) -> float:
    timings: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        current = paragraphs
        for _name, stage in stages:
            current = stage(current)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the per-article timing table of the normalize chain."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=50, help="runs per article (median is shown)")
    args = parser.parse_args(argv)
    stages, notes = _stages()
    articles = _articles()
    print("chain: " + (" → ".join(name for name, _ in stages) or "(nothing available)"))
    for note in notes:
        print(f"note: {note}")
    if not SEEDS.is_dir():
        print(f"note: no seed texts at {SEEDS}")
    width = max([len("article"), *(len(name) for name, _ in articles)])
    print(f"{'article':<{width}}  {'chars':>7}  {'ms/article':>10}  {'ms per 7 kB':>11}")
    total_chars = 0
    total_ms = 0.0
    for name, paragraphs in articles:
        chars = sum(len(paragraph) for paragraph in paragraphs)
        ms = _median_ms(stages, paragraphs, args.runs)
        total_chars += chars
        total_ms += ms
        per_7kb = ms * 7000 / chars if chars else 0.0
        print(f"{name:<{width}}  {chars:>7}  {ms:>10.3f}  {per_7kb:>11.3f}")
    overall = total_ms * 7000 / total_chars if total_chars else 0.0
    print(f"{'total (' + str(len(articles)) + ' articles)':<{width}}  {total_chars:>7}  "
          f"{total_ms:>10.3f}  {overall:>11.3f}")
    verdict = "meets" if overall <= TARGET_MS_PER_7KB else "MISSES"
    print(f"{verdict} the target of {TARGET_MS_PER_7KB:.0f} ms per 7 kB article "
          f"(median of {args.runs} runs per article)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
