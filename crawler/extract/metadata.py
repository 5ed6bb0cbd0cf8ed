"""Structured metadata of a page: JSON-LD (incl. @graph), OpenGraph, ``itemprop`` and meta tags."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from crawler.extract.nodes import collapse_spaces, text_of

ARTICLE_TYPES = frozenset(
    {"article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
     "opinionnewsarticle", "backgroundnewsarticle", "report", "scholarlyarticle", "liveblogposting"}
)
PUBLISHED_META = (
    "article:published_time", "og:published_time", "article:published", "pubdate", "publishdate",
    "publish-date", "datepublished", "dc.date.issued", "dc.date", "dcterms.created", "date",
    "sailthru.date", "parsely-pub-date",
)
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
                 "last-modified")
ITEMPROP_ELEMENTS = etree.XPath("//*[@itemprop]")
READ_ITEMPROPS = frozenset({"datePublished", "dateModified", "headline", "articleSection"})


@dataclass(slots=True)
class PageMeta:
    """What the page says about itself in machine-readable form (raw strings, not yet cleaned)."""

    title: str | None = None
    og_title: str | None = None
    html_title: str | None = None
    description: str | None = None
    og_type: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    canonical: str | None = None
    images: list[str] = field(default_factory=list)
    is_article_typed: bool = False
    published: list[tuple[str, str]] = field(default_factory=list)
    """(kind, raw) pairs, kind in json-ld, meta, itemprop."""
    modified: list[tuple[str, str]] = field(default_factory=list)


def _clean(value: object) -> str | None:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        text = collapse_spaces(str(value))
        return text or None
    return None


def _json_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        yield from _flatten(data)


def _flatten(data: object) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for entry in data:
            yield from _flatten(entry)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _flatten(data["@graph"])


def _types(entry: dict[str, Any]) -> set[str]:
    kind = entry.get("@type")
    values = kind if isinstance(kind, list) else [kind]
    return {value.lower() for value in values if isinstance(value, str)}


def _names(value: object) -> list[str]:
    if isinstance(value, list):
        return [name for entry in value for name in _names(entry)]
    if isinstance(value, dict):
        name = _clean(value.get("name"))
        return [name] if name else []
    name = _clean(value)
    return [name] if name else []


def _keywords(value: object) -> list[str]:
    if isinstance(value, list):
        return [word for entry in value for word in _keywords(entry)]
    text = _clean(value)
    return [word.strip() for word in text.split(",") if word.strip()] if text else []


def _read_json_ld(tree: HtmlElement, meta: PageMeta) -> None:
    for entry in _json_objects(tree):
        kinds = _types(entry)
        if "breadcrumblist" in kinds and meta.section is None:
            items = entry.get("itemListElement")
            names = [name for item in items for name in _names(item.get("item", item))
                     if isinstance(item, dict)] if isinstance(items, list) else []
            if len(names) >= 2:  # noqa: PLR2004 - the first crumb is the home page
                meta.section = names[-1]
        if not kinds & ARTICLE_TYPES:
            continue
        meta.is_article_typed = True
        meta.title = meta.title or _clean(entry.get("headline"))
        meta.description = meta.description or _clean(entry.get("description"))
        section = entry.get("articleSection")
        sections = _names(section if isinstance(section, list) else [section])
        if sections:
            meta.section = sections[0]
        meta.tags = meta.tags or _keywords(entry.get("keywords"))
        meta.authors = meta.authors or _names(entry.get("author"))
        for key, target in (("datePublished", meta.published), ("dateModified", meta.modified)):
            raw = _clean(entry.get(key))
            if raw:
                target.append(("json-ld", raw))


def _read_meta_tags(tree: HtmlElement, meta: PageMeta) -> None:
    values: dict[str, list[str]] = {}
    for element in tree.iter("meta"):
        key = element.get("property") or element.get("name") or ""
        content = _clean(element.get("content"))
        if key and content:
            values.setdefault(key.strip().lower(), []).append(content)
    first = {key: found[0] for key, found in values.items()}
    meta.og_title = first.get("og:title") or first.get("twitter:title")
    meta.description = first.get("og:description") or first.get("description") or meta.description
    meta.og_type = first.get("og:type", "").lower() or None
    meta.section = first.get("article:section") or meta.section
    meta.tags = values.get("article:tag", []) + values.get("og:article:tag", []) or meta.tags
    meta.images = values.get("og:image", []) + values.get("og:image:url", [])
    meta.language = first.get("og:locale") or first.get("content-language") or first.get("language")
    for key in PUBLISHED_META:
        meta.published.extend(("meta", raw) for raw in values.get(key, []))
    for key in MODIFIED_META:
        meta.modified.extend(("meta", raw) for raw in values.get(key, []))
    if meta.og_type and meta.og_type.startswith("article"):
        meta.is_article_typed = True


def _read_itemprops(tree: HtmlElement, meta: PageMeta) -> None:
    for element in ITEMPROP_ELEMENTS(tree):
        prop = element.get("itemprop", "").strip()
        if prop not in READ_ITEMPROPS or (
                element.tag == "meta" and prop not in ("datePublished", "dateModified")):
            continue  # other properties' texts (an articleBody's …) are not worth reading
        raw = _clean(element.get("content") or element.get("datetime")) or text_of(element)
        if not raw:
            continue
        if prop == "datePublished":
            meta.published.append(("itemprop", raw))
        elif prop == "dateModified":
            meta.modified.append(("itemprop", raw))
        elif prop == "headline" and not meta.title:
            meta.title = raw
        elif prop == "articleSection" and not meta.section:
            meta.section = raw


def read_metadata(tree: HtmlElement) -> PageMeta:
    """Read JSON-LD, OpenGraph/meta, ``itemprop`` values, ``<title>``, canonical and language."""
    meta = PageMeta()
    _read_json_ld(tree, meta)
    _read_meta_tags(tree, meta)
    _read_itemprops(tree, meta)
    title = tree.find(".//title")
    meta.html_title = text_of(title) if title is not None else None
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            meta.canonical = link.get("href")
            break
    lang = tree.get("lang") or tree.get("xml:lang")
    meta.language = lang or meta.language
    return meta
