"""The HTML corpus report: well-formed, self-contained, and its numbers are the database's."""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import select

from crawler.cli import main
from crawler.items import VIETNAM
from crawler.report import EMPTY_FILL, cell_colour, compact, month_range
from store.db import make_engine, session_factory, upgrade
from store.models import ArticleRow
from tests.store.test_report import store_corpus

SVG = "{http://www.w3.org/2000/svg}"
CHROMIUM = Path("/usr/bin/chromium")

ALL_CELLS = {
    ("hanoi", "2021-01"): 1,
    ("hanoi", "2021-02"): 1,
    ("hanoi", "2021-03"): 0,
    ("hanoi", "2021-04"): 1,
    ("hue", "2021-01"): 0,
    ("hue", "2021-02"): 2,
    ("hue", "2021-03"): 0,
    ("hue", "2021-04"): 0,
}


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("2021-06", "2021-06", ["2021-06"]),
        ("2020-11", "2021-02", ["2020-11", "2020-12", "2021-01", "2021-02"]),
        ("2021-03", "2021-02", []),
    ],
)
def test_month_range_skips_no_month(first: str, last: str, expected: list[str]) -> None:
    assert month_range(first, last) == expected


@pytest.mark.parametrize(
    ("count", "maximum", "expected"),
    [
        (0, 10, EMPTY_FILL),
        (1, 100, "#fde725"),  # the light end of the scale, distinct from an empty month
        (100, 100, "#440154"),
        (10, 100, "#21918c"),  # log10(10)/log10(100) = 0.5: the middle stop
        (1, 1, "#440154"),
    ],
)
def test_cell_colour(count: int, maximum: int, expected: str) -> None:
    assert cell_colour(count, maximum) == expected


@pytest.mark.parametrize(
    ("count", "expected"), [(7, "7"), (999, "999"), (1000, "1.0k"), (1234, "1.2k"), (12345, "12k")]
)
def test_compact(count: int, expected: str) -> None:
    assert compact(count) == expected


@pytest.fixture
def database_url(database_url: str) -> str:
    """The shared fresh database (tests/conftest.py), holding the report corpus."""
    _fill(database_url)
    return database_url


def _fill(url: str) -> None:
    engine = make_engine(url)
    try:
        upgrade(engine)
        with session_factory(engine).begin() as session:
            store_corpus(session)
    finally:
        engine.dispose()


def render(tmp_path: Path, database_url: str, *options: str) -> etree._Element:
    out = tmp_path / "report.html"
    assert main(["report", "--out", str(out), "--db", database_url, *options]) == 0
    # a strict XML parse: the page must be well-formed, not only readable by a lenient parser
    return etree.parse(str(out), etree.XMLParser(no_network=True, resolve_entities=False)).getroot()


def cells(page: etree._Element) -> dict[tuple[str, str], int]:
    heatmaps = page.findall(f".//{SVG}svg[@class='heatmap']")
    assert len(heatmaps) == 1
    found = heatmaps[0].findall(f".//{SVG}rect")
    found = [rect for rect in found if "cell" in rect.get("class", "").split()]
    shown = {(rect.get("data-site"), rect.get("data-month")): rect for rect in found}
    assert len(shown) == len(found)  # one cell per site × month
    for (site, month), rect in shown.items():
        count = int(rect.get("data-count"))
        tooltip = rect.findtext(f"{SVG}title")
        if count:
            assert tooltip == f"{site} · {month}: {count} articles"
            assert rect.get("fill") != EMPTY_FILL
            assert rect.get("class") == "cell"
        else:
            assert tooltip == f"{site} · {month}: no articles"
            assert (rect.get("fill"), rect.get("class")) == (EMPTY_FILL, "cell empty")
    return {key: int(rect.get("data-count")) for key, rect in shown.items()}


def table(page: etree._Element, css: str) -> dict[str, list[str]]:
    tables = page.findall(f".//table[@class='{css}']")
    assert len(tables) == 1
    header = ["".join(cell.itertext()) for cell in tables[0].iterfind("thead/tr/th")]
    rows = {"": header[1:]}
    for row in tables[0].iterfind("tbody/tr"):
        values = ["".join(cell.itertext()) for cell in row.iterfind("td")]
        rows[values[0]] = values[1:]
    return rows


