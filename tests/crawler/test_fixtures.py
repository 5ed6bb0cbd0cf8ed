"""Golden-fixture parse tests: every fixtures/**/<name>.expected.json against parse_article.

Each page is parsed with the profile ``partynews parse`` would use: the registry's profile of its
site, else the profile of the CMS family its fingerprints show, else none (generic extraction).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from crawler.extract import parse_article
from crawler.sites.detect import resolve_profile

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
EXPECTED = sorted(FIXTURES.glob("**/*.expected.json"))
SNIPPET_KEYS = ("must_contain", "must_not_contain")


def _load(expected_path: Path) -> tuple[dict[str, Any], dict[str, Any], bytes]:
    stem = expected_path.name.removesuffix(".expected.json")
    meta = json.loads((expected_path.parent / f"{stem}.meta.json").read_text(encoding="utf-8"))
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    return meta, expected, (expected_path.parent / f"{stem}.html").read_bytes()


def test_there_are_enough_fixtures() -> None:
    assert len(EXPECTED) >= 10


@pytest.mark.parametrize("expected_path", EXPECTED, ids=[path.name for path in EXPECTED])
def test_fixture_parses_as_expected(expected_path: Path) -> None:
    meta, expected, body = _load(expected_path)
    article = parse_article(
        body,
        meta["url"],
        meta["headers"],
        now=datetime.fromisoformat(meta["now"]),
        profile=resolve_profile(meta["url"], body),
    ).to_dict()
    fields = {key: value for key, value in expected.items() if key not in SNIPPET_KEYS}
    assert {key: article[key] for key in fields} == fields
    everything = "\n".join([article["body"], article["lead"], article["title"]])
    for snippet in expected.get("must_contain", []):
        assert snippet in article["body"], snippet
    for snippet in expected.get("must_not_contain", []):
        assert snippet not in everything, snippet
