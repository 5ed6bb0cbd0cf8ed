"""Export benchmark: rows/s and peak RSS of ``partynews export`` per format, SQLite and PostgreSQL.

Run ``python -m bench.export [--rows 10000 100000] [--pg URL]`` from the project root. Synthetic
articles (bodies of 3–5 kB of Vietnamese words) are bulk-inserted (executemany, not the ORM one
by one) into a temporary SQLite file and a temporary PostgreSQL database (``--pg`` or
``$PARTYNEWS_TEST_POSTGRES``); each export runs the CLI in a child process, timed, its peak
RSS read from ``wait4``. Target: constant memory (< 200 MB) whatever the row count.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, create_engine, insert, text
from sqlalchemy.engine import URL

from store.db import make_engine, normalize_url, upgrade
from store.models import ArticleRow, RawResponseRow, SiteRow

CLI = str(Path(sys.executable).with_name("partynews"))
FORMATS = ("jsonl", "jsonl.gz", "csv", "parquet")
CHUNK = 2_000
WORDS = (  # noqa: SIM905 - one readable sentence of words
    "Đảng bộ tỉnh tổ chức hội nghị ban chấp hành lần thứ năm đánh giá tình hình kinh tế xã hội "
    "sáu tháng đầu năm phương hướng nhiệm vụ đồng chí bí thư tỉnh ủy chủ tịch ủy ban nhân dân "
    "phát biểu chỉ đạo các đại biểu thảo luận công tác xây dựng chỉnh đốn cán bộ đảng viên "
    "chuyển đổi số nông thôn mới an sinh xã hội quốc phòng an ninh"
).split()
START = datetime(2020, 1, 1, tzinfo=UTC)


def body_text(rng: random.Random) -> str:
    """A 3–5 kB body: paragraphs of random words."""
    target = rng.randint(3_000, 5_000)
    paragraphs, size = [], 0
    while size < target:
        paragraph = " ".join(rng.choices(WORDS, k=rng.randint(40, 90))).capitalize() + "."
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
    return "\n\n".join(paragraphs)


def article_rows(count: int, seed: int = 0) -> Iterator[dict[str, Any]]:
    """Synthetic ``articles`` rows with explicit ids 1..count over three sites."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    for number in range(1, count + 1):
        published = START + timedelta(minutes=rng.randint(0, 3 * 365 * 24 * 60))
        yield {
            "id": number, "url": f"https://site{number % 3}.vn/tin/{number}.html",
            "site_key": f"site{number % 3}", "title": " ".join(rng.choices(WORDS, k=12)),
            "lead": " ".join(rng.choices(WORDS, k=30)), "body": body_text(rng),
            "authors": ["Hoàng Biên"], "published_at": published,
            "published_at_raw": published.strftime("%d/%m/%Y %H:%M"),
            "published_precision": "minute", "published_source": "visible",
            "language": "vi", "images": [{"url": f"https://x.vn/{number}.jpg", "caption": "Ảnh"}],
            "tags": ["Hội nghị"], "warnings": [], "content_hash": f"{number:064x}", "version": 1,
            "near_dup_group": number, "first_seen_at": published, "last_seen_at": published,
            "updated_at": published,
        }  # fmt: skip


def fill(url: str | URL, count: int) -> float:
    """Migrate the database and bulk-insert ``count`` articles; return the seconds it took."""
    started = time.perf_counter()
    engine = make_engine(url)
    upgrade(engine)
    articles, raws = cast("Table", ArticleRow.__table__), cast("Table", RawResponseRow.__table__)
    with engine.begin() as connection:
        sites = [
            {"key": f"site{n}", "name": f"Site {n}", "root_url": f"https://site{n}.vn/"}
            for n in range(3)
        ]
        connection.execute(insert(cast("Table", SiteRow.__table__)), sites)
        batch: list[dict[str, Any]] = []
        for row in article_rows(count):
            batch.append(row)
            if len(batch) == CHUNK:
                _insert_batch(connection, articles, raws, batch)
                batch = []
        if batch:
            _insert_batch(connection, articles, raws, batch)
    engine.dispose()
    return time.perf_counter() - started


def _insert_batch(
    connection: Any, articles: Table, raws: Table, batch: list[dict[str, Any]]
) -> None:
    connection.execute(insert(articles), batch)
    raw = [
        {"article_id": row["id"], "url": row["url"], "status": 200, "headers": {},
         "body": b"x", "fetched_at": row["first_seen_at"]}
        for row in batch
    ]  # fmt: skip
    connection.execute(insert(raws), raw)


def measure(db: str, form: str, out: Path) -> tuple[float, float]:
    """Run one export in a child process; return its wall seconds and peak RSS in MB."""
    started = time.perf_counter()
    with subprocess.Popen(
        [CLI, "export", "--db", db, "--format", form, "--out", str(out)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    ) as child:  # fmt: skip
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        wall = time.perf_counter() - started
        if child.returncode != 0:
            raise RuntimeError(child.stderr.read().decode() if child.stderr else "export failed")
    return wall, usage.ru_maxrss / 1024


@contextmanager
def postgres_database(base: str) -> Iterator[URL]:
    """A temporary PostgreSQL database on the server of ``base``, dropped afterwards."""
    url = normalize_url(base)
    name = f"partynews_bench_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield url.set(database=name)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run_backend(name: str, url: URL | str, count: int, workdir: Path) -> list[str]:
    """Fill one database and export it in every format; return the table lines."""
    filled = fill(url, count)
    print(f"{name}: {count:,} rows inserted in {filled:.1f} s", file=sys.stderr)
    db = url if isinstance(url, str) else url.render_as_string(hide_password=False)
    lines = []
    for form in FORMATS:
        out = workdir / f"out.{form}"
        wall, rss = measure(db, form, out)
        size = out.stat().st_size / 1e6
        lines.append(
            f"| {name} | {count:,} | {form} | {count / wall:,.0f} | {rss:.0f} | {size:,.0f} |"
        )
        out.unlink()
        print(lines[-1], file=sys.stderr)
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.export", description=__doc__)
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--pg", default=os.environ.get("PARTYNEWS_TEST_POSTGRES"))
    args = parser.parse_args(argv)
    table = [
        "| database | rows | format | rows/s | peak RSS (MB) | output (MB) |",
        "|---|---:|---|---:|---:|---:|",
    ]
    with tempfile.TemporaryDirectory(prefix="partynews-bench-") as tmp:
        workdir = Path(tmp)
        for count in args.rows:
            sqlite = f"sqlite:///{workdir / f'bench-{count}.db'}"
            table += run_backend("SQLite", sqlite, count, workdir)
            (workdir / f"bench-{count}.db").unlink()
            if args.pg:
                with postgres_database(args.pg) as url:
                    table += run_backend("PostgreSQL", url, count, workdir)
    print("\n".join(table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
