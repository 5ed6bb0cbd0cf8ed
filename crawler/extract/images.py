"""Images of the article with their captions; caption elements leave the tree before trafilatura."""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from crawler.extract.nodes import (
    SPACES,
    PageIndex,
    attribute_tokens,
    is_element,
    remove,
    select,
    text_of,
)
from crawler.items import Image

CAPTION_TOKEN = re.compile(
    r"^(caption|\w*[-_]caption|caption[-_]\w*|(?!no)\w+caption|expnoedit|desc-?image|image-?desc|note-?image|image-?note|chu-?thich\S*"
    r"|chuthich\S*|img-?desc|photo-?desc|fig-?desc)$",
    re.IGNORECASE,
)
# matched against the image's path only: the host may hold the words (tapch-icon-gsan.org.vn)
SKIPPED_SRC = re.compile(r"logo|icon|banner|spacer|blank\.gif|pixel|avatar|/ads?/|qrcode", re.I)
LAZY_ATTRIBUTES = ("data-src", "data-original", "data-lazy-src", "data-srcset", "src")
MIN_SIDE = 100
MAX_CAPTION_CHARS = 300
MAX_IMAGE_TABLE_ROWS = 3
# a caption line that only names the picture's file ('img_1361(1).jpeg', 'DSC_0042.JPG')
FILE_NAME_LINE = re.compile(r"[\w().~+-]+(?:\s[\w().~+-]+)*\.(?:jpe?g|png|gif|webp|bmp|tiff?|svg)",
                            re.IGNORECASE)
CAPTION_BLOCK_TAGS = frozenset({"p", "div", "br", "li", "figcaption", "tr", "td", "th"})
CENTER = re.compile(r"text-align\s*:\s*center", re.IGNORECASE)


def image_url(img: HtmlElement, base_url: str) -> str | None:
    """Return the absolute URL of an ``<img>`` (lazy-loading attributes first), or None."""
    for attribute in LAZY_ATTRIBUTES:
        value = (img.get(attribute) or "").strip().split(" ")[0]
        if value and not value.startswith("data:"):
            return str(urljoin(base_url, value))
    return None


def _caption_parts(node: HtmlElement, parts: list[str]) -> None:
    """Append the texts under ``node`` to ``parts``, with a line break around each block."""
    block = node.tag in CAPTION_BLOCK_TAGS
    if block:
        parts.append("\n")
    parts.append(node.text or "")
    for child in node:
        if is_element(child):
            _caption_parts(child, parts)
        parts.append(child.tail or "")
    if block:
        parts.append("\n")


