"""Step: is this an article at all? Listings, tag pages and near-empty pages are rejected.

Losing a real article is the worst mistake a cleaner can make, so evidence of a listing must be
direct (the address, a listing notice, teaser rhythm in the chosen text) or the story must be weak
(a snippet or two) before headline-shaped lines elsewhere on the page can outvote it.
"""

from __future__ import annotations

import re
from typing import Optional

from .. import sites
from ..errors import NotAnArticle
from ..page import Line, Page
from ._listing import listing_notice, listing_url, teaser_pairs
from ._edges import dateline_alone
from ._shapes import DATA_LINE, dateline_lead

_MIN_BODY_CHARS = 150
# A listing's best block is a teaser or two; a run of this much running text is a story.
_STORY_RUN_LINES = 3
_STORY_RUN_CHARS = 600
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s")
# How close above the story's first line its own headline stands (in printed lines).
_HEADLINE_REACH = 4


def require_prose(page: Page) -> None:
    """Stop early, with the reason, when no line of the page reads as running text."""
    if not any(line.is_prose for line in page.lines):
        raise NotAnArticle("no line of running text (chrome-only, empty or non-text page)")


def verdict(page: Page) -> None:
    """Raise `NotAnArticle` with the reason when the page holds no article."""
    where = listing_url(page.url or page.hints.url)
    if where is not None:
        raise NotAnArticle(f"listing page: the address is {where}")
    notice = listing_notice(page.lines)
    if notice is not None:
        raise NotAnArticle(f"listing page: it says {notice[:80]!r}")
    printed = _first_printed(page, 8)
    listing = sites.lexicon(page.profile).listing
    for line in printed:
        if listing.match(line.text) is not None:
            raise NotAnArticle(f"tag or index page (it opens with {line.text[:80]!r})")
    heading = _archive_heading(printed[:2])
    if heading is not None:
        raise NotAnArticle(f"listing page: an archive's heading {heading[:60]!r} over a bulleted list")
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
    if len(body_lines) == 1 and chars < 600:
        other_items = sum(1 for ln in page.lines if ln.label == "date" and ln.step == "select_body")
        if other_items >= 3:
            raise NotAnArticle(f"listing page: {other_items} timestamps of other items around one teaser paragraph")
    if _cut_short_teaser(page, body_lines):
        raise NotAnArticle("listing page: a teaser cut short with a link to the whole story")
    span = page.lines[body_lines[0].index : body_lines[-1].index + 1]
    pairs = teaser_pairs(span)
    if pairs >= 3 and 2 * pairs >= sum(1 for ln in span if ln.is_prose):
        raise NotAnArticle(f"listing page: {pairs} headlines each over one teaser line")
    if page.published is not None and (page.title is not None or bool(page.authors)):
        return  # a page with its own headline (or byline) and timestamp is one story
    if _solid_story(page, body_lines):
        return  # a run of prose is a story, however many menu headlines surround it
    if page.source_kind == "html" and sum(1 for ln in body_lines if ln.in_content and ln.is_prose) >= 3:
        return  # the page's own article container holds running text
    end = page.tail_start if page.tail_start is not None else len(page.lines)
    content = [ln for ln in page.lines[:end] if ln.text and ln.label in (None, "body", "chrome", "title")]
    # (Numbered items and lines of data, "Emas 1 gram: Rp 1.022.000", are the story's own lists.)
    headlines = [
        ln for ln in content if ln.is_headline and not _NUMBERED.match(ln.text) and not DATA_LINE.match(ln.text)
    ]
    prose = [ln for ln in content if ln.is_prose]
    # A listing alternates headlines with their teasers and has no byline or timestamp of its own.
    if len(headlines) >= 4 and len(headlines) >= 0.6 * len(prose):
        raise NotAnArticle(f"listing page: {len(headlines)} headline-like lines for {len(prose)} lines of prose")


_READ_MORE = re.compile(
    r"(?:read more|continue reading|baca selengkapnya|selengkapnya|lanjutkan membaca|baca lanjutannya)\W*", re.I
)
_ELLIPSIS = ("...", "…", "[…]", "[...]")


# "Kasus: kecelakaan", "kab/kota: Banda Aceh", "Author: Evelyn": the term an archive gathers posts under.
_ARCHIVE_HEADING = re.compile(r"(?P<label>[^\W\d][\w/ ]{1,28}?)\s*:\s*(?P<term>[^:]{2,40})")
# Labels that open a credit or an in-story link, never an archive's heading.
_NOT_ARCHIVE_LABELS = frozenset(
    "penulis reporter editor oleh by pewarta wartawan kontributor foto sumber baca juga lihat juga".split()
)


def _first_printed(page: Page, count: int) -> list[Line]:
    """The page's first `count` lines with text (fewer on a shorter page)."""
    printed: list[Line] = []
    for line in page.lines:
        if line.text:
            printed.append(line)
            if len(printed) == count:
                break
    return printed


def _archive_heading(printed: list[Line]) -> Optional[str]:
    """The first printed line "<Label>: <term>" right above a bulleted list: an archive page's heading."""
    if len(printed) < 2 or not printed[1].bullet:
        return None
    m = _ARCHIVE_HEADING.fullmatch(printed[0].text)
    if m is None or len(m.group("term").split()) > 4:
        return None
    label = m.group("label").casefold()
    if label in _NOT_ARCHIVE_LABELS or any(label.startswith(w + " ") for w in ("baca", "lihat")):
        return None
    return printed[0].text


def _cut_short_teaser(page: Page, body_lines: list[Line]) -> bool:
    """A snippet or two ending in an ellipsis, then "Read more": the listing's teaser, not a story."""
    if not body_lines[-1].text.endswith(_ELLIPSIS) or sum(1 for ln in body_lines if ln.is_prose) > 2:
        return False
    after = next((ln for ln in page.lines[body_lines[-1].index + 1 :] if ln.text), None)
    return after is not None and _READ_MORE.fullmatch(after.text) is not None


def _solid_story(page: Page, body_lines: list[Line]) -> bool:
    """The chosen text reads as one story: two paragraphs right under its own headline, a run of consecutive
    paragraphs, or two that open from a dateline such as "Kapanlagi.com -"."""
    paragraphs = sum(1 for ln in body_lines if ln.is_prose)
    first = body_lines[0]
    if paragraphs >= 2 and page.title_index is not None:
        printed_between = sum(1 for ln in page.lines[page.title_index + 1 : first.index] if ln.text)
        if printed_between <= _HEADLINE_REACH:
            return True
    # A run of paragraphs: body lines with only set-aside furniture (an ad, a link) between.
    # (Looked for before the dateline, whose patterns cost more than this walk over a story's first lines.)
    run_lines = run_chars = 0
    previous: Line | None = None
    for line in body_lines:
        if previous is None or not _only_furniture_between(page, previous, line):
            run_lines = run_chars = 0
        if line.is_prose:
            run_lines, run_chars = run_lines + 1, run_chars + len(line.text)
            if run_lines >= _STORY_RUN_LINES and run_chars >= _STORY_RUN_CHARS:
                return True
        previous = line
    return paragraphs >= 2 and (
        dateline_alone(first.text) or dateline_lead(first.text, sites.lexicon(page.profile).dateline_patterns)
    )


_FURNITURE = frozenset({"blank", "chrome", "related", "inline_caption", "closing_code", "duplicate"})


def _only_furniture_between(page: Page, first: Line, second: Line) -> bool:
    return all(not ln.text or ln.label in _FURNITURE for ln in page.lines[first.index + 1 : second.index])
