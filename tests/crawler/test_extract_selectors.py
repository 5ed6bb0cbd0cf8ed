"""CSS selectors started from the page index select exactly what a whole-tree scan selects."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from crawler.extract.css import compile_selector
from crawler.extract.nodes import PageIndex, remove, select

PAGE = """<html><body>
<div id="main" class="box  news_column"><h1 class="title" itemprop="headline">Tiêu đề</h1>
  <ul class="breadcrumbs"><li><a href="/">Trang chủ</a></li><li><a href="/x">Xây dựng</a></li></ul>
  <div class="bodytext"><p class="lead">Sapo</p><p>Một</p><p style="text-align:right">Hai</p>
    <figure class="article"><img src="a.jpg"><figcaption>Ảnh</figcaption></figure></div>
  <span class="h5">28/06/2024</span><span class="time">10:00</span>
</div>
<div class="other-news"><p class="lead">Tin khác</p><div class="box"><p>Ba</p></div></div>
<div class="Title">Hoa</div><p class="a&#9;b">Tab</p><p class="x y">XY</p>
</body></html>"""

SELECTORS = [
    "#main h1",
    ".news_column h1.title, h1[itemprop=headline]",
    ".box p",
    ".box > p",
    ".bodytext p:last-child",
    ".breadcrumbs li:last-child a",
    "#main > p[style*=right]",
    ".lead, #main .lead",
    "p.lead + p",
    ".title",
    ".Title",
    ".a",
    ".b",
    ".x.y",
    "#missing p",
    ".missing, p",
    "figure.article figcaption",
    ".box:not(.news_column) p",
    "p:first-child",
    "div:nth-child(2) p",
    "#main span.h5, #main span.time",
    "*",
    "",
]


def _tree() -> lxml_html.HtmlElement:
    return lxml_html.document_fromstring(PAGE)


def _plain(root: lxml_html.HtmlElement, selector: str) -> list[lxml_html.HtmlElement]:
    return select(root, selector)


@pytest.mark.parametrize("selector", SELECTORS)
def test_indexed_selection_equals_a_scan(selector: str) -> None:
    tree = _tree()
    index = PageIndex(tree)
    assert select(tree, selector, index) == _plain(tree, selector)


@pytest.mark.parametrize("selector", SELECTORS)
def test_indexed_selection_after_removals_and_under_a_subtree(selector: str) -> None:
    tree = _tree()
    index = PageIndex(tree)
    remove(tree.find_class("other-news")[0])
    remove(tree.find_class("lead")[0])
    assert select(tree, selector, index) == _plain(tree, selector)
    main = tree.get_element_by_id("main")
    assert select(main, selector, index) == _plain(main, selector)


def test_a_detached_subtree_or_another_tree_is_scanned() -> None:
    tree = _tree()
    index = PageIndex(tree)
    box = tree.find_class("other-news")[0]
    remove(box)
    assert [p.text for p in select(box, ".lead", index)] == ["Tin khác"]
    other = _tree()
    assert len(select(other, ".box p", index)) == len(_plain(other, ".box p")) > 0


def test_anchors_are_ids_then_class_tokens() -> None:
    compiled = compile_selector("#main .lead, .a .b, p:first-child, .x + .y, h1")
    assert compiled is not None
    kinds = [(anchor.kind, anchor.value) if anchor else None for anchor in compiled.anchors]
    assert kinds == [("id", "main"), ("class", "a"), None, None, None]
    assert compile_selector("p[") is None
