"""The corpus report as one self-contained HTML page, with an inline SVG heatmap of coverage."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timedelta
from html import escape
from typing import Any

from crawler.items import VIETNAM
from store.report import PRECISIONS, CorpusReport, LatestRun

CELL_WIDTH, CELL_HEIGHT, HEADER_HEIGHT, TOTAL_WIDTH = 30, 20, 34, 64
CHAR_WIDTH = 7
"""Approximate width of one label character (12 px sans-serif), to size the label column."""

SCALE = ((253, 231, 37), (94, 201, 98), (33, 145, 140), (59, 82, 139), (68, 1, 84))
"""The colour scale from few to many articles (light yellow → dark violet, as viridis)."""

EMPTY_FILL = "url(#no-articles)"
DARK_TEXT_FROM = 0.45
"""Above this position on the scale, a cell's number is written in white."""

RUN_COLUMNS = (
    ("requests", "requests"),
    ("status_200", "200"),
    ("status_304", "304"),
    ("status_4xx", "4xx"),
    ("status_5xx", "5xx"),
    ("articles_new", "new"),
    ("articles_updated", "updated"),
    ("articles_unchanged", "unchanged"),
)

STYLE = """
body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222}
h1{font-size:1.6em}h2{font-size:1.25em;margin-top:2em}
table{border-collapse:collapse;margin:.5em 0}
th,td{border:1px solid #ccc;padding:.2em .6em;text-align:right}
th:first-child,td:first-child{text-align:left}
thead th{background:#f0f0f0}tr.total td{font-weight:bold;background:#fafafa}
.scroll{overflow-x:auto;border:1px solid #eee;padding:.5em}
.heatmap text{font:12px sans-serif}.heatmap .n{font-size:9px}.note{color:#555}
"""


def month_range(first: str, last: str) -> list[str]:
    """Return every month ('YYYY-MM') from ``first`` to ``last`` inclusive; none skipped."""
    year, month = (int(part) for part in first.split("-"))
    end = tuple(int(part) for part in last.split("-"))
    months: list[str] = []
    while (year, month) <= end:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)  # noqa: PLR2004
    return months


def heatmap_months(report: CorpusReport) -> list[str]:
    """Return the heatmap's columns: the data's months, widened to ``--since``/``--until``."""
    months = {month for _, month, _ in report.monthly}
    if report.scope.since is not None:
        months.add(f"{report.scope.since.astimezone(VIETNAM):%Y-%m}")
    if report.scope.until is not None:
        last_moment = report.scope.until - timedelta(microseconds=1)
        months.add(f"{last_moment.astimezone(VIETNAM):%Y-%m}")
    return month_range(min(months), max(months)) if months else []


def cell_colour(count: int, maximum: int) -> str:
    """Return the fill of a cell with ``count`` articles (logarithmic scale up to ``maximum``)."""
    if count <= 0:
        return EMPTY_FILL
    position = _scale_position(count, maximum)
    scaled = position * (len(SCALE) - 1)
    index = min(int(scaled), len(SCALE) - 2)
    fraction = scaled - index
    low, high = SCALE[index], SCALE[index + 1]
    red, green, blue = (round(a + (b - a) * fraction) for a, b in zip(low, high, strict=True))
    return f"#{red:02x}{green:02x}{blue:02x}"


def _scale_position(count: int, maximum: int) -> float:
    """Return where ``count`` lies on the scale, from 0 (one article) to 1 (``maximum``)."""
    if maximum <= 1:
        return 1.0
    return min(1.0, math.log(count) / math.log(maximum))


def compact(count: int) -> str:
    """Return a count short enough for a cell: 7, 999, 1.2k, 12k."""
    if count < 1000:  # noqa: PLR2004
        return str(count)
    if count < 10000:  # noqa: PLR2004
        return f"{count / 1000:.1f}k"
    return f"{count // 1000}k"


