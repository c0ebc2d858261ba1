"""Indonesian news timestamps: ``parse_date`` for one date string, ``find_dates`` for dates inside a line.

Conventions (shared with ``../shared/dates/README.md``):

* Zones: WIB = +07:00, WITA = +08:00, WIT = +09:00 in any case, also glued ("14:30WIB"). A time with no
  zone is Indonesian wall time, +07:00. Explicit offsets, "Z", "GMT", "UTC+8" are kept as given.
* A date with a clock time gives a tz-aware ``datetime``; a date alone gives a plain ``date``.
* Numeric dates are day-first ("21/9/2023"). Weekday names are decoration: the numeric date wins.
* Part-of-day words fix 12-hour clocks: "7 malam" = 19:00, "1 siang" = 13:00, "12 siang" = 12:00.
* Relative forms ("2 jam lalu", "kemarin") need ``reference``; without it they give None. Seconds,
  minutes and hours give a datetime in the reference's offset; days and coarser give a ``date``.
* A day and month without a year ("Senin (15/2)") take the year that puts the date closest to the
  reference (the reference's own year unless the date would be more than ~6 months away).
* Anything doubtful gives None: impossible dates, 3-digit years, durations without "lalu", a weekday,
  zone or time alone, law numbers, money, "beberapa menit lalu".

The fast path is a handful of regexes compiled at import (`grammar`, built with `regex_tree`), read
into values by `absolute` and `relative`; ``dateparser`` (`fallback`) is only consulted for strings the
fast path does not recognise but that carry a month name and a year, and its answer must pass the same
checks. `find` holds the public functions.
"""

from .find import MAX_PARSE_CHARS, DateMatch, find_dates, looks_like_date_line, parse_date
from .grammar import WIB

__all__ = ["DateMatch", "MAX_PARSE_CHARS", "WIB", "find_dates", "looks_like_date_line", "parse_date"]
