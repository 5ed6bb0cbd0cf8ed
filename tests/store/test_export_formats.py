"""Every export format reads back to the stored records: JSON Lines, gzip, CSV and Parquet."""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sqlalchemy.orm import Session

from store.export import RECORD_FIELDS, iter_export_rows
from store.export_formats import csv_cell, write_csv, write_jsonl, write_jsonl_gz
from store.export_parquet import INSTALL_HINT, ParquetUnavailableError, write_parquet
from store.export_record import INTEGER_FIELDS, JSON_FIELDS
from tests.store.test_export import ARTICLES, EXPORT_ORDER, article_part, store_corpus

NEVER_NULL_TEXT = {"url", "site", "title", "lead", "body", "language", "content_hash", "kind"}
"""Text fields whose empty CSV cell is an empty string; in every other one it is null."""


@pytest.fixture
def stored(session: Session) -> Session:
    """The session with the corpus of `tests.store.test_export` stored."""
    return store_corpus(session)


def read_jsonl(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def read_jsonl_gz(data: bytes) -> list[dict[str, Any]]:
    return read_jsonl(gzip.decompress(data))


def csv_value(name: str, cell: str) -> Any:
    """Read one CSV cell back by the documented rules."""
    if name in JSON_FIELDS:
        return json.loads(cell)
    if cell == "" and name not in NEVER_NULL_TEXT:
        return None
    return int(cell) if name in INTEGER_FIELDS else cell


def read_csv(data: bytes) -> list[dict[str, Any]]:
    reader = csv.DictReader(io.StringIO(data.decode("utf-8"), newline=""))
    assert reader.fieldnames == list(RECORD_FIELDS)
    return [{name: csv_value(name, cell) for name, cell in row.items()} for row in reader]


def parquet_value(value: Any) -> Any:
    """Arrow's native timestamps and dates back to the ISO strings of the JSON record."""
    return value.isoformat() if isinstance(value, datetime | date) else value


def read_parquet(data: bytes) -> list[dict[str, Any]]:
    rows = pq.read_table(io.BytesIO(data)).to_pylist()
    return [{name: parquet_value(value) for name, value in row.items()} for row in rows]


FORMATS: list[tuple[Callable[..., int], Callable[[bytes], list[dict[str, Any]]]]] = [
    (write_jsonl, read_jsonl),
    (write_jsonl_gz, read_jsonl_gz),
    (write_csv, read_csv),
    (write_parquet, read_parquet),
]


@pytest.mark.parametrize(("write", "read"), FORMATS, ids=["jsonl", "jsonl.gz", "csv", "parquet"])
def test_export_reads_back_to_the_stored_records(
    stored: Session,
    write: Callable[..., int],
    read: Callable[[bytes], list[dict[str, Any]]],
) -> None:
    output = io.BytesIO()
    assert write(iter_export_rows(stored), output) == len(ARTICLES)
    parsed = read(output.getvalue())
    assert parsed == list(iter_export_rows(stored))
    assert [article_part(row) for row in parsed] == [
        ARTICLES[name].to_dict() for name in EXPORT_ORDER
    ]
    assert [list(row) for row in parsed] == [list(RECORD_FIELDS)] * len(ARTICLES)


@pytest.mark.parametrize(("write", "read"), FORMATS, ids=["jsonl", "jsonl.gz", "csv", "parquet"])
def test_nothing_to_export_reads_back_as_nothing(
    write: Callable[..., int], read: Callable[[bytes], list[dict[str, Any]]]
) -> None:
    output = io.BytesIO()
    assert write([], output) == 0
    assert read(output.getvalue()) == []


def test_jsonl_is_utf8_without_escapes(stored: Session) -> None:
    output = io.BytesIO()
    write_jsonl(iter_export_rows(stored), output)
    assert "Hội nghị Ban Chấp hành Đảng bộ tỉnh".encode() in output.getvalue()
    assert b"\\u" not in output.getvalue()


def test_jsonl_gz_is_the_same_bytes_for_the_same_rows(stored: Session) -> None:
    first, second = io.BytesIO(), io.BytesIO()
    write_jsonl_gz(iter_export_rows(stored), first)
    write_jsonl_gz(iter_export_rows(stored), second)
    assert first.getvalue() == second.getvalue()
    assert first.getvalue()[:2] == b"\x1f\x8b"


@pytest.mark.parametrize(
    ("name", "value", "cell"),
    [
        ("authors", ["Hoàng Biên", "P.Hoa"], '["Hoàng Biên", "P.Hoa"]'),
        ("tags", [], "[]"),
        ("images", [{"url": "u", "caption": "Ảnh"}], '[{"url": "u", "caption": "Ảnh"}]'),
        ("section", None, ""),
        ("near_dup_group", None, ""),
        ("version", 2, "2"),
        ("lead", "", ""),
        ("title", 'Nói "không" với tham nhũng', 'Nói "không" với tham nhũng'),
    ],
)  # fmt: skip
def test_csv_cells(name: str, value: Any, cell: str) -> None:
    assert csv_cell(name, value) == cell


def test_csv_quotes_multiline_bodies(stored: Session) -> None:
    output = io.BytesIO()
    write_csv(iter_export_rows(stored, site="dangcongsan"), output)
    text = output.getvalue().decode("utf-8")
    assert text.startswith("id,url,site,province,province_historical,kind,title,lead,body,")
    assert '"Sáng 26/6, Bộ Chính trị họp.\n\nPhiên họp bàn về công tác cán bộ."' in text
    assert text.endswith("\r\n")
    assert text.count("\r\n") == 2  # the header and one record (the body's newlines are \n)


def test_parquet_writes_one_row_group_per_batch_with_native_types(stored: Session) -> None:
    output = io.BytesIO()
    write_parquet(iter_export_rows(stored), output, row_group_size=4)
    parquet = pq.ParquetFile(io.BytesIO(output.getvalue()))
    assert parquet.metadata.num_row_groups == 2  # 6 records: 4 + 2
    schema = parquet.schema_arrow
    assert schema.field("published_at").type == pa.timestamp("us", tz="UTC")
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("id").type == pa.int64()
    assert schema.field("authors").type == pa.list_(pa.string())
    assert schema.field("images").type.value_type.names == ["url", "caption"]
    assert not schema.field("body").nullable
    assert schema.field("section").nullable


def test_parquet_without_pyarrow_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(ParquetUnavailableError) as raised:
        write_parquet([], io.BytesIO())
    assert str(raised.value) == INSTALL_HINT
    assert INSTALL_HINT == "parquet export needs pyarrow: pip install 'partynews[parquet]'"
