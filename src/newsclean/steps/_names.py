"""People in bylines: names told apart from the outlets, desks, jobs and labels printed around them."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple, Optional

from .. import sites

__all__ = [
    "BYLINE_WITH_OUTLET", "NAME_CHARS", "clean_names", "is_role_line", "is_tagline_word", "is_team_credit",
    "looks_like_name", "names_by_office", "outlet_byline", "same_person", "split_names",
]

_NAME_SPLIT = re.compile(r"\s*[,;&•]\s*|\s+[-–—|]\s+|\s+(?:dan|and)\s+")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w.'’\-]*|[a-z]{1,3}|bin|binti|van|der|de|da|al|el)$")
# After an explicit label ("Penulis: iwan Arifianto | Editor: muslimah") a name may be written in lower case.
_LABELLED_WORD = re.compile(r"^[^\W\d_][\w.'’\-]*$")
_OUTLET_NAMES = (
    r"detik\w*|CNN Indonesia|CNBC Indonesia|Kompas(?:\.com|\.tv|\.id| TV)?|Tribun[\w.\-]*|Liputan6\.com|"
    r"Medcom\.id|Metrotvnews\.com|Antara(?:news)?|Tempo(?:\.co)?|Republika|Okezone|Sindonews|Suara\.com|"
    r"Kumparan|Tirto(?:\.id)?|Merdeka\.com|VIVA(?:\.co\.id)?|JPNN(?:\.com)?|IDN Times|Bisnis\.com|"
    r"Kontan(?:\.co\.id)?|Katadata|Beritasatu|iNews(?:\.id)?|JawaPos\.com"
)
_OUTLET = re.compile(rf"\b(?:{_OUTLET_NAMES})\b", re.I)
_OUTLET_ALONE = re.compile(rf"(?:{_OUTLET_NAMES})", re.I)
# "Ayu Lestari, CNBC Indonesia", "Bayu Prasetyo | CNN Indonesia", "Fadhil Rahmanto - detikNews".
BYLINE_WITH_OUTLET = re.compile(
    r"(?P<authors>[A-Z][\w.'’\-]*(?:[ ,]+(?:dan\s+)?[A-Z][\w.'’\-]*){0,8})\s*(?:[,|•]|\s[-–—])\s*"
    rf"(?P<outlet>{_OUTLET_NAMES})"
)
# A byline that ends in an outlet's name ends in one of the two open-ended ones (found by their stem anywhere)
# or in one of the others, each at most OUTLET_TAIL_CHARS long (test_fields checks both against _OUTLET_NAMES).
OPEN_OUTLETS = ("detik", "Tribun")
OUTLET_TAIL_CHARS = 16
_OUTLET_AT_END = re.compile(rf"(?:{_OUTLET_NAMES})\Z")
_ROLE_PREFIX = re.compile(r"(?:Kontributor|Koresponden|Wartawan|Reporter|Laporan|Tim)\b", re.I)
_DOMAIN = re.compile(r"\b[\w\-]+\.(?:com|co\.id|id|net|tv|co|org|news)\b", re.I)
_TEAM = re.compile(r"Tim\s+[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?")  # "Tim Solopos", "Tim Liputan Khusus"
_REPORTER_CODE = re.compile(r"[A-Za-z]{1,3}\d{1,3}")
_LABEL_PREFIX = re.compile(r"^(?:oleh|by|penulis|reporter|pewarta)\s*:?\s+", re.I)
_SEPARATOR_CHARS = " \t|•·,-–—:/"
_MAX_ROLE_WORDS = 12
NAME_CHARS = 60  # the longest text `looks_like_name` accepts


class _Words(NamedTuple):
    not_names: frozenset[str]
    taglines: frozenset[str]
    desk: re.Pattern[str]
    teams: frozenset[str]
    role: re.Pattern[str]
    office: re.Pattern[str]


@lru_cache(maxsize=1)
def _words() -> _Words:
    table = sites.lexicon_table("byline")
    desks = "|".join(re.escape(d) for d in table.get("desks", [])) or "(?!)"
    roles = sorted(table.get("roles", []), key=len, reverse=True)
    offices = sorted(table.get("offices", []) + table.get("roles", []), key=len, reverse=True)
    return _Words(
        not_names=frozenset(w.casefold() for w in table.get("not_names", []) + table.get("rubrics", [])),
        taglines=frozenset(w.casefold() for w in table.get("taglines", [])),
        desk=re.compile(rf"(?:{_OUTLET_NAMES})\s+(?:{desks})", re.I),
        teams=frozenset(t.casefold() for t in table.get("teams", [])),
        role=re.compile(rf"(?:{'|'.join(re.escape(r) for r in roles) or '(?!)'})\s+\S"),
        office=re.compile(rf"(?:{'|'.join(re.escape(o) for o in offices) or '(?!)'})\s", re.I),
    )


def outlet_byline(text: str) -> Optional[re.Match[str]]:
    """`BYLINE_WITH_OUTLET` matched on the whole text; the full pattern only runs when the text ends in an outlet.

    (The full pattern backtracks through every capitalised word of a line before failing.)
    """
    if not any(map(text.__contains__, OPEN_OUTLETS)):
        if _OUTLET_AT_END.search(text, max(0, len(text) - OUTLET_TAIL_CHARS)) is None:
            return None
    return BYLINE_WITH_OUTLET.fullmatch(text)


def split_names(text: str) -> list[str]:
    """The pieces of a byline fragment between its commas, dashes, bars and "dan"."""
    return [p.strip(_SEPARATOR_CHARS) for p in _NAME_SPLIT.split(text.strip(_SEPARATOR_CHARS))]


def is_tagline_word(text: str) -> bool:
    """ "Berita Hari Ini", "Terbaru", "Viral": words of a site's slogan, printed where a byline may stand."""
    return text.casefold() in _words().taglines


