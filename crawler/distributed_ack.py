"""Acknowledging requests taken from the shared frontier (no Redis needed to import it)."""

from __future__ import annotations

import scrapy

ENTRY_META = "partynews_frontier_entry"
"""Request meta: the id of the request in its worker's in-flight ledger."""
ACK_META = "partynews_frontier_ack"
"""Request meta of an acknowledgement: not a request to download, a ledger entry to remove."""


def acknowledgement(request: scrapy.Request | None) -> list[scrapy.Request]:
    """Return the acknowledgement of a request taken from the shared frontier (else nothing).

    It is yielded after the request's output, so it reaches the scheduler once that output was
    stored and queued (``CONCURRENT_ITEMS = 1`` keeps the output in order).
    """
    entry = request.meta.get(ENTRY_META) if request is not None else None
    if request is None or entry is None:
        return []
    return [scrapy.Request(request.url, dont_filter=True, meta={ACK_META: entry})]