def caption_text(element: HtmlElement) -> str:
    """Return the caption of ``element``: its lines (blocks) joined, file-name lines dropped."""
    parts: list[str] = []
    _caption_parts(element, parts)
    lines = (SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return " ".join(line for line in lines if line and not FILE_NAME_LINE.fullmatch(line))


@lru_cache(maxsize=8192)
def _names_caption(classes: str | None, ident: str | None) -> bool:
    """Tell whether a class token or the id (attribute values) names a caption."""
    return any(CAPTION_TOKEN.match(token) for token in attribute_tokens(classes, ident))


def _is_caption_box(element: HtmlElement) -> bool:
    """Tell whether a class token or the id of ``element`` names a caption."""
    return _names_caption(element.get("class"), element.get("id"))


def _too_small(img: HtmlElement) -> bool:
    for side in ("width", "height"):
        value = (img.get(side) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) < MIN_SIDE:
            return True
    return False


def _is_image_only(block: HtmlElement) -> bool:
    return block.find(".//img") is not None and not text_of(block)


def _looks_like_caption(block: HtmlElement) -> bool:
    text = text_of(block)
    if not text or len(text) > MAX_CAPTION_CHARS or block.find(".//img") is not None:
        return False
    emphasised = "".join(text_of(node) for node in block.iter("em", "i"))
    styled = CENTER.search(block.get("style") or "") or block.get("align", "").lower() == "center"
    return SPACES.sub("", emphasised) == SPACES.sub("", text) or bool(styled)


def _caption_for(img: HtmlElement) -> tuple[str, list[HtmlElement]]:
    """Find the caption of one image: (caption text, elements to remove)."""
    node: HtmlElement | None = img
    while node is not None and node.tag not in ("body", "html"):
        if node.tag == "figure":
            found = [cap for cap in node.iter() if is_element(cap) and (
                cap.tag == "figcaption" or _is_caption_box(cap))]
            return (caption_text(found[0]), found[:1]) if found else ("", [])
        if node.tag == "table":
            rows = node.findall(".//tr")
            if len(rows) <= MAX_IMAGE_TABLE_ROWS and len(text_of(node)) <= MAX_CAPTION_CHARS:
                return caption_text(node), [cell for cell in node.iter("td", "th")
                                            if cell.find(".//img") is None]
            break
        node = node.getparent()
    block = img.getparent()
    while block is not None and block.tag in ("a", "span", "strong", "em", "center", "font"):
        block = block.getparent()
    if block is None:
        return "", []
    following = block.getnext()
    if following is not None and _is_caption_box(following):
        return caption_text(following), [following]
    if _is_image_only(block) and following is not None and _looks_like_caption(following):
        return caption_text(following), [following]
    return "", []


def _repeated_caption(img: HtmlElement, caption: str) -> HtmlElement | None:
    """Return the block after the image's table/figure that repeats its caption, or None."""
    key = SPACES.sub("", caption).casefold()
    holder: HtmlElement | None = img
    while holder is not None and holder.tag not in ("table", "figure", "body", "html"):
        holder = holder.getparent()
    if holder is None or holder.tag not in ("table", "figure") or not key:
        return None
    following = holder.getnext()
    if following is not None and SPACES.sub("", text_of(following)).casefold() == key:
        return following
    return None


def take_images(container: HtmlElement, base_url: str, caption_selector: str = "",
                index: PageIndex | None = None) -> list[Image]:
    """Collect the images of ``container`` with their captions and remove the captions from it.

    ``caption_selector`` (a profile's) names more caption elements; their texts go, in order, to
    the images that found no caption of their own. A caption repeated right after its image's
    table or figure goes too. ``index`` (the page's) speeds up ``caption_selector``.
    """
    images: list[Image] = []
    seen: set[str] = set()
    doomed: list[HtmlElement] = []
    for img in list(container.iter("img")):
        url = image_url(img, base_url)
        if not url or url in seen or _too_small(img) or SKIPPED_SRC.search(urlsplit(url).path):
            continue
        caption, caption_elements = _caption_for(img)
        seen.add(url)
        images.append(Image(url=url, caption=caption))
        doomed.extend(caption_elements)
        repeated = _repeated_caption(img, caption)
        if repeated is not None:
            doomed.append(repeated)
    images = _profile_captions(container, caption_selector, images, doomed, index)
    for element in container.iter(etree.Element):  # elements only: no comments, no PIs
        if (element.tag not in ("html", "body") and _is_caption_box(element)
                and len(text_of(element)) <= MAX_CAPTION_CHARS and element.find(".//img") is None):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None:
            remove(element)
    return images


def _profile_captions(container: HtmlElement, selector: str, images: list[Image],
                      doomed: list[HtmlElement], index: PageIndex | None) -> list[Image]:
    """Mark the profile's caption elements for removal; give their texts to uncaptioned images."""
    found = [element for element in select(container, selector, index)
             if element.find(".//img") is None and len(text_of(element)) <= MAX_CAPTION_CHARS]
    pending = [caption_text(element) for element in found
               if not any(element is other for other in doomed) and caption_text(element)]
    doomed.extend(found)
    result: list[Image] = []
    for image in images:
        if not image.caption and pending:
            result.append(Image(url=image.url, caption=pending.pop(0)))
        else:
            result.append(image)
    return result
