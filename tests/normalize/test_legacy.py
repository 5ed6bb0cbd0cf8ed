"""Tests for normalize.legacy: TCVN3, VNI and VISCII detection and conversion."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize import _legacy_tables
from normalize.legacy import (
    ENCODINGS,
    LegacyEncoding,
    detect_legacy,
    is_vietnamese_syllable,
    legacy_to_unicode,
    unicode_to_legacy,
)

ROOT = Path(__file__).resolve().parents[2]
CHARMAPS = Path("/usr/share/i18n/charmaps")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3"),
        ("§¶NG CéNG S¶N VIÖT NAM", "tcvn3"),
        ("M\u00adêng Kh\u00ad¬ng", "tcvn3"),
        ("Hµ Néi", "tcvn3"),
        ("Vieät Nam", "vni"),
        ("Xin chaøo caùc baïn", "vni"),
        ("Ñaûng Coäng saûn Vieät Nam", "vni"),
        ("\u00d0äng C\u00b5ng s\u00e4n Vi\u00aet Nam", "viscii"),  # Đảng Cộng sản Việt Nam
        # Never: Unicode Vietnamese, Western languages, ASCII.
        ("Cộng hòa xã hội chủ nghĩa Việt Nam", None),
        ("Thái Bình, Hòa Bình, Lê Văn", None),
        ("Il est à Paris, l'été à Genève où il a goûté «Bonjour» naïf Noël", None),
        ("¡Hola! ¿Qué tal? Año 1ª nº, São Paulo não é Lisboa", None),
        ("The © 2024 café — naïve résumé", None),
        ("Schöne Grüße aus Österreich", None),
        ("Ærø og Øresund på dansk, så flot; Smörgåsbord är gott", None),
        ("Plain ASCII text", None),
        ("°C ", None),  # a unit: one letter beside a symbol is no evidence
        ("30 °C\n°C\n°C", None),
        ("", None),
    ],
)
def test_detect_legacy(text: str, expected: str | None) -> None:
    assert detect_legacy(text) == expected


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("§¶NG CéNG S¶N VIÖT NAM", "tcvn3", "ĐẢNG CỘNG SẢN VIỆT NAM"),
        ("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", "tcvn3", "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("M\u00adêng Kh\u00ad¬ng", "tcvn3", "Mường Khương"),
        ("Mêng Kh¬ng", "tcvn3", "Mờng Khơng"),  # soft hyphens stripped first: ư is lost
        ("UBND ë x· T©n LËp", "tcvn3", "UBND ở xã Tân Lập"),  # an acronym is not a caps run
        ("Uû ban", "tcvn3", "Uỷ ban"),
        ("Vieät Nam", "vni", "Việt Nam"),
        ("Xin chaøo caùc baïn", "vni", "Xin chào các bạn"),
        ("VIEÄT NAM", "vni", "VIỆT NAM"),
        ("Thaønh phoá Hoà Chí Minh", "vni", "Thành phố Hồ Chí Minh"),
        ("ñöôøng, Ñaûng, hieäu, löïc", "vni", "đường, Đảng, hiệu, lực"),
        ("Öùng, Öu tieân", "vni", "Ứng, Ưu tiên"),
        ("\u00d0äng C\u00b5ng s\u00e4n Vi\u00aet Nam", "viscii", "Đảng Cộng sản Việt Nam"),
    ],
)
def test_legacy_to_unicode(text: str, encoding: LegacyEncoding, expected: str) -> None:
    assert legacy_to_unicode(text, encoding) == expected


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        ("Việt Nam", "tcvn3", "ViÖt Nam"),
        ("Mường Khương", "tcvn3", "M\u00adêng Kh\u00ad¬ng"),
        ("ĐẢNG", "tcvn3", "§¶NG"),
        ("Ủy ban", "tcvn3", "ñy ban"),  # no toned capitals in VN3: written lowercase
        ("Việt Nam", "vni", "Vieät Nam"),
        ("Xin chào các bạn", "vni", "Xin chaøo caùc baïn"),
        ("VIỆT", "vni", "VIEÄT"),
        ("Đảng Cộng sản Việt Nam", "viscii", "\u00d0äng C\u00b5ng s\u00e4n Vi\u00aet Nam"),
    ],
)
def test_unicode_to_legacy(text: str, encoding: LegacyEncoding, expected: str) -> None:
    assert unicode_to_legacy(text, encoding) == expected


def test_unknown_encoding_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown legacy encoding"):
        legacy_to_unicode("x", "vps")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown legacy encoding"):
        unicode_to_legacy("x", "viqr")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("nghiêng", True),
        ("Khương", True),
        ("quý", True),
        ("ộtộ", False),  # two tones
        ("genốve", False),
        ("bonjour", False),
    ],
)
def test_is_vietnamese_syllable(word: str, expected: bool) -> None:
    assert is_vietnamese_syllable(word) is expected


def test_table_sizes() -> None:
    # VN3: 67 lowercase letters with diacritics + Ă Â Ê Ô Ơ Ư Đ.
    assert len(_legacy_tables.TCVN3_TO_UNICODE) == 74
    assert _legacy_tables.TCVN3_TO_UNICODE["\u00ad"] == "ư"
    # VNI: the same 67 letters in both cases.
    assert len(_legacy_tables.VNI_TO_UNICODE) == 134


@pytest.mark.skipif(not (CHARMAPS / "VISCII.gz").exists(), reason="glibc charmaps not installed")
def test_generated_tables_are_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location("gen", ROOT / "scripts" / "gen_legacy_tables.py")
    assert spec is not None
    assert spec.loader is not None
    generator = importlib.util.module_from_spec(spec)
    sys.modules["gen_legacy_tables_under_test"] = generator
    spec.loader.exec_module(generator)
    expected = (ROOT / "normalize" / "_legacy_tables.py").read_text(encoding="utf-8")
    assert generator.generate(CHARMAPS) == expected


LOWER = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
ASCII_UPPER = "ABCDEGHIKLMNOPQRSTUVXY"
LOWER_WORD = st.text(alphabet=LOWER, min_size=1, max_size=7)
# TCVN3 can write a capital only for ASCII letters and Ă Â Ê Ô Ơ Ư Đ.
TITLE_WORD = st.builds(str.__add__, st.sampled_from(ASCII_UPPER + "ĂÂÊÔƠƯĐ"), LOWER_WORD)
CAPS_WORD = st.builds(
    lambda first, second, rest: first + second + rest.upper(),
    st.sampled_from(ASCII_UPPER),
    st.sampled_from(ASCII_UPPER),
    st.text(alphabet=LOWER, max_size=5),
)
SEPARATOR = st.sampled_from([" ", ", ", ". ", " - "])


def sentence(words: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Words joined by punctuation and spaces."""
    return st.lists(st.tuples(words, SEPARATOR), min_size=1, max_size=8).map(
        lambda pairs: "".join(word + separator for word, separator in pairs).rstrip(" ,.-")
    )


