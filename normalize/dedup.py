"""Near-duplicate fingerprints: word shingles of the tone-style key, MinHash and its LSH bands.

Two stored texts are near duplicates when the Jaccard similarity of their sets of word
shingles reaches `NEAR_DUP_THRESHOLD`. Candidates are found without comparing every pair:
a MinHash signature of `NUM_BANDS` x `ROWS_PER_BAND` values is cut into bands, and texts that
share one band key are compared through their bottom-k sketches (`shingle_sketch`), which a
database keeps beside each text so that a comparison never re-reads it. Everything here is
pure and never raises.
"""

from __future__ import annotations

import bisect
import hashlib
import math
import zlib
from collections.abc import Iterable, Sequence
from typing import Final

import numpy as np
import numpy.typing as npt

from normalize.tone import tone_key_words

SHINGLE_WORDS: Final = 3
"""Words per shingle: three keep stock phrases of party news (titles, ranks) from matching
across different reports, while one changed word still leaves most shingles intact."""

NEAR_DUP_THRESHOLD: Final = 0.4
"""Jaccard similarity of the shingle sets from which two texts are one story.

Chosen with ``python -m bench.dedup_calibration`` on the 24 pairs of ``fixtures/dedup/``: the
true republications score 0.558 and more (an excerpt of the lead and two of five paragraphs is
the lowest), different articles score 0.284 or less (a follow-up story repeating a recap
paragraph verbatim; seeds 000/001: 0.067). Every threshold from 0.30 to 0.55 classifies all
pairs right; 0.4 sits near the middle of that gap. See docs/dedup.md.
"""

NUM_BANDS: Final = 20
ROWS_PER_BAND: Final = 3
"""A pair of Jaccard J shares a band with probability 1 - (1 - J**3)**20: 0.73 at J = 0.4,
0.93 at J = 0.5, 0.98 at J = 0.56, 0.99 at J = 0.6; 0.0025 at J = 0.05 (unrelated texts
rarely meet, so few candidates are compared)."""

SKETCH_SIZE: Final = 256
"""Shingles kept per text in its bottom-k sketch: the estimate of a Jaccard similarity J has a
standard error of sqrt(J * (1 - J) / 256), 0.031 at J = 0.4, so the calibration's gap (0.284 to
0.558) is about four standard errors on either side of the threshold. A text of at most 256
shingles (about 260 words) is kept whole, and two such texts are compared exactly."""

_MERSENNE_61: Final = (1 << 61) - 1
_MIX_MULTIPLIER: Final = 0x9E3779B97F4A7C15  # odd: multiplying by it permutes 64-bit values
_SIGNED_64: Final = 1 << 63
_LOW_32: Final = (1 << 32) - 1
_LOW_29: Final = (1 << 29) - 1

# The hashing runs over numpy arrays of unsigned 64-bit integers: one vector operation per
# step instead of a dozen Python integer operations per shingle. Array arithmetic wraps
# modulo 2**64, which is the masking the hash is defined with; only arrays are combined here
# (numpy warns when two scalars overflow).
_U64: Final = np.uint64
_P: Final = np.array(_MERSENNE_61, dtype=_U64)
_MIX: Final = np.array(_MIX_MULTIPLIER, dtype=_U64)


def _digest64(data: str) -> int:
    """Return an unsigned 64-bit hash of a string (BLAKE2b: stable across runs and machines)."""
    return int.from_bytes(hashlib.blake2b(data.encode("utf-8"), digest_size=8).digest(), "big")


def _permutation(index: int) -> tuple[int, int]:
    """Return (a, b) of the universal hash ``(a * x + b) mod p`` number ``index``."""
    seed = _digest64(f"partynews-minhash-{index}")
    return seed % (_MERSENNE_61 - 1) + 1, (seed >> 3) % _MERSENNE_61


_MIX_A, _MIX_B = _permutation(0)
# the rank hash's a, cut into 32-bit halves, and b, as arrays (see `_ranks`)
_A_HIGH: Final = np.array(_MIX_A >> 32, dtype=_U64)
_A_LOW: Final = np.array(_MIX_A & _LOW_32, dtype=_U64)
_B: Final = np.array(_MIX_B, dtype=_U64)
# Larger than any bin value: a borrowed value never equals a value of the bin's own.
_DENSIFY_OFFSET: Final = _MERSENNE_61


