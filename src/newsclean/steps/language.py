"""Step: the language of the story, told from its body text, with the page's declaration as fallback.

Indonesian sites also publish English and Malay stories and regional-language pieces, and declare
`lang="id"` on all of them. So the words printed decide: a body whose function words are clearly
Indonesian ('id'), Malay ('ms') or English ('en') gets that code whatever the page declares. A body too
short to tell takes the declared language; a long body that is none of those three is not guessed: it
takes the declaration only when that names another language, else None.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..page import Page

#: Fewer words (and letters) than this cannot be told apart reliably; the declared language is used instead.
MIN_WORDS = 25
MIN_LETTERS = 400  # scripts written without spaces give few "words" but still plenty of text
#: Only the start of a long story is read: a few hundred words settle the question.
MAX_WORDS = 600
#: A language needs this share of its function words among all words, and twice the other's share.
MIN_SHARE = 0.08
KNOWN = ("id", "ms", "en")

_WORD = re.compile(r"[^\W\d_]+")
# In ASCII text the words are the runs of letters: one translate lower-cases them and turns every other
# character into a space, and str.split finds them, faster than any regex. The text is translated as
# bytes: a 256-byte table is read in C, where str.translate asks a dict about every new character (and
# catches a KeyError for each letter it keeps), four times the cost.
_ASCII_WORDS = bytes(ord(c.lower()) if c.isalpha() else ord(" ") for c in map(chr, range(128))) + b" " * 128
# What bodies print outside ASCII is mostly punctuation (curly quotes, dashes, NBSP), never part of a
# word: each becomes a space, and such a body takes the ASCII path too.
_WIDE_PUNCTUATION = "“”‘’–—…•·«»\xa0″′"
# Addresses left in a body ("https%3A%2F%2Fasset...jpg") are not words of any language.
_ADDRESS = re.compile(r"\S*(?:://|%2[Ff]|www\.)\S*")
# BCP 47 primary subtag, also from og:locale's "id_ID"; "in" is the withdrawn code for Indonesian.
_DECLARED = re.compile(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$")
_ALIASES = {"in": "id", "ind": "id", "msa": "ms", "may": "ms", "zsm": "ms", "eng": "en"}


@lru_cache(maxsize=1)
def _word_lists() -> dict[str, dict[str, frozenset[str]]]:
    import sys
    from importlib import resources

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    data = tomllib.loads(resources.files("newsclean").joinpath("data/languages.toml").read_text(encoding="utf-8"))
    return {lang: {key: frozenset(words) for key, words in table.items()} for lang, table in data.items()}


@lru_cache(maxsize=1)
def _listed_words() -> frozenset[str]:
    """Every word some list holds: the only words the counts look at."""
    return frozenset().union(*(words for table in _word_lists().values() for words in table.values()))


def detect_language(text: str) -> Optional[str]:
    """'id', 'ms' or 'en' when the text's function words say so clearly; 'und' when they say none of
    those (enough words, no clear share); None when the text is too short to tell."""
    words = _words(text[: MAX_WORDS * 12])[:MAX_WORDS]
    if len(words) < MIN_WORDS and sum(map(len, words)) < MIN_LETTERS:
        return None
    lists = _word_lists()
    # Counted with C-level `filter`/`map` over the sets' `__contains__` (a generator costs twice as much
    # per word), each list's count among the listed words only (a third of a body's words or fewer).
    listed = list(filter(_listed_words().__contains__, words))
    share_id = sum(map(lists["id"]["words"].__contains__, listed)) / len(words)
    share_en = sum(map(lists["en"]["words"].__contains__, listed)) / len(words)
    if share_en >= MIN_SHARE and share_en > 2 * share_id:
        return "en"
    if share_id >= MIN_SHARE and share_id > 2 * share_en:
        malay = sum(map(lists["ms"]["markers"].__contains__, listed))
        indonesian = sum(map(lists["id"]["markers"].__contains__, listed))
        return "ms" if malay >= 2 and malay > indonesian else "id"
    return "und"


def _words(text: str) -> list[str]:
    """The lower-cased words of `text`, addresses left out."""
    if "://" in text or "%2" in text or "www." in text:  # (an address holds one; most bodies hold none)
        text = _ADDRESS.sub(" ", text)
    # Lower-casing the whole text first gives the same words as lower-casing each word, with one call
    # instead of one per word: every character lower-cases to one character of the same kind, except
    # "İ" (two characters) and "Σ" (its lower case depends on the letters around it).
    if text.isascii():  # (most bodies; the caller reads no further than MAX_WORDS)
        return _ascii_words(text)
    if "İ" in text or "Σ" in text:
        return [w.lower() for w in _WORD.findall(text)]
    for mark in _WIDE_PUNCTUATION:  # (casing neither makes nor takes one of these)
        if mark in text:
            text = text.replace(mark, " ")
    if not text.isascii():  # (else the translate lower-cases it, much cheaper than a wide lower())
        text = text.lower()
    return _ascii_words(text) if text.isascii() else _WORD.findall(text)


def _ascii_words(text: str) -> list[str]:
    return text.encode("ascii").translate(_ASCII_WORDS).decode("ascii").split(None, MAX_WORDS)


def declared_language(value: Optional[str]) -> Optional[str]:
    """The primary language code of an `<html lang>` / og:locale / inLanguage value ('id-ID' -> 'id')."""
    if not value:
        return None
    match = _DECLARED.match(value)
    if match is None:
        return None
    code = match.group(1).lower()
    return _ALIASES.get(code, code)


def language(page: Page) -> None:
    """Set `page.language` from the body text, falling back on what the page declares."""
    found = detect_language("\n".join(page.body))
    declared = declared_language(page.hints.language)
    if found in KNOWN:
        page.language = found
    elif found is None:
        page.language = declared
    else:  # plenty of text in none of the known languages: a declaration of id/ms/en is not believed
        page.language = declared if declared not in KNOWN else None
