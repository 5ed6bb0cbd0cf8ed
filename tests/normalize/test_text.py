"""Tests for normalize.text: clean_text, clean_paragraphs, is_lossy."""

from __future__ import annotations

import ftfy
import ftfy.bad_codecs  # registers sloppy-windows-125x for building mojibake
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.text import CleanedText, clean_paragraphs, clean_text, is_lossy

SENTENCES = [
    "Thành ủy Hà Nội",
    "Đảng Cộng sản Việt Nam",
    "Ban Thường vụ Tỉnh ủy họp bàn công tác cán bộ",
    "ĐÃ NÓI VỚI HÀ NỘI",
    "Ạnh và Ỡ",
    "Uỷ viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy",
    "hoàn thành toàn diện nhiệm vụ chính trị năm 2021",
]


@pytest.mark.parametrize("original", SENTENCES)
@pytest.mark.parametrize("codec", ["sloppy-windows-1252", "latin-1", "sloppy-windows-1258"])
def test_mojibake_is_reversed(original: str, codec: str) -> None:
    mojibake = original.encode("utf-8").decode(codec)
    assert mojibake != original
    assert clean_text(mojibake) == original


@pytest.mark.parametrize("original", SENTENCES)
@pytest.mark.parametrize("codec", ["sloppy-windows-1252", "sloppy-windows-1258"])
def test_mojibake_whose_nbsp_became_space(original: str, codec: str) -> None:
    # An HTML cleaner turned the A0 byte of à / Ạ / Ỡ (shown as NBSP) into a plain space.
    mojibake = original.encode("utf-8").decode(codec).replace("\xa0", " ")
    assert clean_text(mojibake) == original


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # UTF-8 read as cp1252 / latin-1 (research §2.6).
        ("Viá»‡t Nam", "Việt Nam"),
        ("ViÃ¡Â»â€¡t", "Việt"),  # double mojibake
        ("Ná»™i dung:(*)", "Nội dung:(*)"),  # short line ftfy alone leaves broken
        ("ThÃ nh á»§y", "Thành ủy"),
        ("bÃ i viáº¿t nÃ y", "bài viết này"),
        ("hoÃ n thÃ nh toÃ n", "hoàn thành toàn"),
        ("Tin má»›i: Việt Nam", "Tin mới: Việt Nam"),  # mixed good and bad
        ("â€œÄ\x90áº£ngâ€\x9d", "“Đảng”"),  # curly quotes are kept
        # UTF-8 read as cp1258 (research §2.4).
        ("cĂ´ng tĂ¡c", "công tác"),
        ("hoĂ\xa0", "hoà"),
        ("L?y l?i mï¿½ b?o m?t", "L?y l?i m\ufffd b?o m?t"),  # U+FFFD read as cp1258
        # Entities and numeric references, also double-encoded (research §2.7).
        ("Vi&#7879;t Nam &#273;&#7843;ng", "Việt Nam đảng"),
        ("Vi&#x1EC7;t", "Việt"),
        ("Vi&amp;#7879;t Nam &amp;quot;x&amp;quot;", 'Việt Nam "x"'),
        ("Vi&amp;amp;#7879;t", "Việt"),
        ("Vi&Atilde;&iexcl;&raquo;&#8225;t Nam", "Việt Nam"),
        ("AT&T và R&D", "AT&T và R&D"),
        # NFC (NFD and the cp1258-style "tổ hợp" form).
        ("Vie\u0302\u0323t Nam", "Việt Nam"),
        ("ho\u0300a bi\u0300nh", "hòa bình"),
        ("Vi\u00ea\u0323t", "Việt"),
        # Đ/đ written with the Icelandic eth; a word-medial ð is left alone.
        ("\u00d0ẢNG CỘNG SẢN", "ĐẢNG CỘNG SẢN"),
        ("\u00f0ồng chí \u00d0ức", "đồng chí Đức"),
        ("ma\u00f0ur", "ma\u00f0ur"),
        # Invisible characters, NBSP, space runs, stripping.
        ("Đả\u200bng\u200d \ufeffViệt", "Đảng Việt"),
        ("infor\u00admation", "information"),
        ("  Hà\u00a0Nội\u00a0\u00a0 ngày\t 28/6  ", "Hà Nội ngày 28/6"),
        ("dòng một \r\n\r\n dòng hai", "dòng một\ndòng hai"),
        (" \u00a0", ""),
        ("", ""),
        # Legacy fonts are converted (research §2.1-2.2).
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("§¶NG CéNG S¶N VIÖT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM"),
        ("M\u00adêng Kh\u00ad¬ng", "Mường Khương"),
        ("Vieät Nam", "Việt Nam"),
        ("Xin chaøo caùc baïn", "Xin chào các bạn"),
        ("P.Hoa, Q.H\u00adng", "P.Hoa, Q.Hưng"),  # TCVN3 byline: initials, ư as 0xAD
        ("P.Hoa, Q.Höng", "P.Hoa, Q.Hưng"),  # the same in VNI
        # Already clean text is untouched.
        ("“Đảng ta” – Hồ Chí Minh…", "“Đảng ta” – Hồ Chí Minh…"),
        (
            "Il est à Paris, l'été à Genève où il a goûté",
            "Il est à Paris, l'été à Genève où il a goûté",
        ),
        ("Schöne Grüße aus Österreich", "Schöne Grüße aus Österreich"),
        ("¡Hola! ¿Qué tal? © 2024 café", "¡Hola! ¿Qué tal? © 2024 café"),
        # Irrecoverable text is kept as is (seed 001).
        ("L?y l?i m\ufffd b?o m?t", "L?y l?i m\ufffd b?o m?t"),
    ],
)
def test_clean_text(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_clean_text_skips_ftfy_on_clean_text(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_ftfy(text: str, **_: object) -> str:
        raise AssertionError(f"ftfy called on {text!r}")

    monkeypatch.setattr(ftfy, "fix_text", no_ftfy)
    clean = "Chiều 28/6, Thành ủy Hà Nội tổ chức hội nghị “sơ kết” công tác Đảng. " * 20
    assert clean_text(clean) == clean.strip()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("L?y l?i m\ufffd b?o m?t", True),
        ("Mã xác nhận: L?y l?i m? b?o m?t", True),
        ("Đ\ufffdng", True),
        ("Vì sao? Vì Đảng.", False),
        ("Xem tại https://example.vn/index.php?id=5&lang=vi", False),
        ("Việt Nam", False),
        ("", False),
    ],
)
def test_is_lossy(line: str, expected: bool) -> None:
    assert is_lossy(line) is expected


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (
            [" \u00a0", "Hà\u00a0Nội", "", "Viá»‡t Nam", "\u200b"],
            CleanedText(["Hà Nội", "Việt Nam"], []),
        ),
        (
            ["Bình luận", "L?y l?i m\ufffd b?o m?t", "Đ\ufffdng"],
            CleanedText(["Bình luận", "L?y l?i m\ufffd b?o m?t", "Đ\ufffdng"], ["encoding_lossy"]),
        ),
        ([], CleanedText([], [])),
    ],
)
def test_clean_paragraphs(paragraphs: list[str], expected: CleanedText) -> None:
    assert clean_paragraphs(paragraphs) == expected


