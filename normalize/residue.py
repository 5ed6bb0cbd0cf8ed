"""Boilerplate residue, photo captions and lead source tags in extracted article paragraphs."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from normalize.text import is_lossy, squeeze_spaces

# Whole-line widget words: NukeViet news/comment language strings, legacy ASP.NET portal lists and
# share/print/counter widgets (research: sites.md §5). Stored casefolded; spaces match any run.
_STOP_PHRASES = (
    "ý kiến bạn đọc", "gửi bình luận", "gửi bình luận của bạn", "viết bình luận", "bình luận",
    "bình luận mới", "các bài mới đăng", "các bài đã đăng", "các bài khác", "những tin mới hơn",
    "những tin cũ hơn", "theo dòng sự kiện", "tin liên quan", "tin liên quan khác",
    "bài viết liên quan", "tin mới", "tin mới nhất", "tin mới hơn", "tin cũ hơn", "tin xem nhiều",
    "tin đọc nhiều", "đọc nhiều nhất", "xem nhiều nhất", "các tin khác", "tin khác",
    "tin cùng chuyên mục", "liên kết website",
)
_WIDGET_PHRASES = (
    "in bài này", "gửi bài này", "in bài viết", "in ra", "in", "bản in", "lưu bài viết này",
    "lưu bài viết", "giới thiệu bài viết cho bạn bè", "gửi cho bạn bè", "gửi email", "gửi",
    "đánh giá bài viết", "click để đánh giá bài viết", "xem tiếp", "xem thêm", "xem phản hồi",
    "sắp xếp theo bình luận mới", "sắp xếp theo", "phản hồi", "trả lời", "thích", "đã xem",
    "lượt xem", "số lượt xem", "lượt đọc", "lượt truy cập", "bài viết", "xem", "file đính kèm",
    "lên top", "về đầu", "về đầu trang", "lên đầu trang", "đầu trang", "quay lại", "trở về",
    "chia sẻ", "chia sẻ bài viết", "facebook", "zalo", "twitter", "tweet", "like", "share",
    "bookmark", "reset captcha", "captcha", "thay mới", "thiết lập lại", "nhập lại", "làm lại",
    "lấy lại mã bảo mật", "mã an toàn", "mã xác nhận", "mã bảo mật",
)
_SEPARATOR = r"[\s|:\-–—•·/,.*>»()\[\]]"
_COUNT = r"\d+"


def _alternation(phrases: Sequence[str]) -> str:
    ordered = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(phrase).replace(r"\ ", r"\s+") for phrase in ordered)


_PHRASE = rf"(?:{_alternation(_STOP_PHRASES + _WIDGET_PHRASES)})(?![^\W_])"
_WIDGET_LINE = re.compile(rf"(?:{_SEPARATOR}|{_COUNT}(?![^\W_])|{_PHRASE})*")
_HAS_STOP_PHRASE = re.compile(rf"(?<![^\W_])(?:{_alternation(_STOP_PHRASES)})(?![^\W_])")
_MAX_WIDGET_LINE = 120

_FORM_LABEL = re.compile(
    r"(?:(?:họ\s+(?:và\s+)?tên|tên\s+của\s+bạn|(?:số\s+)?điện\s+thoại|e-?mail|địa\s+chỉ\s+email"
    r"|mã\s+(?:xác\s+nhận|an\s+toàn|bảo\s+mật|kiểm\s+tra))\s*(?:\(\*\))?\s*:\s*(?:\(\*\))?"
    r"|(?:tiêu\s+đề|nội\s+dung)\s*:?\s*\(\*\)\s*:?)\s*(?P<rest>.*)"
)
_OTHER_BOILERPLATE = (
    re.compile(r"tổng số điểm của bài viết là\s*:?\s*[\d.,]+\s*trong\s*[\d.,]+\s*đánh giá\.?"),
    re.compile(r"xếp hạng\s*:?.{0,40}phiếu bầu\.?"),
    re.compile(r"[|•·]\s*\d[\d.,]*"),
    re.compile(r"(?:tags?|từ khóa|từ khoá)\s*:.*"),
    re.compile(r"chú ý\s*:\s*bài viết này chưa được xuất bản.*"),
)
_MAX_LOSSY_WORDS = 8
_SENTENCE_END = ".!?…;\"”)"

_CAPTION_WORD = (
    r"(?:ảnh\s+minh\s+họa|ảnh\s+minh\s+hoạ|ảnh\s+tư\s+liệu|nguồn\s+ảnh|hình\s+ảnh|ảnh\s*\d{0,2}"
    r"|hình\s*\d{1,2}|photo)"
)
_CREDIT = r"(?:[^.!?;:()\n]|\.(?=\S))"
_CAPTION_PATTERNS = (
    re.compile(rf"\(\s*{_CAPTION_WORD}\s*(?::[^()]*)?\)\s*\.?", re.IGNORECASE),
    re.compile(rf"{_CAPTION_WORD}\s*:\s*\S.*", re.IGNORECASE),
    re.compile(r"(?:ảnh\s+minh\s+họa|ảnh\s+minh\s+hoạ|ảnh\s+tư\s+liệu)(?![^\W_]).{0,60}", re.I),
    re.compile(rf".*\(\s*{_CAPTION_WORD}\s*(?::[^()]{{0,80}})?\)\s*[.;]?", re.IGNORECASE),
)


def _any_of(patterns: Sequence[re.Pattern[str]]) -> re.Pattern[str]:
    """One pattern that fully matches what any of the patterns (same flags) fully matches."""
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern in patterns), patterns[0].flags)


_OTHER_BOILERPLATE_LINE = _any_of(_OTHER_BOILERPLATE)
_CAPTION_LINE = _any_of(_CAPTION_PATTERNS)
# A credit after the last sentence ('… thiết thực. Ảnh: XM'). The costliest pattern (it backtracks
# over the whole line), so it is only tried on lines that hold its ':'.
_TRAILING_CREDIT = re.compile(
    rf".*(?:[.!?…]|\s[-–—])\s*{_CAPTION_WORD}\s*:\s*{_CREDIT}{{1,60}}\.?", re.I
)

_TAG_PAREN = re.compile(
    r"\(\s*(?P<tag>[^()\s:][^():]{0,30}?)\s*\)\s*(?:[-–—:]+\s*)?(?P<rest>\S.*)", re.S
)
_TAG_BARE = re.compile(
    r"(?P<tag>[^\s()\-–—:]{2,25})(?:\s+[-–—]+\s*|[-–—]+\s+)(?P<rest>\S.*)", re.S
)
_BRAND_TAG = re.compile(r"[A-Z][A-Za-z0-9]+(?:\.[a-z]{2,})*")
_MIN_BRAND_LENGTH = 6
_MAX_PAREN_TAG_WORDS = 4
_MIN_ACRONYM_LETTERS = 2


@dataclass(frozen=True, slots=True)
class Residue:
    """The body without boilerplate: kept paragraphs, captions taken out, dropped lines."""

    paragraphs: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def _collapse(line: str) -> str:
    """NFC, whitespace runs to one space, stripped."""
    return squeeze_spaces(unicodedata.normalize("NFC", line))


def _match_key(line: str) -> str:
    return _collapse(line).casefold()


def _is_widget_line(key: str) -> bool:
    """Return True if the line is made only of widget phrases, separators and counts."""
    if len(key) > _MAX_WIDGET_LINE or _WIDGET_LINE.fullmatch(key) is None:
        return False
    return any(char.isalpha() for char in key)


def _is_lossy_label(text: str) -> bool:
    return (
        is_lossy(text)
        and len(text.split()) <= _MAX_LOSSY_WORDS
        and not text.rstrip().endswith(tuple(_SENTENCE_END))
    )


def _is_form_label(key: str) -> bool:
    match = _FORM_LABEL.fullmatch(key)
    if match is None:
        return False
    rest = match.group("rest")
    return not rest or _is_lossy_label(rest) or _is_widget_line(rest)


def _is_boilerplate_key(key: str) -> bool:
    """is_boilerplate_line for a line's match key (collapsed, NFC, casefolded)."""
    if not key:
        return False
    if _is_widget_line(key) or _is_form_label(key) or _is_lossy_label(key):
        return True
    return _OTHER_BOILERPLATE_LINE.fullmatch(key) is not None


