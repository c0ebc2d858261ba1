"""Small text utilities shared by the steps: normalisation, word counts, prose and headline shape.

Everything here is per-line and cheap; patterns are compiled once at import.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "normalize_line",
    "clean_printed",
    "strip_bullet",
    "words",
    "is_prose",
    "looks_like_headline",
    "same_text",
    "fold",
]

# Spaces renderers leave behind: NBSP, narrow NBSP, the typographic spaces, ideographic space.
_ODD_SPACES = re.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]+")
# Zero-width and direction marks carry no text; BOM mid-file is the same.
_INVISIBLE = re.compile(r"[\u200b-\u200f\u2028\u2029\u2060-\u2064\ufeff\u00ad]")
_RUNS_OF_SPACE = re.compile(r" {2,}")
_UNSPACED_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\u0e00-\u0e7f\uac00-\ud7af]{8}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_BULLET = re.compile(r"^(?:[•●▪◦‣∙·]|\*(?=\s))\s*")
_BULLET_GLYPHS = frozenset("•●▪◦‣∙·*")  # what a bullet line starts with
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
# The same tokens in ASCII text, where a plain range is much cheaper to test than a Unicode class.
_ASCII_WORD = re.compile(r"[A-Za-z0-9]+(?:[-'][A-Za-z0-9]+)*")
_INNER_SENTENCE = re.compile(r"[.!?][\"'”’)]?\s+\S")

# Function words of Indonesian news prose (plus a few English ones for mixed and English pages).
# Their density separates running text from menus, headlines and lists of names.
STOPWORDS = frozenset(
    """
    yang dan di ke dari untuk dengan ini itu dalam pada akan tidak juga ada atau oleh karena sebagai
    telah sudah bisa dapat kata ujar mengatakan menurut bahwa para saat agar hingga lebih namun
    tersebut kami mereka ia dia kita masih sejak secara menjadi jika setelah belum serta yakni
    antara lain sebelum kepada tetapi tapi sehingga seperti bagi adalah merupakan harus lalu kini
    sekitar sangat terhadap bila maka pun hanya baru paling namun sementara meski meskipun
    the of and to in is that for was on with as it by at he she from are be has have this which
    """.split()
)


def normalize_line(raw: str) -> str:
    """NFC, odd spaces to plain spaces, invisible marks removed, runs of spaces collapsed, stripped."""
    if not raw.isprintable():
        # Control characters (C0, DEL, C1) are rendering debris: each becomes a space.
        raw = _CONTROL.sub(" ", raw)
    if raw.isascii():
        text = raw
    else:
        text = unicodedata.normalize("NFC", raw)
        if not text.isprintable():  # (every invisible mark and odd space is unprintable: most lines skip both)
            text = _INVISIBLE.sub("", text)
            text = _ODD_SPACES.sub(" ", text)
    if "  " in text:
        text = _RUNS_OF_SPACE.sub(" ", text)
    return text.strip()


def clean_printed(raw: str) -> str:
    """A line as printed, minus what no reader sees: invisible marks dropped, control characters turned
    into spaces, ends stripped. Inner spacing (NBSP included) stays verbatim."""
    if not raw.isprintable():
        raw = _INVISIBLE.sub("", raw)
        raw = _CONTROL.sub(" ", raw)
    return raw.strip()


def strip_bullet(text: str) -> tuple[str, bool]:
    """Remove a leading bullet glyph drawn by a renderer; tell whether there was one."""
    if text[:1] not in _BULLET_GLYPHS:
        return text, False  # (most lines: no regex call)
    match = _BULLET.match(text)
    if match is None:
        return text, False
    return text[match.end():], True


def words(text: str) -> list[str]:
    """Word tokens (letters and digits, with inner hyphens/apostrophes)."""
    return (_ASCII_WORD if text.isascii() else _WORD).findall(text)


# Steps compare the same lines again and again (the headline with each line near it, a caption with its
# neighbours, a line's key from several steps): each text is folded once.
@lru_cache(maxsize=512)
def fold(text: str) -> str:
    """A comparison key: casefolded, punctuation-insensitive, single-spaced."""
    return " ".join(words(text.casefold()))


def same_text(a: str, b: str) -> bool:
    """True when two lines say the same words, ignoring case, punctuation and spacing."""
    return fold(a) == fold(b)


def is_prose(text: str) -> bool:
    """A line that is clearly article prose (long enough, with function words and punctuation)."""
    # Whitespace tokens are close enough to words here and ten times cheaper than a regex scan.
    spaces = text.count(" ")
    if spaces >= 40:
        return True  # far past any headline or menu
    if spaces < 5:
        # Too few words for a sentence, unless the script is written without spaces (Chinese, Japanese,
        # Thai, Korean): then length and sentence punctuation decide.
        return len(text) >= 40 and _UNSPACED_SCRIPT.search(text) is not None and any(p in text for p in "。、，")
    tokens = text.split()
    n = len(tokens)
    if n >= 30:
        return True
    if n < 7:
        return False
    punctuated = ", " in text or ends_sentence(text) or _INNER_SENTENCE.search(text) is not None
    if not punctuated and n < 12:
        return False  # (the function-word test below needs punctuation or 12 words)
    if not (punctuated and n >= 10):  # (else the function words need no counting)
        stops = len(STOPWORDS.intersection(text.lower().split()))
        # Some sites drop the closing full stop; plenty of function words still mark running text.
        if not ((punctuated and stops >= 1) or (n >= 12 and stops >= 3)):
            return False
    # Headlines have commas and function words too, but capitalised content words.
    return n >= 20 or not _headline_tokens(text, tokens)


_CLOSERS = "\"'”’)]"


def ends_sentence(text: str) -> bool:
    """The line ends a sentence: a full stop, ?, ! or … (maybe inside quotes or brackets), or a closing quote."""
    if text[-1:] in ("\"", "”", "’"):
        return True
    return text.rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…")


def looks_like_headline(text: str) -> bool:
    """Headline shape: 3-30 words, no closing full stop, most content words capitalised."""
    if not text or len(text) > 220 or _closes_like_prose(text):
        return False  # (asked before splitting: most lines of a story end with a full stop)
    return _headline_tokens(text, text.split())


def _closes_like_prose(text: str) -> bool:
    return text.endswith((".", ",", ";", ":")) and not text.endswith("...")


_EDGE_PUNCT = "\"'“”‘’()[]{}.,;:!?…|•*-–—/"


def _headline_tokens(text: str, tokens: list[str]) -> bool:
    if _closes_like_prose(text):
        return False
    if not 3 <= len(tokens) <= 30:
        return False
    # Capitalised content words must be at least 60 %, i.e. 1.5 for each lower-case one. Most lines asked
    # are prose: they are settled as soon as even an all-capitalised rest could not reach that.
    capitalised = lower = 0
    remaining = len(tokens)
    for token in tokens:
        remaining -= 1
        token = token.strip(_EDGE_PUNCT)
        if not token or token.isdigit() or token.lower() in STOPWORDS:
            continue
        if token[0].isupper() or token[0].isdigit():
            capitalised += 1
        else:
            lower += 1
            if 2 * (capitalised + remaining) < 3 * lower:
                return False
    return 2 * capitalised >= 3 * lower and capitalised > 0
