"""The public date functions: `parse_date` for one date string, `find_dates` for the dates inside a line."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from ..errors import InputError
from .absolute import absolute_value, pre_time_ok
from .fallback import dateparser_value
from .grammar import ABS_RE, ANCHOR, ANY_REL_ANCHOR, DIGIT, REL_ANCHOR, REL_RE, WIB, WORDCHAR, Reject, prepare
from .relative import is_future, relative_value

__all__ = ["DateMatch", "MAX_PARSE_CHARS", "find_dates", "looks_like_date_line", "parse_date"]

#: parse_date only looks at this many characters: a timestamp is never longer, and it bounds the work.
MAX_PARSE_CHARS: Final = 300
# How far an expression reaches around its anchor: keyword + time + weekday before, time + zone after.
_LOOK_BEHIND: Final = 90
_LOOK_AHEAD: Final = 120
# A zone written straight against the next word: "22:28 WIBNews".
_GLUED_ZONE: Final = re.compile(r"(?<=\d)\s?(?:WITA|WIB|WIT)(?=[A-Z][a-z])")
# Its zone and the word after, searched first: a literal start is found fast, the lookbehind tries every position.
_GLUED_ZONE_HINT: Final = re.compile(r"WI(?:TA|B|T)[A-Z][a-z]")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date expression found by `find_dates`.

    ``start:end`` covers the whole expression: a directly preceding update/publish keyword
    ("diperbarui", "Diterbitkan", "Update:") or connector ("Pada:", "on"), the weekday, the date, the
    time, the part of day and the zone. Cutting the span out of a byline leaves only the other pieces.
    ``kind`` is "updated", "published" or None, from that keyword.
    """

    start: int
    end: int
    text: str
    value: datetime | date
    kind: str | None


def _check_reference(reference: object) -> datetime | None:
    if reference is None:
        return None
    if isinstance(reference, datetime):
        # A naive reference is read as Indonesian wall time, like a naive timestamp.
        return reference if reference.tzinfo is not None else reference.replace(tzinfo=WIB)
    if isinstance(reference, date):
        return datetime(reference.year, reference.month, reference.day, tzinfo=WIB)
    raise InputError(f"reference must be a datetime, date or None, not {type(reference).__name__}")



def parse_date(text: str, *, reference: datetime | None = None) -> datetime | date | None:
    """Parse a string holding one date expression; None when it holds none, several, or an impossible one.

    Returns a tz-aware ``datetime`` when a clock time is given, a ``date`` when only a date is. Relative
    expressions ("2 jam lalu", "kemarin") are resolved against ``reference`` and give None without it.
    Never raises on a ``str``; raises `InputError` for any other type.
    """
    if not isinstance(text, str):
        raise InputError(f"parse_date expects str, not {type(text).__name__}")
    ref = _check_reference(reference)
    text = prepare(text[:MAX_PARSE_CHARS])
    found: datetime | date | None = None
    first = True
    # Relative forms are matched even without a reference, so that "2 jam lalu" is a definite None.
    for m in _matches(text, ANY_REL_ANCHOR, windowed=False):
        try:
            if m.re is ABS_RE:
                value = absolute_value(m, ref)
            else:
                if is_future(m) and WORDCHAR.search(text, m.end()):
                    # "dalam 24 jam terakhir" is a window, not a moment: future forms must stand alone.
                    return None
                value = relative_value(m, ref)
        except (Reject, ValueError, OverflowError, KeyError):
            value = None
        if first:
            if value is None:
                return None  # a date-shaped text with impossible values must not fall through
            found, first = value, False
        elif value is not None and value != found:
            return None  # two different dates: which one is meant is not ours to guess
    if found is not None:
        return found
    if DIGIT.search(text) is None:
        return None
    return dateparser_value(text, ref)


