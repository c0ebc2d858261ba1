"""Step: normalise every line (spaces, invisible marks, bullets) while keeping the original."""

from __future__ import annotations

import re
from itertools import compress, repeat
from operator import attrgetter, ne, not_

from ..page import Line, Page
from ..text import normalize_line, normalize_lines, strip_bullet

# Some dump collections prefix each page with a stamp such as " date 2018-05 "; it is not page text,
# but a full day in it is the page's date as the collection recorded it (a metadata hint).
_LEADING_STAMP = re.compile(r"^\s*date\s+(?P<day>\d{4}-\d{2}(?:-\d{2})?)\s*")


# w3m draws a small image (a heading's icon, "Berita Terkait" + arrow.png) as a black circle glued to the
# word before it, or alone on its line: not page text.
_ICON = "●"
_GLUED_ICON = re.compile(r"(?<=\S)●+$|^\s*●+\s*$")
# What a line needing more than `normalize_line` opens with: a bullet glyph (see `strip_bullet`).
_BULLET_STARTS = tuple("•●▪◦‣∙·*")

_BLANK = "empty or whitespace-only line"
_TEXT = attrgetter("text")


def normalize(page: Page) -> None:
    """NFC, NBSP and odd spaces to single spaces, zero-width marks removed, leading bullets dropped."""
    lines = page.lines
    first, rest = lines[0], lines[1:]
    _cut_stamp(page, first)
    _normalize(first)
    if not first.text:  # (a collection's stamp opens the page, maybe after a blank line or two)
        for line in rest[:2]:
            _cut_stamp(page, line)
    # The page's other lines in whole-text passes: every selection below is made by C-level
    # map/compress, so Python runs only for the lines that change, open with a bullet or are blank.
    texts = list(map(_TEXT, rest))
    news = normalize_lines(texts)
    flat = "".join(news)
    unfinished: set[int] = set()
    if any(map(flat.__contains__, _BULLET_STARTS)):  # (most pages: no line can open with a bullet)
        unfinished.update(compress(range(len(news)), map(str.startswith, news, repeat(_BULLET_STARTS))))
    if _ICON in flat:
        unfinished.update(compress(range(len(news)), map(str.__contains__, news, repeat(_ICON))))
    for k in unfinished:
        news[k] = _finish(rest[k], news[k])
    changed = list(map(ne, news, texts))
    for line, text in zip(compress(rest, changed), compress(news, changed), strict=True):
        _set_text(line, text)
    for line in compress(rest, map(not_, news)):
        line.mark("blank", "normalize", _BLANK)


def _cut_stamp(page: Page, line: Line) -> None:
    if "date" not in line.original:  # (the stamp's word: most first lines need no regex)
        return
    stamped = _LEADING_STAMP.match(line.original)
    if stamped:
        _set_text(line, line.original[stamped.end():])
        page.hints.published = page.hints.published or stamped.group("day")


def _normalize(line: Line) -> None:
    text = _finish(line, normalize_line(line.text))
    if text != line.text:
        _set_text(line, text)
    if not text:
        line.mark("blank", "normalize", _BLANK)


def _finish(line: Line, text: str) -> str:
    """`text` (normalised) without w3m's icon and the bullet it opens with; the line remembers the bullet."""
    if _ICON in text:
        text = _GLUED_ICON.sub("", text)
    text, had_bullet = strip_bullet(text)
    if had_bullet:
        line.bullet = True
    return text.strip()


def _set_text(line: Line, text: str) -> None:
    line.text = text
    line._prose = line._headline = line._key = None  # (shape tests asked of the old text)