# The TCVN3 alphabet, honestly: mixed-case sentences (lowercase words and words with one
# representable capital) or all-caps sentences whose words carry at least two ASCII capitals.
TCVN3_TEXT = sentence(LOWER_WORD | TITLE_WORD) | sentence(CAPS_WORD)
# VNI and VISCII write every Vietnamese letter in both cases.
ANY_CASE_TEXT = sentence(st.text(alphabet=LOWER + LOWER.upper(), min_size=1, max_size=7))


@settings(max_examples=200, deadline=None)
@given(original=TCVN3_TEXT)
def test_tcvn3_round_trip(original: str) -> None:
    assert legacy_to_unicode(unicode_to_legacy(original, "tcvn3"), "tcvn3") == original


@pytest.mark.parametrize("encoding", ["vni", "viscii"])
@settings(max_examples=200, deadline=None)
@given(original=ANY_CASE_TEXT)
def test_vni_viscii_round_trip(encoding: LegacyEncoding, original: str) -> None:
    assert legacy_to_unicode(unicode_to_legacy(original, encoding), encoding) == original


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=80), encoding=st.sampled_from(ENCODINGS))
def test_never_raises(text: str, encoding: LegacyEncoding) -> None:
    detect_legacy(text)
    assert isinstance(legacy_to_unicode(text, encoding), str)
    assert isinstance(unicode_to_legacy(text, encoding), str)