def dedup_words(title: str, lead: str, body: str) -> list[str]:
    """Return the words of title, lead and body in the tone-style key (casefolded, hoà = hòa)."""
    texts = (text for text in (title, lead, body) if isinstance(text, str))
    return tone_key_words("\n".join(texts))


def _shingle_hashes(words: Sequence[str], size: int = SHINGLE_WORDS) -> npt.NDArray[np.uint64]:
    """Return the 64-bit hash of each run of ``size`` consecutive words (whole text if shorter).

    Each word is hashed once (CRC-32, stable across runs and machines) and a run's hash mixes
    its words' hashes with an odd 64-bit multiplier: ``h = ((h ^ word) * multiplier) mod 2**64``
    for each word, starting from the run's length. Runs that repeat give equal hashes.
    """
    if not words:
        return np.empty(0, dtype=_U64)
    width = max(1, min(size, len(words)))
    word_ids = {word: zlib.crc32(word.encode("utf-8")) for word in set(words)}
    ids = np.array([word_ids[word] for word in words], dtype=_U64)
    runs = len(ids) - width + 1
    hashes = np.full(runs, width, dtype=_U64)
    for offset in range(width):
        hashes = (hashes ^ ids[offset : offset + runs]) * _MIX
    return hashes


def shingle_set(words: Sequence[str], size: int = SHINGLE_WORDS) -> frozenset[int]:
    """Return the set of shingle hashes of ``words`` (see `_shingle_hashes`)."""
    return frozenset(_shingle_hashes(words, size).tolist())


def text_shingles(title: str, lead: str, body: str) -> frozenset[int]:
    """Return the shingle set of an article: `shingle_set` of `dedup_words`."""
    return shingle_set(dedup_words(title, lead, body))


def jaccard(first: frozenset[int], second: frozenset[int]) -> float:
    """Return |A ∩ B| / |A ∪ B|, or 0.0 when both are empty (nothing to compare)."""
    union = len(first | second)
    return len(first & second) / union if union else 0.0


def is_near_duplicate(first: frozenset[int], second: frozenset[int]) -> bool:
    """Whether two shingle sets are one story (Jaccard at least `NEAR_DUP_THRESHOLD`)."""
    return jaccard(first, second) >= NEAR_DUP_THRESHOLD


def shingle_ranks(shingles: Iterable[int]) -> list[int]:
    """Return the distinct ranks of the shingles, ascending: a universal hash of each, below 2**61.

    MinHash and the bottom-k sketch both read the shingles through their ranks.
    """
    return _ranks(np.fromiter(shingles, dtype=_U64)).tolist()  # type: ignore[no-any-return]


