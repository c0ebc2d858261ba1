"""Step: the header's timestamp(s) -> `published` and `updated` (zones kept), metadata as fallback."""

from __future__ import annotations

import datetime as dt
import re

from ..dates import DateMatch, find_dates, parse_date
from ..page import Line, Page
from ..text import is_prose, words
from ._shapes import (
    date_rest,
    header_lines,
)

_DECORATION = re.compile(r"^[\W_]*$")
_HEADER_LINE_MAX = 200


def published(page: Page) -> None:
    """The header's timestamp(s): `published` (and `updated` for "diperbarui ..."), zones kept."""
    found: list[tuple[Line, list[DateMatch]]] = []
    for line in header_lines(page):
        if len(line.text) > _HEADER_LINE_MAX:
            continue
        matches = find_dates(line.text, reference=page.fetched_at)
        if not matches:
            continue
        rest = date_rest(line.text, matches)
        if is_prose(rest) or (line.text.endswith(".") and len(words(rest)) >= 3):
            continue  # a date mentioned inside a sentence
        found.append((line, matches))
        if len(found) >= 3:
            break
    # A day without a time above a full timestamp is the site's top bar (today's date), not the story's.
    while len(found) > 1 and not any(isinstance(m.value, dt.datetime) for m in found[0][1]) and any(
        isinstance(m.value, dt.datetime) for _, ms in found[1:] for m in ms
    ):
        found.pop(0)
    if found:
        first_line = found[0][0]
        for line, matches in found:
            if line.index - first_line.index > 4:
                break
            for m in matches:
                if m.kind == "updated":
                    if page.updated is None and isinstance(m.value, dt.datetime):
                        page.updated = m.value
                elif page.published is None:
                    page.published = m.value
                    page.published_index = line.index
            rest = date_rest(line.text, matches)
            if _DECORATION.match(rest) or not rest:
                line.mark("date", "published", f"timestamp line ({matches[0].text!r})")
            else:
                page.date_rest[line.index] = rest
            if page.published is not None:
                break
        if page.published is None and page.updated is not None:
            page.published = page.updated  # only "diperbarui" is shown: the best we know
    _fill_dates_from_hints(page)


def _fill_dates_from_hints(page: Page) -> None:
    hints = page.hints
    meta_pub = parse_date(hints.published) if hints.published else None
    if page.published is None:
        page.published = meta_pub
    elif (
        isinstance(meta_pub, dt.datetime)
        and not isinstance(page.published, dt.datetime)
        and meta_pub.date() == page.published
    ):
        page.published = meta_pub  # the page shows the day, the metadata adds the time
    if page.updated is None and hints.modified:
        value = parse_date(hints.modified)
        if isinstance(value, dt.datetime):
            page.updated = value


