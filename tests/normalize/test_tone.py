"""Tests for normalize.tone: the canonical tone-placement key."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalize.tone import tone_key, tone_key_words

# Research §2.8 test words; the key puts the tone on the second vowel of -oa/-oe/-uy.
WORDS = "hoà hòa thuỷ thủy khoẻ khỏe Uỷ Ủy toà hoạ quả quý giữa hoàn thuyết tuỳ Thuý hoài khuya"
KEYS = "hoà hoà thuỷ thuỷ khoẻ khoẻ uỷ uỷ toà hoạ quả quý giữa hoàn thuyết tuỳ thuý hoài khuya"


@pytest.mark.parametrize(("word", "key"), list(zip(WORDS.split(), KEYS.split(), strict=True)))
def test_research_words(word: str, key: str) -> None:
    assert tone_key(word) == key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Ủy ban nhân dân Tỉnh ủy", "uỷ ban nhân dân tỉnh uỷ"),
        ("UỶ BAN", "uỷ ban"),
        ("Hòa Bình", "hoà bình"),
        ("họa sĩ", "hoạ sĩ"),
        ("Ho\u0300a", "hoà"),  # NFD input
        # qu/gi are onsets: these are not -uy/-ua/-ia open syllables.
        ("quý quả giá già gì", "quý quả giá già gì"),
        # A misplaced tone after qu/gi goes onto the vowel.
        ("qúy qủa gìa", "quý quả già"),
        # Closed syllables and marked vowels keep their tone.
        ("hoàn toàn thuyết khuyến thuở huệ", "hoàn toàn thuyết khuyến thuở huệ"),
        ("", ""),
    ],
)
def test_tone_key(text: str, key: str) -> None:
    assert tone_key(text) == key


def test_both_styles_share_a_key() -> None:
    assert tone_key("Chủ tịch Ủy ban Hòa giải") == tone_key("chủ tịch uỷ ban hoà giải")


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=60))
def test_tone_key_is_idempotent_and_nfc(text: str) -> None:
    key = tone_key(text)
    assert tone_key(key) == key
    assert unicodedata.is_normalized("NFC", key)


VIETNAMESE_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyòóỏõọùúủũụìíỉĩịàáảãạèéẻẽẹỳýỷỹỵ"
VIETNAMESE_TEXT = st.text(
    alphabet=st.sampled_from([*VIETNAMESE_LETTERS, *VIETNAMESE_LETTERS.upper(), " ", "-", "2", "_"])
    | st.characters(),
    max_size=80,
)


@settings(max_examples=500, deadline=None)
@given(text=VIETNAMESE_TEXT)
def test_word_keys_are_the_words_of_the_text_key(text: str) -> None:
    assert tone_key_words(text) == re.findall(r"\w+", tone_key(text))


def test_word_keys_of_both_styles_are_equal() -> None:
    assert tone_key_words("Ủy ban Hòa giải, qúy 2") == ["uỷ", "ban", "hoà", "giải", "quý", "2"]
