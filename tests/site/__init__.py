"""A realistic fake party news site served on 127.0.0.1, with the ground truth of its articles."""

from __future__ import annotations

from tests.site.evolve import evolve, home_only
from tests.site.generator import build_site
from tests.site.model import ArticleTruth, DatelineTruth, ImageTruth, Page, Site
from tests.site.server import RequestRecord, SiteServer, serve_site

__all__ = [
    "ArticleTruth",
    "DatelineTruth",
    "ImageTruth",
    "Page",
    "RequestRecord",
    "Site",
    "SiteServer",
    "build_site",
    "evolve",
    "home_only",
    "serve_site",
]
