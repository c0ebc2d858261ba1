"""Step: authors, editors and rubric from the byline forms (site patterns, then generic ones)."""

from __future__ import annotations

import re
from typing import Optional

from .. import sites
from ..dates import find_dates, parse_date
from ..page import Line, Page
from ._names import (
    NAME_CHARS, clean_names, is_role_line, is_tagline_word, looks_like_name, names_by_office, outlet_byline,
    same_person, split_names,
)
from ._shapes import find_header_end, header_lines, is_credit, previous_printed

_AUTHOR_LABEL = (
    # ("Kontributor Bola, X" / "Koresponden Lhokseumawe, X": the desk or the place is no name.)
    r"(?:(?:Kontributor|Koresponden)\s+[A-Z][\w.\-]*\s*,|Penulis|Reporter|Pewarta|Wartawan|Kontributor|Fotografer|Ditulis oleh|Oleh|By|Rep(?=\s*:)"
    r"|Laporan\s+(?:wartawan|reporter|koresponden)\s+[^,:]{2,60}?,)"
)
_EDITOR_LABEL = r"(?:Editor|Penyunting|Redaktur|Penyelaras|Red(?=\s*:))"
# "Penulis: X | Editor: Y", "Rep: X/ Red: Y", "Reporter Magang: X" (a qualifier before the colon), "Oleh X".
_LABELLED = re.compile(
    rf"{_AUTHOR_LABEL}(?:(?:\s+[^\W\d_]+){{1,2}}\s*:|\s*:?)\s*(?P<authors>[^|/]+?)"
    rf"(?:(?:\s*[|/]\s*|\s+){_EDITOR_LABEL}\s*:?\s*(?P<editors>.+))?",
    re.I,
)
# "Redaktur & Reporter : Tim Redaksi": one credit for both jobs.
_BOTH_LABELS = re.compile(
    rf"(?:{_EDITOR_LABEL}\s*(?:&|dan|/)\s*{_AUTHOR_LABEL}|{_AUTHOR_LABEL}\s*(?:&|dan|/)\s*{_EDITOR_LABEL})"
    r"\s*:\s*(?P<names>.+)",
    re.I,
)
_BY_PREFIX = re.compile(r"(?:By|Oleh)\s+\S", re.I)
# The first word of every label above and of the labels printed alone (`_LABEL_ALONE`, `_LABEL_AFTER`),
# casefolded: a line that opens with none of them (after a flattened table's bars) fails every label test.
_LABEL_WORDS = (
    "kontributor", "koresponden", "penulis", "rep", "pewarta", "wartawan", "fotografer", "ditulis", "oleh", "by",
    "laporan", "editor", "penyunting", "red", "penyelaras", "tim",
)
_LABEL_WORD_CHARS = max(map(len, _LABEL_WORDS))
# What every labelled credit starts with: one match spares the three full patterns on other lines.
_LABEL_START = re.compile(rf"{_AUTHOR_LABEL}|{_EDITOR_LABEL}", re.I)
_EDITOR = re.compile(rf"{_EDITOR_LABEL}\s*:\s*(?P<editors>.+)", re.I)
# Renderings that lose the space or the table around a label: "EditorDwifantya Aquina" (label glued to
# the name), "Penulis | : | Rina Lestari |" (a credit table flattened into cells).
_GLUED_LABEL = re.compile(r"^(Penulis|Reporter|Pewarta|Editor|Penyunting|Redaktur)(?=[A-Z][a-z])")
_TABLE_COLON = re.compile(r"\s*\|\s*:\s*\|?\s*")
_LABEL_ALONE = {
    "oleh": "authors", "oleh:": "authors", "penulis": "authors", "penulis:": "authors", "reporter": "authors",
    "reporter:": "authors", "pewarta": "authors", "pewarta:": "authors", "wartawan:": "authors",
    "kontributor:": "authors", "by": "authors",
    "editor": "editors", "editor:": "editors", "penyunting:": "editors", "redaktur:": "editors",
}
# kompas.com prints the names first and the role below them.
_LABEL_AFTER = {"penulis": "authors", "editor": "editors", "tim redaksi": "author_then_editors"}
# A longer line is no label alone (casefolding never shortens a text): spares casefolding every line.
_LABEL_CHARS = max(map(len, [*_LABEL_ALONE, *_LABEL_AFTER]))
_MIN_HEADLINE_WORDS = 4
_MAX_DATE_REST = 80  # characters: a date line's leftover longer than this is a sentence, not a byline
# "Cikarang, 13 Januari 2025": a lone word before the date and a comma is the place the story was filed in.
_PLACE_BEFORE_DATE = re.compile(r"\s*[A-Z][\w.\-]*\s*,\s*\S")
_OUTLET_AFTER_NAME = re.compile(r"\s+[-–—|]\s+")


