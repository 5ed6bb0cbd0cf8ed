"""Repair one string of scraped Vietnamese text: mojibake, entities, legacy fonts, whitespace."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from normalize.encoding import fix_mojibake, looks_like_mojibake
from normalize.legacy import detect_legacy, legacy_to_unicode

LOSSY_WARNING: Final = "encoding_lossy"

_ENTITY: Final = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
# Đ/đ start a Vietnamese syllable; Icelandic/Faroese ð/Ð never start a word.
_ETH_AT_WORD_START: Final = re.compile("(?<![^\\W\\d_])[\u00d0\u00f0](?=[^\\W\\d_])")
_INVISIBLE: Final = re.compile("[\u00ad\u180e\u200b-\u200d\u2060\ufeff]")
_HORIZONTAL_SPACE: Final = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\f\v]+")
_LINE_BREAK: Final = re.compile("\r\n?|[\u0085\u2028\u2029]")
_LOSSY_TOKEN: Final = re.compile(r"[^\W\d_]\?[^\W\d_]")


@dataclass(frozen=True, slots=True)
class CleanedText:
    """Cleaned paragraphs and the warnings raised while cleaning them."""

    paragraphs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _unescape(text: str) -> str:
    """Decode entities and numeric references, repeatedly (``Vi&amp;#7879;t`` is two levels)."""
    while _ENTITY.search(text):
        unescaped = html.unescape(text)
        if unescaped == text:
            break
        text = unescaped
    return text


def _repair_encoding(text: str) -> str:
    """Undo UTF-8-as-cp1252/latin-1/cp1258 mojibake, else convert legacy font text."""
    if looks_like_mojibake(text):
        return fix_mojibake(text)
    encoding = detect_legacy(text)
    return legacy_to_unicode(text, encoding) if encoding else text


def _is_squeezed(text: str) -> bool:
    """Tell whether the text has no whitespace but single inner plain spaces.

    Printable text holds no whitespace but the plain space, no invisible (format) characters
    and no line breaks.
    """
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def _is_tidy_line(text: str) -> bool:
    """Tell whether _tidy would return the (NFC) text as is: one line, nothing to replace."""
    return "\u00d0" not in text and "\u00f0" not in text and _is_squeezed(text)


def _tidy(text: str) -> str:
    """NFC, Đ/đ, invisible characters, NBSP and space runs; one line per line, stripped."""
    text = unicodedata.normalize("NFC", text)
    if _is_tidy_line(text):
        return text
    if "\u00d0" in text or "\u00f0" in text:
        text = _ETH_AT_WORD_START.sub(
            lambda match: "\u0110" if match.group() == "\u00d0" else "\u0111", text
        )
    text = _INVISIBLE.sub("", text)
    lines = (
        _HORIZONTAL_SPACE.sub(" ", line).strip() for line in _LINE_BREAK.sub("\n", text).split("\n")
    )
    return "\n".join(line for line in lines if line)


def _repair(text: str) -> str:
    """Entities, then mojibake or legacy fonts; clean text is returned as is, fast."""
    if text.isascii() and "&" not in text:
        return text
    if "&" in text:
        text = _unescape(text)
    return _repair_encoding(text)


def clean_text(text: str) -> str:
    """Repair one string: encodings, entities, legacy fonts, NFC, Đ, invisibles and spaces."""
    repaired = _repair(text)
    cleaned = _tidy(repaired)
    if repaired == text:
        return cleaned
    # A repair can reveal another layer (entity-escaped mojibake, double mojibake): settle it.
    for _ in range(3):
        again = _tidy(_repair(cleaned))
        if again == cleaned:
            break
        cleaned = again
    return cleaned


def squeeze_spaces(text: str) -> str:
    """Return ``" ".join(text.split())``: whitespace runs to one space, stripped (fast if clean)."""
    if _is_squeezed(text):
        return text
    return " ".join(text.split())


def is_lossy(line: str) -> bool:
    """Tell whether the line lost characters for good: U+FFFD, or ``?`` between letters."""
    if "\ufffd" in line:
        return True
    if "?" not in line:
        return False
    return any(
        _LOSSY_TOKEN.search(token) and not any(mark in token for mark in "/=&")
        for token in line.split()
        if "?" in token
    )


def clean_paragraphs(paragraphs: Sequence[str]) -> CleanedText:
    """Clean each paragraph, drop empty ones, flag irrecoverable ones with ``encoding_lossy``."""
    cleaned: list[str] = []
    warnings: list[str] = []
    for paragraph in paragraphs:
        text = clean_text(paragraph)
        if not text:
            continue
        if is_lossy(text) and LOSSY_WARNING not in warnings:
            warnings.append(LOSSY_WARNING)
        cleaned.append(text)
    return CleanedText(cleaned, warnings)
