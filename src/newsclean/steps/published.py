"""Step: the header's timestamp(s) -> `published` and `updated` (zones kept), metadata as fallback."""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple, Optional

from ..dates import DateMatch, find_dates, parse_date
from ..dates.find import lone_dates
from ..page import Line, Page
from ..text import is_prose, looks_like_headline, words
from ._shapes import (
    find_header_end,
    date_rest,
    header_lines,
)

_DECORATION = re.compile(r"^[\W_]*$")
_HEADER_LINE_MAX = 200
_WIB = dt.timezone(dt.timedelta(hours=7))
_TEASER_GAP = 12
_TIMESTAMP_LINE_MAX = 60
_TEASER_HEADLINE_WORDS = 5
_FIRST_NEWS_YEAR = 1995  # no page on the web carries an older timestamp of its own  # lines between the timestamps of consecutive teasers in a list


class _Stamp(NamedTuple):
    """A header line holding a timestamp: the line, its date matches, and the line with them cut out."""

    line: Line
    matches: list[DateMatch]
    rest: str


def published(page: Page) -> None:
    """The header's timestamp(s): `published` (and `updated` for "diperbarui ..."), zones kept."""
    found: list[_Stamp] = []
    for line in header_lines(page):
        if len(line.text) > _HEADER_LINE_MAX:
            continue
        matches = find_dates(line.text, reference=page.fetched_at)
        if not matches or any(m.value.year < _FIRST_NEWS_YEAR for m in matches):
            continue  # (a motto's or an anniversary's date: "10 Nopember 1945")
        rest = date_rest(line.text, matches)
        if is_prose(rest) or (line.text.endswith(".") and len(words(rest)) >= 3):
            continue  # a date mentioned inside a sentence
        found.append(_Stamp(line, matches, rest))
    found = _without_teaser_lists(found, find_header_end(page))
    # A day without a time above a full timestamp is the site's top bar (today's date), not the story's.
    while len(found) > 1 and not any(isinstance(m.value, dt.datetime) for m in found[0].matches) and any(
        isinstance(m.value, dt.datetime) for stamp in found[1:] for m in stamp.matches
    ):
        found.pop(0)
    if found and _site_clock(page, found[0]):
        found.pop(0)
    if found:
        first_line = found[0].line
        for line, matches, rest in found:
            if line.index - first_line.index > 4:
                break
            for m in matches:
                if m.kind == "updated":
                    if page.updated is None and isinstance(m.value, dt.datetime):
                        page.updated = m.value
                elif page.published is None:
                    page.published = m.value
                    page.published_index = line.index
            if _DECORATION.match(rest) or not rest:
                line.mark("date", "published", f"timestamp line ({matches[0].text!r})")
            else:
                page.date_rest[line.index] = rest
            if page.published is not None:
                break
        if page.published is None and page.updated is not None:
            page.published = page.updated  # only "diperbarui" is shown: the best we know
    if page.published is None:
        _timestamp_inside_story(page)
    _fill_dates_from_hints(page)


# "/2018/09/05/" or "/read/20180905/" in an article's address: the day it was filed.
_URL_DAY = re.compile(r"/((?:19|20)\d\d)/?([01]\d)/?([0-3]\d)/")
_CLOCK_SLACK = dt.timedelta(days=1)


def _site_clock(page: Page, stamp: _Stamp) -> bool:
    """A bare day ("Rabu, 8 Oktober 2025") as the page's first line, years or days away from the day the
    address says the story was filed: the site's top bar showing today, not the story's date."""
    if stamp.rest or len(stamp.matches) != 1:
        return False
    m = _URL_DAY.search(page.url or page.hints.url or "")
    if m is None or stamp.line is not next((ln for ln in page.lines if ln.text), None):
        return False
    value = stamp.matches[0].value
    if isinstance(value, dt.datetime):
        return False
    try:
        filed = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return False
    return abs(value - filed) > _CLOCK_SLACK