class Credits:
    """Authors and editors as they are found: each person once, under the first job they are given."""

    def __init__(self) -> None:
        self.authors: list[str] = []
        self.editors: list[str] = []

    def take(self, names: list[str], into: list[str]) -> None:
        for name in names:
            known = self.authors + self.editors
            if name in known:
                continue
            twin = next((k for k, other in enumerate(into) if same_person(name, other)), None)
            if twin is not None:
                # "Endrapta Pramudhiaz" in one line and "Endrapta Ibrahim Pramudhiaz" in another: one
                # person; the fuller spelling stays.
                if len(name) > len(into[twin]):
                    into[twin] = name
                continue
            if any(same_person(name, other) for other in known):
                continue
            into.append(name)


def unglue(text: str) -> str:
    """A byline line with its label and name pulled apart: "EditorX Y" -> "Editor: X Y"; table cells undone."""
    if "|" in text and _TABLE_COLON.search(text):
        text = _TABLE_COLON.sub(": ", text).strip(" |")
    glued = _GLUED_LABEL.match(text)  # (not .sub: it would try the anchored pattern at every position)
    return text if glued is None else f"{glued.group(1)}: {text[glued.end():]}"


def _may_open_with_label(text: str) -> bool:
    """Whether the line may open with a label: the label tests are asked of those lines alone."""
    head = text.lstrip(" |")[:_LABEL_WORD_CHARS]
    # (The label patterns ignore case, which casefolding matches on ASCII; any other head is tried in full.)
    return not head.isascii() or head.casefold().startswith(_LABEL_WORDS)


def byline(page: Page) -> None:
    """Authors, editors and rubric from the header's byline forms (site patterns, then generic ones)."""
    lex = sites.lexicon(page.profile)
    header = header_lines(page)
    credits = Credits()
    authors, editors = credits.authors, credits.editors
    take = credits.take
    for k, line in enumerate(header):
        if line.label is not None:
            continue
        text = unglue(page.date_rest.get(line.index, line.text))
        # (A date line's leftover was not searched for a label: it is tried as it is.)
        may_be_labelled = line.index in page.date_rest or _may_open_with_label(line.text)
        matched = False
        for pattern in lex.byline_patterns:
            m = pattern.fullmatch(line.text) or (pattern.fullmatch(text) if text != line.text else None)
            if m is None:
                continue
            groups = m.groupdict()
            if groups.get("authors"):
                found = clean_names(groups["authors"])
                if not found:
                    continue
                take(found, authors)
            if groups.get("editors"):
                take(clean_names(groups["editors"]), editors)
            if groups.get("section") and groups["section"].strip() and page.section is None:
                page.section = groups["section"].strip()
            if groups.get("date") and page.published is None:
                page.published = parse_date(groups["date"], reference=page.fetched_at)
            matched = True
            break
        if not matched and line.index in page.date_rest:
            # "Penulis: X Pada: <date> Nusantara": the credit is what stands before the date.
            head = unglue(_before_date(line.text))
            matched = bool(head) and head != text and _labelled_credit(head, credits)
        if not matched and may_be_labelled:
            matched = _labelled_credit(text, credits)
        if not matched:
            m = outlet_byline(text)
            found = clean_names(m.group("authors")) if m else []
            if found:
                take(found, authors)
                matched = True
        folded = text.casefold() if may_be_labelled and len(text) <= _LABEL_CHARS else ""  # (no label is longer)
        if not matched:
            role = _LABEL_ALONE.get(folded)
            if role and k + 1 < len(header) and _is_name_list(header[k + 1].text):
                take(clean_names(header[k + 1].text, labelled=True), authors if role == "authors" else editors)
                header[k + 1].mark("byline", "byline", f"name after the label {text!r}")
                matched = True
        if not matched:
            role = _LABEL_AFTER.get(folded)
            if role and k > 0:
                names: list[str] = []
                j = k - 1
                while j >= 0 and header[j].label is None and looks_like_name(header[j].text.rstrip(",")):
                    names[:0] = clean_names(header[j].text)
                    header[j].mark("byline", "byline", f"name above the label {text!r}")
                    j -= 1
                if names:
                    if role == "author_then_editors":
                        take(names[:1], authors)
                        take(names[1:], editors)
                    else:
                        take(names, authors if role == "authors" else editors)
                    matched = True
        if not matched and line.index in page.date_rest:
            if len(text) > _MAX_DATE_REST:
                continue  # a sentence that ends in a date ("... ditahan Kejari.Rabu (10/9/2025"): the lead
            if not _names_nobody(text, line.text):
                take(clean_names(text, labelled=_BY_PREFIX.match(text) is not None), authors)
            matched = True  # a date line's leftover is byline decoration either way
        if matched:
            line.mark("byline", "byline", "byline")
    if not authors:
        # (Both the writer's box and the name under the headline start from a short name alone on its line:
        # the header is searched for those once.)
        named = [k for k, ln in enumerate(header) if ln.label is None and _is_short_name(ln.text)]
        _author_box(header, named, credits)
        if not authors:
            _name_beside_date(page, header, credits)
        if not authors:
            _name_under_headline(page, [header[k] for k in named], credits)
    _labels_after_story(page, credits)
    page.authors = authors
    page.editors = editors
    if not page.authors:
        page.authors = _metadata_authors(page.hints.authors, editors)


