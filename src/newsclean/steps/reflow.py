"""Step: undo a text renderer's layout (hard wraps, lynx link numbers and lists, Markdown markup).

Runs right after `normalize`, before any line is judged, and only on dumps whose layout shows a
renderer's hand (`_layout.read_layout`, one decision per document); other dumps pass untouched.
A hard-wrapped paragraph becomes one line: its first line carries the whole text, the lines it
absorbed stay in the page labelled `wrapped` (steps never delete lines).
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from ..page import Line, Page
from ..text import STOPWORDS, ends_sentence
from ._shapes import is_dated_line
from ._layout import (
    LINK_MARKER,
    Layout,
    fits,
    is_literal_markup,
    is_markdown_link,
    is_markdown_rule,
    list_marker,
    markdown_heading,
    read_layout,
    strip_link_markers,
    strip_markdown,
    strip_widgets,
)


# Lines this long that are printed more than once are a repeated text, not a common phrase.
_REPEATABLE = 25
_TIMESTAMP_CHARS = 60  # a timestamp line is short
# A sentence's last word and the next one's first, as prose has them (script printed as text has not).
_SENTENCE_STOP = re.compile(r"(?:^|\s)[(\"“'‘]?[\w/,.-]+\)?[.!?…][\"”’')]*$")
_SENTENCE_START = re.compile(r"[\"“'‘]?[A-Z][a-z]*[\s,]")


def reflow(page: Page) -> None:
    """Join hard-wrapped paragraphs, set aside lynx's link list, strip link numbers and Markdown."""
    if page.source_kind != "text":
        return
    layout = read_layout([line.original for line in page.lines])
    if layout is None:
        return
    if layout.references is not None:
        for line in page.lines[layout.references:]:
            if line.text:
                line.mark("chrome", "reflow", "the renderer's list of link addresses")
    if layout.width is not None:
        _join_wrapped(page, layout)
    for index in layout.menus:
        page.lines[index].mark("chrome", "reflow", "an entry of a menu drawn as a bullet tree")
    for line in page.lines:
        if line.label is None and line.text:
            _plain(line, layout)


def _set_text(line: Line, text: str) -> None:
    line.text = text
    line._prose = line._headline = line._key = None


def _join_wrapped(page: Page, layout: Layout) -> None:
    printed = Counter(line.text for line in page.lines if len(line.text) >= _REPEATABLE)
    paragraph: list[Line] = []
    hanging = 0  # where the paragraph's later lines start: its first line's text, after any list marker
    opening = 0  # where its first line starts
    for line in page.lines:
        if line.label is not None or not line.text:
            _close(paragraph, layout)
            paragraph = []
            continue
        text = line.original.lstrip()
        indent = len(line.original) - len(text)
        marker = 0 if layout.markdown and text.startswith("#") else list_marker(text)
        if (
            paragraph
            and not marker
            and hanging != opening == indent
            and not layout.markdown
            and text[:1].islower()
            and _continues(paragraph[-1].original, line.original, indent, indent, layout)
        ):
            # A "*" the page printed as text ("* Follow ... untuk mendapatkan" / "berita-berita ..."):
            # the sentence wraps back to the star's own column, where a list item's would hang.
            hanging = opening
            paragraph.append(line)
            continue
        if (
            paragraph
            and not marker
            and _continues(paragraph[-1].original, line.original, indent, hanging, layout)
            and not _repeat_edge(paragraph[-1], line, printed)
            and not _timestamp_below(paragraph[-1].text, line.text)
        ):
            paragraph.append(line)
            continue
        _close(paragraph, layout)
        paragraph = [line]
        opening, hanging = indent, indent + marker
    _close(paragraph, layout)


def _continues(before: str, after: str, indent: int, hanging: int, layout: Layout) -> bool:
    """`after` is the next line of the paragraph `before` ends: the wrapper broke the line, not the page."""
    width = layout.width_at(indent)
    if layout.cut:
        return len(before) == layout.width or len(before.encode("utf-8")) == layout.width
    if indent != hanging:
        return False
    if layout.markdown:
        start = after.lstrip()
        quoted = before.lstrip().startswith(">")
        if start.startswith(("#", "|")) or is_markdown_rule(start) or start.startswith(">") != quoted:
            return False
    if not fits(before, after, width):
        return True
    # A wrapper that breaks early (lynx, around link text it does not print): the sentence plainly goes on.
    return layout.early and 2 * len(before.rstrip()) >= width and _mid_sentence(before, after, layout)


