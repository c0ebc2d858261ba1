"""The date grammar: Indonesian/English vocabulary and the regexes built from it, compiled once at import.

Every quantifier over separators is bounded or separated by a required token, so matching stays linear
in the input length. Texts are lowercased before matching (`prepare`).
"""

from __future__ import annotations

import re
from datetime import timedelta, timezone
from typing import Final

from .regex_tree import alternation, branch_optionals

WIB: Final = timezone(timedelta(hours=7))
ZONES: Final = {
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
MONTHS: Final = {name: num for num, names in _MONTH_NAMES.items() for name in names.split()}

_WEEKDAYS: Final = [
    "senin", "selasa", "rabu", "kamis", "jumat", "jum'at", "sabtu", "minggu", "ahad",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tues", "tue", "wed", "thurs", "thur", "thu", "fri", "sat", "sun",
    "sen", "sel", "rab", "kam", "jum", "sab", "min",
]  # fmt: skip

# Units of relative expressions, mapped to (kind, amount per unit).
UNITS: Final = {
    **dict.fromkeys(("detik", "dtk", "det", "d", "second", "seconds", "sec", "secs"), ("s", 1)),
    **dict.fromkeys(("menit", "mnt", "m", "minute", "minutes", "min", "mins"), ("s", 60)),
    **dict.fromkeys(("jam", "j", "hour", "hours", "hr", "hrs"), ("s", 3600)),
    **dict.fromkeys(("hari", "h", "day", "days"), ("d", 1)),
    **dict.fromkeys(("minggu", "mgg", "mg", "pekan", "week", "weeks"), ("d", 7)),
    **dict.fromkeys(("bulan", "bln", "month", "months"), ("m", 1)),
    **dict.fromkeys(("tahun", "thn", "th", "year", "years", "yr", "yrs"), ("m", 12)),
}
# Only these units may stand without a number ("minggu lalu" = a week ago); "menit lalu" alone is vague.
BARE_UNITS: Final = frozenset(
    ("minggu", "pekan", "bulan", "tahun", "week", "month", "year", "mgg", "bln", "thn")
)
NUMBER_WORDS: Final = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "a": 1, "an": 1, "one": 1,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}  # fmt: skip
# A bare unit after these words is vague ("beberapa minggu lalu"), not "one week ago".
VAGUE_WORDS: Final = frozenset(
    ("beberapa", "berapa", "bbrp", "sekian", "sejumlah", "banyak", "few", "several", "many", "some")
)


_L = r"(?<![^\W\d_])"  # no letter before
_R = r"(?![^\W\d_])"  # no letter after
_MON = rf"(?:{alternation(MONTHS)})"
_WD = rf"{_L}(?:{alternation(_WEEKDAYS)}){_R}\.?"
_POD = r"(?:pagi|siang|sore|petang|malam|dini\s?hari|subuh)(?:\s?hari)?" + _R
_NUMWORD = (
    r"(?:(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)\s(?:belas|puluh)"
    rf"|{alternation(NUMBER_WORDS)})"
)
_UNIT = rf"(?:{alternation(UNITS)})"
_SEPCLS = r"[\s,|•·\-–—/]"

_KEYWORD = rf"""
    (?:{_L}(?:
        (?P<upd>terakhir\s(?:di)?perbarui|diperbarui|di-?update|pembaruan|last\supdated?|updated?|modified)
      | (?P<pub>diterbitkan|dipublikasikan|dipublikasi|publikasi|terbit|published|posted|dirilis|ditayangkan|tayang)
      | (?:pada|tanggal|tgl\.?|date)(?=\s?:)
      | on(?=\s)
    ){_R}[\s:]{{0,3}}(?:(?:pada|on|tanggal|tgl\.?){_R}[\s:]{{0,3}})?)?
"""

