"""Bytes to one lxml tree: content-type check, charset hint, decoding, one parse, text repair."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

from crawler.extract.repair import repair_text_nodes
from normalize.encoding import decode_html

HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml", "text/plain")
NON_HTML_MAGIC = (b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8\xff", b"GIF8")
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
PARSER = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, default_doctype=False)


class NotAnArticle(Exception):  # noqa: N818 - the name is the public contract
    """The page is not an article (listing, tag page, empty or non-HTML); ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(slots=True)
class LoadedPage:
    """The parsed tree of one page and how its bytes were decoded."""

    tree: lxml_html.HtmlElement
    encoding: str
    encoding_source: str


def header_value(headers: Mapping[str, str], name: str) -> str:
    """Return one response header, matched case-insensitively ('' when absent)."""
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return value
    return ""


def content_type_charset(content_type: str) -> str | None:
    """Return the charset named in a Content-Type header value, if any."""
    found = CHARSET.search(content_type)
    return found.group(1) if found else None


def load_page(body: bytes, headers: Mapping[str, str]) -> LoadedPage:
    """Check that ``body`` is HTML, decode it (the header charset is only a hint) and parse it.

    The text nodes are repaired (mojibake, legacy fonts) before anything else reads them.
    """
    content_type = header_value(headers, "content-type")
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime and not mime.startswith(HTML_TYPES):
        raise NotAnArticle(f"not HTML: {mime}")
    if not body.strip():
        raise NotAnArticle("empty body")
    if body.lstrip()[:8].startswith(NON_HTML_MAGIC):
        raise NotAnArticle("not HTML: binary content")
    decoded = decode_html(body, content_type_charset(content_type))
    text = XML_DECLARATION.sub("", decoded.text, count=1)
    if not text.strip():
        raise NotAnArticle("empty body")
    try:
        tree = lxml_html.document_fromstring(text, parser=PARSER)
    except (ValueError, TypeError, etree.LxmlError) as error:
        raise NotAnArticle(f"unparsable HTML: {error}") from error
    repair_text_nodes(tree)
    return LoadedPage(tree=tree, encoding=decoded.encoding, encoding_source=decoded.source)
