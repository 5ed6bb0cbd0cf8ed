"""Bylines at the end of an article body, author names, and 'Theo …' / 'Nguồn tin: …' source lines.

Decisions (documented here because callers rely on them):

* Desk codes ('PV', 'BTV', 'CTV', 'Nhóm PV', 'Phóng viên', …) name no person: the byline line
  leaves the body and is kept in ``Byline.raw``, but nothing is added to ``authors``.
* News agencies ('TTXVN', 'VNA', 'VOV', 'VTV', 'VGP', 'Vietnam+') are where a story came from, so
  they go to ``Byline.source``, never to ``authors``: 'Trọng Toàn - TTXVN' gives the author
  'Trọng Toàn' and the source 'TTXVN'.
* Academic, military and professional titles ('TS', 'PGS.TS', 'ThS', 'Đại tá', 'Nhà báo', …) are
  dropped from names so that one person matches across articles: 'TS NGUYỄN MẠNH HÙNG' gives
  'Nguyễn Mạnh Hùng'.
* An upper-case name is title-cased only if every word is a possible Vietnamese syllable
  ('HOÀNG BIÊN' → 'Hoàng Biên'); initials and acronyms ('QM', 'P.Hoa') are kept as written.
* A byline is one to three short trailing lines. A longer run of name-like lines is a list, not a
  byline, and a text made only of name-like lines is left alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from normalize.text import squeeze_spaces

_DESK_CODES = frozenset(
    {"pv", "btv", "ctv", "pv-ctv", "nhóm pv", "nhóm ctv", "phóng viên", "nhóm phóng viên", "bbt",
     "ban biên tập", "nhóm pv-ctv", "pv, ctv"}
)
_AGENCIES = frozenset({"ttxvn", "vna", "vov", "vtv", "vgp", "vietnam+", "vietnamplus"})
_TITLES = re.compile(
    r"(?:(?:gs|pgs|tskh|ts|ths|ncs|cn|ks|bs|nnc|ls|nhà\s+báo|luật\s+sư|đại\s+tá|thượng\s+tá"
    r"|trung\s+tá|thiếu\s+tá|đại\s+úy|thượng\s+úy|trung\s+úy|thiếu\s+úy|thiếu\s+tướng"
    r"|trung\s+tướng|thượng\s+tướng|đại\s+tướng)(?:\s*[.,]\s*|\s+|$))+",
    re.IGNORECASE,
)
_LABEL = re.compile(
    r"(?:tác\s+giả(?:\s+bài\s+viết)?|bài\s*(?:và|,)\s*ảnh|ảnh\s*(?:và|,)\s*bài|tin\s*(?:và|,)\s*ảnh|bài|tin"
    r"|thực\s+hiện|nhóm\s+thực\s+hiện)\s*:\s*(?P<names>.*)",
    re.IGNORECASE,
)
_SOURCE_THEO = re.compile(r"theo\s+(?P<source>\S.*)", re.IGNORECASE)
_SOURCE_NGUON = re.compile(r"nguồn(?:\s+tin)?\s*:\s*(?P<source>\S.*)", re.IGNORECASE)
_NAME_SEPARATOR = re.compile(r"\s*(?:[,;&/]|\s[-–—]+\s|\s+và\s+)\s*")
_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?"
)
# A character no name, desk code, agency, title or separator holds (digits, brackets, quotes, …):
# a piece holding one is not a name, so a strict read fails without splitting the text.
_NOT_IN_NAMES = re.compile(r"[^\w\s,;&/\-–—.'’+]")
_DIGIT_OR_UNDERSCORE = re.compile(r"[\d_]")
_SENTENCE_BREAK = re.compile(r"[.!?…]\s|[!?;:\"“”]")
_MAX_NAME_WORDS = 5
_MAX_NAMES = 6
_MAX_INITIAL_LENGTH = 3
_MAX_SOURCE_WORDS = 10
_MAX_BYLINE_LINES = 3


@dataclass(frozen=True, slots=True)
class Byline:
    """Who wrote the article (persons only), where it came from, and the lines read."""

    authors: list[str] = field(default_factory=list)
    source: str | None = None
    raw: str | None = None


@dataclass(frozen=True, slots=True)
class _Names:
    authors: list[str]
    agencies: list[str]
    desks: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.authors or self.agencies or self.desks)


def _collapse(text: str) -> str:
    return squeeze_spaces(unicodedata.normalize("NFC", text))


def _is_name_word(word: str) -> bool:
    """Return True for a capitalized name word or initials: 'Hưng', 'P.Hoa', 'QM', 'H'Hen'."""
    parts = word.split(".")
    if parts[-1] == "":
        parts = parts[:-1]
    if not parts:
        return False
    for index, part in enumerate(parts):
        core = part.replace("'", "").replace("’", "").replace("-", "")
        if not core.isalpha() or not part[0].isupper():
            return False
        if index < len(parts) - 1 and len(core) > _MAX_INITIAL_LENGTH:
            return False
    return True


