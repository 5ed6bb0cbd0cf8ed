"""CSS selectors compiled once and evaluated from the few elements that can start a match.

cssselect turns each comma-separated branch of a selector into ``descendant-or-self::<first
step>/<rest>``: a scan of the whole document per branch. When the first step requires an id or a
class token, only the elements carrying that id or token (looked up in an index of the page) can
start a match, and ``$anchor/self::<first step>/<rest>`` over them selects exactly the same nodes.
The branches stay one XPath union, so the result still comes back once, in document order.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import cssselect
from lxml import etree
from lxml.cssselect import LxmlHTMLTranslator, SelectorError
from lxml.html import HtmlElement

DOCUMENT_PREFIX = "descendant-or-self::"
# XPath's normalize-space() splits @class on these characters only
XML_SPACE = re.compile("[ \t\r\n]")
# a first step whose predicates count positions depends on the axis it starts from
POSITIONAL = ("position()", "last()")
TRANSLATOR = LxmlHTMLTranslator()


@dataclass(frozen=True, slots=True)
class Anchor:
    """An id or a class token that every element starting a match of one branch carries."""

    kind: Literal["id", "class"]
    value: str


AnchorLookup = Callable[[Anchor], list[HtmlElement]]


@dataclass(frozen=True, slots=True)
class CompiledSelector:
    """A CSS selector as XPath: from the root, and (when possible) from the anchors' elements."""

    whole: etree.XPath
    anchored: etree.XPath | None
    anchors: tuple[Anchor | None, ...]
    """One per branch; None: that branch is scanned from the root."""

    def evaluate(self, root: HtmlElement, lookup: AnchorLookup | None) -> list[object]:
        """Return the nodes the selector matches under ``root``, in document order.

        ``lookup`` gives, for an anchor, the elements under ``root`` that carry it (all of them).
        """
        if self.anchored is None or lookup is None:
            return list(self.whole(root))
        starts = {
            f"a{number}": lookup(anchor)
            for number, anchor in enumerate(self.anchors)
            if anchor is not None
        }
        if len(starts) == len(self.anchors) and not any(starts.values()):
            return []
        return list(self.anchored(root, **starts))


def _first_step_anchor(tree: cssselect.parser.Tree) -> Anchor | None:
    """Return the id (else a class token) that the leftmost compound of ``tree`` requires."""
    node: object = tree
    while isinstance(node, cssselect.parser.CombinedSelector):
        node = node.selector
    anchor = None
    while node is not None:  # Class, Hash, Attrib, Pseudo …: the compound's base is .selector
        if isinstance(node, cssselect.parser.Hash):
            return Anchor("id", node.id)
        if (
            isinstance(node, cssselect.parser.Class)
            and anchor is None
            and node.class_name
            and not XML_SPACE.search(node.class_name)
        ):
            anchor = Anchor("class", node.class_name)
        node = getattr(node, "selector", None)
    return anchor


def _anchored_path(branches: list[cssselect.Selector]) -> tuple[str, tuple[Anchor | None, ...]]:
    """Return the union of the branches started from ``$a<n>`` variables, and their anchors."""
    anchors: list[Anchor | None] = []
    parts = []
    for number, branch in enumerate(branches):
        plain = TRANSLATOR.selector_to_xpath(
            branch, DOCUMENT_PREFIX, translate_pseudo_elements=True
        )
        anchor = (
            None
            if any(word in plain for word in POSITIONAL)
            else _first_step_anchor(branch.parsed_tree)
        )
        anchors.append(anchor)
        if anchor is None:
            parts.append(plain)
        else:
            parts.append(
                TRANSLATOR.selector_to_xpath(
                    branch, f"$a{number}/self::", translate_pseudo_elements=True
                )
            )
    return " | ".join(parts), tuple(anchors)


@lru_cache(maxsize=512)
def compile_selector(selector: str) -> CompiledSelector | None:
    """Compile a CSS selector (HTML rules); None when it is invalid."""
    try:
        path = TRANSLATOR.css_to_xpath(selector)
        whole = etree.XPath(path)
    except (SelectorError, etree.XPathError):
        return None
    try:
        branches = cssselect.parse(selector)
        anchored_path, anchors = _anchored_path(branches)
        plain_path = " | ".join(
            TRANSLATOR.selector_to_xpath(branch, DOCUMENT_PREFIX, translate_pseudo_elements=True)
            for branch in branches
        )
        if plain_path != path or not any(anchors):
            return CompiledSelector(whole=whole, anchored=None, anchors=())
        return CompiledSelector(whole=whole, anchored=etree.XPath(anchored_path), anchors=anchors)
    except (SelectorError, etree.XPathError):
        return CompiledSelector(whole=whole, anchored=None, anchors=())
