"""The site registry: central organs, the 34 provinces, merged provinces, keys, families, hosts."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from crawler.sites import UnknownSiteError, get_profile, known_sites, profile_for_host
from crawler.sites.catalog import SITES
from crawler.sites.catalog.build import paper, portal, site_key
from crawler.sites.catalog.merger import ABSORBED_INTO, MERGER, PROVINCES, current_province
from crawler.sites.families import FAMILIES

CENTRAL_KEYS = {
    "dangcongsan",
    "nhandan",
    "tapchicongsan",
    "xaydungdang",
    "tuyengiao",
    "hoidonglyluan",
    "lyluanchinhtri",
    "dukcqtw-dcs",
    "tapchilichsudang",
    "hochiminh",
    "noichinh",
    "danvan",
    "ubkttw",
    "tapchikiemtra",
}
UNVERIFIED_CENTRAL = {"noichinh", "danvan", "ubkttw", "tapchikiemtra"}
KEY_SHAPE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _expected_key(domain: str) -> str:
    """The key convention, written independently of the catalog's helper."""
    host = re.sub(r"^(?:www|m)\.", "", domain)
    host = re.sub(r"(?:\.(?:org|com|info))?\.vn$", "", host)
    return host.replace(".", "-")


def test_the_registry_holds_the_whole_catalog() -> None:
    assert [profile.key for profile in known_sites()] == sorted(profile.key for profile in SITES)


def test_every_central_organ_of_the_issue_and_the_research_is_registered() -> None:
    central = {profile.key: profile for profile in known_sites() if profile.kind == "central"}
    assert set(central) >= CENTRAL_KEYS
    assert all(profile.province is None for profile in central.values())
    assert {key for key in UNVERIFIED_CENTRAL if central[key].status == "unverified"} == (
        UNVERIFIED_CENTRAL
    )


def test_there_are_34_provinces_and_29_absorbed_ones() -> None:
    absorbed = [old for olds in MERGER.values() for old in olds]
    assert len(PROVINCES) == 34
    assert sum(1 for olds in MERGER.values() if not olds) == 11
    assert len(absorbed) == len(set(absorbed)) == 29
    assert not set(absorbed) & set(PROVINCES)
    assert len(ABSORBED_INTO) == 29


@pytest.mark.parametrize(
    ("place", "province"),
    [
        ("Hải Dương", "Hải Phòng"),
        ("Bắc Kạn", "Thái Nguyên"),
        ("Bà Rịa - Vũng Tàu", "TP. Hồ Chí Minh"),
        ("Bình Dương", "TP. Hồ Chí Minh"),
        ("Nam Định", "Ninh Bình"),
        ("Kiên Giang", "An Giang"),
        ("Long An", "Tây Ninh"),
        ("Bình Định", "Gia Lai"),
        ("Hải Phòng", "Hải Phòng"),
        ("Huế", "Huế"),
    ],
)
def test_current_province(place: str, province: str) -> None:
    assert current_province(place) == province


def test_current_province_rejects_unknown_names() -> None:
    with pytest.raises(ValueError, match="Hà Tây"):
        current_province("Hà Tây")


@pytest.mark.parametrize("place", [*PROVINCES, *ABSORBED_INTO])
def test_every_province_has_one_portal_and_one_newspaper(place: str) -> None:
    if place in MERGER:
        sites = [p for p in known_sites() if p.province == place and p.province_historical is None]
    else:
        sites = [p for p in known_sites() if p.province_historical == place]
        assert {(p.province, p.status) for p in sites} == {(ABSORBED_INTO[place], "archive")}
    assert Counter(p.kind for p in sites) == {"provincial_portal": 1, "provincial_newspaper": 1}


@pytest.mark.parametrize(
    ("key", "province", "historical", "status"),
    [
        ("baohaiduong", "Hải Phòng", "Hải Dương", "archive"),
        ("baohaiphong", "Hải Phòng", None, "active"),
        ("longan-dcs", "Tây Ninh", "Long An", "archive"),
        ("baolongan", "Tây Ninh", "Long An", "archive"),
        ("binhdinh-dcs", "Gia Lai", "Bình Định", "archive"),
        ("kiengiang-dcs", "An Giang", "Kiên Giang", "archive"),
        ("tinhuybinhphuoc", "Đồng Nai", "Bình Phước", "archive"),
        ("baria-vungtau-dcs", "TP. Hồ Chí Minh", "Bà Rịa - Vũng Tàu", "archive"),
        ("thainguyen-dcs", "Thái Nguyên", None, "active"),
        ("gialai-dcs", "Gia Lai", None, "active"),
        ("bacninh-dcs", "Bắc Ninh", None, "unverified"),
        ("hanoi", "Hà Nội", None, "unverified"),
        ("dangcongsan", None, None, "active"),
    ],
)
def test_province_fields_and_status(
    key: str, province: str | None, historical: str | None, status: str
) -> None:
    profile = get_profile(key)
    assert (profile.province, profile.province_historical, profile.status) == (
        province,
        historical,
        status,
    )


