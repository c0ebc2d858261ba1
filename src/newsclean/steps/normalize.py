"""Step: normalise every line (spaces, invisible marks, bullets) while keeping the original."""

from __future__ import annotations

import re

from ..page import Page
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
    for line in page.lines:
        if line.index == 0 or (line.index < 3 and not page.lines[0].text):
            stamped = _LEADING_STAMP.match(line.original)
            if stamped:
                line.text = line.original[stamped.end():]
                page.hints.published = page.hints.published or stamped.group("day")
        text = normalize_line(line.text)
        if _ICON in text:
            text = _GLUED_ICON.sub("", text)
        text, had_bullet = strip_bullet(text)
        line.text = text.strip()
        line._prose = line._headline = line._key = None
        line.bullet = line.bullet or had_bullet
        if not line.text:
            line.mark("blank", "normalize", "empty or whitespace-only line")
