"""Tests for normalize.encoding: bytes to text, and the mojibake helpers."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.encoding import (
    Decoded,
    decode_html,
    looks_like_mojibake,
    restore_lost_nbsp,
    reverse_mojibake,
)

VIET = "Đảng Cộng sản Việt Nam"
# "Đảng Cộng sản Việt Nam" in windows-1258, written out byte by byte: D0 = Đ, D2 = combining
# hook above, F4 = ô, F2 = combining dot below, EA = ê.
VIET_CP1258 = b"\xd0a\xd2ng C\xf4\xf2ng sa\xd2n Vi\xea\xf2t Nam"
# "Thành ủy Hà Nội" in windows-1258: E0 = à, D2 = hook above, F4 = ô, F2 = dot below.
THANH_UY_CP1258 = b"Th\xe0nh u\xd2y H\xe0 N\xf4\xf2i"


@pytest.mark.parametrize(
    ("body", "header", "expected"),
    [
        # Valid multi-byte UTF-8 wins over a latin-1 / windows-1252 / windows-1258 label.
        (VIET.encode(), "iso-8859-1", Decoded(VIET, "utf-8", "utf-8")),
        (VIET.encode(), "text/html; charset=windows-1252", Decoded(VIET, "utf-8", "utf-8")),
        (VIET.encode(), "windows-1258", Decoded(VIET, "utf-8", "utf-8")),
        # Pure ASCII is valid UTF-8 whatever the label says.
        (b"<p>Hello</p>", "windows-1258", Decoded("<p>Hello</p>", "utf-8", "utf-8")),
        # windows-1258 declared in the header: decoded, then NFC.
        (VIET_CP1258, "windows-1258", Decoded(VIET, "windows-1258", "declared")),
        (VIET_CP1258, "text/html; charset=CP1258", Decoded(VIET, "windows-1258", "declared")),
        (THANH_UY_CP1258, "windows-1258", Decoded("Thành ủy Hà Nội", "windows-1258", "declared")),
        # A latin-1 label decodes as windows-1252; its undefined byte 0x90 becomes U+0090, not lost.
        (b"caf\xe9 \x90", "latin-1", Decoded("café \x90", "windows-1252", "declared")),
        # Invalid UTF-8 under a UTF-8 label: U+FFFD, never silently dropped.
        (b"abc\xffdef", "utf-8", Decoded("abc\ufffddef", "utf-8", "declared")),
        # No label, not UTF-8, too short to detect: windows-1252 fallback.
        (b"caf\xe9 cr\xe8me", None, Decoded("café crème", "windows-1252", "fallback")),
        # Unknown or non-text codec labels are ignored.
        (b"caf\xe9 cr\xe8me", "x-unknown", Decoded("café crème", "windows-1252", "fallback")),
        (b"caf\xe9 cr\xe8me", "zlib", Decoded("café crème", "windows-1252", "fallback")),
    ],
)
def test_decode_with_header(body: bytes, header: str | None, expected: Decoded) -> None:
    assert decode_html(body, header) == expected


@pytest.mark.parametrize(
    ("head", "header", "expected_encoding"),
    [
        (b"<meta charset='windows-1258'>", None, "windows-1258"),
        (b'<meta charset="windows-1258" />', None, "windows-1258"),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">',
            None,
            "windows-1258",
        ),
        # The HTTP header beats the <meta> tag.
        (b'<meta charset="iso-8859-2">', "windows-1258", "windows-1258"),
        # An unknown header label falls through to the <meta> tag.
        (b'<meta charset="windows-1258">', "bogus-charset", "windows-1258"),
    ],
)
def test_decode_declared_in_meta(head: bytes, header: str | None, expected_encoding: str) -> None:
    body = b"<html><head>" + head + b"</head><body><p>" + VIET_CP1258 + b"</p></body></html>"
    decoded = decode_html(body, header)
    assert decoded.encoding == expected_encoding
    assert decoded.source == "declared"
    assert f"<p>{VIET}</p>" in decoded.text


def test_xml_declaration() -> None:
    body = b'<?xml version="1.0" encoding="windows-1258"?><p>' + VIET_CP1258 + b"</p>"
    assert decode_html(body) == Decoded(
        f'<?xml version="1.0" encoding="windows-1258"?><p>{VIET}</p>', "windows-1258", "declared"
    )


def test_meta_declares_other_charset() -> None:
    body = b'<meta charset="iso-8859-2"><p>\xb1 \xbf</p>'  # latin-2: 0xB1 = ą, 0xBF = ż
    assert decode_html(body) == Decoded(
        '<meta charset="iso-8859-2"><p>ą ż</p>', "iso8859-2", "declared"
    )


def test_undeclared_cp1258_is_detected() -> None:
    body = b"<p>" + b" ".join([VIET_CP1258, THANH_UY_CP1258] * 8) + b"</p>"
    decoded = decode_html(body)
    assert decoded.encoding == "windows-1258"
    assert decoded.source == "detected"
    assert decoded.text.startswith(f"<p>{VIET} Thành ủy Hà Nội {VIET}")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (codecs.BOM_UTF8 + VIET.encode(), Decoded(VIET, "utf-8", "bom")),
        (codecs.BOM_UTF16_LE + VIET.encode("utf-16-le"), Decoded(VIET, "utf-16-le", "bom")),
        (codecs.BOM_UTF16_BE + VIET.encode("utf-16-be"), Decoded(VIET, "utf-16-be", "bom")),
        (codecs.BOM_UTF8, Decoded("", "utf-8", "bom")),
    ],
)
def test_decode_bom(body: bytes, expected: Decoded) -> None:
    # The BOM wins over any label.
    assert decode_html(body, "windows-1258") == expected


@settings(max_examples=200, deadline=None)
@given(body=st.binary(max_size=600), header=st.none() | st.text(max_size=30))
def test_decode_never_raises(body: bytes, header: str | None) -> None:
    decoded = decode_html(body, header)
    assert isinstance(decoded.text, str)
    assert decoded.source in {"bom", "utf-8", "declared", "detected", "fallback"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Viá»‡t Nam", True),
        ("cĂ´ng tĂ¡c", True),  # UTF-8 read as windows-1258
        ("áº nh", True),  # "Ạnh" whose NBSP became a space
        ("Việt Nam", False),
        ("café crème, São Paulo, «Bonjour»", False),
        ("Céng hoµ x· héi", False),  # TCVN3 is not mojibake
        ("Привет", False),
    ],
)
def test_looks_like_mojibake(text: str, expected: bool) -> None:
    assert looks_like_mojibake(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ThÃ nh", "ThÃ\xa0nh"),
        ("hoĂ ", "hoĂ\xa0"),
        ("áº nh", "áº\xa0nh"),
        ("vÃ", "vÃ\xa0"),
        ("Thành", "Thành"),
    ],
)
def test_restore_lost_nbsp(text: str, expected: str) -> None:
    assert restore_lost_nbsp(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ná»™i dung:(*)", "Nội dung:(*)"),
        ("cĂ´ng tĂ¡c", "công tác"),
        ("ViÃ¡Â»â€¡t", "Việt"),  # two layers
        ("Việt Nam – “Đảng”", "Việt Nam – “Đảng”"),
        ("và\xa0\xa0", "và\xa0\xa0"),  # E0 A0 A0 would be U+0820: implausible, kept
    ],
)
def test_reverse_mojibake(text: str, expected: str) -> None:
    assert reverse_mojibake(text) == expected
