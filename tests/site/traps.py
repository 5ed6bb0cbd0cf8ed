"""Endless pages (calendar, search), bad responses and binary assets of the test site (pure)."""

from __future__ import annotations

import struct
import zlib
from datetime import date, timedelta
from urllib.parse import parse_qs, quote_plus

from tests.site.model import Page, html_page
from tests.site.templates import attr, page_html, text

CALENDAR_PATH = "/lich"
SEARCH_PATH = "/tim-kiem"
HUGE_LENGTH = 11 * 1024 * 1024
"""Bytes the oversized page announces and streams (more than a 10 MB download limit)."""
TRUNCATED_MISSING = 40_000
"""Bytes the truncated page announces but never sends."""


def render_trap(path: str, query: str) -> Page | None:
    """Return the generated calendar or search page for ``path``/``query``, or None (404)."""
    params = parse_qs(query, keep_blank_values=True)
    if path == CALENDAR_PATH:
        return _calendar(params.get("ngay", [""])[0])
    if path == SEARCH_PATH:
        return _search(params.get("q", [""])[0], params.get("page", ["1"])[0])
    return None


def _calendar(raw_day: str) -> Page | None:
    try:
        day = date.fromisoformat(raw_day)
    except ValueError:
        return None
    previous, following = day - timedelta(days=1), day + timedelta(days=1)
    main = (
        f"<h1>Lịch công tác ngày {day:%d/%m/%Y}</h1>"
        "<p>Chưa có lịch công tác của Thường trực Tỉnh ủy trong ngày này.</p>"
        '<p class="nav-days">'
        f'<a href="{CALENDAR_PATH}?ngay={previous.isoformat()}">« Ngày trước</a> '
        f'<a href="{CALENDAR_PATH}?ngay={following.isoformat()}">Ngày sau »</a></p>'
    )
    return html_page(page_html(title=f"Lịch công tác {day:%d/%m/%Y}", main=main))


def _search(keyword: str, raw_page: str) -> Page | None:
    if not raw_page.isdigit() or int(raw_page) < 1:
        return None
    number = int(raw_page)
    link = f"{SEARCH_PATH}?q={quote_plus(keyword)}&page="
    previous = f'<a href="{attr(link + str(number - 1))}">Trang trước</a> ' if number > 1 else ""
    main = (
        f"<h1>Kết quả tìm kiếm: {text(keyword)}</h1>"
        f"<p>Trang {number}. Không có bài viết nào phù hợp trên trang này.</p>"
        f'<p class="paging">{previous}<a href="{attr(link + str(number + 1))}">Trang sau</a></p>'
    )
    return html_page(page_html(title=f"Tìm kiếm: {keyword}", main=main))


def huge_page() -> Page:
    """Return the oversized page: the server streams filler up to ``HUGE_LENGTH`` bytes."""
    head = (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        "<title>Toàn văn</title></head><body>"
    )
    return Page(
        200,
        {"Content-Type": "text/html; charset=utf-8"},
        head.encode(),
        kind="huge",
        declared_length=HUGE_LENGTH,
    )


def truncated_page() -> Page:
    """Return a page whose Content-Length promises more than is sent before closing."""
    body = page_html(
        title="Kỷ yếu đại hội", main="<h1>Kỷ yếu đại hội</h1><p>Nội dung đang được cập nhật"
    ).encode()
    return Page(
        200,
        {"Content-Type": "text/html; charset=utf-8"},
        body,
        kind="truncated",
        declared_length=len(body) + TRUNCATED_MISSING,
    )


def filler_chunk(chunk_size: int = 64 * 1024) -> bytes:
    """Return one chunk of the oversized page's filler; the server repeats it."""
    line = (
        "<p>Văn kiện đại hội đảng bộ tỉnh nhiệm kỳ 2020-2025, phần phụ lục số liệu.</p>\n".encode()
    )
    return line * (chunk_size // len(line))


def png_bytes() -> bytes:
    """Return a valid 1x1 grey PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x80"))
        + chunk(b"IEND", b"")
    )


def pdf_bytes() -> bytes:
    """Return a small PDF document (one empty page)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out
