"""Evidence that a page lists other pages instead of telling one story.

Three kinds, from the most to the least direct: the page's address (a tag, search, category, author,
archive or home page), a notice only listings print ("Tampilkan postingan dengan label ..."), and the
rhythm of its lines (headline, one teaser line, next headline, ...). The verdict step weighs them.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional
from urllib.parse import parse_qsl, unquote

from .. import sites
from ..page import Line
from ..urls import split_url

__all__ = ["listing_url", "listing_notice", "teaser_pairs"]

# An article's address carries its date ("/2024/05/13/") or its numeric id; a listing's never does.
# (Two patterns, not one alternation: the first opens with a literal, which the search skips to.)
_DATED_PATH = re.compile(r"/(?:19|20)\d\d/[01]?\d(?:/|$)")
_NUMERIC_ID = re.compile(r"\d{5}")
_ASCII_DIGITS = frozenset("0123456789")
_POST_SLUG_WORDS = 5  # hyphenated words of a post's own slug
_PAGED_ARCHIVE = re.compile(r"/page/\d+/?$")
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s")
# A teaser headline names a story; sub-headings inside a story are shorter.
_TEASER_HEADLINE_WORDS = 6


class _Evidence:
    def __init__(self) -> None:
        table = sites.lexicon_table("listing_page")
        self.segments = frozenset(s.casefold() for s in table.get("url_segments", []))
        self.search_keys = frozenset(s.casefold() for s in table.get("search_keys", []))
        notices = sorted((n.casefold() for n in table.get("notices", [])), key=len, reverse=True)
        self.notice = re.compile("|".join(re.escape(n) for n in notices)) if notices else None
        self.notice_after_break = re.compile("\n(?:" + "|".join(re.escape(n) for n in notices) + ")") if notices else None
        # Case folding never shortens a text: a line's first this many characters decide whether it opens
        # with a notice (and the rest of a long line need not be folded).
        self.notice_chars = len(notices[0]) if notices else 0


@lru_cache(maxsize=1)
def _evidence() -> _Evidence:
    return _Evidence()


def listing_url(url: Optional[str]) -> Optional[str]:
    """What the address says the page is, when it names a listing ("a tag page"); None otherwise."""
    if not url or not isinstance(url, str):
        return None
    parts = split_url(url)
    if parts is None or "." not in (parts.netloc or "") or " " in parts.netloc:
        return None  # not an address of a site
    path = unquote(parts.path or "")
    if _article_path(path):
        return None  # (most addresses: a path of slashes alone, the front page's, never matches)
    segments = [s.casefold() for s in path.split("/") if s]
    evidence = _evidence()
    if not segments:
        if _query_keys(parts.query) & evidence.search_keys:
            return "a site search"
        # The bare address of a site is its front page (a query such as "?p=123" may name a post).
        return "the site's front page" if not parts.query else None
    for k, segment in enumerate(segments):
        if segment in evidence.segments and not _post_below(segments[k + 1 :]):
            return f"a {segment} page"
    if segments[-1] in ("search", "cari", "pencarian") and _query_keys(parts.query) & evidence.search_keys:
        return "a site search"
    if _PAGED_ARCHIVE.search(path):
        return "a page of an archive"
    return None


def _article_path(path: str) -> bool:
    """The path holds a date or a numeric id. (Both need digits: a path without any, most slugs, is not
    scanned by the patterns.)"""
    if path.isascii() and _ASCII_DIGITS.isdisjoint(path):
        return False
    return _DATED_PATH.search(path) is not None or _NUMERIC_ID.search(path) is not None


def _query_keys(query: str) -> set[str]:
    return {k.casefold() for k, _ in parse_qsl(query, keep_blank_values=True)} if query else set()


def _post_below(below: list[str]) -> bool:
    """ "/kategori/<rubric>/981/<slug-of-many-words>": a post filed under the category, not its listing
    (a tag's own slug, right after "/tag/", may be long too: one segment at least must stand between)."""
    return len(below) >= 2 and len(below[-1].split("-")) >= _POST_SLUG_WORDS


def listing_notice(lines: list[Line]) -> Optional[str]:
    """A line only listing pages print (a Blogger label notice, "Hasil pencarian untuk ..."), if any."""
    pattern = _evidence().notice_after_break
    if pattern is None:
        return None
    # One search over the page: its lines joined after a line break each, case-folded in one call (folding
    # is per character and never makes a line break), the notices looked for right after a break.
    texts = [text for ln in lines if 0 < len(text := ln.text) < 300]
    folded = ("\n" + "\n".join(texts)).casefold()
    m = pattern.search(folded)
    if m is None:
        return None
    found = folded.count("\n", 0, m.start())  # line breaks before the match's own: its line's place
    return texts[found] if folded.count("\n") == len(texts) else _notice_line(texts)


def _notice_line(texts: list[str]) -> Optional[str]:
    # (A text holding a line break of its own shifts the count: look line by line.)
    pattern, head = _evidence().notice, _evidence().notice_chars
    return next((text for text in texts if pattern is not None and pattern.match(text[:head].casefold())), None)


def teaser_pairs(lines: list[Line]) -> int:
    """How many (headline, single teaser line) items follow each other among `lines`.

    A listing prints each item as a headline over one line of teaser; a story's sub-heading is short
    and is followed by several paragraphs. Numbered items (a round-up's) and an HTML article
    container's own lines are the story's.
    """
    printed = [ln for ln in lines if ln.text and ln.label not in ("blank", "related", "inline_caption")]
    # (Most lines of a story are not headline-shaped: only the ones that are are looked at further.)
    shaped = [k for k, ln in enumerate(printed[:-1]) if not ln.in_content and ln.is_headline]
    headlines: set[str] = set()  # a listing's headlines differ; a question put to each interviewee repeats
    for k in shaped:
        head, teaser = printed[k], printed[k + 1]
        if not _teaser_headline(head) or not teaser.is_prose or teaser.in_content:
            continue
        after = printed[k + 2] if k + 2 < len(printed) else None
        if after is None or _teaser_headline(after) or after.label == "date" or not after.is_prose:
            headlines.add(head.key)
    return len(headlines)


def _teaser_headline(line: Line) -> bool:
    return (
        not line.in_content
        and line.is_headline
        and len(line.text.split()) >= _TEASER_HEADLINE_WORDS
        and _NUMBERED.match(line.text) is None
    )
