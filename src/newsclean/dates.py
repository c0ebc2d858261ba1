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

The fast path is a handful of regexes compiled at import. Every quantifier over separators is bounded
or separated by a required token, so matching stays linear in the input length. ``dateparser`` is only
consulted for strings the fast path does not recognise but that carry a month name and a year, and its
answer must pass the same checks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Final

from .errors import InputError

__all__ = ["DateMatch", "find_dates", "looks_like_date_line", "parse_date"]

#: parse_date only looks at this many characters: a timestamp is never longer, and it bounds the work.
MAX_PARSE_CHARS: Final = 300

WIB: Final = timezone(timedelta(hours=7))
_ZONES: Final = {
    "wib": WIB,
    "wita": timezone(timedelta(hours=8)),
    "wit": timezone(timedelta(hours=9)),
    "utc": timezone.utc,
    "gmt": timezone.utc,
    "z": timezone.utc,
}

_MONTH_NAMES: Final = {
    1: "januari january jan djanuari djan",
    2: "februari pebruari february feb peb febr pebr",
    3: "maret march mar mrt",
    4: "april apr",
    5: "mei may mai",
    6: "juni june jun djuni",
    7: "juli july jul djuli",
    8: "agustus august agu agt ags agus agst aug ag",
    9: "september sep sept",
    10: "oktober october okt oct",
    11: "november nopember nov nop",
    12: "desember december des dec",
}
_MONTHS: Final = {name: num for num, names in _MONTH_NAMES.items() for name in names.split()}

_WEEKDAYS: Final = [
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tues", "tue", "wed", "thurs", "thur", "thu", "fri", "sat", "sun",
    "sen", "sel", "rab", "kam", "jum", "sab", "min",
]  # fmt: skip

# Units of relative expressions, mapped to (kind, amount per unit).
_UNITS: Final = {
    **dict.fromkeys(("detik", "dtk", "det", "d", "second", "seconds", "sec", "secs"), ("s", 1)),
    **dict.fromkeys(("menit", "mnt", "m", "minute", "minutes", "min", "mins"), ("s", 60)),
    **dict.fromkeys(("jam", "j", "hour", "hours", "hr", "hrs"), ("s", 3600)),
    **dict.fromkeys(("hari", "h", "day", "days"), ("d", 1)),
    **dict.fromkeys(("minggu", "mgg", "mg", "pekan", "week", "weeks"), ("d", 7)),
    **dict.fromkeys(("bulan", "bln", "month", "months"), ("m", 1)),
    **dict.fromkeys(("tahun", "thn", "th", "year", "years", "yr", "yrs"), ("m", 12)),
}
# Only these units may stand without a number ("minggu lalu" = a week ago); "menit lalu" alone is vague.
_BARE_UNITS: Final = frozenset(
    ("minggu", "pekan", "bulan", "tahun", "week", "month", "year", "mgg", "bln", "thn")
)
_NUMBER_WORDS: Final = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "a": 1, "an": 1, "one": 1,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
# A bare unit after these words is vague ("beberapa minggu lalu"), not "one week ago".
_VAGUE_WORDS: Final = frozenset(
    ("beberapa", "berapa", "bbrp", "sekian", "sejumlah", "banyak", "few", "several", "many", "some")
)