VIETNAMESE_LETTERS = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
)
VIETNAMESE_TEXT = st.text(
    alphabet=VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper() + " \u00a0,.“”-0123456789&;#",
    max_size=80,
)


@st.composite
def mojibake(draw: st.DrawFn) -> str:
    original = draw(VIETNAMESE_TEXT)
    codec = draw(st.sampled_from(["sloppy-windows-1252", "latin-1", "sloppy-windows-1258"]))
    return original.encode("utf-8").decode(codec)


ANY_TEXT = st.text(max_size=80) | VIETNAMESE_TEXT | mojibake()


@settings(max_examples=200, deadline=None)
@given(raw=ANY_TEXT)
def test_clean_text_is_idempotent(raw: str) -> None:
    once = clean_text(raw)
    assert clean_text(once) == once


@settings(max_examples=200, deadline=None)
@given(paragraphs=st.lists(ANY_TEXT, max_size=5))
def test_clean_paragraphs_is_idempotent(paragraphs: list[str]) -> None:
    once = clean_paragraphs(paragraphs)
    assert clean_paragraphs(once.paragraphs) == once
    assert all(paragraph and paragraph == paragraph.strip() for paragraph in once.paragraphs)


WORD = st.text(alphabet=VIETNAMESE_LETTERS, min_size=1, max_size=7)
CASED_WORD = st.builds(
    lambda word, case: getattr(word, case)(), WORD, st.sampled_from(["lower", "title", "upper"])
)
# Naturally cased Vietnamese: each word lower, Title or UPPER case.
NATURAL_TEXT = st.lists(CASED_WORD, max_size=12).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(original=NATURAL_TEXT)
def test_clean_vietnamese_text_only_changes_spaces(original: str) -> None:
    assert clean_text(original) == " ".join(original.replace("\u00a0", " ").split())
