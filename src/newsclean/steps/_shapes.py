"""Line shapes the header and body steps share: datelines, leads, credits, names, prose runs."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Optional

from ..dates import DateMatch, find_dates
from ..page import Line, Page
from ..text import words

if TYPE_CHECKING:
    from ..sites.patterns import ProfilePattern

# Desk codes that close a story: "(AFP/OL-11)", "(Z-8)", "(fas/fas)", "(SAW)".
_DESK_CODE = r"[A-Za-z][A-Za-z0-9]{0,11}(?:\s*/\s*[A-Za-z][A-Za-z0-9]{0,11})*(?:\s*-\s*\d{1,3})?"
#: A desk code on a line of its own.
CODE_ALONE = re.compile(rf"\(\s*(?P<code>{_DESK_CODE})\s*\)\.?")
#: A desk code closing a line of prose, right after the sentence's end.
CODE_AFTER_SENTENCE = re.compile(rf"(?<=[.!?\"”’)])\s*\((?P<code>{_DESK_CODE})\)\s*$")
#: A desk code (or a bracketed tag) at the very end of a line.
CODE_AT_END = re.compile(rf"\((?P<code>{_DESK_CODE})\)\.?\s*$")

# A lead that opens with its dateline: "JAKARTA, KOMPAS.com -", "Bogor:", "Liputan6.com, Bandung -",
# "Jakarta, CNN Indonesia --", "TRIBUN-PAPUA.COM, JAYAPURA -".
_DATELINE_LEAD = re.compile(
    r"^[A-Z][\w.\-']*(?:[ ,]+[A-Z][\w.\-']*){0,4}\s*,?\s*(?:--|[-–—:])\s*\S"
)
# The dateline that opens a story's first paragraph, in the forms that cannot be a sentence's start:
# a place in capitals ("JAKARTA -", "JAKARTA, KOMPAS.com -", "TRIBUNNEWS.COM, JAKARTA -"), place and outlet
# ("Jakarta, CNN Indonesia --", "Liputan6.com, Bandung -"), one word and a dash ("Padang – ", "Sonora.ID - "),
# or the outlet's domain ("jpnn.com - JAKARTA - ").
_STORY_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z0-9.'\-]+(?: [A-Z][A-Z0-9.'\-]+){0,3}(?:\s*,\s*[A-Za-z][\w.\-]*(?: [A-Z][\w.\-]*){0,2})?"
    r"|[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,2}\s*,\s*[A-Z][\w.\-]*(?: [A-Z][\w.\-]*){0,3}"
    r"|[A-Z][\w.'\-]+"
    r"|[a-z0-9\-]+\.(?:com|co\.id|id|net|tv)(?:\s*[-–—]\s*[A-Z][A-Z .]+)?)"
    r"(?:\s*(?:--|[–—])\s*|\s+-\s+)\S"  # a spaced dash: "Anak-anak" is a word, not a dateline
)
# A dateline alone on its line, a renderer having broken the lead after it: a place or outlet and a dash
# ("Jakarta -", "Kapanlagi.com -"), or a place and an outlet ("BEKASI, KOMPAS.com", "Jakarta, CNN Indonesia--";
# the outlet has a dot, capitals or a known name, so that "Ayu Lestari, Budi Santoso" is not one).
DATELINE_ALONE = re.compile(
    r"^(?:[A-Z][\w.\-']*(?: [A-Z][\w.\-']*){0,3}\s*(?:--|[-–—])"
    r"|[A-Z][\w.\-']*(?: [A-Z][\w.\-']*){0,3},\s*"
    r"(?:[A-Za-z][\w\-]*\.[\w.\-]+|[A-Z][A-Z0-9\-]+|CNN Indonesia|CNBC Indonesia|IDN Times|Antara(?:news)?)"
    r"\s*(?:--|[-–—])?)\s*$"
)
# Leads of some sites open with the first word in capitals: "SEMPAT terlibat konflik ...".
_CAPS_LEAD = re.compile(r"^[A-Z]{3,}[A-Z\-]*\s+[a-z]")

_PAREN_CREDIT = re.compile(r"\s*\((?:(?:Foto|Sumber|Photo)\s*:\s*)?(?P<credit>[^()]{2,70})\)\s*\.?\s*$", re.I)
_FOTO_CREDIT = re.compile(r"(?:^|\s)(?:Foto|Sumber|Photo)\s*:\s*(?P<credit>[^:]{2,70}?)\s*\.?$", re.I)
# A credit in capitals glued after the caption, maybe with the photo's date: "... (14/11/2022). KOMPAS/ARYA
# WIBISANA 14-11-2022".
_CAPS_CREDIT = re.compile(r"\s(?P<credit>[A-Z][A-Z.]{1,20}(?: [A-Z.]{2,20})?/[A-Z][A-Z.'\- ]{2,40}?)(?:\s+\d{1,2}-\d{1,2}-\d{4})?\s*$")
# A credit glued to the caption's last word or full stop: "... di UM ButonIDN Times/Irwan Idris",
# "... 2018.tirto.id/Lugas". The glue (a lower-case letter or a stop right before it) is what tells it apart.
_GLUED_CREDIT = re.compile(
    r"(?:(?<=[a-z])(?=[A-Z])|(?<=[a-z)]\.))(?P<credit>[A-Za-z][\w.\-]*(?: [A-Z][\w.\-]*){0,2}/[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,3})$"
)
# "Dian saat masih 13 tahun © instagram.com/akun": a caption signed with a copyright mark.
_COPYRIGHT_CREDIT = re.compile(r"\s©\s*(?P<credit>[^©\s][^©]{1,60})$")
# "... (belakang, kedua kanan)./Antara-Yudhi Mahatma", "... Rabu (23/10/2019) / tempo.co": the credit
# glued after the caption's closing stop or bracket with a slash.
_SLASH_CREDIT = re.compile(r"(?<=[.)])\s*/\s*(?P<credit>[^/()]{2,50})$")
# "Pompa air di Kali Sunter /@wartakota/Instagram": an account and the network it was taken from.
_HANDLE_CREDIT = re.compile(r"\s/\s*(?P<credit>@[A-Za-z0-9_.]{2,30}(?:\s*/\s*[\w .]{2,30})?)\s*$")
_CREDIT_HEAD = re.compile(r"[^\s\-–/]+")
_DOMAIN = re.compile(r"[\w\-]+\.(?:com|co|id|net|tv|org|news)\b", re.I)
_CAPITALISED_WORDS = re.compile(r"[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,3}")
_HANDLE = re.compile(r"(?<![\w.])@[A-Za-z0-9_.]{2,30}\b")
_DAY_MONTH = re.compile(r"\d{1,2}/\d{1,2}")
_CREDIT_URL = re.compile(r"(?:https?://)?(?:www\.)?[\w\-]+(?:\.[\w\-]+)*\.(?:com|id|net|org|tv)/[\w./\-]*")
_FOTO_PREFIX = re.compile(r"^(?:Foto|Sumber|Photo)\s*:\s*", re.I)
# Initials of the desk: "(rdr/adpsb/nov/bud)", "(mg4/jpnn)", "(Tri/P-2)", "(AFP/OL-11)".
_DESK_CODE_PART = re.compile(r"[a-z]{2,6}\d{0,2}|[A-Z][a-z]{1,2}(?:-\d{1,3})?|[A-Z]{1,4}(?:-\d{1,3})?|AFP|Ant|ant")
_CREDIT_DOK = re.compile(r"^(?:dok\.?|dokumentasi|ilustrasi|tangkapan layar)\b", re.I)

_MAX_HEADER_LINES = 200
_HEADER_WINDOW = 60  # lines above the story searched for its headline, timestamp and byline
# A line of data inside the story: "Pembayaran dividen : 6 Desember 2024", "Kapasitas: 1.200 kursi".
DATA_LINE = re.compile(r"^[^:]{3,70}?\s?:\s*(?:\d|Rp|US\$)")
_RUN_GAP = 12  # non-blank lines allowed between runs of prose that still make one story


def is_lead(text: str) -> bool:
    """The first paragraph of a story: it opens with a dateline or a word in capitals."""
    head = text[:60]
    # (A dateline needs its dash or colon: without one the pattern would backtrack through every
    # capitalised word of the head before failing.)
    return bool(_CAPS_LEAD.match(head) or ((_has_dash(head) or ":" in head) and _DATELINE_LEAD.match(head)))


def _has_dash(text: str) -> bool:
    return "-" in text or "–" in text or "—" in text


def dateline_lead(text: str, site_patterns: tuple[ProfilePattern, ...] = ()) -> bool:
    """The paragraph opens with a story's dateline (the shared forms or the site profile's own)."""
    head = text[:80]
    # (The shared forms all need a dash: without one the pattern would backtrack through every
    # capitalised word of the head before failing.)
    if _has_dash(head) and _STORY_DATELINE.match(head) is not None:
        return True
    return any(p.match(head) for p in site_patterns)


def is_credit(text: str, agencies: frozenset[str]) -> Optional[str]:
    """If the line is only a photo credit ("AFP", "MI/Ramdani", "(KOMPAS/ARYA)"), return the credit."""
    if len(text) > 90:
        return None  # a credit is a short line
    core = text.strip()
    if core.startswith("(") and core.rstrip(".").endswith(")"):
        core = core.rstrip(".")[1:-1]
    core = _FOTO_PREFIX.sub("", core.lstrip("-–—•* ")).strip().rstrip(".").strip()
    an_agency = core.casefold() in agencies
    if "/" not in core and "@" not in core and not an_agency and not _CREDIT_DOK.match(core):
        return None  # (most lines asked: without a slash or a handle only an agency or a "dok." is a credit)
    if not core or len(core) > 60 or len(words(core)) > 8 or "(" in core or ")" in core:
        return None  # a caption carrying its credit in parentheses is not a bare credit
    if an_agency:
        return core
    parts = [p.strip() for p in core.split("/")]
    if len(parts) > 1 and all(_DESK_CODE_PART.fullmatch(p) for p in parts):
        return None  # "(fas/fas)", "(AFP/OL-11)": the desk code closing a story, not a photo credit
    if ("@" in core and _HANDLE.search(core)) or ("/" in core and _CREDIT_URL.fullmatch(core)):
        return core  # "(@KotaNews / Net)", "(https://instagram.com/klub)": the picture's source
    if len(parts) == 2 and bool(parts[0]) != bool(parts[1]) and _CAPITALISED_WORDS.fullmatch(parts[0] or parts[1]):
        return core  # "(Nama Fotografer/)": a credit whose agency was left empty
    if " / " in core and parts[0].casefold() not in agencies:
        return None  # "Bola / Liga Indonesia" is a breadcrumb; spaced slashes in credits follow an agency
    if "/" in core and not core.startswith("http") and all(0 < len(p) <= 45 for p in parts):
        if not _DAY_MONTH.search(core):  # "21/9/2023" is a date, not a credit
            return text.strip().rstrip(".") if text.strip().startswith("(") else core
    if _CREDIT_DOK.match(core):
        return core
    return None


def split_caption_credit(text: str, agencies: frozenset[str]) -> Optional[tuple[str, str]]:
    """A caption carrying its credit: "... Selatan (dok. istimewa)", "... Foto: Metrotvnews.com/X"."""
    if ")" not in text and ":" not in text and "/" not in text and "©" not in text:
        return None  # (every form below needs one of these: most lines are answered here)
    text = text.rstrip(" |")  # a separator the page printed after the credit
    tail = text.rstrip(". ")
    m = search_last_bracket(_PAREN_CREDIT, text) if tail.endswith(")") else None
    if m is not None and is_credit(m.group("credit"), agencies):
        caption = _FOTO_PREFIX.sub("", text[: m.start()]).strip()
        return caption, m.group("credit").strip()
    m = _FOTO_CREDIT.search(text, _foto_keyword_start(text)) if ":" in text[-80:] else None
    if m is not None and m.start() > 0 and is_credit(m.group("credit"), agencies):
        return text[: m.start()].strip(), m.group("credit").strip()
    m = _COPYRIGHT_CREDIT.search(text) if "©" in text else None
    if m is not None and m.start() > 0 and len(text) <= 300:
        return text[: m.start()].strip(), m.group("credit").strip()
    m = _HANDLE_CREDIT.search(text, max(0, len(text) - 70)) if "/@" in text[-70:] else None
    if m is not None and m.start() >= 20:
        return text[: m.start()].rstrip(), m.group("credit")
    m = _SLASH_CREDIT.search(text, max(0, len(text) - 60)) if "/" in text[-52:] else None
    if m is not None and m.start() >= 20 and _is_agency_credit(m.group("credit"), agencies):
        return text[: m.start()].strip(), m.group("credit").strip()
    m = _CAPS_CREDIT.search(text, max(0, len(text) - 90)) if "/" in text[-60:] else None
    if m is not None and m.start() > 0 and text[: m.start()].rstrip().endswith((".", ")")):
        return text[: m.start()].strip(), m.group("credit").strip()
    m = _GLUED_CREDIT.search(text, max(0, len(text) - 70)) if "/" in text[-50:] else None
    if m is not None and m.start() > 15 and len(text) <= 300:
        return text[: m.start()].strip(), m.group("credit").strip()
    return None


def _foto_keyword_start(text: str) -> int:
    # `_FOTO_CREDIT` takes no colon after its own, so its "Foto :" is the line's last colon and the match
    # starts at most seven characters before the blanks ahead of it: searching there spares the whole line.
    keyword_end = len(text[: text.rfind(":")].rstrip())
    return max(0, keyword_end - 7)


def search_last_bracket(pattern: re.Pattern[str], text: str) -> Optional[re.Match[str]]:
    """`pattern.search(text)` for a pattern that opens with `\\s*\\(` and takes no bracket after that: only the
    line's last "(" (with the blanks before it) can start a match, so the search starts there instead of
    trying every position of a long line."""
    bracket = text.rfind("(")
    return None if bracket < 0 else pattern.search(text, len(text[:bracket].rstrip()))


def _is_agency_credit(credit: str, agencies: frozenset[str]) -> bool:
    """ "Antara-Yudhi Mahatma", "tempo.co": a known agency (maybe with its photographer) or a site's domain."""
    head = _CREDIT_HEAD.match(credit.strip())
    return head is not None and (head.group().casefold() in agencies or _DOMAIN.fullmatch(head.group()) is not None)