def _alternation(words: Iterable[str]) -> str:
    """A prefix tree of ``words`` as a regex: ``se(?:nin|lasa)``, not ``senin|selasa``.

    A flat alternation of 40 words is tried word by word at every position of the text; the tree
    fails after one or two characters. Longer words are tried first (the optional tails are greedy),
    so "september" wins over "sep" unless the caller's own lookahead rejects it.
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word.lower():
            node = node.setdefault(char, {})
        node[""] = {}
    return _tree_regex(tree)


def _tree_regex(node: dict[str, dict]) -> str:
    ends_here = "" in node
    branches = [re.escape(char) + _tree_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return "(?:" + body + ")?"
    return body


def _branch_optionals(pattern: str) -> str:
    """``pattern`` with every optional group ``(?:X)?`` / ``(?P<n>X)?`` written as ``(?:X|)`` / ``(?:(?P<n>X)|)``.

    Both try X first and the empty string second, so they match the same text with the same groups.
    But ``re`` compiles an optional group that is more than one character into a REPEAT, which saves
    and restores every capture mark on each attempt; with ~40 groups that cost was most of the time of
    a match. An alternation with an empty branch is a plain BRANCH, several times cheaper. Escapes,
    character classes and verbose-mode comments are copied untouched; ``??``/``?+`` and lookarounds are
    left alone.
    """
    out: list[str] = []
    stack: list[tuple[int, str]] = []  # (index in out where an open group starts, its kind)
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        elif c == "#":  # a verbose-mode comment, to the end of the line
            j = pattern.find("\n", i)
            j = n if j < 0 else j
            out.append(pattern[i:j])
            i = j
        elif c == "[":
            j = i + 1
            if pattern.startswith("^", j):
                j += 1
            if pattern.startswith("]", j):
                j += 1
            while pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            out.append(pattern[i : j + 1])
            i = j + 1
        elif c == "(":
            if pattern.startswith("(?:", i):
                kind, head = "plain", "(?:"
            elif pattern.startswith("(?P<", i):
                kind, head = "group", pattern[i : pattern.index(">", i) + 1]
            elif pattern.startswith("(?", i):
                kind, head = "other", "(?"
            else:
                kind, head = "group", "("
            stack.append((len(out), kind))
            out.append(head)
            i += len(head)
        elif c == ")":
            start, kind = stack.pop()
            if kind != "other" and pattern.startswith(")?", i) and not pattern.startswith(("??", "?+"), i + 1):
                body = "".join(out[start:])
                del out[start:]
                out.append(body + "|)" if kind == "plain" else "(?:" + body + ")|)")
                i += 2
            else:
                out.append(")")
                i += 1
        else:
            out.append(c)
            i += 1
    if stack:
        raise ValueError("unbalanced parentheses")
    return "".join(out)


_L = r"(?<![^\W\d_])"  # no letter before
_R = r"(?![^\W\d_])"  # no letter after
_MON = rf"(?:{_alternation(_MONTHS)})"
_WD = rf"{_L}(?:{_alternation(_WEEKDAYS)}){_R}\.?"
_POD = r"(?:pagi|siang|sore|petang|malam|dini\s?hari|subuh)(?:\s?hari)?" + _R
_NUMWORD = (
    r"(?:(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)\s(?:belas|puluh)"
    rf"|{_alternation(_NUMBER_WORDS)})"
)
_UNIT = rf"(?:{_alternation(_UNITS)})"
_SEPCLS = r"[\s,|•·\-–—/]"

_KEYWORD = rf"""
    (?:{_L}(?:
        (?P<upd>terakhir\s(?:di)?perbarui|diperbarui|di-?update|pembaruan|last\supdated?|updated?|modified)
      | (?P<pub>diterbitkan|dipublikasikan|dipublikasi|publikasi|terbit|published|posted|dirilis|ditayangkan|tayang)
      | (?:pada|tanggal|tgl\.?|date)(?=\s?:)
      | on(?=\s)
    ){_R}[\s:]{{0,3}}(?:(?:pada|on|tanggal|tgl\.?){_R}[\s:]{{0,3}})?)?
"""

# Time first ("pukul 10.15 WIB, Kamis (18/7/2024)"): hh:mm, then a zone or part of day, then the date.
_PRE_TIME = rf"""
    (?:(?P<ppk>(?:pukul|pkl\.?|jam){_R}\s{{0,3}})?
       (?P<pH>\d{{1,2}})[:.](?P<pM>\d{{2}})(?:[:.](?P<pS>\d{{2}}))?(?!\d)
       (?:\s{{0,3}}(?P<ppod>{_POD}))?
       (?:\s{{0,3}}(?P<pz>wita|wib|wit){_R})?
       [\s,|•·\-–—]{{1,5}})?
