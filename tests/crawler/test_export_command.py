"""``partynews export``: formats, filters, the printed cursor, --dedupe and its errors."""

from __future__ import annotations

import csv
import dataclasses
import gzip
import io
import json
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from sqlalchemy.orm import Session

from crawler.cli import main
from store.db import make_engine, upgrade
from store.repository import upsert_articles
from tests.store.conftest import BACKENDS, blank_engine
from tests.store.factories import article, crawled
from tests.store.test_export import ARTICLES, EXPORT_ORDER, store_corpus

LATER = datetime(2021, 8, 1, tzinfo=UTC)


@pytest.fixture(params=BACKENDS)
def db_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A migrated database holding the corpus of `tests.store.test_export`, committed."""
    with blank_engine(request.param, tmp_path_factory) as engine:
        upgrade(engine)
        with Session(engine) as session:
            store_corpus(session)
            session.commit()
        yield engine.url.render_as_string(hide_password=False)


def export(db_url: str, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str]]:
    """Run the command; return its exit code and its standard error lines."""
    code = main(["export", "--db", db_url, *args])
    return code, capsys.readouterr().err.splitlines()


def names(rows: list[dict[str, Any]]) -> list[str]:
    by_url = {item.url: name for name, item in ARTICLES.items()}
    return [by_url[row["url"]] for row in rows]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def read_any(path: Path, form: str) -> list[dict[str, Any]]:
    """The rows of an export file, by format (the url column is what the tests compare)."""
    if form == "jsonl.gz":
        return [json.loads(line) for line in gzip.decompress(path.read_bytes()).splitlines()]
    if form == "csv":
        return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    if form == "parquet":
        return list(pq.read_table(path).to_pylist())
    return read_jsonl(path)


@pytest.mark.parametrize("form", ["jsonl", "jsonl.gz", "csv", "parquet"])
def test_every_format_to_a_file(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    out = tmp_path / f"corpus.{form}"
    code, err = export(db_url, capsys, "--format", form, "--out", str(out))
    assert code == 0
    assert names(read_any(out, form)) == EXPORT_ORDER
    assert err[0] == f"exported 6 articles to {out}"
    assert err[1].startswith("cursor: 2021-07-01T00:00:00.000000+00:00/")
    assert not out.with_name(out.name + ".partial").exists()


def test_jsonl_to_standard_output(db_url: str, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["export", "--db", db_url, "--out", "-", "--site", "dangcongsan"]) == 0
    captured = capsysbinary.readouterr()
    rows = [json.loads(line) for line in captured.out.decode("utf-8").splitlines()]
    assert names(rows) == ["f"]
    assert captured.err.decode("utf-8").startswith("exported 1 articles to -\n")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--site", "hanoi", "--site", "hue"], ["b", "a", "d", "c"]),
        (["--province", "hai duong"], ["e"]),
        (["--province", "Hà Nội", "--province", "Hải Phòng"], ["b", "a", "e", "c"]),
        (["--kind", "central", "--kind", "unknown"], ["f", "d"]),
        (["--since", "2021-06-28"], ["a", "d", "e"]),  # from 2021-06-27T17:00Z
        (["--until", "2021-06-28"], ["f", "b", "a", "d"]),  # before 2021-06-28T17:00Z
        (["--since", "2021-06-29", "--until", "2021-06-29"], ["e"]),  # e: 2021-06-29 08:00 ICT
        (["--since", "2021-06-30"], []),
        (["--min-chars", "6"], ["f", "b", "a", "d", "c"]),
        (["--changed-since", "2021-07-01T07:00:00+07:00"], []),
        (["--changed-since", "2021-06-30"], EXPORT_ORDER),
        (["--dedupe"], ["f", "b", "e"]),  # a, b, c, d are copies: b was published first
    ],
)
def test_filters(
    db_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: list[str],
    expected: list[str],
) -> None:
    out = tmp_path / "corpus.jsonl"
    assert export(db_url, capsys, "--out", str(out), *args)[0] == 0
    assert names(read_jsonl(out)) == expected


def test_the_printed_cursor_gives_exactly_the_new_and_revised(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "corpus.jsonl"
    _, err = export(db_url, capsys, "--out", str(out))
    cursor = err[1].removeprefix("cursor: ")
    fresh = article("https://hanoi.dcs.vn/g.html", title="Tin mới", body="Bài mới hoàn toàn.")
    revised = dataclasses.replace(ARTICLES["e"], body="Ngắn, đã sửa.")
    engine = make_engine(db_url)
    try:
        with Session(engine) as session:
            items = [crawled(fresh), crawled(revised), crawled(ARTICLES["f"])]
            upsert_articles(session, items, now=LATER)
            session.commit()
    finally:
        engine.dispose()
    _, err = export(db_url, capsys, "--out", str(out), "--changed-since", cursor)
    rows = read_jsonl(out)
    # by publication time: g (2021-06-28) before e (2021-06-29); f was stored again unchanged
    assert [(row["url"], row["version"]) for row in rows] == [
        (fresh.url, 1),
        (ARTICLES["e"].url, 2),
    ]
    assert err[1].startswith("cursor: 2021-08-01T00:00:00.000000+00:00/")
    _, err = export(
        db_url, capsys, "--out", str(out), "--changed-since", err[1].removeprefix("cursor: ")
    )
    assert (read_jsonl(out), err[0]) == ([], f"exported 0 articles to {out}")


def test_parquet_without_pyarrow(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    out = tmp_path / "corpus.parquet"
    code, err = export(db_url, capsys, "--format", "parquet", "--out", str(out))
    assert (code, err) == (
        2,
        ["partynews: error: parquet export needs pyarrow: pip install 'partynews[parquet]'"],
    )
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--changed-since", "yesterday"],
            "partynews: error: not a timestamp or export cursor: 'yesterday'",
        ),
        (["--province", "Atlantis"], "partynews: error: unknown province 'Atlantis'"),
        (
            ["--out", "/nonexistent-dir/x.jsonl"],
            "partynews: error: cannot write /nonexistent-dir/x.jsonl",
        ),
    ],
)
def test_usage_errors(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, err = export(db_url, capsys, "--out", str(tmp_path / "x.jsonl"), *args)
    assert code == 2
    assert err[0].startswith(message)
    assert not (tmp_path / "x.jsonl").exists()