def is_boilerplate_line(line: str) -> bool:
    """Return True if the whole line is widget, form, counter, rating or lossy-label residue."""
    return _is_boilerplate_key(_match_key(line))


def is_caption(line: str) -> bool:
    """Return True if the line is a photo caption or credit ('Ảnh: …', '… (Ảnh: XM)')."""
    return _is_caption_text(_collapse(line))


def _is_caption_text(text: str) -> bool:
    """is_caption for a collapsed line."""
    if _CAPTION_LINE.fullmatch(text) is not None:
        return True
    return ":" in text and _TRAILING_CREDIT.fullmatch(text) is not None


def _is_stop_marker(key: str) -> bool:
    return _is_widget_line(key) and _HAS_STOP_PHRASE.search(key) is not None


def _cut_index(lines: Sequence[str], keys: Sequence[str]) -> int:
    """Return the index of the first stop marker in the last half of the text, or len(lines)."""
    total = sum(len(line) for line in lines)
    before = 0
    for index, (line, key) in enumerate(zip(lines, keys, strict=True)):
        if before >= total - before and _is_stop_marker(key):
            return index
        before += len(line)
    return len(lines)


def strip_residue(paragraphs: Sequence[str]) -> Residue:
    """Remove boilerplate lines and the trailing block after a stop marker; move captions out."""
    lines = [line.strip() for line in paragraphs if line.strip()]
    texts = [_collapse(line) for line in lines]
    keys = [text.casefold() for text in texts]
    cut = _cut_index(lines, keys)
    dropped = lines[cut:]
    survivors: list[tuple[str, str]] = []
    for line, text, key in zip(lines[:cut], texts, keys, strict=False):
        if _is_boilerplate_key(key):
            dropped.append(line)
        else:
            survivors.append((line, text))
    kept, captions, repeated = _take_captions(survivors)
    return Residue(paragraphs=kept, captions=captions, dropped=dropped + repeated)