"""

_DATE = rf"""
    (?P<core>)
    (?:(?P<wd>{_WD})(?:\s{{1,3}}{_POD})?[\s,.]{{0,4}})?
    (?P<lp>\(\s?)?
    (?:
        # ISO / Y-M-D
        (?<![\d.])(?P<y5>\d{{4}})(?P<s5>[-/.])(?P<m5>\d{{1,2}})(?P=s5)(?P<d5>\d{{1,2}})(?!\d)
        # D/M/Y, D-M-Y, D.M.Y; a 2-digit year only right before a clock time
      | (?<![\d./])(?P<d3>\d{{1,2}})(?P<s3>[-/.])(?P<m3>\d{{1,2}})(?P=s3)
        (?:(?P<y3>\d{{4}})|(?P<y3b>\d{{2}})(?=,?\s{{1,2}}\d{{1,2}}[:.]\d{{2}}))(?!\d|[.,/]\d)
        # 21 September 2023, 21 Sep. 2023, 21-Sep-2023, 05 Nov 15 12:58 (RFC), 22 Desember (no year)
      | (?<![\d./])(?P<d1>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?[\s.\-/]{{0,3}}(?P<mon1>{_MON})(?:\.|{_R})
        (?:[\s,.\-/]{{1,4}}(?P<y1>\d{{4}})(?!\d)
          | \s?'(?P<y1b>\d{{2}})(?!\d)
          | \s(?P<y1c>\d{{2}})(?=\s\d{{1,2}}:\d{{2}}))?
        # September 21, 2023
      | {_L}(?P<mon2>{_MON})\.?\s{{0,2}}(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?!\d)\s{{0,2}},?\s{{0,2}}(?P<y2>\d{{4}})(?!\d)
        # (15/2): day and month only, in parentheses
      | (?(lp)(?P<d4>\d{{1,2}})/(?P<m4>\d{{1,2}})(?=\s?\))|(?!))
    )
    (?(lp)\s?\))
"""

_POST = rf"""
    (?:
        (?:{_SEPCLS}{{0,5}}|t|\s?wib\s?)
        (?:
            (?:(?:pukul|pkl\.?|jam|at|@){_R}\s{{0,3}})?
            (?P<H>\d{{1,2}})[:.](?P<M>\d{{2}})(?:[:.](?P<S>\d{{2}})(?:[.,](?P<F>\d{{1,9}}))?)?(?!\d)
          | (?:pukul|pkl\.?|jam){_R}\s{{0,3}}(?P<H2>\d{{1,2}})(?!\d|[:.]\d)
          | (?P<H3>\d{{1,2}})(?=\s?(?:[ap]\.?m\.?{_R}|pagi|siang|sore|petang|malam|dini))
        )
        (?:\s?(?P<ap>[ap])\.?m\.?{_R})?
        (?P<og>[+-]\d{{2}}(?::?\d{{2}})?(?!\d|[.:]\d)|z{_R})?
        (?:\s{{0,2}}(?:[-–—]|s\.?d\.?|sampai|hingga)\s{{0,2}}\d{{1,2}}[:.]\d{{2}}(?!\d))?
        (?:\s{{0,3}}(?P<pod>{_POD}))?
        (?:\s{{0,3}}\(?(?:
            (?P<zn>wita|wib|wit|utc|gmt)(?:\s?(?P<zo>[+-]\s?\d{{1,2}}(?::?\d{{2}})?)(?!\d))?
          | (?P<zo2>[+-]\d{{2}}:?\d{{2}})(?!\d)
        )\)?{_R})?
      | \s{{1,3}}{_POD}(?:\s{{1,3}}(?:wita|wib|wit){_R})?
    )?
"""

_RELATIVE = rf"""
    (?P<rel>{_L}(?:
        (?:(?P<rn>\d{{1,4}}(?:[.,]\d{{1,2}})?|{_NUMWORD}|setengah|half\s?an?){_R}\s{{0,2}}|(?P<rse>se)(?={_UNIT}{_R}))?
        (?P<ru>{_UNIT}){_R}\s{{0,3}}(?:yang\s{{1,3}}|yg\s{{1,3}})?(?:lalu|silam|ago){_R}
      | (?P<fw>dalam|dlm|in)\s{{1,3}}(?:(?P<fn>\d{{1,4}}|{_NUMWORD}|setengah|an?)\s{{0,2}}|(?P<fse>se)(?={_UNIT}{_R}))
        (?P<fu>{_UNIT}){_R}
      | (?:(?P<ln>\d{{1,4}}|{_NUMWORD}|setengah|an?)\s{{0,2}}|(?P<lse>se)(?={_UNIT}{_R}))(?P<lu>{_UNIT}){_R}\s{{1,3}}lagi{_R}
      | (?P<du>minggu|pekan|bulan|tahun|bln|thn|mgg)\s{{1,3}}(?:depan|berikutnya|mendatang){_R}
      | (?P<rw>kemarin\s{{1,3}}lusa|kemarin|kemaren|lusa|besok|hari\s{{1,3}}ini|baru\s{{1,3}}saja|barusan
              |sekarang|yesterday|today|tomorrow|just\s{{1,3}}now){_R}
    ))