def _ranks(shingles: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """Return ``sorted({(a * (x mod p) + b) mod p for x in shingles})``, p = 2**61 - 1.

    The product of two 61-bit numbers does not fit 64 bits, so each factor is cut into 32-bit
    halves and the partial products are folded with 2**61 = 1 (mod p): every intermediate sum
    stays below 2**64.
    """
    value = shingles % _P
    high, low = value >> _U64(32), value & _U64(_LOW_32)
    middle = _A_HIGH * low + _A_LOW * high  # < 2**62, weighs 2**32
    lowest = _A_LOW * low  # < 2**64, weighs 1
    folded = (
        ((_A_HIGH * high) << _U64(3))  # weighs 2**64 = 8 (mod p)
        + (middle >> _U64(29))  # middle * 2**32 = (middle >> 29) * 2**61 + ...
        + ((middle & _U64(_LOW_29)) << _U64(32))
        + (lowest >> _U64(61))
        + (lowest & _P)
        + _B
    )  # each term is below 2**61, so the sum is below 2**64
    folded = (folded & _P) + (folded >> _U64(61))
    folded = np.where(folded >= _P, folded - _P, folded)
    return np.unique(folded)


def shingle_sketch(shingles: Iterable[int], size: int = SKETCH_SIZE) -> tuple[int, ...]:
    """Return the bottom-k sketch: the ``size`` least ranks of the shingles, ascending.

    The least ranks are a uniform sample of the set, so two sketches estimate the Jaccard
    similarity of their sets (`sketch_jaccard`).
    """
    return tuple(shingle_ranks(shingles)[:size])


def sketch_jaccard(first: Sequence[int], second: Sequence[int], size: int = SKETCH_SIZE) -> float:
    """Estimate the Jaccard similarity of two sets from their bottom-k sketches (ascending).

    Below the lower of the two sketches' largest ranks, every rank of either set is in its
    sketch, so the union's ranks there (at least ``size`` of them) are a known uniform sample of
    the union; the estimate is the share of them found in both sets. A sketch shorter than
    ``size`` holds its whole set, so two such sketches give the exact similarity. 0.0 when both
    are empty.
    """
    cutoff = min(_sketch_cutoff(first, size), _sketch_cutoff(second, size))
    shared = sum(1 for rank in set(first).intersection(second) if rank <= cutoff)
    union = bisect.bisect_right(first, cutoff) + bisect.bisect_right(second, cutoff) - shared
    return shared / union if union else 0.0


def _sketch_cutoff(sketch: Sequence[int], size: int) -> float:
    """Return the largest rank a full sketch vouches for (a shorter one vouches for all)."""
    return sketch[-1] if len(sketch) >= size else math.inf


def minhash(shingles: Iterable[int]) -> tuple[int, ...]:
    """Return the MinHash signature by one-permutation hashing, densified.

    The shingles' ranks are spread over ``NUM_BANDS * ROWS_PER_BAND`` bins (rank modulo the
    number of bins) and each bin keeps its least rank (one pass, instead of one pass per
    permutation: about 60 times cheaper, with the same collision probability); an empty bin
    borrows the value of the next non-empty bin to its right, marked with the distance, so short
    texts still fill every band (Shrivastava and Li's rotation densification).
    """
    return _minhash_of_ranks(_ranks(np.fromiter(shingles, dtype=_U64)))


def _minhash_of_ranks(ranks: npt.NDArray[np.uint64]) -> tuple[int, ...]:
    """Return the densified one-permutation MinHash of ascending ``ranks``."""
    if not len(ranks):
        return ()
    bins = NUM_BANDS * ROWS_PER_BAND
    spread = np.array(bins, dtype=_U64)
    # ascending ranks: the first rank of each bin is its least
    filled, first = np.unique(ranks % spread, return_index=True)
    least: list[int | None] = [None] * bins
    for index, value in zip(filled.tolist(), (ranks[first] // spread).tolist(), strict=True):
        least[index] = value
    return tuple(_densified(least, index) for index in range(bins))


def _densified(least: Sequence[int | None], index: int) -> int:
    """Return bin ``index``'s value, or the next non-empty bin's, offset by the distance."""
    for distance in range(len(least)):
        value = least[(index + distance) % len(least)]
        if value is not None:
            return value + distance * _DENSIFY_OFFSET
    return 0


def _to_signed(value: int) -> int:
    """Fold an unsigned 64-bit value into the signed range a BIGINT column holds."""
    return value - (1 << 64) if value >= _SIGNED_64 else value


def band_keys(shingles: Iterable[int]) -> tuple[int, ...]:
    """One signed 64-bit key per LSH band (band number included); () for an empty text."""
    return _band_keys_of_ranks(_ranks(np.fromiter(shingles, dtype=_U64)))


def fingerprint(shingles: Iterable[int]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Return ``(band_keys(shingles), shingle_sketch(shingles))``, ranking the shingles once."""
    return _fingerprint_of_ranks(_ranks(np.fromiter(shingles, dtype=_U64)))


def text_fingerprint(title: str, lead: str, body: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Return `fingerprint` of `text_shingles` of an article, without building the set."""
    return _fingerprint_of_ranks(_ranks(_shingle_hashes(dedup_words(title, lead, body))))


def _fingerprint_of_ranks(
    ranks: npt.NDArray[np.uint64],
) -> tuple[tuple[int, ...], tuple[int, ...]]:
    return _band_keys_of_ranks(ranks), tuple(ranks[:SKETCH_SIZE].tolist())


def _band_keys_of_ranks(ranks: npt.NDArray[np.uint64]) -> tuple[int, ...]:
    signature = _minhash_of_ranks(ranks)
    if not signature:
        return ()
    keys = []
    for band in range(NUM_BANDS):
        rows = signature[band * ROWS_PER_BAND : (band + 1) * ROWS_PER_BAND]
        keys.append(_to_signed(_digest64(f"{band}:" + ",".join(map(str, rows)))))
    return tuple(keys)
