"""The Parquet writer: records written in row groups as they stream (pyarrow, an optional extra)."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from itertools import islice
from types import ModuleType
from typing import Any, BinaryIO

from store.export_record import INTEGER_FIELDS, LIST_FIELDS, RECORD_FIELDS, TIMESTAMP_FIELDS

ROW_GROUP_SIZE = 500
"""Records per row group: a few MB of text, the most the writer holds at once."""
DICTIONARY_FIELDS = (
    "site", "province", "province_historical", "kind", "published_precision",
    "published_source", "part_of_day", "section", "source", "source_tag", "language",
)  # fmt: skip
"""Low-cardinality columns worth dictionary encoding (never the texts)."""
INSTALL_HINT = "parquet export needs pyarrow: pip install 'partynews[parquet]'"


class ParquetUnavailableError(RuntimeError):
    """pyarrow is not installed."""

    def __init__(self) -> None:
        """Carry the one-line install hint as the message."""
        super().__init__(INSTALL_HINT)


def require_pyarrow() -> tuple[ModuleType, ModuleType]:
    """Return ``pyarrow`` and ``pyarrow.parquet``, or raise `ParquetUnavailableError`."""
    try:
        return importlib.import_module("pyarrow"), importlib.import_module("pyarrow.parquet")
    except ImportError:
        raise ParquetUnavailableError from None


def arrow_schema(pa: ModuleType) -> Any:
    """Return the Arrow schema of a record: native timestamps, dates, integers and lists."""
    image = pa.struct([("url", pa.string()), ("caption", pa.string())])
    types: dict[str, Any] = {name: pa.string() for name in RECORD_FIELDS}
    types.update({name: pa.int64() for name in INTEGER_FIELDS})
    types.update({name: pa.timestamp("us", tz="UTC") for name in TIMESTAMP_FIELDS})
    types.update({name: pa.list_(pa.string()) for name in LIST_FIELDS})
    types["event_date"] = pa.date32()
    types["images"] = pa.list_(image)
    nullable = {"id", "url", "site", "title", "lead", "body", "language", "version"}
    return pa.schema(
        [pa.field(name, types[name], nullable=name not in nullable) for name in RECORD_FIELDS]
    )


def _columns(batch: list[dict[str, Any]]) -> dict[str, list[Any]]:
    """Turn a batch of records into columns of Python values Arrow takes natively."""
    columns: dict[str, list[Any]] = {name: [row[name] for row in batch] for name in RECORD_FIELDS}
    for name in TIMESTAMP_FIELDS:
        columns[name] = [_instant(value) for value in columns[name]]
    columns["event_date"] = [
        date.fromisoformat(value) if value else None for value in columns["event_date"]
    ]
    return columns


def _instant(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _batches(rows: Iterable[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    iterator = iter(rows)
    while batch := list(islice(iterator, size)):
        yield batch


def write_parquet(
    rows: Iterable[dict[str, Any]], stream: BinaryIO, *, row_group_size: int = ROW_GROUP_SIZE
) -> int:
    """Write the records as Parquet (zstd), one row group per ``row_group_size`` records."""
    pa, pq = require_pyarrow()
    schema = arrow_schema(pa)
    count = 0
    sink = pa.PythonFile(stream, mode="w")
    pool = pa.system_memory_pool()  # mimalloc keeps freed row groups: RSS would creep up
    with pq.ParquetWriter(
        sink,
        schema,
        compression="zstd",
        use_dictionary=list(DICTIONARY_FIELDS),
        memory_pool=pool,
        write_statistics=[*DICTIONARY_FIELDS, *INTEGER_FIELDS, *TIMESTAMP_FIELDS, "event_date"],
    ) as writer:
        for batch in _batches(rows, row_group_size):
            columns = _columns(batch)
            arrays = [
                pa.array(columns[field.name], type=field.type, memory_pool=pool) for field in schema
            ]
            table = pa.Table.from_arrays(arrays, schema=schema)
            writer.write_table(table, row_group_size=row_group_size)
            count += len(batch)
    return count
