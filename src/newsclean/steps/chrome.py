"""Steps: find where the trailing chrome starts, and label known chrome lines anywhere."""

from __future__ import annotations

from .. import sites
from ..page import Line, Page

_PARAGRAPHS_AFTER_WIDGET = 2

# A site's own tail marker is trusted after this much prose; before it, the prose above is a teaser in the
# page header (a whole-page rendering shows the site's menus, marker included, above the story).
_SITE_TAIL_PROSE = 200


def cut_tail(page: Page) -> None:
    """Everything from the first tail marker (after the article has started) on is trailing chrome.

    A marker only counts when the page has more prose before it than after it, so a "Berita Terkini"
    widget in the middle of a long article does not cut the article short.
    """
    lex = sites.lexicon(page.profile)
    if not lex.tail:
        return
    lines = page.lines
    site_tail = lex.site_tail.on_page(ln.text for ln in lines) if lex.site_tail else None
    tail = lex.tail.on_page(ln.text for ln in lines)
    above = 0  # prose characters above the line
    below = sum(len(ln.text) for ln in lines)  # characters below it: the most prose there can be
    for i, line in enumerate(lines):
        text = line.text
        if not text:
            continue
        below -= len(text)
        prose_before = above
        if line.is_prose:
            above += len(text)
        if above == 0:
            continue  # (the article has not started)
        if site_tail is not None and site_tail(text) is not None and (
            prose_before >= _SITE_TAIL_PROSE or _more_prose_above(lines, i, prose_before, below)
        ):
            if not _story_goes_on(lines, i):
                page.tail_start = i  # the site's own marker, after the story has started: trusted
                break
            line.mark("chrome", "cut_tail", "label of a widget inside the story (the site's own marker)")
            continue
        marker = tail(text)
        if marker is None:
            continue
        if _more_prose_above(lines, i, prose_before, below):
            if not _story_goes_on(lines, i):
                page.tail_start = i
                break
            line.mark("chrome", "cut_tail", f"label of a widget inside the story ({marker!r})")
    if page.tail_start is None:
        return
    marker_text = lines[page.tail_start].text
    for line in lines[page.tail_start:]:
        if line.text:
            line.mark("tail", "cut_tail", f"after the trailing-chrome marker {marker_text!r}")


def _more_prose_above(lines: list[Line], marker: int, above: int, below: int) -> bool:
    """More prose above the marker than below it. `below` (the characters below it) bounds their prose:
    when the article above outweighs it, the lines below (trailing lists, rarely asked again) are not
    tested for prose."""
    if above > below:
        return True
    return above > sum(len(ln.text) for ln in lines[marker + 1 :] if ln.is_prose)


def _story_goes_on(lines: list[Line], marker: int) -> bool:
    """Paragraphs right after a list heading mean its list did not print: the heading is a widget's label
    inside the story ("Berita Rekomendasi" between two paragraphs), not the start of the trailing lists."""
    following = [ln for ln in lines[marker + 1 : marker + 8] if ln.text][:_PARAGRAPHS_AFTER_WIDGET]
    return len(following) == _PARAGRAPHS_AFTER_WIDGET and all(ln.is_prose and not ln.is_headline for ln in following)


def strip_chrome(page: Page) -> None:
    """Label lines that are the shared lexicon's or the site profile's chrome phrases."""
    lex = sites.lexicon(page.profile)
    source = page.profile.name if page.profile is not None else "shared lexicon"
    undecided = [ln for ln in page.lines if ln.label is None and ln.text]
    match = lex.chrome.on_page(ln.text for ln in undecided)
    for line in undecided:
        matched = match(line.text)
        if matched is not None:
            shown = line.text if matched == "pattern" else matched
            line.mark("chrome", "strip_chrome", f"chrome phrase {shown[:60]!r} ({source})")
