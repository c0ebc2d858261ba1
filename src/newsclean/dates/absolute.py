"""Absolute dates: a match of the absolute grammar read into a ``date`` or a tz-aware ``datetime``."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Final

from .grammar import ABS_RE, MONTHS, WIB, ZONES, Reject

__all__ = ["absolute_value", "pre_time_ok"]

_MIN_YEAR: Final = 1800
_MAX_YEAR: Final = 2199


def _offset(text: str) -> timezone:
    """'+0700', '+07:00', '+7', '- 5' -> timezone; out-of-range offsets are rejected."""
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].strip().replace(":", "")
    if len(digits) <= 2:
        hours, minutes = int(digits), 0
    else:
        hours, minutes = int(digits[:-2]), int(digits[-2:])
    if hours > 14 or minutes > 59:
        raise Reject
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _closest_year(month: int, day: int, ref: datetime) -> int:
    best: tuple[int, int] | None = None
    for year in (ref.year, ref.year - 1, ref.year + 1):
        try:
            gap = abs((date(year, month, day) - ref.date()).days)
        except ValueError:  # 29 Feb in a common year
            continue
        # The reference's year wins unless another is clearly closer (more than ~6 months apart).
        if best is None or gap < best[1] - 183:
            best = (year, gap)
    if best is None:
        raise Reject
    return best[0]


def _two_digit_year(yy: str) -> int:
    value = int(yy)
    return 2000 + value if value < 70 else 1900 + value


def _hour_of(hour: int, ampm: str | None, pod: str | None) -> int:
    if ampm:
        if not 0 <= hour <= 12:
            raise Reject
        if ampm in "pP":
            return hour if hour == 12 else hour + 12
        return 0 if hour == 12 else hour
    if pod and hour <= 12:
        pod = pod[:4].lower()
        if pod == "pagi" or pod == "subu":
            return 0 if hour == 12 else hour
        if pod == "sian":  # 11 siang = 11:00, 12 siang = noon, 1 siang = 13:00
            return hour + 12 if 1 <= hour <= 5 else hour
        if pod in ("sore", "peta"):
            return hour + 12 if 1 <= hour <= 11 else hour
        if pod == "mala":  # 7 malam = 19:00; 1-5 malam are small hours; "12 malam" is midnight
            if hour == 12:
                return 0
            return hour + 12 if 6 <= hour <= 11 else hour
        if pod == "dini":
            return 0 if hour == 12 else hour
    return hour


def pre_time_ok(m: re.Match[str]) -> bool:
    # "Rp12.50, Senin (1/1/2024)": a dotted number before a date is a time only with "pukul" or a zone.
    ppk, ph, ppod, pz = m.group("ppk", "pH", "ppod", "pz")
    return ph is not None and (m.string[m.end("pH")] == ":" or bool(ppk or pz or ppod))


# The absolute grammar's groups in order: `absolute_value` unpacks `m.groups()` into them in one step, which
# is much cheaper than a `m.group(name)` call per field.
_ABS_GROUPS: Final = (
    "upd pub ppk pH pM pS ppod pz core wd lp y5 s5 m5 d5 d3 s3 m3 y3 y3b d1 mon1 y1 y1b y1c mon2 d2 y2 d4 m4"
    " H M S F H2 H3 ap og pod zn zo zo2"
).split()
if tuple(ABS_RE.groupindex) != tuple(_ABS_GROUPS) or ABS_RE.groups != len(_ABS_GROUPS):
    raise AssertionError("_ABS_GROUPS is out of step with ABS_RE")


def absolute_value(m: re.Match[str], ref: datetime | None) -> datetime | date:
    # Group texts are lowercase: the text is lowercased before matching (`prepare`).
    (
        _upd, _pub, ppk, ph, pm, ps, ppod, pz, _core, wd, _lp, y5, s5, m5, d5, d3, s3, m3, y3, y3b,
        d1, mon1, y1, y1b, y1c, mon2, d2, y2, d4, m4, hh, mm, ss, frac, h2, h3, ap, og, pod, zn, zo, zo2,
    ) = m.groups()  # fmt: skip
    two_digit = False
    if y5:
        year, month, day = int(y5), int(m5), int(d5)
    elif d3:
        month, day = int(m3), int(d3)
        if y3:
            year = int(y3)
        else:
            if s3 != "/":  # "19-06-27" could be anything
                raise Reject
            year, two_digit = _two_digit_year(y3b), True
    elif d1:
        month, day = MONTHS[mon1], int(d1)
        if y1:
            year = int(y1)
        elif y1b or y1c:
            year, two_digit = _two_digit_year(y1b or y1c), True
        elif ref is not None:
            year = _closest_year(month, day, ref)
        else:
            raise Reject
    elif mon2:
        month, day, year = MONTHS[mon2], int(d2), int(y2)
    else:
        # "(15/2)" is only a date when a weekday vouches for it: "(1/2)" alone is usually a fraction.
        if ref is None or not wd:
            raise Reject
        month, day = int(m4), int(d4)
        year = _closest_year(month, day, ref)
    if not _MIN_YEAR <= year <= _MAX_YEAR and not two_digit:
        raise Reject
    try:
        day_value = date(year, month, day)
    except ValueError:
        raise Reject from None

    if hh is not None:
        hour, minute = int(hh), int(mm)
        second = int(ss) if ss else 0
        micro = int(frac[:6].ljust(6, "0")) if frac else 0
    elif h2 is not None or h3 is not None:
        hour, minute, second, micro = int(h2 or h3), 0, 0, 0
        if not pod and not ap and h3 is not None:
            raise Reject
    elif ph is not None and (m.string[m.end("pH")] == ":" or ppk or pz or ppod):  # see pre_time_ok
        hour, minute = int(ph), int(pm)
        second, micro = (int(ps) if ps else 0), 0
        pod, ap = ppod, None
    else:
        return day_value

    hour = _hour_of(hour, ap, pod)
    if hour > 23 or minute > 59 or second > 59:
        raise Reject

    tz: timezone = WIB
    if og:
        if og == "z":
            tz = timezone.utc
        elif og[0] == "-" and not ss and not y5:
            pass  # "10:00-12:00" is a range, not UTC-12
        else:
            tz = _offset(og)
    zo = zo or zo2
    if zo:
        tz = _offset(zo)
    elif zn:
        if not og or og[0] == "-":
            tz = ZONES[zn]
    elif pz:
        tz = ZONES[pz]
    return datetime(year, month, day, hour, minute, second, micro, tzinfo=tz)

