"""The registry as tables: sorting, filters, docs/sites.md and ``partynews sites``."""

from __future__ import annotations

import pytest

from crawler.cli import main
from crawler.sites.base import SiteProfile
from crawler.sites.table import (
    DOC_PATH,
    REGENERATE,
    UnknownProvinceError,
    markdown_table,
    resolve_province,
    select_sites,
    sites_markdown,
    text_table,
    vietnamese_sort_key,
)


def _site(
    key: str, kind: str, province: str | None = None, historical: str | None = None
) -> SiteProfile:
    return SiteProfile(
        key=key,
        name=key,
        domains=(f"{key}.vn",),
        kind=kind,  # type: ignore[arg-type]
        province=province,
        province_historical=historical,
        status="archive" if historical else "active",
    )


SAMPLE = [
    _site("baohaiduong", "provincial_newspaper", "Hải Phòng", "Hải Dương"),
    _site("baodaklak", "provincial_newspaper", "Đắk Lắk"),
    _site("haiphong-dcs", "provincial_portal", "Hải Phòng"),
    _site("nhandan", "central"),
    _site("baohaiphong", "provincial_newspaper", "Hải Phòng"),
    _site("caobang-dcs", "provincial_portal", "Cao Bằng"),
    _site("dangcongsan", "central"),
    _site("danang-dcs", "provincial_portal", "Đà Nẵng"),
]


def test_docs_sites_md_is_current() -> None:
    current = DOC_PATH.read_text(encoding="utf-8") if DOC_PATH.exists() else ""
    assert current == sites_markdown(), (
        f"docs/sites.md is out of date: regenerate it with `{REGENERATE}`"
    )


@pytest.mark.parametrize(
    ("names", "ordered"),
    [
        (["Cần Thơ", "Cao Bằng", "Cà Mau"], ["Cà Mau", "Cao Bằng", "Cần Thơ"]),
        (
            ["Gia Lai", "Điện Biên", "Đắk Lắk", "Đà Nẵng", "Cao Bằng"],
            ["Cao Bằng", "Đà Nẵng", "Đắk Lắk", "Điện Biên", "Gia Lai"],
        ),
        (["Hải Phòng", "Hà Nội", "Hà Giang"], ["Hà Giang", "Hà Nội", "Hải Phòng"]),
        (["Bạc Liêu", "Bà Rịa - Vũng Tàu"], ["Bà Rịa - Vũng Tàu", "Bạc Liêu"]),
        (["Quảng Trị", "Quảng Ninh", "Quảng Ngãi"], ["Quảng Ngãi", "Quảng Ninh", "Quảng Trị"]),
    ],
)
def test_vietnamese_sort_key(names: list[str], ordered: list[str]) -> None:
    assert sorted(names, key=vietnamese_sort_key) == ordered


@pytest.mark.parametrize(
    ("name", "province"),
    [
        ("Hải Phòng", "Hải Phòng"),
        ("hai phong", "Hải Phòng"),
        ("HẢI  PHÒNG", "Hải Phòng"),
        ("Ho Chi Minh", "TP. Hồ Chí Minh"),
        ("tp. hồ chí minh", "TP. Hồ Chí Minh"),
        ("dak lak", "Đắk Lắk"),
        ("Hải Dương", "Hải Dương"),
    ],
)
def test_resolve_province(name: str, province: str) -> None:
    assert resolve_province(name) == province


def test_unknown_province_lists_the_valid_ones() -> None:
    with pytest.raises(UnknownProvinceError, match=r"'Hà Tây'.*An Giang, Bà Rịa - Vũng Tàu"):
        resolve_province("Hà Tây")


def test_select_sites_sorts_by_province_then_kind() -> None:
    keys = [profile.key for profile in select_sites(SAMPLE)]
    assert keys == [
        "dangcongsan",
        "nhandan",
        "caobang-dcs",
        "danang-dcs",
        "baodaklak",
        "haiphong-dcs",
        "baohaiphong",
        "baohaiduong",
    ]


@pytest.mark.parametrize(
    ("filters", "keys"),
    [
        ({"province": "Hải Phòng"}, ["haiphong-dcs", "baohaiphong", "baohaiduong"]),
        ({"province": "Hải Dương"}, ["baohaiduong"]),
        ({"province": "Hải Phòng", "kind": "provincial_portal"}, ["haiphong-dcs"]),
        ({"kind": "central"}, ["dangcongsan", "nhandan"]),
        ({"status": "archive"}, ["baohaiduong"]),
        ({"province": "Cà Mau"}, []),
    ],
)
def test_select_sites_filters(filters: dict[str, str], keys: list[str]) -> None:
    assert [profile.key for profile in select_sites(SAMPLE, **filters)] == keys


def test_text_table() -> None:
    sites = [
        _site("hd", "provincial_newspaper", "Hải Phòng", "Hải Dương"),
        _site("hp", "provincial_portal", "Hải Phòng"),
    ]
    assert text_table(select_sites(sites)).splitlines() == [
        "key  kind                  province   historical province  family   status   domain",
        "hp   provincial_portal     Hải Phòng  -                    generic  active   hp.vn",
        "hd   provincial_newspaper  Hải Phòng  Hải Dương            generic  archive  hd.vn",
    ]


def test_markdown_table_escapes_markup() -> None:
    site = SiteProfile(
        key="x", name="X", domains=("x.vn", "y.vn"), kind="central", note="a <id>|*b"
    )
    assert markdown_table([site]).splitlines()[2] == (
        "| x | X | central | - | - | generic | unverified | x.vn, y.vn | a \\<id\\>\\|\\*b |"
    )


def _keys(output: str) -> list[str]:
    return [line.split()[0] for line in output.splitlines()[1:]]


@pytest.mark.parametrize(
    ("argv", "keys"),
    [
        (
            ["--province", "Hải Phòng"],
            ["haiphong-gov", "haiduong-dcs", "baohaiphong", "baohaiduong"],
        ),
        (["--province", "hai duong", "--kind", "provincial_newspaper"], ["baohaiduong"]),
        (["--province", "Tây Ninh", "--status", "archive"], ["longan-dcs", "baolongan"]),
        (["--province", "Thái Nguyên", "--status", "active"], ["thainguyen-dcs", "baothainguyen"]),
    ],
)
def test_cli_sites_filters(
    argv: list[str], keys: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["sites", *argv]) == 0
    output = capsys.readouterr().out
    assert output.splitlines()[0].split()[:3] == ["key", "kind", "province"]
    assert _keys(output) == keys


def test_cli_sites_central(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sites", "--kind", "central"]) == 0
    lines = capsys.readouterr().out.splitlines()[1:]
    assert len(lines) == 16
    assert all(line.split()[1:4] == ["central", "-", "-"] for line in lines)
    assert [line.split()[0] for line in lines] == sorted(line.split()[0] for line in lines)


def test_cli_sites_unknown_province(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sites", "--province", "Hà Tây"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "unknown province 'Hà Tây'" in captured.err
    assert "Hải Phòng" in captured.err
    assert "TP. Hồ Chí Minh" in captured.err


def test_cli_sites_rejects_an_unknown_kind(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["sites", "--kind", "regional"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