def heatmap_svg(
    sites: Sequence[str], months: Sequence[str], counts: Mapping[tuple[str, str], int]
) -> str:
    """Return the heatmap: one ``rect.cell`` per site × month, carrying ``data-count``."""
    left = max((len(site) for site in sites), default=4) * CHAR_WIDTH + 12
    width = left + len(months) * CELL_WIDTH + TOTAL_WIDTH
    height = HEADER_HEIGHT + len(sites) * CELL_HEIGHT + 4
    maximum = max(counts.values(), default=0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="heatmap" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        'aria-label="articles per site per month">',
        _hatch("no-articles"),
        *_month_labels(months, left),
        f'<text x="{left + len(months) * CELL_WIDTH + 6}" y="28">total</text>',
    ]
    for row, site in enumerate(sites):
        top = HEADER_HEIGHT + row * CELL_HEIGHT
        parts.append(f'<text x="{left - 6}" y="{top + 14}" text-anchor="end">{escape(site)}</text>')
        total = 0
        for column, month in enumerate(months):
            count = counts.get((site, month), 0)
            total += count
            parts.append(_cell(site, month, count, maximum, x=left + column * CELL_WIDTH, y=top))
        total_x = left + len(months) * CELL_WIDTH + 6
        parts.append(f'<text x="{total_x}" y="{top + 14}" class="row-total">{total}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _hatch(pattern_id: str) -> str:
    """Return the definition of the red hatching that marks a month without articles."""
    return (
        f'<defs><pattern id="{pattern_id}" width="6" height="6" patternUnits="userSpaceOnUse">'
        '<rect width="6" height="6" fill="#ffffff"/>'
        '<path d="M0,6 L6,0" stroke="#d33" stroke-width="1"/></pattern></defs>'
    )


def _month_labels(months: Sequence[str], left: int) -> Iterable[str]:
    """Yield the year (at each January and the first column) and month labels, year lines."""
    for column, month in enumerate(months):
        year, number = month.split("-")
        x = left + column * CELL_WIDTH
        if column == 0 or number == "01":
            yield f'<text x="{x + 2}" y="12" font-weight="bold">{year}</text>'
            yield f'<line x1="{x}" y1="2" x2="{x}" y2="{HEADER_HEIGHT}" stroke="#888"/>'
        yield f'<text x="{x + CELL_WIDTH // 2}" y="28" text-anchor="middle">{number}</text>'


def _cell(site: str, month: str, count: int, maximum: int, *, x: int, y: int) -> str:
    """Return one cell: its rect with a tooltip and, when not empty, its number."""
    label = f"{site} · {month}: " + (f"{count} articles" if count else "no articles")
    css = "cell" if count else "cell empty"
    rect = (
        f'<rect class="{css}" x="{x}" y="{y}" width="{CELL_WIDTH - 1}" height="{CELL_HEIGHT - 1}" '
        f'fill="{cell_colour(count, maximum)}" data-site="{escape(site)}" data-month="{month}" '
        f'data-count="{count}"><title>{escape(label)}</title></rect>'
    )
    if not count:
        return rect
    ink = "#fff" if _scale_position(count, maximum) > DARK_TEXT_FROM else "#222"
    middle = x + (CELL_WIDTH - 1) // 2
    return (
        f'{rect}<text class="n" x="{middle}" y="{y + 13}" text-anchor="middle" fill="{ink}" '
        f'pointer-events="none">{compact(count)}</text>'
    )


def legend_svg(maximum: int) -> str:
    """Return the legend: the empty-month swatch and the colour of a few counts."""
    values = sorted({round(maximum ** (step / 4)) for step in range(5)}) if maximum else []
    swatches = [(EMPTY_FILL, "no articles"), *((cell_colour(v, maximum), str(v)) for v in values)]
    parts: list[str] = []
    x = 0
    for fill, label in swatches:
        fill_ref = "url(#no-articles-legend)" if fill == EMPTY_FILL else fill
        parts.append(
            f'<rect x="{x}" y="2" width="{CELL_WIDTH - 1}" height="{CELL_HEIGHT - 1}" '
            f'fill="{fill_ref}" stroke="#999"/><text x="{x + CELL_WIDTH + 4}" y="16" '
            f'font-size="12">{escape(label)}</text>'
        )
        x += CELL_WIDTH + 4 + len(label) * CHAR_WIDTH + 20
    parts.insert(
        0,
        f'<svg xmlns="http://www.w3.org/2000/svg" class="legend" width="{x}" height="24">'
        + _hatch("no-articles-legend"),
    )
    parts.append("</svg>")
    return "".join(parts)


def render_report(report: CorpusReport, *, generated_at: datetime, database: str = "") -> str:
    """Return the whole report page (no external resource: it opens offline)."""
    months = heatmap_months(report)
    counts = {(site, month): number for site, month, number in report.monthly}
    sections = [
        "<h1>partynews corpus report</h1>",
        f'<p class="note">{escape(_scope_line(report, generated_at, database))}</p>',
        "<h2>Totals</h2>",
        _totals_table(report, months, counts),
        "<h2>Articles per site per month of publication (Vietnam time)</h2>",
        '<p class="note">Hatched red cells: months without a single stored article. '
        "Undated articles are not counted here.</p>",
        f'<div class="scroll">{heatmap_svg(report.sites, months, counts)}</div>',
        legend_svg(max(counts.values(), default=0)),
        "<h2>Publication date precision</h2>",
        _matrix_table("precision", report.sites, PRECISIONS, report.precision),
        "<h2>Warnings (articles carrying each warning)</h2>",
        _warnings_section(report),
        "<h2>Latest run</h2>",
        _run_section(report.latest_run),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"/>'
        "<title>partynews corpus report</title>"
        f"<style>{STYLE}</style></head><body>{''.join(sections)}</body></html>\n"
    )


def _scope_line(report: CorpusReport, generated_at: datetime, database: str) -> str:
    """Return the line saying when, from where and over what the report was made."""
    scope = report.scope
    parts = [f"Generated {generated_at.astimezone(VIETNAM):%Y-%m-%d %H:%M} (Vietnam time)"]
    if database:
        parts.append(f"from {database}")
    parts.append("sites: " + (", ".join(scope.sites) if scope.sites else "all"))
    if scope.since is not None:
        parts.append(f"published from {scope.since.astimezone(VIETNAM):%Y-%m-%d}")
    if scope.until is not None:
        last_day = scope.until.astimezone(VIETNAM) - timedelta(microseconds=1)
        parts.append(f"published until {last_day:%Y-%m-%d}")
    return "; ".join(parts)


def _table(css: str, header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """Return an HTML table; a row whose first cell is 'total' gets the ``total`` class."""
    head = "".join(f"<th>{escape(str(cell))}</th>" for cell in header)
    body = []
    for row in rows:
        cells = "".join(f"<td>{escape(str(cell))}</td>" for cell in row)
        total = ' class="total"' if row and row[0] == "total" else ""
        body.append(f"<tr{total}>{cells}</tr>")
    return (
        f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'
    )


def _totals_table(report: CorpusReport, months: Sequence[str], counts: Mapping[Any, int]) -> str:
    """Return the totals: articles, dated and undated, publication span, months and gaps."""
    articles = sum(entry.articles for entry in report.totals)
    dated = sum(entry.dated for entry in report.totals)
    firsts = [entry.first_published for entry in report.totals if entry.first_published]
    lasts = [entry.last_published for entry in report.totals if entry.last_published]
    empty = len(report.sites) * len(months) - sum(1 for n in counts.values() if n)
    rows = [
        ("articles", articles),
        ("sites", len(report.sites)),
        ("dated articles", dated),
        ("undated articles", articles - dated),
        ("first published (Vietnam time)", _local(min(firsts)) if firsts else "-"),
        ("last published (Vietnam time)", _local(max(lasts)) if lasts else "-"),
        ("months shown", len(months)),
        ("site-months without articles", empty),
    ]
    return _table("totals", ("", "value"), rows)


def _local(moment: datetime) -> str:
    """Return a moment as Vietnam time, to the minute."""
    return f"{moment.astimezone(VIETNAM):%Y-%m-%d %H:%M}"


def _matrix_table(
    css: str, sites: Sequence[str], columns: Sequence[str], cells: Iterable[tuple[str, str, int]]
) -> str:
    """Return a site × column count table with a total column and a total row."""
    counts = {(site, column): number for site, column, number in cells}
    values = [[counts.get((site, column), 0) for column in columns] for site in sites]
    rows: list[list[object]] = [
        [site, *row, sum(row)] for site, row in zip(sites, values, strict=True)
    ]
    totals = [sum(column) for column in zip(*values, strict=True)] if values else [0] * len(columns)
    rows.append(["total", *totals, sum(totals)])
    return _table(css, ("site", *columns, "total"), rows)


def _warnings_section(report: CorpusReport) -> str:
    """Return the warnings table, or a line saying no article carries any."""
    names = sorted({name for _, name, _ in report.warnings})
    if not names:
        return '<p class="warnings-none">No article carries a warning.</p>'
    return _matrix_table("warnings", report.sites, names, report.warnings)


def _run_section(run: LatestRun | None) -> str:
    """Return the latest run's line and its per-site statistics."""
    if run is None:
        return '<p class="run-none">No finished run recorded for these sites.</p>'
    finished = _local(run.finished_at) if run.finished_at else "-"
    line = (
        f"run {run.id} ({run.command}, {run.status}): started {_local(run.started_at)}, "
        f"finished {finished} (Vietnam time)"
    )
    header = ("site", *(label for _, label in RUN_COLUMNS), "dropped", "duration (s)")
    rows = [
        (
            site,
            *(int(stats.get(key, 0) or 0) for key, _ in RUN_COLUMNS),
            _dropped(stats.get("dropped")),
            f"{float(stats.get('duration_s', 0) or 0):.1f}",
        )
        for site, stats in run.stats.items()
    ]
    return f'<p class="run">{escape(line)}</p>' + _table("run-stats", header, rows)


def _dropped(dropped: object) -> str:
    """Return the pages a run dropped as 'reason: n' pairs, most frequent first."""
    if not isinstance(dropped, Mapping) or not dropped:
        return "-"
    pairs = sorted(dropped.items(), key=lambda item: (-int(item[1]), str(item[0])))
    return ", ".join(f"{reason}: {number}" for reason, number in pairs)
