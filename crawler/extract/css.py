"""CSS selectors compiled once and evaluated from the few elements that can start a match.

cssselect turns each comma-separated branch of a selector into ``descendant-or-self::<first
step>/<rest>``: a scan of the whole document per branch. When the first step requires an id, a
class token or an ``itemprop`` value, only the elements carrying it (looked up in an index of the
page) can start a match, and ``$anchor/self::<first step>/<rest>`` over them selects exactly the
same nodes. The branches stay one XPath union, so the result still comes back once, in document
order. A selector that is one anchor alone (``#form3B``, ``.fb-like``) selects the looked-up
elements themselves: no XPath runs.
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
SIMPLE_SELECTORS = (cssselect.parser.Hash, cssselect.parser.Class, cssselect.parser.Attrib)


@dataclass(frozen=True, slots=True)
class Anchor:
    """An id, a class token or an itemprop that every element starting a branch's match carries.

    ``value`` is the id, the token or the whole ``itemprop`` attribute, exactly.
    """

    kind: Literal["id", "class", "itemprop"]
    value: str


AnchorLookup = Callable[[Anchor], list[HtmlElement]]


@dataclass(frozen=True, slots=True)
class CompiledSelector:
    """A CSS selector as XPath: from the root, and (when possible) from the anchors' elements."""

    whole: etree.XPath
    anchored: etree.XPath | None
    anchors: tuple[Anchor | None, ...]
    """One per branch; None: that branch is scanned from the root."""
    bare: bool = False
    """The selector is its one anchor alone: it matches the elements that carry the anchor."""

    def evaluate(self, root: HtmlElement, lookup: AnchorLookup | None) -> list[object]:
        """Return the nodes the selector matches under ``root``, in document order.

        ``lookup`` gives, for an anchor, the elements under ``root`` that carry it (all of them).
        """
        if self.anchored is None or lookup is None:
            return list(self.whole(root))
        if self.bare and self.anchors[0] is not None:
            return list(lookup(self.anchors[0]))
        starts = {
            f"a{number}": lookup(anchor)
            for number, anchor in enumerate(self.anchors)
            if anchor is not None
        }
        if len(starts) == len(self.anchors) and not any(starts.values()):
            return []
        return list(self.anchored(root, **starts))


def _first_step_anchor(tree: cssselect.parser.Tree) -> Anchor | None:
    """Return the id, else a class token, else an itemprop the leftmost compound requires."""
    node: object = tree
    while isinstance(node, cssselect.parser.CombinedSelector):
        node = node.selector
    anchor = None
    itemprop = None
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
        if isinstance(node, cssselect.parser.Attrib) and itemprop is None:
            itemprop = _itemprop_anchor(node)
        node = getattr(node, "selector", None)
    return anchor or itemprop


def _itemprop_anchor(node: cssselect.parser.Attrib) -> Anchor | None:
    """Return the anchor of ``[itemprop=value]`` (HTML: any case of the name), else None."""
    if node.namespace or node.attrib.lower() != "itemprop" or node.operator != "=":
        return None
    value = node.value.value if node.value is not None else None
    return Anchor("itemprop", value) if value is not None else None


def _is_bare(branch: cssselect.Selector) -> bool:
    """Tell whether ``branch`` is one simple selector on any element (``#a``, ``.b``, ``[c=d]``)."""
    tree = branch.parsed_tree
    base = getattr(tree, "selector", None)
    return (
        branch.pseudo_element is None
        and isinstance(tree, SIMPLE_SELECTORS)
        and isinstance(base, cssselect.parser.Element)
        and base.element is None
        and base.namespace is None
    )


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
        # one branch whose anchor is all it asks for (an anchor is never a partial condition)
        bare = len(branches) == 1 and anchors[0] is not None and _is_bare(branches[0])
        return CompiledSelector(whole=whole, anchored=etree.XPath(anchored_path), anchors=anchors,
                                bare=bare)
    except (SelectorError, etree.XPathError):
        return CompiledSelector(whole=whole, anchored=None, anchors=())
