"""Bytes to text for Vietnamese pages: BOM, strict UTF-8, declared charsets, then detection."""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from typing import Final, Literal

import ftfy
import ftfy.bad_codecs
from charset_normalizer import from_bytes

DecodeSource = Literal["bom", "utf-8", "declared", "detected", "fallback"]

_BOMS: Final = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# WHATWG treats latin-1 and ASCII labels as windows-1252; the sloppy codecs fill cp125x's holes
# with the C1 controls instead of U+FFFD, so nothing is lost.
_LABEL_ALIASES: Final = {
    "windows-1252": "sloppy-windows-1252",
    "latin-1": "sloppy-windows-1252",
    "iso-8859-1": "sloppy-windows-1252",
    "ascii": "sloppy-windows-1252",
    "windows-1258": "sloppy-windows-1258",
}
_REPORTED_NAMES: Final = {
    "sloppy-windows-1252": "windows-1252",
    "sloppy-windows-1258": "windows-1258",
}
_UNSAFE_CODECS: Final = ("escape", "idna", "punycode", "undefined", "mbcs", "oem", "uu", "zlib")
_CHARSET_PARAM: Final = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_META: Final = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_XML_DECLARATION: Final = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")
_SNIFF_BYTES: Final = 4096
_DETECTOR_ACCEPTS: Final = {"utf_8": "utf-8", "cp1258": "sloppy-windows-1258"}


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded page text, the codec used and how it was chosen."""

    text: str
    encoding: str
    source: DecodeSource


def _codec_for(label: str) -> str | None:
    """Python codec for a charset label, or None when unknown or not a plain text codec."""
    try:
        info = codecs.lookup(label.strip().strip("\"'").lower())
    except (LookupError, ValueError):
        return None
    name = info.name
    if not getattr(info, "_is_text_encoding", True) or any(bad in name for bad in _UNSAFE_CODECS):
        return None
    canonical = {"cp1252": "windows-1252", "iso8859-1": "iso-8859-1", "cp1258": "windows-1258"}
    name = canonical.get(name, name)
    return _LABEL_ALIASES.get(name, name)


def _declared_labels(body: bytes, header_charset: str | None) -> list[str]:
    """Charset labels in priority order: HTTP header, then <meta> / XML declaration."""
    labels: list[str] = []
    if header_charset:
        param = _CHARSET_PARAM.search(header_charset.encode("ascii", errors="replace"))
        labels.append(param.group(1).decode("ascii") if param else header_charset)
    head = body[:_SNIFF_BYTES]
    xml = _XML_DECLARATION.match(head)
    if xml:
        labels.append(xml.group(1).decode("ascii"))
    for meta in _META.finditer(head):
        param = _CHARSET_PARAM.search(meta.group())
        if param:
            labels.append(param.group(1).decode("ascii"))
    return labels


def _decode(body: bytes, codec: str, source: DecodeSource) -> Decoded | None:
    """Decode with U+FFFD for bad bytes (never dropped); NFC after windows-1258."""
    try:
        text = body.decode(codec, errors="replace")
    except (UnicodeError, LookupError, ValueError, TypeError):
        return None
    if codec == "sloppy-windows-1258":
        text = unicodedata.normalize("NFC", text)
    return Decoded(text, _REPORTED_NAMES.get(codec, codec), source)


def _detect(body: bytes) -> Decoded | None:
    """charset-normalizer as the last resort; only UTF-8 and windows-1258 answers are trusted."""
    best = from_bytes(body).best()
    codec = _DETECTOR_ACCEPTS.get(best.encoding) if best is not None else None
    return _decode(body, codec, "detected") if codec else None


def decode_html(body: bytes, header_charset: str | None = None) -> Decoded:
    """Decode a page: BOM, strict UTF-8, declared charsets, detection, then windows-1252."""
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return _decode(body[len(bom) :], codec, "bom") or Decoded("", codec, "bom")
    try:
        return Decoded(body.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    for label in _declared_labels(body, header_charset):
        declared = _codec_for(label)
        decoded = _decode(body, declared, "declared") if declared else None
        if decoded is not None:
            return decoded
    detected = _detect(body)
    if detected is not None:
        return detected
    return Decoded(body.decode("sloppy-windows-1252"), "windows-1252", "fallback")


# --- Mojibake: UTF-8 bytes that were decoded as cp1252, latin-1 or cp1258 -------------------


def _byte_views() -> dict[str, int]:
    """Each character a byte 0x80-0xFF shows as under sloppy cp1252, sloppy cp1258 or latin-1."""
    views: dict[str, int] = {}
    for byte in range(0x80, 0x100):
        for codec in ("sloppy-windows-1252", "sloppy-windows-1258", "latin-1"):
            views.setdefault(bytes([byte]).decode(codec), byte)
    return views


_VIEWS: Final = _byte_views()


def _char_class(first: int, last: int) -> str:
    """Build a regex class of every view of the bytes first..last."""
    chars = sorted(char for char, byte in _VIEWS.items() if first <= byte <= last)
    return "[" + "".join(re.escape(char) for char in chars) + "]"


_CONT: Final = _char_class(0x80, 0xBF)
# Every mojibake sequence starts with a lead byte's view then a continuation byte's view: text
# without that pair (most text has no continuation view at all) needs no sequence search.
_ANY_CONT: Final = re.compile(_CONT)
_LEAD_THEN_CONT: Final = re.compile(f"{_char_class(0xC2, 0xF4)}{_CONT}")
_UTF8_SEQUENCE: Final = re.compile(
    f"{_char_class(0xC2, 0xDF)}{_CONT}|{_char_class(0xE0, 0xEF)}{_CONT}{{2}}"
    f"|{_char_class(0xF0, 0xF4)}{_CONT}{{3}}"
)
# What a reversed sequence may decode to: Vietnamese and Western letters, combining tone marks
# and the usual punctuation. Anything else (Cyrillic, CJK, …) means the text was not mojibake.
_PLAUSIBLE: Final = re.compile(
    "[\u00a0-\u00ff\u0102\u0103\u0110\u0111\u0128\u0129\u0152\u0153\u0168\u0169"
    "\u01a0\u01a1\u01af\u01b0\u0300-\u0323\u1ea0-\u1ef9\u2010-\u2044\u20ac\u2122\ufffd]"
)
# ``à`` is C3 A0 and ``Ạ``/``Ỡ`` end in A0: once NBSP became a space, ``Ã``/``Ă``/``áº``/``á»``
# stand before a space or at the end. No Vietnamese or Western word ends in those.
# UTF-8 read as windows-1258 shows C3 xx as ``Ă`` + xx; ftfy never tries that codec and
# garbles such text, so it is reversed here alone.
_CP1258_LEAD: Final = re.compile(f"\u0102{_CONT}")
_LOST_NBSP: Final = re.compile("(\u00c3|\u0102|á\u00ba|á\u00bb)(?: |$)")
# A lowercase letter, then the capital Ã/Ă, then a space: never legitimate (``ThÃ nh``).
_LOST_NBSP_EVIDENCE: Final = re.compile("á[\u00ba\u00bb](?: |$)|[a-z][\u00c3\u0102] [a-z]")


def _reversed(sequence: str) -> str | None:
    """Return the character a mojibake sequence stands for, or None if implausible."""
    try:
        char = bytes(_VIEWS[char] for char in sequence).decode("utf-8")
    except UnicodeDecodeError:
        return None
    return char if _PLAUSIBLE.fullmatch(char) else None


def _may_hold_mojibake(text: str) -> bool:
    """Cheap pre-check: a sequence or ``áº``/``á»`` needs a lead then a continuation view."""
    if "\u00c3 " in text or "\u0102 " in text:  # the rest of the lost-NBSP evidence
        return True
    return _ANY_CONT.search(text) is not None and _LEAD_THEN_CONT.search(text) is not None


def looks_like_mojibake(text: str) -> bool:
    """Tell whether the text holds UTF-8 sequences shown as cp1252/latin-1/cp1258 text."""
    if not _may_hold_mojibake(text):
        return False
    if _LOST_NBSP_EVIDENCE.search(text):
        return True
    return any(_reversed(match.group()) for match in _UTF8_SEQUENCE.finditer(text))


def restore_lost_nbsp(text: str) -> str:
    """Put back the NBSP (byte A0 of ``à``, ``Ạ``, ``Ỡ``) that became a plain space."""
    return _LOST_NBSP.sub("\\1\u00a0", text)


def reverse_mojibake(text: str) -> str:
    """Decode each plausible mojibake sequence left (short lines ftfy skips, cp1258)."""
    for _ in range(3):
        fixed = _UTF8_SEQUENCE.sub(lambda match: _reversed(match.group()) or match.group(), text)
        if fixed == text:
            break
        text = fixed
    return unicodedata.normalize("NFC", text)


def fix_mojibake(text: str) -> str:
    """Repair UTF-8 read as cp1252/latin-1 (ftfy plus the NBSP pre-fix) or as cp1258."""
    if not looks_like_mojibake(text):
        return text
    text = restore_lost_nbsp(text)
    if not _CP1258_LEAD.search(text):
        text = ftfy.fix_text(text, uncurl_quotes=False, unescape_html=False)
    return reverse_mojibake(text)
