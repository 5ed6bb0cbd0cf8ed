"""The spider's callbacks stay safe without Scrapy's per-response generator check.

``WARN_ON_GENERATOR_RETURN_VALUE`` is off (it re-parsed a callback's source for every
response), so this test does its job once: no generator callback returns a value.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable

import pytest
from scrapy.utils.misc import is_generator_with_return_value

from crawler import settings
from crawler.spiders.site import SiteSpider

GENERATORS = [
    function
    for _, function in inspect.getmembers(SiteSpider, inspect.isfunction)
    if inspect.isgeneratorfunction(function)
]


def test_the_check_is_off() -> None:
    assert settings.WARN_ON_GENERATOR_RETURN_VALUE is False


def test_the_spider_has_generator_callbacks() -> None:
    assert "parse_page" in {function.__name__ for function in GENERATORS}


@pytest.mark.parametrize("function", GENERATORS, ids=lambda function: function.__name__)
def test_no_generator_returns_a_value(function: Callable[..., object]) -> None:
    assert not is_generator_with_return_value(function)