def test_statuses_follow_the_merger() -> None:
    for profile in known_sites():
        absorbed = profile.province_historical is not None
        assert (profile.status == "archive") == absorbed, profile.key
        assert profile.note, profile.key


@pytest.mark.parametrize(
    ("domain", "key"),
    [
        ("thainguyen.dcs.vn", "thainguyen-dcs"),
        ("www.tapchicongsan.org.vn", "tapchicongsan"),
        ("m.baohaiduong.vn", "baohaiduong"),
        ("baodienbienphu.info.vn", "baodienbienphu"),
        ("baobacninh.com.vn", "baobacninh"),
        ("baria-vungtau.dcs.vn", "baria-vungtau-dcs"),
        ("haiphong.gov.vn", "haiphong-gov"),
        ("hanoi.org.vn", "hanoi"),
    ],
)
def test_site_key(domain: str, key: str) -> None:
    assert site_key(domain) == key


def test_keys_are_unique_and_follow_the_convention() -> None:
    keys = [profile.key for profile in SITES]
    assert len(keys) == len(set(keys))
    for profile in SITES:
        assert KEY_SHAPE.fullmatch(profile.key), profile.key
        assert profile.key == _expected_key(profile.domains[0])


def test_every_family_exists() -> None:
    for profile in known_sites():
        assert profile.family in {*FAMILIES, "generic"}, profile.key


def test_family_defaults_reach_the_profile() -> None:
    profile = get_profile("thainguyen-dcs")
    assert profile.family == "nukeviet"
    assert profile.article_url_pattern == FAMILIES["nukeviet"].article_url_pattern
    assert profile.root_url == "https://thainguyen.dcs.vn/"


@pytest.mark.parametrize(
    ("host", "key"),
    [
        ("m.baohaiduong.vn", "baohaiduong"),
        ("tab.baohaiduong.vn", "baohaiduong"),
        ("www.thainguyen.dcs.vn", "thainguyen-dcs"),
        ("bacninh.dangcongsan.vn", "dangcongsan"),
        ("nhandan.com.vn", "nhandan"),
        ("baothuathienhue.vn", "huengaynay"),
        ("btgdvtu.lamdong.dcs.vn", "lamdong-dcs"),
        ("dcs.vn", None),
        ("example.com", None),
    ],
)
def test_profile_for_host(host: str, key: str | None) -> None:
    profile = profile_for_host(host)
    assert (profile.key if profile else None) == key


def test_every_domain_leads_back_to_its_own_site() -> None:
    for profile in known_sites():
        for domain in profile.domains:
            found = profile_for_host(domain)
            assert found is not None
            assert found.key == profile.key, domain


def test_unknown_key() -> None:
    with pytest.raises(UnknownSiteError, match="baohaiduong"):
        get_profile("no-such-site")


@pytest.mark.parametrize(
    ("key", "field", "value"),
    [
        # docbao's per-site selectors (research §3.7) and the bylines seen on the sites (§3.8)
        ("sggp", "date", ".meta-info time"),
        ("sggp", "lead", ".summary.cms-desc"),
        ("sggp", "body", ".content.cms-body"),
        ("sggp", "drop", ("table.notification", "table.quotes")),
        ("baophuyen", "lead", ".newsDetail .text > p:first-of-type"),
        ("baophuyen", "drop", (".commentDetail", ".otherNews", ".newsDetail > .share")),
        ("hanoimoi", "date", ".period"),
        ("hanoimoi", "author", ".period .article__author"),
        ("baohaiduong", "date", ".detail-author-time"),
        # a site without overrides keeps its family's selectors
        ("kiengiang-dcs", "author", FAMILIES["nukeviet"].selectors.author),
    ],
)
def test_site_selector_overrides(key: str, field: str, value: object) -> None:
    assert getattr(get_profile(key).selectors, field) == value


def test_site_overrides_add_to_the_family_selectors() -> None:
    family = FAMILIES["nukeviet"].selectors
    profile = paper("Cà Mau", "example-nukeviet.vn", "nukeviet", "test", seen=False,
                    selectors={"author": "p.byline", "drop": (".ads-box",)})
    assert profile.selectors.author == "p.byline"
    assert profile.selectors.title == family.title
    assert profile.selectors.drop == (*family.drop, ".ads-box")
    assert portal("Cà Mau", "example.dcs.vn", "liferay", "test", seen=False,
                  selectors={"lead": ".tomtat"}).selectors.lead == ".tomtat"
