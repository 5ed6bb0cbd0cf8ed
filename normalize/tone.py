"""A canonical tone-mark key (hoà/hòa, thuỷ/thủy, uỷ/ủy) for matching and dedup.

The key uses one style: in the open syllables -oa, -oe and -uy the tone sits on the second vowel
(``hoà``, ``khoẻ``, ``thuỷ``, ``uỷ``), the form the architecture contract calls the old style
(the research calls it kiểu mới; Decision 1989/QĐ-BGDĐT uses it). Syllables with a final
consonant (``hoàn``, ``thuyết``) and ``qu``/``gi`` syllables (``quả``, ``quý``, ``giá``) are
the same in both styles and are left alone, except that a misplaced ``qúy``/``qủa``/``gìa`` is
moved onto the vowel. Text is never rewritten with this: only keys are.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final

_WORD: Final = re.compile(r"\w+")
_TONES: Final = "\u0300\u0301\u0303\u0309\u0323"
_CONSONANTS: Final = "bcdđghklmnpqrstvx"
_TONED_O: Final = "òóỏõọ"
_TONED_U: Final = "ùúủũụ"
_TONED_I: Final = "ìíỉĩị"
# Onset (consonants only) + toned first vowel + bare second vowel, at the end of a word.
_OPEN_SYLLABLE: Final = re.compile(
    f"(?<![^\\W\\d_])([{_CONSONANTS}]*)(?:([{_TONED_O}])([ae])|([{_TONED_U}])(y))(?![^\\W\\d_])"
)
# ``qu`` and ``gi`` are onsets: the tone belongs on the following vowel.
_CLUSTER_ONSET: Final = re.compile(
    f"(?<![^\\W\\d_])(?:(q)([{_TONED_U}])|(g)([{_TONED_I}]))([aăâeêoôơuưy])"
)


def _split_tone(char: str) -> tuple[str, str]:
    """Split a toned letter into (letter without tone, tone mark)."""
    decomposed = unicodedata.normalize("NFD", char)
    tone = "".join(mark for mark in decomposed if mark in _TONES)
    base = "".join(mark for mark in decomposed if mark not in _TONES)
    return unicodedata.normalize("NFC", base), tone


def _move_tone(toned: str, target: str) -> tuple[str, str]:
    """Take the tone off ``toned`` and put it on ``target``."""
    bare, tone = _split_tone(toned)
    return bare, unicodedata.normalize("NFC", target + tone)


def _open_syllable(match: re.Match[str]) -> str:
    onset = match.group(1)
    toned, target = (match.group(2), match.group(3)) if match.group(2) else match.group(4, 5)
    if onset.endswith("q") and target == "y":
        return match.group()  # ``qúy`` is handled as a cluster onset
    bare, moved = _move_tone(toned, target)
    return onset + bare + moved


def _cluster_onset(match: re.Match[str]) -> str:
    consonant = match.group(1) or match.group(3)
    toned = match.group(2) or match.group(4)
    bare, moved = _move_tone(toned, match.group(5))
    if _split_tone(match.group(5))[1]:
        return match.group()  # the vowel already carries a tone: not ours to fix
    return consonant + bare + moved


def tone_key(text: str) -> str:
    """Casefolded NFC key with tone marks placed in one style (hoà, khoẻ, thuỷ, uỷ)."""
    return _place_tones(_folded(text))


def tone_key_words(text: str) -> list[str]:
    """Return the words of ``tone_key(text)``, computing each distinct word's key once.

    The tone rules look no further than the letters of one word, so keying word by word (with
    a cache: a language has far fewer syllables than a corpus has words) gives the same words.
    """
    return [_word_key(word) for word in _WORD.findall(_folded(text))]


def _folded(text: str) -> str:
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())


def _place_tones(folded: str) -> str:
    return _OPEN_SYLLABLE.sub(_open_syllable, _CLUSTER_ONSET.sub(_cluster_onset, folded))


@lru_cache(maxsize=65536)
def _word_key(word: str) -> str:
    return _place_tones(word)
