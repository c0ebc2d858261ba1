"""Step: normalise every line (spaces, invisible marks, bullets) while keeping the original."""

from __future__ import annotations

import re

from ..page import Line, Page
from ..text import normalize_line, strip_bullet

# Some dump collections prefix each page with a stamp such as " date 2018-05 "; it is not page text,
# but a full day in it is the page's date as the collection recorded it (a metadata hint).
_LEADING_STAMP = re.compile(r"^\s*date\s+(?P<day>\d{4}-\d{2}(?:-\d{2})?)\s*")


# w3m draws a small image (a heading's icon, "Berita Terkait" + arrow.png) as a black circle glued to the
# word before it, or alone on its line: not page text.
_ICON = "●"
_GLUED_ICON = re.compile(r"(?<=\S)●+$|^\s*●+\s*$")


def normalize(page: Page) -> None:
    """NFC, NBSP and odd spaces to single spaces, zero-width marks removed, leading bullets dropped."""
    lines = page.lines
    for line in lines[:3]:  # (a collection's stamp opens the page, maybe after a blank line or two)
        if line.index == 0 or not lines[0].text:
            _cut_stamp(page, line)
        _normalize(line)
    rest = lines[3:]
    texts = [line.text for line in rest]
    flat = "".join(texts)
    if not (flat.isascii() and flat.isprintable()):
        for line in rest:
            _normalize(line)
        return
    # Most dumps are printable ASCII throughout (asked once of the whole page): a line without a run of
    # spaces or a "* " bullet then only needs stripping (no odd space, invisible mark or icon to meet).
    for line, text in zip(rest, map(str.strip, texts), strict=True):
        if "  " in text or text[:1] == "*":
            _normalize(line)
            continue
        if text != line.text:
            _set_text(line, text)
        if not text:
            line.mark("blank", "normalize", _BLANK)


_BLANK = "empty or whitespace-only line"


def _cut_stamp(page: Page, line: Line) -> None:
    stamped = _LEADING_STAMP.match(line.original)
    if stamped:
        _set_text(line, line.original[stamped.end():])
        page.hints.published = page.hints.published or stamped.group("day")


def _normalize(line: Line) -> None:
    text = normalize_line(line.text)
    if _ICON in text:
        text = _GLUED_ICON.sub("", text)
    text, had_bullet = strip_bullet(text)
    text = text.strip()
    if had_bullet:
        line.bullet = True
    if text != line.text:
        _set_text(line, text)
    if not text:
        line.mark("blank", "normalize", _BLANK)


def _set_text(line: Line, text: str) -> None:
    line.text = text
    line._prose = line._headline = line._key = None  # (shape tests asked of the old text)
