"""Writers of exported records: JSON Lines (plain or gzip) and CSV, one record at a time."""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections.abc import Callable, Iterable
from typing import Any, BinaryIO

from store.export_record import JSON_FIELDS, RECORD_FIELDS

Writer = Callable[[Iterable[dict[str, Any]], BinaryIO], int]
"""A writer: records in, bytes to the stream, the number of records written back."""

GZIP_LEVEL = 6


def write_jsonl(rows: Iterable[dict[str, Any]], stream: BinaryIO) -> int:
    """Write one UTF-8 JSON object per line to ``stream``; return how many were written."""
    count = 0
    for row in rows:
        stream.write(json.dumps(row, ensure_ascii=False).encode("utf-8"))
        stream.write(b"\n")
        count += 1
    return count


def write_jsonl_gz(rows: Iterable[dict[str, Any]], stream: BinaryIO) -> int:
    """Write JSON Lines through gzip (no name or time in the header: same rows, same bytes)."""
    with gzip.GzipFile(
        filename="", mode="wb", fileobj=stream, compresslevel=GZIP_LEVEL, mtime=0
    ) as compressed:
        return write_jsonl(rows, compressed)  # type: ignore[arg-type]  # GzipFile is binary IO


def csv_cell(name: str, value: Any) -> str:
    """Return the CSV text of one field: '' for null, JSON for lists, the value otherwise."""
    if value is None:
        return ""
    if name in JSON_FIELDS:
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def write_csv(rows: Iterable[dict[str, Any]], stream: BinaryIO) -> int:
    """Write RFC 4180 CSV in UTF-8 (no BOM): a `RECORD_FIELDS` header, then one line a record."""
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
    try:
        writer = csv.writer(text)
        writer.writerow(RECORD_FIELDS)
        count = 0
        for row in rows:
            writer.writerow([csv_cell(name, row[name]) for name in RECORD_FIELDS])
            count += 1
    finally:
        text.flush()
        text.detach()
    return count