def _take_captions(lines: Sequence[tuple[str, str]]) -> tuple[list[str], list[str], list[str]]:
    """Split (line, collapsed line) pairs into body, captions and repeats.

    A body line repeated in a row (captions are often extracted twice) is a caption; the check is
    made against the kept body, so the body never ends up with the same line twice in a row.
    """
    kept: list[str] = []
    captions: list[str] = []
    repeated: list[str] = []
    previous: str | None = None
    for line, text in lines:
        if kept and line == kept[-1]:
            captions.append(kept.pop())
            repeated.append(line)
        elif line == previous and captions and captions[-1] == line:
            repeated.append(line)
        elif _is_caption_text(text):
            captions.append(line)
        else:
            kept.append(line)
        previous = line
    return kept, captions, repeated


def _is_tag_word(word: str) -> bool:
    letters = [char for char in word if char.isalpha()]
    return bool(letters) and letters[0].isupper() and all(
        char.isalnum() or char in ".&+" for char in word
    )


def _is_paren_tag(tag: str) -> bool:
    words = tag.split()
    return 0 < len(words) <= _MAX_PAREN_TAG_WORDS and all(_is_tag_word(word) for word in words)


def _is_bare_tag(tag: str) -> bool:
    letters = [char for char in tag if char.isalpha()]
    acronym_chars = all(char.isalnum() or char in ".&" for char in tag)
    if len(letters) >= _MIN_ACRONYM_LETTERS and tag.isupper() and acronym_chars:
        return True
    return (
        _BRAND_TAG.fullmatch(tag) is not None
        and (len(tag) >= _MIN_BRAND_LENGTH or "." in tag)
        and not tag.isupper()
    )


def split_source_tag(lead: str) -> tuple[str | None, str]:
    """Split the lead's source tag ('HNP -', '(BTV)', '(ĐCSVN) -') from the rest of the lead."""
    text = lead.strip()
    paren = _TAG_PAREN.fullmatch(text)
    if paren and _is_paren_tag(paren.group("tag")):
        return paren.group("tag"), paren.group("rest").strip()
    bare = _TAG_BARE.fullmatch(text)
    if bare and _is_bare_tag(bare.group("tag")):
        return bare.group("tag"), bare.group("rest").strip()
    return None, lead