"""

# Two grammars, so each call only pays for the one its text can match.
# Texts are lowercased before matching (see `_prepare`): case-sensitive patterns let the regex engine
# skip alternatives on their first character, which IGNORECASE prevents.
_ABS_RE: Final = re.compile(_branch_optionals(rf"{_KEYWORD}{_PRE_TIME}{_DATE}{_POST}"), re.VERBOSE)
_REL_RE: Final = re.compile(_branch_optionals(rf"{_KEYWORD}{_RELATIVE}"), re.VERBOSE)
# Anchors: the cheapest shapes every date core contains, each starting at a digit. find_dates runs the
# full grammar only in a window around them, which keeps long prose lines (full of "Rp 120.000" and
# "12,5%") fast. The lookahead on a month's first letter spares the month alternation after most digits.
_ANCHOR: Final = re.compile(
    rf"""\d(?:
        (?:st|nd|rd|th)?[\s.\-/]{{0,3}}(?=[{"".join(sorted({m[0] for m in _MONTHS}))}]){_MON}(?:\.|{_R})
      | ([-/.])\d{{1,2}}\1\d\d
      | \d{{3}}[-/.]\d
      | /\d{{1,2}}\s?\)
      | \d?(?:st|nd|rd|th)?(?:\s{{1,2}},?|,)\s{{0,2}}\d{{4}}
    )""",
    re.VERBOSE,
)
# Words every relative expression ends with or is: past ones (all find_dates reports), then the rest.
_REL_ANCHOR: Final = re.compile(r"lalu|silam|ago|kemar|yesterday")
# Every alternative starts with a letter (the word boundary before "ini", "now", "in" is checked after
# them), so the regex engine can skip other characters without trying the alternatives. "baru" counts
# only as "baru saja" / "barusan", so that "diperbarui" does not license a scan for relative forms.
_ANY_REL_ANCHOR: Final = re.compile(
    r"lalu|silam|ago|kemar|yesterday|today|tomorrow|besok|lusa|baru(?:\s|san)|sekarang|dalam|dlm|lagi|depan"
    r"|berikut|mendatang|ini(?<!\wini)\b|now(?<!\wnow)\b|in(?<!\win)\b"
)
# How far an expression reaches around its anchor: keyword + time + weekday before, time + zone after.
_LOOK_BEHIND: Final = 90
_LOOK_AHEAD: Final = 120
_DIGIT: Final = re.compile(r"\d")
_MONTH_WORD: Final = re.compile(rf"{_L}{_MON}{_R}", re.IGNORECASE)
_YEAR4: Final = re.compile(r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)")
_CLOCK: Final = re.compile(r"(?<!\d)\d{1,2}[:.]\d{2}(?!\d)")
_ZONE_WORD: Final = re.compile(rf"{_L}(wita|wib|wit){_R}", re.IGNORECASE)
_WORD_BEFORE: Final = re.compile(r"([^\W\d_]+)\s*$")  # used on a short window only
_WORDCHAR: Final = re.compile(r"[^\W_]")

# Same-length replacements, so spans found in the normalised line are valid in the original.
_NORMALISE: Final = str.maketrans(
    {
        "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u3000": " ",
        "\u200b": " ", "\u200c": " ", "\u200d": " ", "\u2060": " ", "\ufeff": " ",
        "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
        "\u0130": "I",  # the one character whose lower() is two characters long
    }
)  # fmt: skip


def _prepare(text: str) -> str:
    """Odd spaces and apostrophes unified, lowercased; always the same length as ``text``."""
    if text.isascii():  # the common case, and the table only maps non-ASCII characters but one
        return text.replace("`", "'").lower()
    return text.translate(_NORMALISE).lower()


_MIN_YEAR: Final = 1800
_MAX_YEAR: Final = 2199


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


class _Reject(Exception):
    """The text has the shape of a date but its values are impossible (31 April, 25:00, year 205)."""


# --------------------------------------------------------------------------------------------- helpers


def _check_reference(reference: object) -> datetime | None:
    if reference is None:
        return None
    if isinstance(reference, datetime):
        # A naive reference is read as Indonesian wall time, like a naive timestamp.
        return reference if reference.tzinfo is not None else reference.replace(tzinfo=WIB)
    if isinstance(reference, date):
        return datetime(reference.year, reference.month, reference.day, tzinfo=WIB)
    raise InputError(f"reference must be a datetime, date or None, not {type(reference).__name__}")


def _offset(text: str) -> timezone:
    """'+0700', '+07:00', '+7', '- 5' -> timezone; out-of-range offsets are rejected."""
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].strip().replace(":", "")
    if len(digits) <= 2:
        hours, minutes = int(digits), 0
    else:
        hours, minutes = int(digits[:-2]), int(digits[-2:])
    if hours > 14 or minutes > 59:
        raise _Reject
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
        raise _Reject
    return best[0]


def _two_digit_year(yy: str) -> int:
    value = int(yy)
    return 2000 + value if value < 70 else 1900 + value


def _hour_of(hour: int, ampm: str | None, pod: str | None) -> int:
    if ampm:
        if not 0 <= hour <= 12:
            raise _Reject
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


def _pre_time_ok(m: re.Match[str]) -> bool:
    # "Rp12.50, Senin (1/1/2024)": a dotted number before a date is a time only with "pukul" or a zone.
    ppk, ph, ppod, pz = m.group("ppk", "pH", "ppod", "pz")
    return ph is not None and (m.string[m.end("pH")] == ":" or bool(ppk or pz or ppod))


# The absolute grammar's groups in order: `_absolute` unpacks `m.groups()` into them in one step, which
# is much cheaper than a `m.group(name)` call per field.
_ABS_GROUPS: Final = (
    "upd pub ppk pH pM pS ppod pz core wd lp y5 s5 m5 d5 d3 s3 m3 y3 y3b d1 mon1 y1 y1b y1c mon2 d2 y2 d4 m4"
    " H M S F H2 H3 ap og pod zn zo zo2"
).split()
if tuple(_ABS_RE.groupindex) != tuple(_ABS_GROUPS) or _ABS_RE.groups != len(_ABS_GROUPS):
    raise AssertionError("_ABS_GROUPS is out of step with _ABS_RE")


def _absolute(m: re.Match[str], ref: datetime | None) -> datetime | date:
    # Group texts are lowercase: the text is lowercased before matching (`_prepare`).
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
                raise _Reject
            year, two_digit = _two_digit_year(y3b), True
    elif d1:
        month, day = _MONTHS[mon1], int(d1)
        if y1:
            year = int(y1)
        elif y1b or y1c:
            year, two_digit = _two_digit_year(y1b or y1c), True
        elif ref is not None:
            year = _closest_year(month, day, ref)
        else:
            raise _Reject
    elif mon2:
        month, day, year = _MONTHS[mon2], int(d2), int(y2)
    else:
        # "(15/2)" is only a date when a weekday vouches for it: "(1/2)" alone is usually a fraction.
        if ref is None or not wd:
            raise _Reject
        month, day = int(m4), int(d4)
        year = _closest_year(month, day, ref)
    if not _MIN_YEAR <= year <= _MAX_YEAR and not two_digit:
        raise _Reject
    try:
        day_value = date(year, month, day)
    except ValueError:
        raise _Reject from None

    if hh is not None:
        hour, minute = int(hh), int(mm)
        second = int(ss) if ss else 0
        micro = int(frac[:6].ljust(6, "0")) if frac else 0
    elif h2 is not None or h3 is not None:
        hour, minute, second, micro = int(h2 or h3), 0, 0, 0
        if not pod and not ap and h3 is not None:
            raise _Reject
    elif ph is not None and (m.string[m.end("pH")] == ":" or ppk or pz or ppod):  # see _pre_time_ok
        hour, minute = int(ph), int(pm)
        second, micro = (int(ps) if ps else 0), 0
        pod, ap = ppod, None
    else:
        return day_value

    hour = _hour_of(hour, ap, pod)
    if hour > 23 or minute > 59 or second > 59:
        raise _Reject

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
            tz = _ZONES[zn]
    elif pz:
        tz = _ZONES[pz]
    return datetime(year, month, day, hour, minute, second, micro, tzinfo=tz)


def _months_back(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    for last in (day.day, 30, 29, 28):  # clamp 31 March - 1 month to the end of February
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise _Reject


def _amount(number: str | None, se: str | None) -> float | None:
    if se:
        return 1
    if number is None:
        return None
    number = " ".join(number.lower().split())
    if number[0].isdigit():
        return float(number.replace(",", ".")) if not number.isdigit() else int(number)
    if number in ("setengah", "half a", "half an", "halfa", "halfan"):
        return 0.5
    if number in _NUMBER_WORDS:
        return _NUMBER_WORDS[number]
    tens, _, scale = number.partition(" ")
    return _NUMBER_WORDS[tens] * (10 if scale == "puluh" else 1) + (10 if scale == "belas" else 0)


def _shift(ref: datetime, unit: str, amount: float, sign: int) -> datetime | date:
    kind, size = _UNITS[unit.lower()]
    if kind == "s":
        return ref + timedelta(seconds=sign * amount * size)
    if amount != int(amount):  # "setengah hari" has no calendar-date reading
        raise _Reject
    if kind == "d":
        return ref.date() + timedelta(days=sign * int(amount) * size)
    return _months_back(ref.date(), -sign * int(amount) * size)


def _relative(m: re.Match[str], ref: datetime | None) -> datetime | date:
    if ref is None:
        raise _Reject
    g = m.group
    if g("rw"):
        word = " ".join(g("rw").lower().split())
        if word in ("baru saja", "barusan", "sekarang", "just now"):
            return ref
        days = {"kemarin lusa": -2, "kemarin": -1, "kemaren": -1, "yesterday": -1, "lusa": 2,
                "besok": 1, "tomorrow": 1}.get(word, 0)  # fmt: skip
        return ref.date() + timedelta(days=days)
    if g("fw") or g("lu"):
        amount = _amount(g("fn"), g("fse")) if g("fw") else _amount(g("ln"), g("lse"))
        if amount is None:
            raise _Reject
        return _shift(ref, g("fu") or g("lu"), amount, +1)
    if g("du"):
        return _shift(ref, g("du"), 1, +1)
    amount = _amount(g("rn"), g("rse"))
    if amount is None:
        # "minggu lalu" is a week ago, but "beberapa minggu lalu" / "menit lalu" name no instant.
        if g("ru").lower() not in _BARE_UNITS:
            raise _Reject
        start = m.start("rel")
        before = _WORD_BEFORE.search(m.string[max(0, start - 24) : start])
        if before and before.group(1).lower() in _VAGUE_WORDS:
            raise _Reject
        amount = 1
    return _shift(ref, g("ru"), amount, -1)


def _is_future(m: re.Match[str]) -> bool:
    """A relative match that points forward ("dalam 2 jam", "3 hari lagi", "minggu depan")."""
    return bool(m.group("fw") or m.group("lu") or m.group("du"))


# ------------------------------------------------------------------------------------------ fallback


def _fallback(text: str, ref: datetime | None) -> datetime | date | None:
    """dateparser for forms the fast path does not know; its answer must still look like the text."""
    year_match = _YEAR4.search(text)
    if year_match is None or _MONTH_WORD.search(text) is None:
        return None  # dateparser reads "7 Tahun 2017" or "2 jam" as durations; we want none of that
    try:
        import dateparser  # slow import, only paid when a string gets this far

        settings: dict[str, object] = {
            "DATE_ORDER": "DMY",
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": ["day", "month", "year"],
        }
        if ref is not None:
            settings["RELATIVE_BASE"] = ref.replace(tzinfo=None)
        result = dateparser.parse(text, languages=["id", "en"], settings=settings)
    except Exception:  # noqa: BLE001 - dateparser has many internal failure modes; none may escape
        return None
    if not isinstance(result, datetime):
        return None
    # Only trust a reading whose year is written in the text (not a duration counted from today).
    if str(result.year) not in {y.group() for y in _YEAR4.finditer(text)}:
        return None
    if _CLOCK.search(text) is None:
        return result.date()
    if result.tzinfo is None:
        zone = _ZONE_WORD.search(text)
        result = result.replace(tzinfo=_ZONES[zone.group(1).lower()] if zone else WIB)
    elif result.utcoffset() is None:
        return None
    return result


# ------------------------------------------------------------------------------------------ public API


def parse_date(text: str, *, reference: datetime | None = None) -> datetime | date | None:
    """Parse a string holding one date expression; None when it holds none, several, or an impossible one.

    Returns a tz-aware ``datetime`` when a clock time is given, a ``date`` when only a date is. Relative
    expressions ("2 jam lalu", "kemarin") are resolved against ``reference`` and give None without it.
    Never raises on a ``str``; raises `InputError` for any other type.
    """
    if not isinstance(text, str):
        raise InputError(f"parse_date expects str, not {type(text).__name__}")
    ref = _check_reference(reference)
    text = _prepare(text[:MAX_PARSE_CHARS])
    found: datetime | date | None = None
    first = True
    # Relative forms are matched even without a reference, so that "2 jam lalu" is a definite None.
    for m in _matches(text, _ANY_REL_ANCHOR, windowed=False):
        try:
            if m.re is _ABS_RE:
                value = _absolute(m, ref)
            else:
                if _is_future(m) and _WORDCHAR.search(text, m.end()):
                    # "dalam 24 jam terakhir" is a window, not a moment: future forms must stand alone.
                    return None
                value = _relative(m, ref)
        except (_Reject, ValueError, OverflowError, KeyError):
            value = None
        if first:
            if value is None:
                return None  # a date-shaped text with impossible values must not fall through
            found, first = value, False
        elif value is not None and value != found:
            return None  # two different dates: which one is meant is not ours to guess
    if found is not None:
        return found
    if _DIGIT.search(text) is None:
        return None
    return _fallback(text, ref)


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
        found = list(_scan(text, _ANCHOR, _ABS_RE))
    elif _ANCHOR.search(text):
        found = list(_ABS_RE.finditer(text))
    if rel_anchor is not None:
        if windowed:
            relative = list(_scan(text, rel_anchor, _REL_RE))
        else:
            relative = list(_REL_RE.finditer(text)) if rel_anchor.search(text) else []
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
    if ref is None and _DIGIT.search(line) is None:
        return []  # every absolute date has a digit: cheap exit for most prose lines
    norm = _prepare(line)
    out: list[DateMatch] = []
    for m in _matches(norm, _REL_ANCHOR if ref is not None else None, windowed=True):
        start = m.start()
        try:
            if m.re is _ABS_RE:
                value = _absolute(m, ref)
                if m.group("pH") is not None and not _pre_time_ok(m):
                    start = m.start("core")  # a leading number that is not a time is left out
            else:
                if ref is None or _is_future(m):
                    continue
                word = m.group("rw")
                if word and not word.startswith(("kemarin", "kemaren", "yesterday")):
                    continue
                value = _relative(m, ref)
        except (_Reject, ValueError, OverflowError, KeyError):
            continue
        end = m.end()
        if start != m.start():
            kind = None
        else:
            upd, pub = m.group("upd", "pub")
            kind = "updated" if upd else "published" if pub else None
        out.append(DateMatch(start, end, line[start:end], value, kind))
    return out


def looks_like_date_line(line: str, *, reference: datetime | None = None) -> bool:
    """True when the line is only a date: nothing but punctuation, emoji and spaces outside the matches."""
    if not isinstance(line, str):
        raise InputError(f"looks_like_date_line expects str, not {type(line).__name__}")
    if len(line) > 200:  # a timestamp line is short; long lines are prose
        return False
    matches = find_dates(line, reference=reference)
    if not matches:
        return False
    pos = 0
    for match in matches:
        if _WORDCHAR.search(line, pos, match.start):
            return False
        pos = match.end
    return _WORDCHAR.search(line, pos) is None
