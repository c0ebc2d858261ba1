"""The headline words most news URLs carry in their last path segment ("/read/2024/03/27/0616/kasus-x-y-z")."""

from __future__ import annotations

import re
from typing import Optional
from urllib.parse import unquote

from ..text import fold
from ..urls import split_url

_EXTENSION = re.compile(r"\.(?:s?html?|php|aspx?|jsp)$", re.I)
_SEPARATORS = re.compile(r"[-_+\s]+")
_MIN_SLUG_WORDS = 3
#: Share of the slug's words a line must contain to be the headline the URL was made from.
SLUG_MATCH = 0.7


def slug_words(url: Optional[str]) -> frozenset[str]:
    """The words of the URL's headline slug (letters only: ids, dates and hashes are left out).

    Empty when no path segment reads like a headline (three words or more).
    """
    if not url:
        return frozenset()
    parts = split_url(url)
    if parts is None:
        return frozenset()
    path = unquote(parts.path)
    best: list[str] = []
    for segment in path.split("/"):
        if segment.isalnum():
            continue  # (one word or an id: too few words to be the slug)
        if "." in segment:
            segment = _EXTENSION.sub("", segment)
        # (str.split after turning -, _ and + into spaces: the pieces `_SEPARATORS` would split out;
        # str.replace is several times cheaper than str.translate on a slug)
        spaced = segment.casefold().replace("-", " ").replace("_", " ").replace("+", " ")
        tokens = [t for t in spaced.split() if t.isalpha() and len(t) > 1]
        if len(tokens) > len(best):
            best = tokens
    return frozenset(best) if len(best) >= _MIN_SLUG_WORDS else frozenset()


def slug_coverage(slug: frozenset[str], text: str) -> float:
    """Share of the slug's words that `text` contains (hyphenated words count by their parts too)."""
    if not slug:
        return 0.0
    found = set()
    for word in fold(text).split():
        found.add(word)
        if "-" in word or "'" in word or "’" in word:  # (a folded word holds no other separator)
            found.update(_SEPARATORS.split(word.replace("'", "-").replace("’", "-")))
    return len(slug & found) / len(slug)
