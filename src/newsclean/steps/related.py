"""Step: in-article links to other stories ("Baca juga: <title>") become `Article.related`."""

from __future__ import annotations

from .. import sites
from ..page import Line, Page
from ..text import words

_MIN_TITLE_WORDS = 2


def _add(page: Page, line: Line, title: str, how: str) -> None:
    title = title.strip().strip("|").strip()
    url = page.hints.link_urls.get(title)
    page.related.append((title, url))
    line.mark("related", "related", how)


def related(page: Page) -> None:
    """Label related-link lines and collect their titles (with URLs when the HTML gave them)."""
    lex = sites.lexicon(page.profile)
    bullets_are_links = lex.related_bullets
    lines = page.lines
    end = page.tail_start if page.tail_start is not None else len(lines)
    i = 0
    while i < end:
        line = lines[i]
        i += 1
        if line.label is not None:
            continue
        match = lex.related_re.match(line.text)
        if match is not None:
            title = match.group("title")
            if len(words(title)) >= _MIN_TITLE_WORDS:
                _add(page, line, title, f"in-article link {line.text[: len(line.text) - len(title)].strip()!r}")
                continue
            # A heading with the titles below it: bullets ("Baca Juga" box) or one line after a colon.
            line.mark("chrome", "related", "heading of an in-article related-links box")
            j = i
            taken = 0
            while j < end and (lines[j].blank or lines[j].label is None):
                nxt = lines[j]
                if nxt.blank:
                    j += 1
                    continue
                if nxt.bullet or (taken == 0 and line.text.rstrip().endswith(":") and nxt.is_headline):
                    _add(page, nxt, nxt.text, "title in a related-links box")
                    taken += 1
                    j += 1
                    if not nxt.bullet:
                        break
                    continue
                break
            i = j
            continue
        if bullets_are_links and line.bullet and line.is_headline:
            _add(page, line, line.text, "bulleted link to another story")
