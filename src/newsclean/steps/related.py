"""Step: in-article links to other stories ("Baca juga: <title>") become `Article.related`.

The forms pages print: the label and the title on one line (maybe in brackets, maybe glued to the
next paragraph), a label heading a list of titles, and a label written after its list. Lists of
headlines with no label (a "Berita Terkait" block after the story, next-article pointers) are not
in-article links and stay for the other steps.
"""

from __future__ import annotations

import re
from typing import Optional

from .. import sites
from ..dates import looks_like_date_line
from ..page import Line, Page
from ..sites.literals import first_chars
from ..text import STOPWORDS, words

_MIN_TITLE_WORDS = 2
# "- <title>": an item of a list the renderer drew with dashes.
_DASH_ITEM = re.compile(r"^[-–—]\s+(?P<title>\S.*)$")
# "[Baca juga: <title>]", "(Baca juga: <title>)".
_BRACKETED = re.compile(r"^[\[(](?P<inner>.+)[\])]$")
_TITLE_EDGES = " |:-–—»›"
# A title glued to the paragraph after it is split only when the line is longer than any title.
_GLUED_MIN_WORDS = 18
_PARAGRAPH_MIN_WORDS = 8
_MIN_BULLET_RUN = 2


def related(page: Page) -> None:
    """Label related-link lines and collect their titles (with URLs when the HTML gave them)."""
    lex = sites.lexicon(page.profile)
    related_re = lex.related_re
    heads = first_chars(related_re.pattern, related_re.flags)  # (cached per pattern by `first_chars`)
    links: list[str] = []
    lines = page.lines
    end = page.tail_start if page.tail_start is not None else len(lines)
    i = 0
    while i < end:
        line = lines[i]
        i += 1
        if line.label is not None:
            continue
        text = line.text
        if text[:1] in "[(":
            text = _unbracketed(text)
        head = text[:1]
        # (Most lines open with a character no label can: the pattern is not tried on them.)
        match = related_re.match(text) if heads is None or head in heads or not head.isascii() else None
        if match is not None:
            title = match.group("title").strip(_TITLE_EDGES)
            if len(words(title)) >= _MIN_TITLE_WORDS:
                _link_on_its_line(links, line, text[: match.start("title")].strip(), title)
                continue
            i = _heading(page, links, line, end)
            continue
        if line.bullet and _bulleted_headline(line):
            if lex.related_bullets:
                _add(links, line, line.text, "bulleted link to another story")
            else:
                i = _bulleted_run_inside_story(page, links, line, end)
    if links:
        page.related.extend((title, page.hints.link_urls.get(title)) for title in links)


def _bulleted_headline(line: Line) -> bool:
    return line.bullet and not line.in_content and line.is_headline and not looks_like_date_line(line.text)


def _bulleted_run_inside_story(page: Page, links: list[str], first: Line, end: int) -> int:
    """Two or more bulleted headlines with the story's prose on both sides are links placed inside it
    ("• <title>" boxes); returns the index to continue from."""
    lines = page.lines
    run = [first]
    j = first.index + 1
    while j < end and (lines[j].blank or (lines[j].label is None and _bulleted_headline(lines[j]))):
        if not lines[j].blank:
            run.append(lines[j])
        j += 1
    before = _printed_beside(page, first.index, -1)
    after = _printed_beside(page, run[-1].index, +1)
    if len(run) >= _MIN_BULLET_RUN and before is not None and after is not None and before.is_prose and after.is_prose:
        for line in run:
            _add(links, line, line.text, "bulleted link to another story, inside the story")
    return j


def _printed_beside(page: Page, index: int, step: int) -> Optional[Line]:
    j = index + step
    while 0 <= j < len(page.lines) and not page.lines[j].text:
        j += step
    return page.lines[j] if 0 <= j < len(page.lines) else None


def _link_on_its_line(links: list[str], line: Line, label: str, title: str) -> None:
    title, paragraph = _split_glued(title)
    if paragraph is None:
        _add(links, line, title, f"in-article link {label!r}")
        return
    # "Baca Juga: <title> <next paragraph>" on one line: the title is the link, the rest stays text.
    links.append(title)
    line.text = paragraph
    line._prose = line._headline = line._key = None


def _heading(page: Page, links: list[str], heading: Line, end: int) -> int:
    """A label without a title: its list follows it, or (written after it) stands right above it.

    Returns the index to continue from.
    """
    heading.mark("chrome", "related", "heading of an in-article related-links box")
    lines = page.lines
    j = heading.index + 1
    taken = 0
    while j < end and (lines[j].blank or lines[j].label is None):
        nxt = lines[j]
        if nxt.blank:
            j += 1
            continue
        item = _list_item(nxt)
        if item is not None or (taken == 0 and heading.text.rstrip().endswith(":") and nxt.is_headline):
            _add(links, nxt, item or nxt.text, "title in a related-links box")
            taken += 1
            j += 1
            if item is None:
                break
            continue
        break
    if taken == 0:
        _list_above(page, links, heading)
    return j


def _list_above(page: Page, links: list[str], heading: Line) -> None:
    # rmol prints its box as "- <title>" lines with the bare label "Baca Juga" below them.
    found: list[tuple[Line, str]] = []
    k = heading.index - 1
    while k >= 0 and (page.lines[k].blank or page.lines[k].label is None):
        line = page.lines[k]
        k -= 1
        if line.blank:
            continue
        item = _list_item(line)
        if item is None:
            break
        found.append((line, item))
    for line, item in reversed(found):
        _add(links, line, item, "title in a related-links box (label after the list)")


def _list_item(line: Line) -> Optional[str]:
    """The title of a bulleted or dashed list item that reads like a headline, else None."""
    if line.bullet:
        text = line.text
    else:
        m = _DASH_ITEM.match(line.text)
        if m is None:
            return None
        text = m.group("title")
    if len(words(text)) < _MIN_TITLE_WORDS + 1 or text.endswith("."):
        return None
    return text


def _unbracketed(text: str) -> str:
    """ "[Baca juga: <title>]" without its brackets (`related` asks only of lines that open with one)."""
    m = _BRACKETED.match(text)
    return m.group("inner").strip() if m is not None else text


def _split_glued(title: str) -> tuple[str, Optional[str]]:
    """Split "<title> <paragraph>" where the paragraph begins: a capitalised word followed by running
    lower-case text, after the title's own capitalised words. (title, None) when nothing is glued."""
    tokens = title.split()
    if len(tokens) < _GLUED_MIN_WORDS:
        return title, None
    for k in range(3, len(tokens) - _PARAGRAPH_MIN_WORDS):
        if _opens_sentence(tokens[k : k + 3]) and _title_cased(tokens[:k]):
            return " ".join(tokens[:k]), " ".join(tokens[k:])
    return title, None


def _opens_sentence(tokens: list[str]) -> bool:
    first, *rest = (t.strip("\"“”'‘’(,.") for t in tokens)
    return first[:1].isupper() and first.isalpha() and all(t[:1].islower() and t.isalpha() for t in rest)


def _title_cased(tokens: list[str]) -> bool:
    # A headline capitalises its content words; stopwords may stay in lower case.
    content = [t for t in tokens if t.strip("()\"'“”‘’").lower() not in STOPWORDS and t[:1].isalpha()]
    return bool(content) and sum(t[:1].isupper() for t in content) >= 0.7 * len(content)


def _add(links: list[str], line: Line, title: str, how: str) -> None:
    links.append(title.strip().strip(_TITLE_EDGES).strip())
    line.mark("related", "related", how)