# The first word of each keyword _KEYWORD accepts.
_KEYWORD_HEADS: Final = (
    "terakhir", "diperbarui", "di-update", "diupdate", "pembaruan", "last", "update", "modified", "diterbitkan",
    "dipublikasi", "publikasi", "terbit", "published", "posted", "dirilis", "ditayangkan", "tayang", "pada",
    "tanggal", "tgl", "date", "on",
)  # fmt: skip
# Where an absolute expression can start: a keyword, weekday or month word, "pukul"/"pkl"/"jam" (a time
# first), a digit or "(". Tested first at each position, this one lookahead spares the whole grammar (~40
# optional groups, each tried and undone) at the many positions inside other words; it rejects only
# positions where the grammar cannot match, so the matches are the same (test_dates checks it).
_START = rf"(?=[\d(]|pukul|pkl|jam|{_L}(?:{alternation((*_KEYWORD_HEADS, *_WEEKDAYS, *MONTHS))}))"

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
# Texts are lowercased before matching (see `prepare`): case-sensitive patterns let the regex engine
# skip alternatives on their first character, which IGNORECASE prevents.
_ABSOLUTE = rf"{_KEYWORD}{_PRE_TIME}{_DATE}{_POST}"
ABS_RE: Final = re.compile(branch_optionals(_START + _ABSOLUTE), re.VERBOSE)
REL_RE: Final = re.compile(branch_optionals(rf"{_KEYWORD}{_RELATIVE}"), re.VERBOSE)
# Anchors: the cheapest shapes every date core contains, each starting at a digit. find_dates runs the
# full grammar only in a window around them, which keeps long prose lines (full of "Rp 120.000" and
# "12,5%") fast. The lookahead on a month's first letter spares the month alternation after most digits.
ANCHOR: Final = re.compile(
    rf"""\d(?:
        (?:st|nd|rd|th)?[\s.\-/]{{0,3}}(?=[{"".join(sorted({m[0] for m in MONTHS}))}]){_MON}(?:\.|{_R})
      | ([-/.])\d{{1,2}}\1\d\d
      | \d{{3}}[-/.]\d
      | /\d{{1,2}}\s?\)
      | \d?(?:st|nd|rd|th)?(?:\s{{1,2}},?|,)\s{{0,2}}\d{{4}}
    )""",
    re.VERBOSE,
)
# Words every relative expression ends with or is: past ones (all find_dates reports), then the rest.
REL_ANCHOR: Final = re.compile(r"lalu|silam|ago|kemar|yesterday")
# Every alternative starts with a letter (the word boundary before "ini", "now", "in" is checked after
# them), so the regex engine can skip other characters without trying the alternatives. "baru" counts
# only as "baru saja" / "barusan", so that "diperbarui" does not license a scan for relative forms.
ANY_REL_ANCHOR: Final = re.compile(
    r"lalu|silam|ago|kemar|yesterday|today|tomorrow|besok|lusa|baru(?:\s|san)|sekarang|dalam|dlm|lagi|depan"
    r"|berikut|mendatang|ini(?<!\wini)\b|now(?<!\wnow)\b|in(?<!\win)\b"
)
DIGIT: Final = re.compile(r"\d")
MONTH_WORD: Final = re.compile(rf"{_L}{_MON}{_R}", re.IGNORECASE)
YEAR4: Final = re.compile(r"(?<!\d)(?:1[89]|2[01])\d\d(?!\d)")
CLOCK: Final = re.compile(r"(?<!\d)\d{1,2}[:.]\d{2}(?!\d)")
ZONE_WORD: Final = re.compile(rf"{_L}(wita|wib|wit){_R}", re.IGNORECASE)
WORD_BEFORE: Final = re.compile(r"([^\W\d_]+)\s*$")  # used on a short window only
WORDCHAR: Final = re.compile(r"[^\W_]")

# Same-length replacements, so spans found in the normalised line are valid in the original.
_NORMALISE: Final = str.maketrans(
    {
        "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u3000": " ",
        "\u200b": " ", "\u200c": " ", "\u200d": " ", "\u2060": " ", "\ufeff": " ",
        "\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
        "\u0130": "I",  # the one character whose lower() is two characters long
    }
)  # fmt: skip


def prepare(text: str) -> str:
    """Odd spaces and apostrophes unified, lowercased; always the same length as ``text``."""
    if text.isascii():  # the common case, and the table only maps non-ASCII characters but one
        return text.replace("`", "'").lower()
    return text.translate(_NORMALISE).lower()




class Reject(Exception):
    """The text has the shape of a date but its values are impossible (31 April, 25:00, year 205)."""
