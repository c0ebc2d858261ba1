"""Step: is this an article at all? Listings, tag pages and near-empty pages are rejected."""

from __future__ import annotations

import re

from .. import sites
from ..errors import NotAnArticle
from ..page import Page

_MIN_BODY_CHARS = 150
# A listing's best block is a teaser or two; this much running text is a story.
_STORY_PARAGRAPHS = 5
_STORY_CHARS = 1200
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s")


def require_prose(page: Page) -> None:
    """Stop early, with the reason, when no line of the page reads as running text."""
    if not any(line.is_prose for line in page.lines):
        raise NotAnArticle("no line of running text (chrome-only, empty or non-text page)")


def verdict(page: Page) -> None:
    """Raise `NotAnArticle` with the reason when the page holds no article."""
    listing = sites.lexicon(page.profile).listing
    for line in [ln for ln in page.lines if ln.text][:8]:
        if listing.match(line.text) is not None:
            raise NotAnArticle(f"tag or index page (it opens with {line.text[:80]!r})")
    body_lines = [ln for ln in page.lines if ln.label == "body"]
    if not body_lines:
        raise NotAnArticle("no block of prose found (chrome-only, empty or non-text page)")
    chars = sum(len(ln.text) for ln in body_lines)
    # A photo story with a headline and a timestamp may carry only a couple of sentences.
    floor = _MIN_BODY_CHARS // 2 if (page.title and page.published) else _MIN_BODY_CHARS
    if chars < floor:
        raise NotAnArticle(f"too little prose: {chars} characters of body text")
    # An index page: teasers with their own timestamps, the "story" found among them a single snippet.
    # (A short photo story followed by timestamped teasers still has two paragraphs or more.)
    other_items = sum(1 for ln in page.lines if ln.label == "date" and ln.step == "select_body")
    if other_items >= 3 and len(body_lines) == 1 and chars < 600:
        raise NotAnArticle(f"listing page: {other_items} timestamps of other items around one teaser paragraph")
    own_header = page.published is not None and (page.title is not None or bool(page.authors))
    if own_header:
        return  # a page with its own headline (or byline) and timestamp is one story
    # Teasers interleaved with the "story": headlines among its paragraphs.
    in_story = sum(1 for ln in body_lines if ln.is_headline and not _NUMBERED.match(ln.text))
    teasers_inside = in_story >= 3 and in_story >= 0.2 * len(page.body)
    if len(body_lines) >= _STORY_PARAGRAPHS and chars >= _STORY_CHARS and not teasers_inside:
        return  # a long run of prose is a story, however many menu headlines surround it
    end = page.tail_start if page.tail_start is not None else len(page.lines)
    content = [ln for ln in page.lines[:end] if ln.text and ln.label in (None, "body", "chrome", "title")]
    headlines = [ln for ln in content if ln.is_headline and not _NUMBERED.match(ln.text)]
    prose = [ln for ln in content if ln.is_prose]
    if page.source_kind == "html" and sum(1 for ln in body_lines if ln.in_content and ln.is_prose) >= 3:
        return  # the page's own article container holds running text
    # A listing alternates headlines with their teasers and has no byline or timestamp of its own.
    if len(headlines) >= 4 and len(headlines) >= 0.6 * len(prose):
        raise NotAnArticle(
            f"listing page: {len(headlines)} headline-like lines for {len(prose)} lines of prose"
        )
