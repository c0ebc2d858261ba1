"""Step: authors, editors and rubric from the byline forms (site patterns, then generic ones)."""

from __future__ import annotations

import re

from .. import sites
from ..dates import parse_date
from ..page import Line, Page
from ._shapes import (
    BYLINE_WITH_OUTLET,
    clean_names,
    find_header_end,
    header_lines,
    looks_like_name,
)

_LABELLED = re.compile(
    r"(?:Penulis|Reporter|Pewarta|Wartawan|Kontributor|Fotografer|Ditulis oleh|Oleh|By|Laporan\s+(?:wartawan|reporter|koresponden)"
    r"\s+[^,:]{2,60}?,)\s*:?\s*(?P<authors>[^|]+?)"
    r"(?:(?:\s*\|\s*|\s+)(?:Editor|Penyunting|Redaktur)\s*:?\s*(?P<editors>.+))?",
    re.I,
)
_BY_PREFIX = re.compile(r"(?:By|Oleh)\s+\S", re.I)
_EDITOR = re.compile(r"(?:Editor|Penyunting|Redaktur|Penyelaras)\s*:\s*(?P<editors>.+)", re.I)
_LABEL_ALONE = {
    "oleh": "authors", "oleh:": "authors", "penulis": "authors", "penulis:": "authors", "reporter": "authors",
    "reporter:": "authors", "pewarta": "authors", "pewarta:": "authors", "wartawan:": "authors",
    "kontributor:": "authors", "by": "authors",
    "editor": "editors", "editor:": "editors", "penyunting:": "editors", "redaktur:": "editors",
}
# kompas.com prints the names first and the role below them.
_LABEL_AFTER = {"penulis": "authors", "editor": "editors", "tim redaksi": "author_then_editors"}


def byline(page: Page) -> None:
    """Authors, editors and rubric from the header's byline forms (site patterns, then generic ones)."""
    lex = sites.lexicon(page.profile)
    header = header_lines(page)
    authors: list[str] = []
    editors: list[str] = []

    def take(names: list[str], into: list[str]) -> None:
        for name in names:
            if name not in authors and name not in editors:
                into.append(name)

    by_index = {ln.index: ln for ln in header}
    for k, line in enumerate(header):
        if line.label is not None:
            continue
        text = page.date_rest.get(line.index, line.text)
        matched = False
        for pattern in lex.byline_patterns:
            m = pattern.fullmatch(line.text) or pattern.fullmatch(text)
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
        if not matched:
            m = BYLINE_WITH_OUTLET.fullmatch(text)
            if m and clean_names(m.group("authors")):
                take(clean_names(m.group("authors")), authors)
                matched = True
        if not matched:
            m = _EDITOR.fullmatch(text)
            if m:
                take(clean_names(m.group("editors")), editors)
                matched = True
        if not matched:
            m = _LABELLED.fullmatch(text)
            if m and clean_names(m.group("authors")):
                take(clean_names(m.group("authors")), authors)
                if m.group("editors"):
                    take(clean_names(m.group("editors")), editors)
                matched = True
        if not matched:
            role = _LABEL_ALONE.get(text.casefold())
            if role and k + 1 < len(header) and _is_name_list(header[k + 1].text):
                take(clean_names(header[k + 1].text), authors if role == "authors" else editors)
                header[k + 1].mark("byline", "byline", f"name after the label {text!r}")
                matched = True
        if not matched:
            role = _LABEL_AFTER.get(text.casefold())
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
            names = clean_names(text)
            if names:
                take(names, authors)
            matched = True  # a date line's leftover is byline decoration either way
        if matched:
            line.mark("byline", "byline", "byline")
    if not authors:
        _name_beside_date(page, by_index, take, authors)
    _labels_after_story(page, take, authors, editors)
    page.authors = authors
    page.editors = editors
    if not page.authors and page.hints.authors:
        page.authors = [a for a in page.hints.authors if looks_like_name(a)] or list(page.hints.authors)


def _is_name_list(text: str) -> bool:
    """ "Damar Setyaningrum, Yohanes Padmo" or a single name; never a credit ("KOMPAS.com/X")."""
    if "/" in text:
        return False
    parts = [p.strip() for p in re.split(r",|\s+dan\s+", text.rstrip(",")) if p.strip()]
    return bool(parts) and all(looks_like_name(p) for p in parts)


def _labels_after_story(page: Page, take, authors: list[str], editors: list[str]) -> None:  # type: ignore[no-untyped-def]
    # kompas.id prints "Editor:" on its own line below the story, the name on the next line.
    end = page.tail_start if page.tail_start is not None else len(page.lines)
    lines = page.lines
    for i in range(find_header_end(page), end):
        line = lines[i]
        if line.label is not None or not line.text:
            continue
        if len(line.text) > 80:
            continue
        m = _EDITOR.fullmatch(line.text)
        if m and clean_names(m.group("editors")):
            take(clean_names(m.group("editors")), editors)
            line.mark("byline", "byline", "editor credit below the story")
            continue
        m = _LABELLED.fullmatch(line.text)
        if m and not authors and clean_names(m.group("authors")):
            take(clean_names(m.group("authors")), authors)
            line.mark("byline", "byline", "writer credit below the story")
            continue
        role = _LABEL_ALONE.get(line.text.casefold())
        if role is None:
            continue
        j = i + 1
        while j < end and not lines[j].text:
            j += 1
        if j < end and lines[j].label is None and looks_like_name(lines[j].text):
            take(clean_names(lines[j].text), authors if role == "authors" else editors)
            line.mark("byline", "byline", f"label {line.text!r} below the story")
            lines[j].mark("byline", "byline", f"name after the label {line.text!r}")


def _name_beside_date(page: Page, by_index: dict[int, Line], take, authors: list[str]) -> None:  # type: ignore[no-untyped-def]
    # "Arief Wibisono" on its own line right above the timestamp line. Below it, a bare name is more often
    # a topic tag (kapanlagi prints the star's name there): only "By X" / "Oleh X" counts.
    if page.published_index is None:
        return
    lines = page.lines
    for step in (-1, 1):
        j = page.published_index + step
        while 0 <= j < len(lines) and not lines[j].text:
            j += step
        if (
            0 <= j < len(lines)
            and j in by_index
            and lines[j].label is None
            and 2 <= len(lines[j].text.split()) <= 4  # a lone word is a rubric, a long line a headline
            and looks_like_name(lines[j].text)
            and (step < 0 or _BY_PREFIX.match(lines[j].text) is not None)
        ):
            take(clean_names(lines[j].text), authors)
            lines[j].mark("byline", "byline", "name beside the timestamp")
            return


