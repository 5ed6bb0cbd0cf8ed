"""Extraction: the raw bytes of one page to a clean ``Article`` (or ``NotAnArticle``)."""

from __future__ import annotations

from crawler.extract.article import parse_article
from crawler.extract.document import NotAnArticle
from crawler.extract.urls import canonicalize_url

__all__ = ["NotAnArticle", "canonicalize_url", "parse_article"]
