"""Encoding repair on the tree's text nodes, right after parsing and before any text is cleaned.

trafilatura and our own whitespace handling drop what mojibake and legacy-font text need to be
undone: the C1 control of ``Đ`` (C4 90) and the NBSP of ``à`` (C3 A0) in UTF-8 read as cp1252, and
the soft hyphen U+00AD that is the letter ``ư`` in TCVN3. So each text node is repaired first:
mojibake node by node; legacy fonts when the page's legacy-looking text, taken together, is
detected as one (a short node such as a byline rarely shows enough evidence on its own).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from normalize.encoding import fix_mojibake, looks_like_mojibake
from normalize.legacy import LegacyEncoding, detect_legacy, legacy_to_unicode

# real Vietnamese letters: the node is Unicode already (or mojibake, handled first)
VIETNAMESE_UNICODE = re.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]"
)
# every legacy font writes its marked vowels with bytes A1-FF (shown as Latin-1 letters)
LATIN1_LETTER = re.compile("[\u00a1-\u00ff]")
LEGACY_DENSITY = 20  # at least one such letter per 20 characters
MIN_NODE_WORDS = 4


# all text nodes, and the code in script and style elements (a predicate on one path is slower)
ALL_TEXTS = etree.XPath("//text()", smart_strings=False)
CODE_TEXTS = etree.XPath("//script/text()|//style/text()|//noscript/text()", smart_strings=False)
TEXT_NODES = etree.XPath("//text()[not(parent::script or parent::style or parent::noscript)]")


@dataclass(slots=True)
class _Slot:
    """One non-ASCII text node: the element holding it, whether it is that element's tail."""

    element: HtmlElement
    is_tail: bool
    value: str
    mojibake: bool


def _slots(root: HtmlElement) -> list[_Slot]:
    """Return the page's non-ASCII text nodes, script and style texts left out."""
    slots: list[_Slot] = []
    for text in TEXT_NODES(root):
        if text.isascii():
            continue
        element = text.getparent()
        if element is None:
            continue
        slots.append(_Slot(element, bool(text.is_tail), str(text), looks_like_mojibake(text)))
    return slots


def _page_legacy(values: list[str]) -> LegacyEncoding | None:
    """Return the legacy font of the page: the one its longer legacy-looking nodes are in.

    A node of a few words ('°C', a name) is never enough on its own to call a page legacy.
    """
    words: Counter[LegacyEncoding] = Counter()
    for value in values:
        if not _may_be_legacy(value):  # the cheaper test first: Vietnamese text fails it at once
            continue
        count = len(value.split())
        if count >= MIN_NODE_WORDS:
            encoding = detect_legacy(value)
            if encoding is not None:
                words[encoding] += count
    return words.most_common(1)[0][0] if words else None


def _may_be_legacy(value: str) -> bool:
    """Legacy text shows a marked letter every few characters; a Western accent is rarer."""
    return (VIETNAMESE_UNICODE.search(value) is None
            and len(LATIN1_LETTER.findall(value)) * LEGACY_DENSITY >= len(value.strip())
            and not looks_like_mojibake(value))


def repair_text_nodes(root: HtmlElement) -> LegacyEncoding | None:
    """Undo mojibake and legacy-font text in the tree's text nodes, in place.

    Return the legacy font the page's text was converted from, or None.
    """
    # a first pass over plain strings: most pages need nothing, and element proxies are slow
    code = {value for value in CODE_TEXTS(root) if not value.isascii()}
    values = [value for value in ALL_TEXTS(root) if not value.isascii() and value not in code]
    legacy = _page_legacy(values)
    if legacy is None and not any(looks_like_mojibake(value) for value in dict.fromkeys(values)):
        return None
    slots = _slots(root)
    for slot in slots:
        if slot.mojibake:
            fixed = fix_mojibake(slot.value)
        elif legacy is not None and _may_be_legacy(slot.value):
            fixed = legacy_to_unicode(slot.value, legacy)
        else:
            continue
        if fixed != slot.value:
            setattr(slot.element, "tail" if slot.is_tail else "text", fixed)
    return legacy