def clean_names(text: str, *, labelled: bool = False) -> list[str]:
    """Names from a byline fragment: outlets and separators removed, split on commas, dashes and "dan".

    `labelled`: the fragment follows an explicit label ("Penulis:"), so lower-case names and a
    newsroom credit ("Tim Redaksi", "Tim Solopos") count too.
    """
    words = _words()
    names: list[str] = []
    text = text.strip(_SEPARATOR_CHARS)
    label = _LABEL_PREFIX.match(text)  # (not .sub: it would try the anchored pattern at every position)
    for part in _NAME_SPLIT.split(text if label is None else text[label.end() :]):
        part = part.strip(_SEPARATOR_CHARS)
        if words.desk.fullmatch(part) or (labelled and _is_team(part)):
            name = part  # "CNBC Indonesia TV": a desk, or the newsroom, is the credited author
        elif _ROLE_PREFIX.match(part) or _DOMAIN.search(part):
            continue  # "Kontributor Lhokseumawe" (a role and a place), "Espos.id News" (an outlet)
        else:
            name = _OUTLET.sub("", part).strip(_SEPARATOR_CHARS)
            if not looks_like_name(name, labelled=labelled):
                continue
        if name not in names:
            names.append(name)
    return names


def _is_team(text: str) -> bool:
    return text.casefold() in _words().teams or _TEAM.fullmatch(text) is not None


def looks_like_name(text: str, *, labelled: bool = False) -> bool:
    """A person's name: 1-6 capitalised words, no digits, not a label, a job or an outlet."""
    if not text or len(text) > NAME_CHARS:
        return False
    if any(map(str.isdigit, text)) and not (labelled and _REPORTER_CODE.fullmatch(text)):
        return False  # (after a label, a reporter may sign with a code: "Rep: C31")
    folded = text.casefold()
    words = _words()
    if folded in words.not_names or folded in words.teams or _OUTLET_ALONE.fullmatch(text):
        return False
    parts = text.split()
    if not 1 <= len(parts) <= 6:
        return False
    if labelled:
        return all(map(_LABELLED_WORD.match, parts))
    if not parts[0][:1].isupper():
        return False
    return all(map(_NAME_WORD.match, parts))


def names_by_office(text: str) -> bool:
    """ "Presiden Joko Widodo", "Warga Bekasi": someone named by their office, as captions do; no byline."""
    return _words().office.match(text) is not None


def is_team_credit(text: str) -> bool:
    """The newsroom credited as a whole: "Redaksi", "Tim Redaksi", "Tim Solopos"."""
    return _is_team(text.strip(_SEPARATOR_CHARS))


def is_role_line(text: str) -> bool:
    """A columnist's role printed under their name: "Direktur Eksekutif Migrant Watch", "Dosen FISIP UI"."""
    n = len(text.split())
    # (A line ending in "?" or "!" is a headline that opens with a role word: "Anggota X Ditangkap?")
    return 2 <= n <= _MAX_ROLE_WORDS and not text.endswith((".", "?", "!")) and _words().role.match(text) is not None


def same_person(a: str, b: str) -> bool:
    """Two spellings of one name: "Endrapta Pramudhiaz" and "Endrapta Ibrahim Pramudhiaz"."""
    short, long = sorted((a.casefold().split(), b.casefold().split()), key=len)
    if len(short) < 2 or short[0] != long[0] or short[-1] != long[-1]:
        return short == long
    it = iter(long)
    return all(word in it for word in short)  # the shorter name's words in order inside the longer