def _names_nobody(rest: str, line: str) -> bool:
    """A date line's leftover that is the site's tagline ("Kabarkota - Berita Hari Ini, Terbaru dan Viral")
    or the place the story was filed in ("Cikarang, 13 Januari 2025"), not its writers."""
    if len(rest.split()) == 1 and _PLACE_BEFORE_DATE.match(line):
        return True
    return any(is_tagline_word(part) for part in split_names(rest))


def _metadata_authors(names: list[str], editors: list[str]) -> list[str]:
    """The page's metadata authors, when the text credits none: people first, never a credited editor."""
    names = [n for n in names if any(map(str.isalpha, n)) and not any(same_person(n, e) for e in editors)]
    return [n for n in names if looks_like_name(n)] or names


def _labelled_credit(text: str, credits: Credits, *, need_authors: bool = True) -> bool:
    """ "Penulis: X | Editor: Y", "Editor: Y", "Redaktur & Reporter : X": take the names; say whether it was one."""
    if _LABEL_START.match(text) is None:
        return False
    m = _BOTH_LABELS.fullmatch(text)
    if m:
        names = clean_names(m.group("names"), labelled=True)
        if names:
            credits.take(names, credits.authors)
            credits.editors.extend(n for n in names if n not in credits.editors)  # the same people, both jobs
            return True
    m = _EDITOR.fullmatch(text)
    names = clean_names(m.group("editors"), labelled=True) if m else []
    if names:
        credits.take(names, credits.editors)
        return True
    m = _LABELLED.fullmatch(text)
    names = clean_names(m.group("authors"), labelled=True) if m and need_authors else []
    if m and names:
        credits.take(names, credits.authors)
        if m.group("editors"):
            credits.take(clean_names(m.group("editors"), labelled=True), credits.editors)
        return True
    return False


_TRAILING_CONNECTOR = re.compile(r"\s*\b(?:pada|on|tanggal|tgl)\s*:?\s*$", re.I)


def _before_date(text: str) -> str:
    matches = find_dates(text)
    return _TRAILING_CONNECTOR.sub("", text[: matches[0].start]).strip() if matches else ""


def _is_name_list(text: str) -> bool:
    """ "Damar Setyaningrum, Yohanes Padmo" or a single name; never a credit ("KOMPAS.com/X")."""
    if "/" in text:
        return False
    parts = [p.strip() for p in re.split(r",|\s+dan\s+", text.rstrip(",")) if p.strip()]
    return bool(parts) and all(looks_like_name(p) for p in parts)