def _is_syllable(part: str) -> bool:
    decomposed = unicodedata.normalize("NFD", part.casefold().replace("đ", "d"))
    base = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _SYLLABLE.fullmatch(base) is not None


def _title_case(name: str) -> str:
    """Title-case an all-upper-case name made of Vietnamese syllables; leave anything else."""
    if name != name.upper() or name == name.lower():
        return name
    words: list[str] = []
    for word in name.split():
        parts = word.split(".")
        if any(len(part) > 1 and not _is_syllable(part) for part in parts):
            return name
        words.append(".".join(part.capitalize() if len(part) > 1 else part for part in parts))
    return " ".join(words)


def _clean_piece(piece: str) -> str:
    piece = piece.strip().rstrip(".").strip()
    title = _TITLES.match(piece)
    return piece[title.end() :].strip() if title else piece


def _read_names(text: str, *, strict: bool) -> _Names | None:
    """Split a name list; strict: any piece that is not a name rejects the whole text."""
    if strict and (_NOT_IN_NAMES.search(text) or _DIGIT_OR_UNDERSCORE.search(text)):
        return None
    names = _Names(authors=[], agencies=[])
    pieces = [piece for piece in _NAME_SEPARATOR.split(text) if piece.strip()]
    if not pieces or len(pieces) > _MAX_NAMES:
        return None if strict else names
    for piece in pieces:
        name = _clean_piece(piece)
        key = name.casefold()
        if not name:
            continue
        if key in _DESK_CODES:
            names.desks.append(name)
            continue
        if key in _AGENCIES:
            names.agencies.append(name)
            continue
        words = name.split()
        if len(words) <= _MAX_NAME_WORDS and all(_is_name_word(word) for word in words):
            if _title_case(name) not in names.authors:
                names.authors.append(_title_case(name))
        elif strict:
            return None
    return names


def parse_authors(raw: str) -> list[str]:
    """Return the person names in an author element's text ('Tác giả: …', 'P.Hoa, Q.Hưng')."""
    text = _collapse(raw)
    label = _LABEL.fullmatch(text)
    if label:
        text = label.group("names")
    text = re.sub(r"\([^()]*\)", " ", text)
    names = _read_names(text, strict=False)
    return names.authors if names else []


def _read_source(text: str) -> str | None:
    """Return the source named by a 'Theo X', 'Nguồn: X' or 'Nguồn tin: X' line, else None."""
    labelled = _SOURCE_NGUON.fullmatch(text)
    if labelled:
        source = labelled.group("source").rstrip(".").strip()
        too_long = len(source.split()) > _MAX_SOURCE_WORDS
        return None if too_long or _SENTENCE_BREAK.search(source) else source or None
    theo = _SOURCE_THEO.fullmatch(text)
    if theo is None:
        return None
    source = theo.group("source").rstrip(".").strip()
    words = source.split()
    named = bool(words) and (source[:1].isupper() or "." in words[0])
    if not named or len(words) > _MAX_SOURCE_WORDS:
        return None
    return None if _SENTENCE_BREAK.search(source) or "," in source else source


def _read_byline_line(line: str) -> _Names | None:
    """Read one trailing line as a byline or source line; None if it is body text."""
    text = _collapse(line)
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    source = _read_source(text)
    if source is not None:
        return _Names(authors=[], agencies=[source])
    label = _LABEL.fullmatch(text)
    if label:
        names = _read_names(re.sub(r"\([^()]*\)", " ", label.group("names")), strict=False)
        return names if names or not label.group("names") else None
    if text.endswith(".") and not text.endswith(".."):
        text = text[:-1]
    return _read_names(text, strict=True) if text else None


def split_byline(paragraphs: Sequence[str]) -> tuple[list[str], Byline]:
    """Remove the byline line(s) at the end of the body and return the body and the byline."""
    lines = list(paragraphs)
    index = len(lines)
    found: list[tuple[str, _Names]] = []
    while index > 0:
        line = lines[index - 1]
        if line.strip():
            reading = _read_byline_line(line)
            if reading is None:
                break
            found.append((line.strip(), reading))
        index -= 1
    body_left = any(line.strip() for line in lines[:index])
    if not found or len(found) > _MAX_BYLINE_LINES or not body_left:
        return lines, Byline()
    while index > 0 and not lines[index - 1].strip():
        index -= 1
    return lines[:index], _combine(list(reversed(found)))


def _combine(found: Sequence[tuple[str, _Names]]) -> Byline:
    authors: list[str] = []
    agencies: list[str] = []
    for _line, names in found:
        authors.extend(name for name in names.authors if name not in authors)
        agencies.extend(name for name in names.agencies if name not in agencies)
    source = "/".join(agencies) if agencies else None
    return Byline(authors=authors, source=source, raw="\n".join(line for line, _ in found))