def database_months(database_url: str) -> Counter[tuple[str, str]]:
    """Count the stored articles per site and Vietnam month, in Python, as a cross-check."""
    engine = make_engine(database_url)
    try:
        with session_factory(engine)() as session:
            rows = session.execute(select(ArticleRow.site_key, ArticleRow.published_at)).all()
    finally:
        engine.dispose()
    return Counter((site, f"{moment.astimezone(VIETNAM):%Y-%m}") for site, moment in rows if moment)


def test_the_report_shows_the_database(tmp_path: Path, database_url: str) -> None:
    page = render(tmp_path, database_url)

    assert page.findall(".//script") == page.findall(".//link") == page.findall(".//img") == []
    assert page.xpath("//@src | //@href") == []  # nothing to fetch: it works offline
    shown = cells(page)
    assert shown == ALL_CELLS
    assert {key: n for key, n in shown.items() if n} == dict(database_months(database_url))

    assert table(page, "precision") == {
        "": ["second", "minute", "day", "none", "total"],
        "hanoi": ["1", "1", "1", "1", "4"],
        "hue": ["0", "2", "0", "0", "2"],
        "total": ["1", "3", "1", "1", "6"],
    }
    assert table(page, "warnings") == {
        "": ["encoding_lossy", "no_date", "tz_mislabelled", "total"],
        "hanoi": ["1", "1", "2", "4"],
        "hue": ["0", "0", "1", "1"],
        "total": ["1", "1", "3", "5"],
    }
    assert table(page, "run-stats") == {
        "": [
            "requests",
            "200",
            "304",
            "4xx",
            "5xx",
            "new",
            "updated",
            "unchanged",
            "dropped",
            "duration (s)",
        ],
        "hanoi": [
            "40",
            "30",
            "5",
            "3",
            "2",
            "3",
            "1",
            "0",
            "not_an_article: 4, offsite: 1",
            "12.3",
        ],
    }
    totals = table(page, "totals")
    assert {
        name: totals[name]
        for name in (
            "articles",
            "sites",
            "undated articles",
            "months shown",
            "site-months without articles",
        )
    } == {
        "articles": ["6"],
        "sites": ["2"],
        "undated articles": ["1"],
        "months shown": ["4"],
        "site-months without articles": ["4"],
    }
    assert totals["first published (Vietnam time)"] == ["2021-01-15 10:00"]
    assert totals["last published (Vietnam time)"] == ["2021-04-10 09:00"]


def test_site_and_range_options(tmp_path: Path, database_url: str) -> None:
    page = render(
        tmp_path, database_url, "--site", "hue", "--since", "2021-02-01", "--until", "2021-03-31"
    )

    # the months span the asked range, so March shows as a gap although no article is in it
    assert cells(page) == {("hue", "2021-02"): 2, ("hue", "2021-03"): 0}
    assert table(page, "precision")["hue"] == ["0", "2", "0", "0", "2"]
    assert table(page, "run-stats")["hue"][:6] == ["7", "7", "0", "0", "0", "2"]
    assert "hanoi" not in table(page, "run-stats")


def test_an_empty_database(tmp_path: Path) -> None:
    page = render(tmp_path, f"sqlite:///{tmp_path / 'empty.db'}")

    assert cells(page) == {}
    assert page.findtext(".//p[@class='run-none']") == "No finished run recorded for these sites."
    assert page.findtext(".//p[@class='warnings-none']") == "No article carries a warning."


def test_since_after_until_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'x.db'}"
    args = ["report", "--db", url, "--out", str(tmp_path / "r.html"), "--since", "2021-03-02"]
    assert main([*args, "--until", "2021-03-01"]) == 2
    assert "--since must not be after --until" in capsys.readouterr().err


@pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium for a screenshot")
def test_chromium_renders_the_page(tmp_path: Path, database_url: str) -> None:
    render(tmp_path, database_url)
    shot = tmp_path / "report.png"
    command = [
        str(CHROMIUM),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        f"--screenshot={shot}",
        "--window-size=1200,1600",
        (tmp_path / "report.html").as_uri(),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(shot.read_bytes()) > 10_000  # not a blank page
