"""Tests of the test site's server: 304 answers, bad responses, the request log, site swaps."""

from __future__ import annotations

import http.client
import json
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.site import Site, build_site, serve_site


@cache
def site_of(count: int, seed: int = 0) -> Site:
    return build_site(count, seed=seed)


def _get(
    base_url: str, target: str, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, str], bytes]:
    parts = urlsplit(base_url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    try:
        connection.request("GET", target, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def test_server_answers_304_to_matching_validators(tmp_path: Path) -> None:
    site = site_of(6)
    path = site.articles[0].path
    log = tmp_path / "requests.jsonl"
    with serve_site(site, log_path=log) as server:
        status, headers, body = _get(server.base_url, path)
        assert status == 200
        assert server.base_url.encode() + path.encode() in body
        assert b"{BASE}" not in body
        etag, modified = headers["ETag"], headers["Last-Modified"]
        assert _get(server.base_url, path, {"If-None-Match": etag})[0] == 304
        assert _get(server.base_url, path, {"If-None-Match": '"other"'})[0] == 200
        assert _get(server.base_url, path, {"If-None-Match": f"W/{etag}"})[0] == 304
        assert _get(server.base_url, path, {"If-Modified-Since": modified})[0] == 304
        old = "Mon, 01 Jan 2018 00:00:00 GMT"
        assert _get(server.base_url, path, {"If-Modified-Since": old})[0] == 200
        records = list(server.requests)
    assert [record.status for record in records] == [200, 304, 200, 304, 304, 200]
    assert records[1].headers["If-None-Match"] == etag
    assert records[1].size == 0
    assert records[0].size == len(body)
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [line["status"] for line in lines] == [200, 304, 200, 304, 304, 200]


def test_server_bad_responses() -> None:
    site = site_of(6)
    with serve_site(site) as server:
        assert _get(server.base_url, "/khong-co.html")[0] == 404
        assert (
            _get(server.base_url, "/tin-tuc/xay-dung-dang/le-ky-niem-thanh-lap-dang-900005.html")[0]
            == 500
        )
        empty = _get(
            server.base_url, "/tin-tuc/xay-dung-dang/thong-bao-ket-luan-hoi-nghi-900001.html"
        )
        assert (empty[0], empty[2]) == (200, b"")
        with pytest.raises(http.client.IncompleteRead):
            _get(server.base_url, "/tin-tuc/xay-dung-dang/ky-yeu-dai-hoi-900004.html")
        status, headers, body = _get(
            server.base_url, "/tin-tuc/xay-dung-dang/toan-van-bao-cao-chinh-tri-900003.html"
        )
        assert status == 200
        assert int(headers["Content-Length"]) > 10 * 1024 * 1024
        assert len(body) == int(headers["Content-Length"])


def test_set_site_changes_what_is_served() -> None:
    with serve_site(site_of(6)) as server:
        before = _get(server.base_url, "/")[2]
        server.set_site(site_of(6, seed=1))
        after = _get(server.base_url, "/")[2]
    assert before != after
    assert site_of(6, seed=1).articles[0].title.encode() in after
