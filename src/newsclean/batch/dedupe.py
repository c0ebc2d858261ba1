"""Near-duplicate articles (syndicated copies, republications) by a 64-bit SimHash of the body.

SimHash (Charikar 2002; Manku, Jain & Das Sarma 2007): every word 3-gram ("shingle") of the
case-folded body is hashed to 64 bits; each bit of the fingerprint is the majority vote of that bit
over all shingles. Texts that share most shingles get fingerprints a few bits apart, unrelated texts
about 32 bits apart. Two articles are near-duplicates when their fingerprints differ in at most
`DEFAULT_MAX_DISTANCE` (3) bits — an agency story republished with another dateline, byline or
closing code stays within it.

`Deduper` finds earlier fingerprints within that distance without comparing against all of them:
split into 4 bands of 16 bits, two fingerprints at most 3 bits apart agree on at least one band
(pigeonhole), so only articles sharing a band are compared.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from typing import Optional

from ..models import Article

__all__ = ["DEFAULT_MAX_DISTANCE", "Deduper", "fingerprint", "hamming"]

DEFAULT_MAX_DISTANCE = 3
_BITS = 64
_BANDS = 4
_BAND_BITS = _BITS // _BANDS
_WORD = re.compile(r"\w+")
# Bit counting stays in C: the shingles' 8-byte digests are concatenated, each of the 8 byte positions
# is sliced out (bytes[p::8]) and, for each of its 8 bits, translated to 1/0 and counted. That is 64
# C-level passes over n bytes instead of 64 Python operations per shingle.
_BIT_OF = tuple(bytes(((value >> bit) & 1) for value in range(256)) for bit in range(8))


def _shingle_digests(text: str) -> bytes:
    words = _WORD.findall(text.casefold())
    grams = [" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))] if words else []
    return b"".join(hashlib.blake2b(g.encode("utf-8"), digest_size=8).digest() for g in grams)


def simhash(text: str) -> int:
    """The 64-bit SimHash of `text` over word 3-grams (0 for text without words).

    Each shingle's digest is read as a little-endian 64-bit number; a fingerprint bit is set when more
    than half of the shingles set it."""
    digests = _shingle_digests(text)
    count = len(digests) // 8
    if not count:
        return 0
    value = 0
    for position in range(8):
        column = digests[position::8]
        for bit in range(8):
            if 2 * column.translate(_BIT_OF[bit]).count(1) > count:
                value |= 1 << (8 * position + bit)
    return value


def fingerprint(article: Article) -> str:
    """The article's content fingerprint: the SimHash of its body as 16 hex digits."""
    return f"{simhash(chr(10).join(article.body)):016x}"


def hamming(a: str | int, b: str | int) -> int:
    """Bits in which two fingerprints (hex strings or ints) differ."""
    x = int(a, 16) if isinstance(a, str) else a
    y = int(b, 16) if isinstance(b, str) else b
    return (x ^ y).bit_count()


class Deduper:
    """Remembers the first article of each near-duplicate group; `check` says which earlier one a later
    article repeats. Memory: one entry per kept article in each of 4 band tables."""

    def __init__(self, max_distance: int = DEFAULT_MAX_DISTANCE) -> None:
        if not 0 <= max_distance < _BANDS:
            raise ValueError(f"max_distance must be between 0 and {_BANDS - 1} (bands of {_BAND_BITS} bits)")
        self.max_distance = max_distance
        self._bands: list[dict[int, list[tuple[int, str]]]] = [{} for _ in range(_BANDS)]

    @staticmethod
    def _keys(value: int) -> Iterable[tuple[int, int]]:
        mask = (1 << _BAND_BITS) - 1
        return ((band, (value >> (band * _BAND_BITS)) & mask) for band in range(_BANDS))

    def add(self, id_: str, print_: str) -> None:
        """Remember a kept article (also used to rebuild the state when a run resumes)."""
        value = int(print_, 16)
        for band, key in self._keys(value):
            self._bands[band].setdefault(key, []).append((value, id_))

    def find(self, print_: str) -> Optional[tuple[str, int]]:
        """The first remembered article within `max_distance` of the fingerprint, and the distance."""
        value = int(print_, 16)
        best: Optional[tuple[str, int]] = None
        for band, key in self._keys(value):
            for other, other_id in self._bands[band].get(key, ()):
                distance = (value ^ other).bit_count()
                if distance <= self.max_distance and (best is None or distance < best[1]):
                    best = (other_id, distance)
        return best

    def check(self, id_: str, print_: str) -> Optional[tuple[str, int]]:
        """`find`, and remember the article when it is not a duplicate."""
        found = self.find(print_)
        if found is None:
            self.add(id_, print_)
        return found
