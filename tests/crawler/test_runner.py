"""The crawl process's tuning: a frozen startup heap and Scrapy's debug messages never made."""

from __future__ import annotations

import gc
import logging

from crawler.runner import lean_process


def test_a_lean_process_freezes_the_heap_and_quiets_scrapy_until_it_ends() -> None:
    engine_logger = logging.getLogger("scrapy.core.engine")
    ours = logging.getLogger("crawler.spiders.site")
    level_before = logging.getLogger("scrapy").level
    with lean_process("INFO"):
        assert gc.get_freeze_count() > 0
        assert not engine_logger.isEnabledFor(logging.DEBUG)
        assert engine_logger.isEnabledFor(logging.INFO)
        assert ours.getEffectiveLevel() == logging.getLogger().getEffectiveLevel()
    assert gc.get_freeze_count() == 0
    assert logging.getLogger("scrapy").level == level_before


def test_a_debug_crawl_keeps_scrapys_debug_messages() -> None:
    with lean_process("DEBUG"):
        assert logging.getLogger("scrapy.core.scraper").isEnabledFor(logging.DEBUG)