def _timestamp_inside_story(page: Page) -> None:
    """A timestamp line between the story's paragraphs (photo pages print it under the intro).

    Only a full date and time alone on its line counts, and only with prose on both sides: a teaser's
    timestamp after the story, or a motto's date, is not the story's.
    """
    end = page.tail_start if page.tail_start is not None else len(page.lines)
    story = page.lines[find_header_end(page) : end]
    # Only the first and the last prose line bound the search: each is found from its own end of the
    # story (a step or two, where a list of every prose line would ask each line of the story). Plain
    # loops: a generator left unfinished by next() is closed with an exception, which costs more.
    first = last = -1
    for k, ln in enumerate(story):
        if ln.label is None and ln.is_prose:
            first = k
            break
    for k in range(len(story) - 1, first, -1):
        if story[k].label is None and story[k].is_prose:
            last = k
            break
    if first < 0 or last < 0:
        return  # (fewer than two prose lines)
    for line in story[first + 1 : last]:
        if line.label is not None or not line.text or len(line.text) > _TIMESTAMP_LINE_MAX:
            continue
        matches = lone_dates(line.text, reference=page.fetched_at)
        if not matches:
            continue
        if len(matches) == 1 and isinstance(matches[0].value, dt.datetime):
            page.published = matches[0].value
            page.published_index = line.index
            line.mark("date", "published", f"timestamp line inside the story ({matches[0].text!r})")
        return


def _without_teaser_lists(found: list[_Stamp], story_start: int) -> list[_Stamp]:
    """Drop runs of three or more timestamps a few lines apart: a list of teasers, not the header.

    (A header shows one timestamp, or two: published and updated.) Kept as is when nothing else is left.
    """
    if len(found) < 3:
        return found  # (no run of three)
    # A teaser's stamp is a line of its own or follows the teaser's headline on one line ("<headline>
    # Kamis, 05/11/2015 09:25 WIB", as text renderers join a list item); bylines and captions stay.
    stamps = [item for item in found if len(item.rest.split()) <= 2 or _teaser_headline(item.rest)]
    chains: list[list[_Stamp]] = []
    for item in stamps:
        if chains and item.line.index - chains[-1][-1].line.index <= _TEASER_GAP:
            chains[-1].append(item)
        else:
            chains.append([item])
    teasers = {id(item) for chain in chains if len(chain) >= 3 for item in chain}
    if chains and len(chains[-1]) >= 3 and story_start - chains[-1][-1].line.index <= _TEASER_GAP:
        # The teasers' pattern (headline, timestamp) ends with the story's own pair right above its text.
        teasers.discard(id(chains[-1][-1]))
    kept = [item for item in found if id(item) not in teasers]
    return kept or found


def _teaser_headline(rest: str) -> bool:
    return len(rest.split()) >= _TEASER_HEADLINE_WORDS and looks_like_headline(rest)


def _fill_dates_from_hints(page: Page) -> None:
    hints = page.hints
    meta_pub = _meta_date(page, hints.published)
    if page.published is None:
        page.published = meta_pub
    elif (
        isinstance(meta_pub, dt.datetime)
        and not isinstance(page.published, dt.datetime)
        and meta_pub.date() == page.published
    ):
        page.published = meta_pub  # the page shows the day, the metadata adds the time
    if page.updated is None and hints.modified:
        value = _meta_date(page, hints.modified)
        if isinstance(value, dt.datetime):
            page.updated = value


def _meta_date(page: Page, raw: Optional[str]) -> Optional[dt.datetime | dt.date]:
    if not raw:
        return None
    value = parse_date(raw)
    # detik's metadata writes WIB wall time with a "Z": the profile says so, and the zone is corrected.
    if (
        isinstance(value, dt.datetime)
        and page.profile is not None
        and page.profile.meta_z_is_wib
        and raw.rstrip().endswith("Z")
    ):
        value = value.replace(tzinfo=_WIB)
    return value


