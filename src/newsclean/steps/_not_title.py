"""What a headline never is: credits, captions, bylines, datelines, breadcrumbs, menus, tags and URL fragments."""

from __future__ import annotations

import re
from typing import Optional

from ._names import outlet_byline
from ._shapes import is_credit, split_caption_credit

__all__ = ["breadcrumb_section", "not_a_title"]


# What a headline never is. The forms that open the line are tried once, at its start; each mark found
# anywhere is searched only when the character it needs is in the line (one unanchored alternation would
# try every form at every position of every candidate).
_NOISE_OPENING = re.compile(
    r"(?:Foto|Sumber|Photo|Video|Baca|Lihat)\s*:|/"
    # The site's name and motto ("Okezone.com - Experience The Zone").
    r"|[\w\-]+\.(?:com|co\.id|id|net|tv|org)\s+[-|–—:]\s"
    # A numbered item of a list or round-up ("1. Drama Asmara ...").
    r"|\d{1,2}[.)]\s"
)
_URL_OR_ESCAPE = re.compile(r"https?://|%[0-9A-F]{2}")
_SOURCE_IN_BRACKETS = re.compile(r"\((?:Sumber|Foto)\s*:")
# Two sentences ("Nyaman tanpa iklan. Langganan Pro") are a promo or a teaser, not a headline. (The full
# stop comes first so that only full stops are tried.)
_TWO_SENTENCES = re.compile(r"\.(?<=[a-z]{3}\.)\s+[A-Z]")
# An image's alt text in brackets with its file name or credit ("[suara.com/Nama]", "[o_19ninj0l]").
_FILE_IN_BRACKETS = re.compile(r"\[[^\]]*[/_][^\]]*\]")
# Menu entries glued by the renderer ("Tentang KamiPedoman Media SiberKetentuan ...").
_GLUED_MENU = re.compile(r"[a-z][A-Z]\w*\s.*[a-z][A-Z]")
# ASCII letters by case (lower "a", capital "A"; other bytes keep their value, none of them "a" or "A"): a
# lower-case letter glued to a capital shows as b"aA". (One substring test on the translated bytes instead of
# `_GLUED_MENU` trying a match at every lower-case letter of the line, which costs more than the rest of the tests.)
_LETTER_CASES = bytes.maketrans(
    bytes(range(ord("a"), ord("z") + 1)) + bytes(range(ord("A"), ord("Z") + 1)), b"a" * 26 + b"A" * 26
)
# A menu printed on one line between separators ("TOP NEWS | TERKINI | RILIS PERS | RSS").
_MENU_LINE = re.compile(r"[^|·]{1,30}(?:\s[|·]\s[^|·]{1,30}){3,}$")


def _title_noise(text: str) -> bool:
    return bool(
        _NOISE_OPENING.match(text)
        or (("://" in text or "%" in text) and _URL_OR_ESCAPE.search(text))
        or ("(" in text and _SOURCE_IN_BRACKETS.search(text))
        or _TWO_SENTENCES.search(text)
        or ("[" in text and _FILE_IN_BRACKETS.search(text))
        or (b"aA" in text.encode("ascii", "replace").translate(_LETTER_CASES) and _GLUED_MENU.search(text))
        or (("|" in text or "·" in text) and _MENU_LINE.match(text))
    )


# "Jakarta, CNN Indonesia -- Direktorat ...": a lead's dateline (place, outlet, dash), not a headline.
_DATELINE = re.compile(r"[A-Z][\w.]*(?: [A-Z][\w.]*)?,\s*[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}\s*(?:--|[-–—])\s")


# "(Republika/Wihdan)" inside a line: a photo caption carries its credit.
_BRACKETED_CREDIT = re.compile(r"\(([^()/]{2,30}/[^()]{2,40})\)")


def not_a_title(text: str, agencies: frozenset[str]) -> bool:
    """Credits, captions with their credit, bylines with an outlet, hashtags and URL fragments are not headlines."""
    # (Each form's pattern runs only when the line holds the character it cannot match without.)
    return bool(
        _is_tag_line(text)
        or ("," in text and _DATELINE.match(text))
        or breadcrumb_section(text)
        or _title_noise(text)
        or is_credit(text, agencies)
        or split_caption_credit(text, agencies)
        or ("/" in text and any(is_credit(m.group(1), agencies) for m in _BRACKETED_CREDIT.finditer(text)))
        or outlet_byline(text)
    )


# "JOGLOSEMARNEWS.COM Umum Nasional", "Home » News » Nasional": a breadcrumb led by the site's name
# (a domain written in capitals, or "Home"), then one to three rubric words.
_CRUMB = re.compile(
    r"(?:(?-i:[A-Z0-9\-]+\.(?:COM|CO\.ID|ID|NET|TV|NEWS|ORG))|home|beranda)"
    r"(?P<crumbs>(?:\s*[»›>/|]?\s*[^\W\d_][\w&\-]*){1,3})",
    re.I,
)
_CRUMB_SEPARATORS = re.compile(r"\s*[»›>/|]\s*|\s+")


def breadcrumb_section(text: str) -> Optional[str]:
    """The last rubric of a breadcrumb line ("Nasional"), or None when the line is not one."""
    # (Without a full stop only "Home ..." or "Beranda ..." can be one: most lines skip the pattern.)
    may_be = len(text) <= 80 and ("." in text or text[:1] in "HhBb")
    m = _CRUMB.fullmatch(text) if may_be else None
    if m is None:
        return None
    crumbs = [c for c in _CRUMB_SEPARATORS.split(m.group("crumbs")) if c]
    return crumbs[-1] if crumbs else None


def _is_tag_line(text: str) -> bool:
    # "#banjir #jakarta" or "@akun": tags and handles. "#MovieTalk Sekte - Film ..." is a headline
    # that opens with its series' hashtag: most of its words are plain words.
    if "#" not in text and "@" not in text:
        return False
    tokens = text.split()
    tagged = sum(1 for t in tokens if t.startswith(("#", "@")))
    return tagged > 0 and tagged * 2 >= len(tokens) - tagged
