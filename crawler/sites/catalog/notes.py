"""The evidence phrases shared by the catalog's notes (what the research saw of a site)."""

from __future__ import annotations

GUESSED = "domain guessed from the <province>.dcs.vn pattern; no stored page or public code seen"
NAMED = "domain named in the brief or research but not seen in stored pages or public code"
PUBLIC_CODE = "domain seen in public code; CMS unknown"
RSS_ONLY = "domain in a public RSS list only"
DOCBAO = "per-site config in the docbao scraper (c. 2020)"
NOT_RESEARCHED = "not in the research: domain from the bao<province>.vn pattern"