def _scan(text: str, anchor_re: re.Pattern[str], grammar: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The grammar's matches, left to right, tried only in windows around the anchors."""
    pos = 0
    size = len(text)
    while pos < size:
        anchor = anchor_re.search(text, pos)
        if anchor is None:
            return
        # The window reaches past the anchor so a cut-off tail cannot hide a time or a zone; the match
        # is then redone on the whole text from its start, to get the span an unbounded scan would.
        window_end = min(size, anchor.end() + _LOOK_AHEAD)
        m = grammar.search(text, max(pos, anchor.start() - _LOOK_BEHIND), window_end)
        if m is None:
            pos = anchor.end()
            continue
        if window_end < size:  # a search that saw the whole rest of the text already has the full span
            full = grammar.match(text, m.start())
            if full is not None:
                m = full
        yield m
        pos = max(m.end(), m.start() + 1)


def _matches(text: str, rel_anchor: re.Pattern[str] | None, windowed: bool) -> list[re.Match[str]]:
    """Absolute and (when ``rel_anchor`` is given) relative matches, by start, without overlaps.

    ``windowed`` runs the grammars only around anchors (long lines); otherwise a present anchor just
    licenses a plain scan of the whole (short) text.
    """
    found: list[re.Match[str]] = []
    if windowed:
        found = list(_scan(text, ANCHOR, ABS_RE))
    elif ANCHOR.search(text):
        found = list(ABS_RE.finditer(text))
    if rel_anchor is not None:
        if windowed:
            relative = list(_scan(text, rel_anchor, REL_RE))
        else:
            relative = list(REL_RE.finditer(text)) if rel_anchor.search(text) else []
        if relative:
            found = sorted(found + relative, key=lambda m: (m.start(), -m.end()))
            kept: list[re.Match[str]] = []
            for m in found:
                if not kept or m.start() >= kept[-1].end():
                    kept.append(m)
            found = kept
    return found


def find_dates(line: str, *, reference: datetime | None = None) -> list[DateMatch]:
    """Find the date expressions inside a line (bylines, datelines, body text), left to right.

    Relative expressions are only reported when ``reference`` is given, and only past ones
    ("2 jam lalu", "kemarin"): in body text "dalam 24 jam" and "sekarang" rarely mean a timestamp.
    """
    if not isinstance(line, str):
        raise InputError(f"find_dates expects str, not {type(line).__name__}")
    ref = _check_reference(reference)
    if ref is None and DIGIT.search(line) is None:
        return []  # every absolute date has a digit: cheap exit for most prose lines
    norm, spaces = _unglue_zones(line)
    out: list[DateMatch] = []
    for m in _matches(norm, REL_ANCHOR if ref is not None else None, windowed=True):
        start = m.start()
        try:
            if m.re is ABS_RE:
                value = absolute_value(m, ref)
                if m.group("pH") is not None and not pre_time_ok(m):
                    start = m.start("core")  # a leading number that is not a time is left out
            else:
                if ref is None or is_future(m):
                    continue
                word = m.group("rw")
                if word and not word.startswith(("kemarin", "kemaren", "yesterday")):
                    continue
                value = relative_value(m, ref)
        except (Reject, ValueError, OverflowError, KeyError):
            continue
        end = m.end()
        if start != m.start():
            kind = None
        else:
            upd, pub = m.group("upd", "pub")
            kind = "updated" if upd else "published" if pub else None
        if spaces:
            start, end = start - bisect_left(spaces, start), end - bisect_left(spaces, end)
        out.append(DateMatch(start, end, line[start:end], value, kind))
    return out


def _unglue_zones(line: str) -> tuple[str, list[int]]:
    """The line prepared for matching, with a space put after each zone glued to the next word.

    Renderers join a timestamp to the next element: "22:28 WIBNews", "15:00 WIBDiterbitkan 20 Mei ...".
    Returns the text and the positions of the added spaces (to map spans back to the line).
    """
    norm = prepare(line)
    if "WI" not in line or _GLUED_ZONE_HINT.search(line) is None:
        return norm, []
    glued = [m.end() for m in _GLUED_ZONE.finditer(line)]
    if not glued:
        return norm, []
    pieces = [norm[a:b] for a, b in zip([0, *glued], [*glued, len(norm)], strict=True)]
    return " ".join(pieces), [at + k for k, at in enumerate(glued)]


def looks_like_date_line(line: str, *, reference: datetime | None = None) -> bool:
    """True when the line is only a date: nothing but punctuation, emoji and spaces outside the matches."""
    if not isinstance(line, str):
        raise InputError(f"looks_like_date_line expects str, not {type(line).__name__}")
    return bool(lone_dates(line, reference=reference))


def lone_dates(line: str, *, reference: datetime | None = None) -> list[DateMatch]:
    """The dates of a line that holds dates alone, as `looks_like_date_line` accepts it (only punctuation,
    emoji and spaces beside them); [] for others. Compare `steps._shapes.stamp_dates`: a line mostly of
    dates, with a few words."""
    if len(line) > 200:  # a timestamp line is short; long lines are prose
        return []
    matches = find_dates(line, reference=reference)
    if not matches:
        return []
    pos = 0
    for match in matches:
        if WORDCHAR.search(line, pos, match.start):
            return []
        pos = match.end
    return [] if WORDCHAR.search(line, pos) is not None else matches
