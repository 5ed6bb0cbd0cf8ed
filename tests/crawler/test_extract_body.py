"""A profile's body container goes through trafilatura's main extractor, with fallbacks if short."""

from __future__ import annotations

import pytest
from lxml import html

from crawler.extract import body

CONTAINER = html.fromstring(
    "<html><body><div class='content'>"
    + "".join(f"<p>Đoạn văn thứ {number} của bài viết về hội nghị.</p>" for number in range(8))
    + "</div></body></html>"
)


def run_with(monkeypatch: pytest.MonkeyPatch, fast_text: str) -> tuple[str | None, list[bool]]:
    calls: list[bool] = []

    def fake(tree: object, url: str, *, fast: bool = False) -> str:
        calls.append(fast)
        return fast_text if fast else "với các bộ trích xuất dự phòng"

    monkeypatch.setattr(body, "_run_trafilatura", fake)
    return body._extract_container(CONTAINER, "https://example.vn/a.html"), calls


def test_main_extractor_alone_when_it_keeps_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    kept = CONTAINER.text_content()
    assert run_with(monkeypatch, kept) == (kept, [True])


def test_fallbacks_when_the_main_extractor_keeps_under_half(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert run_with(monkeypatch, "Đoạn văn thứ 0") == (
        "với các bộ trích xuất dự phòng",
        [True, False],
    )


def test_real_container_text_is_extracted() -> None:
    text = body._extract_container(CONTAINER, "https://example.vn/a.html")
    assert text is not None
    assert "Đoạn văn thứ 7" in text