def _repeat_edge(before: Line, after: Line, printed: Counter[str]) -> bool:
    """A sentence ends where a text printed more than once (a gallery's caption under every photo) starts
    or stops: with no blank line between paragraphs (lynx, w3m) that is a paragraph's end, wherever the
    margin fell."""
    if not (_SENTENCE_STOP.search(before.text) and _SENTENCE_START.match(after.text)):
        return False
    return (printed[before.text] > 1) != (printed[after.text] > 1)


def _timestamp_below(before: str, after: str) -> bool:
    """`after` is a timestamp line of its own ("Selasa, 23 Februari 2016, 17:15 WIB") under a line that
    does not lead into it (a headline): the page's break, however long the headline."""
    if len(after) > _TIMESTAMP_CHARS or not after[:1].isalnum() or after[:1].islower():
        return False  # (a timestamp opens with its day's name or number)
    if ends_sentence(after) or before.endswith((",", "-")):
        return False
    last = before.rsplit(None, 1)[-1].lower() if before.strip() else ""
    return last not in STOPWORDS and is_dated_line(after)


def _mid_sentence(before: str, after: str, layout: Layout) -> bool:
    if ends_sentence(before.rstrip()) or before.rstrip().endswith((":", ";")):
        return False
    if layout.link_markers:
        after = strip_link_markers(after)
    last = before.rsplit(None, 1)[-1].lower()
    return after.lstrip()[:1].islower() or last in STOPWORDS


def _close(paragraph: list[Line], layout: Layout) -> None:
    if len(paragraph) < 2 or (layout.link_markers and all(_opens_with_link(ln) for ln in paragraph)):
        return  # (every line a link of its own: a list of other stories, not a wrapped paragraph)
    head = paragraph[0]
    text = head.text
    for before, line in pairwise(paragraph):
        text += _separator(before, line, layout) + line.text
    for line in paragraph[1:]:
        _set_text(line, "")
        line.mark("wrapped", "reflow", f"continues the paragraph of line {head.index} (wrapped at {layout.width} columns)")
    _set_text(head, text)


def _opens_with_link(line: Line) -> bool:
    return line.text.startswith("[") and LINK_MARKER.match(line.text) is not None


def _separator(before: Line, after: Line, layout: Layout) -> str:
    if layout.cut:
        # `fold` keeps every character: a space at the break is still on one side of it.
        return " " if before.original[-1:].isspace() or after.original[:1].isspace() else ""
    # A word broken after its hyphen or slash ("Rusia-" / "Ukraina", "Bahari/" / "Yohana", an address
    # "thai-" / "-airways") is one word again; a spaced dash is not.
    joined = (
        before.text.endswith(("-", "/"))
        and before.text[-2:-1].isalnum()
        and (after.text[:1].isalnum() or after.text[:1] in "-/")
    )
    return "" if joined else " "


def _plain(line: Line, layout: Layout) -> None:
    """The line's words without the renderer's markup; lines that are only markup become chrome."""
    text, reason = line.text, None
    if is_literal_markup(text):
        text, reason = "", "HTML markup printed as text"
    if text and layout.link_markers:
        text = strip_link_markers(text)
    if text and layout.markdown:
        level, text = markdown_heading(text)
        if level:
            line.tag = f"h{level}"
        if is_markdown_rule(text):
            text, reason = "", "a horizontal rule"
        elif is_markdown_link(text[list_marker(text):]):
            reason = "a link on its own (a menu entry or another story's card)"
        text = strip_markdown(text)
    text = strip_widgets(text)
    marker = list_marker(text)
    if marker and not text[0].isdigit():
        text = text[marker:]
        line.bullet = True
    if text != line.text:
        _set_text(line, text)
    if reason is None and not text:
        reason = "only markup: a link or image without words, a form field or a frame"
    if reason is not None:
        line.mark("chrome", "reflow", reason)