def strip_foto_prefix(text: str) -> str:
    return _FOTO_PREFIX.sub("", text).strip()


def date_rest(text: str, matches: list[DateMatch]) -> str:
    """The line with its date expressions cut out."""
    pieces, pos = [], 0
    for m in matches:
        pieces.append(text[pos:m.start])
        pos = m.end
    pieces.append(text[pos:])
    return " ".join(p.strip() for p in pieces if p.strip())


_DATED_LINE_CHARS = 200


def is_dated_line(text: str) -> bool:
    """A short line that is mostly a timestamp (a date line or a byline with a date)."""
    return bool(stamp_dates(text))


def stamp_dates(text: str) -> list[DateMatch]:
    """The dates of a short line that is mostly a timestamp, as `is_dated_line` accepts it (other words may
    stand beside them: "Kompas.com - 27/03/2024"); [] for other lines. Compare `dates.find.lone_dates`: a
    line of dates and nothing else."""
    if len(text) > _DATED_LINE_CHARS:
        return []
    matches = find_dates(text)
    if not matches or len(date_rest(text, matches)) >= 0.6 * len(text):
        return []
    return matches


def find_header_end(page: Page) -> int:
    """Index of the line where the story's text starts; the header lies before it.

    The text is the heaviest run of consecutive prose lines, extended back over earlier runs that sit
    close before it (a lead split from the rest by a sub-heading). Runs far above it belong to teasers
    or page furniture of a full-page dump and are not the story.
    """
    if page.header_end is not None:
        return page.header_end
    lines = page.lines
    end = page.tail_start if page.tail_start is not None else len(lines)
    candidates = [ln for ln in lines[:end] if ln.label is None and ln.text]
    # A line printed twice (a headline above its own copy, a caption and its alt text) is page
    # furniture, however sentence-like: it does not start the story.
    seen: dict[str, int] = {}
    for ln in candidates:
        if len(ln.text) <= 300:
            seen[ln.text] = seen.get(ln.text, 0) + 1
    prose = [ln.is_prose and seen.get(ln.text, 0) < 2 and not _is_short_dated(ln.text) for ln in candidates]
    runs: list[tuple[int, int, int]] = []  # (first, last, characters) in candidate positions
    k = 0
    while k < len(candidates):
        if not prose[k]:
            k += 1
            continue
        j = k
        while j + 1 < len(candidates) and prose[j + 1]:
            j += 1
        if j > k:
            runs.append((k, j, sum(len(candidates[i].text) for i in range(k, j + 1))))
        k = j + 1
    if runs:
        r = max(range(len(runs)), key=lambda i: runs[i][2])
        # (However long the list a paragraph announces, "... sebagai berikut:", the story goes on after it.)
        while r > 0 and (
            runs[r][0] - runs[r - 1][1] <= _RUN_GAP
            or any(ln.text.endswith(":") for ln in candidates[runs[r - 1][1] : runs[r - 1][1] + 2])
        ):
            r -= 1
        result = candidates[runs[r][0]].index
    else:
        first = next((k for k, is_text in enumerate(prose) if is_text), None)
        if first is not None:
            result = candidates[first].index
        else:
            # A page without prose must not make every line "header".
            result = candidates[_MAX_HEADER_LINES].index if len(candidates) > _MAX_HEADER_LINES else end
    page.header_end = result
    return result


def _is_short_dated(text: str) -> bool:
    # Byline and timestamp lines are short; long lines mentioning a date are prose.
    # (The length test is is_dated_line's own, first: it spares splitting every long paragraph.)
    return len(text) <= _DATED_LINE_CHARS and len(text.split()) <= 15 and is_dated_line(text)


def previous_printed(lines: list[Line], index: int) -> Optional[Line]:
    """The nearest non-blank line above `lines[index]`, or None."""
    j = index - 1
    while j >= 0 and not lines[j].text:
        j -= 1
    return lines[j] if j >= 0 else None


def header_lines(page: Page) -> list[Line]:
    """The undecided, non-blank lines just above the story's text (at most `_MAX_HEADER_LINES`)."""
    end = min(find_header_end(page), len(page.lines))
    found = [ln for ln in page.lines[:end] if ln.label is None and ln.text]
    return found[-_HEADER_WINDOW:]