def _labels_after_story(page: Page, credits: Credits) -> None:
    # kompas.id prints "Editor:" on its own line below the story, the name on the next line; many
    # sites print "Penulis: X" / "Editor: Y" lines there.
    end = page.tail_start if page.tail_start is not None else len(page.lines)
    lines = page.lines
    for i in range(find_header_end(page), end):
        line = lines[i]
        if line.label is not None or not line.text:
            continue
        if len(line.text) > 80 or not _may_open_with_label(line.text):
            continue
        text = unglue(line.text)
        if _labelled_credit(text, credits, need_authors=not credits.authors):
            line.mark("byline", "byline", "credit below the story")
            continue
        role = _LABEL_ALONE.get(text.casefold()) if len(text) <= _LABEL_CHARS else None
        if role is None:
            continue
        j = i + 1
        while j < end and not lines[j].text:
            j += 1
        if j < end and lines[j].label is None and looks_like_name(lines[j].text):
            credits.take(clean_names(lines[j].text), credits.authors if role == "authors" else credits.editors)
            line.mark("byline", "byline", f"label {line.text!r} below the story")
            lines[j].mark("byline", "byline", f"name after the label {line.text!r}")


def _author_box(header: list[Line], named: list[int], credits: Credits) -> None:
    # An opinion column opens with its writer's box: the name, then the role ("Direktur Eksekutif
    # Migrant Watch"), which some pages print twice. (`named`: the header's short names, by position.)
    for k in named:
        if k + 1 >= len(header):
            break
        name, role = header[k], header[k + 1]
        if name.label is None and role.label is None and is_role_line(role.text):
            credits.take(clean_names(name.text), credits.authors)
            name.mark("byline", "byline", "writer's name above their role")
            for line in header[k + 1 :]:
                if line.label is None and line.text == role.text:
                    line.mark("byline", "byline", "the writer's role")
            return


def _name_under_headline(page: Page, named: list[Line], credits: Credits) -> None:
    # "Raka Dwi Novianto" alone on the line right under the headline, before the photo and the story.
    # (`named`: the header lines holding a short name, most header lines being none.)
    agencies = sites.lexicon(page.profile).credit_agencies
    lines = page.lines
    for line in named:
        if line.label is not None:
            continue
        above = previous_printed(lines, line.index)
        if (
            above is not None
            and above.label is None
            and above.is_headline
            and len(above.text.split()) >= _MIN_HEADLINE_WORDS
            and not is_credit(line.text, agencies)
            and not _printed_in(line.text, above.text)  # a kicker repeating the headline's topic
        ):
            credits.take(clean_names(line.text), credits.authors)
            line.mark("byline", "byline", "name under the headline")
            return


def _printed_in(phrase: str, text: str) -> bool:
    """`phrase` inside `text` as whole words, ignoring case."""
    # (str.find, not a pattern built from the phrase: compiling one per page costs more than the search.)
    phrase, text = phrase.casefold(), text.casefold()
    at = text.find(phrase)
    while at >= 0:
        end = at + len(phrase)
        if not (at > 0 and _is_word_char(text[at - 1])) and not (end < len(text) and _is_word_char(text[end])):
            return True
        at = text.find(phrase, at + 1)
    return False


def _is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"  # (what `\w` matches)


def _is_short_name(text: str) -> bool:
    # A lone word is a rubric; a long line a headline; "Presiden Joko Widodo" a caption.
    # (A text too long for a name is not split into words at all.)
    if len(text) > NAME_CHARS or not 2 <= len(text.split()) <= 4:
        return False
    return looks_like_name(text) and not names_by_office(text)


def _name_beside_date(page: Page, header: list[Line], credits: Credits) -> None:
    # "Arief Wibisono" on its own line right above the timestamp line. Below it, a bare name is more often
    # a topic tag (kapanlagi prints the star's name there): only "By X" / "Oleh X" counts.
    if page.published_index is None:
        return
    lines = page.lines
    by_index = {ln.index: ln for ln in header}
    for step in (-1, 1):
        j = page.published_index + step
        while 0 <= j < len(lines) and not lines[j].text:
            j += step
        found: Optional[Line] = lines[j] if 0 <= j < len(lines) and j in by_index else None
        if found is None or found.label is not None:
            continue
        # "Arief Wibisono" or "Arief Wibisono - Kabar Kota" (the name, then the outlet or desk).
        name = _OUTLET_AFTER_NAME.split(found.text, maxsplit=1)[0]
        if _is_short_name(name) and (step < 0 or _BY_PREFIX.match(name) is not None):
            credits.take(clean_names(name), credits.authors)
            found.mark("byline", "byline", "name beside the timestamp")
            return
