"""Steps 6-9: the article's header — publication time, title, byline and lead image.

All four look only at the header: the lines before the first run of prose (see `find_header_end`),
so dates, names and captions inside the story are never taken for the article's own.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from .. import sites
from ..dates import DateMatch, find_dates, parse_date
from ..page import Line, Page
from ..text import is_prose, looks_like_headline, same_text, words
from ._shapes import (
    BYLINE_WITH_OUTLET,
    clean_names,
    date_rest,
    find_header_end,
    is_credit,
    is_lead,
    looks_like_name,
    split_caption_credit,
    strip_foto_prefix,
)

_DECORATION = re.compile(r"^[\W_]*$")
_HEADER_LINE_MAX = 200


def _header_lines(page: Page, *, extra: int = 0) -> list[Line]:
    end = min(find_header_end(page) + extra, len(page.lines))
    return [ln for ln in page.lines[:end] if ln.label is None and ln.text]


# ---------------------------------------------------------------------------------------------------
# published / updated


def published(page: Page) -> None:
    """The header's timestamp(s): `published` (and `updated` for "diperbarui ..."), zones kept."""
    found: list[tuple[Line, list[DateMatch]]] = []
    for line in _header_lines(page):
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


# ---------------------------------------------------------------------------------------------------
# title

_SUFFIX = re.compile(r"\s+[|\-–—:]\s+[^|\-–—:]{2,40}$")


def _clean_hint_title(title: str, suffixes: tuple[str, ...]) -> str:
    title = " ".join(title.split())
    for suffix in suffixes:
        if title.endswith(suffix):
            title = title[: -len(suffix)].rstrip(" |-–—:")
    return title


def title(page: Page) -> None:
    """The headline: the HTML hint when a line shows it, else the best headline-shaped header line."""
    lex = sites.lexicon(page.profile)
    header = _header_lines(page)
    end = page.tail_start if page.tail_start is not None else len(page.lines)
    chosen: Optional[Line] = None
    hint = _clean_hint_title(page.hints.title, lex.title_suffixes) if page.hints.title else None
    if hint:
        for line in header:
            if same_text(line.text, hint) or (
                len(line.text) >= 15 and same_text(_SUFFIX.sub("", hint), line.text)
            ):
                chosen = line
                break
    if chosen is None:
        h1 = [ln for ln in header if ln.tag == "h1" and len(ln.text.split()) >= 3]  # not a rubric like "Bola"
        if h1:
            chosen = h1[0]
    if chosen is None:
        chosen = _best_headline(page, header, end)
    if chosen is not None:
        page.title = chosen.text
        page.title_index = chosen.index
        size = len(chosen.text)
        for line in page.lines[:end]:
            if line is not chosen and (line.label is not None or not 0.8 * size <= len(line.text) <= 1.25 * size):
                continue
            if line is chosen or line.key == chosen.key:
                line.mark("title", "title", "the headline" if line is chosen else "the headline, repeated")
        _glued_section(page, header, chosen)
    elif hint:
        page.title = _SUFFIX.sub("", hint) if len(hint) > 60 else hint
    _section_from_header(page, header)


def _anchor_indexes(page: Page) -> list[int]:
    found = [i for i in [page.published_index] if i is not None]
    found += list(page.date_rest)
    return found


def _best_headline(page: Page, header: list[Line], end: int) -> Optional[Line]:
    anchors = _anchor_indexes(page)
    counts: dict[str, int] = {}
    for line in page.lines[: min(end, (find_header_end(page) + 40))]:
        if line.text and len(line.text) <= 250:  # only short lines can repeat a headline
            counts[line.key] = counts.get(line.key, 0) + 1
    agencies = sites.lexicon(page.profile).credit_agencies
    first_seen: Optional[Line] = None
    best: Optional[Line] = None
    best_score = 0.0
    positions = {ln.index: k for k, ln in enumerate(header)}
    for k, line in enumerate(header):
        text = line.text
        repeated = counts.get(line.key, 0) >= 2
        shaped = line.is_headline
        if not shaped and not (repeated and not text.endswith(".") and len(words(text)) >= 4):
            continue
        if len(words(text)) < 4 or text.endswith(("...", "…")) or find_dates(text) or _not_a_title(text, agencies):
            continue  # (a line ending in an ellipsis is a shortened copy, e.g. in a breadcrumb)
        score = 1.0 + min(len(words(text)), 14) / 14
        if first_seen is None:
            first_seen = line
            score += 1.0  # the headline is normally the first headline-shaped line of the page
        if anchors and line.index < min(anchors):
            score += 1.0
        if repeated:
            score += 2.0
        if anchors:
            gap = min(abs(positions.get(a, k) - k) if a in positions else abs(a - line.index) for a in anchors)
            if gap <= 3:
                score += 2.0 - 0.3 * gap
        if score > best_score:
            best, best_score = line, score
    if best is None and anchors:
        best = _sentence_case_headline(header, min(anchors))
    return best


def _sentence_case_headline(header: list[Line], anchor: int) -> Optional[Line]:
    # Some sites (antaranews) write headlines in sentence case: then the line right above the
    # timestamp or byline is the headline when it is short and has no closing full stop.
    above = [ln for ln in header if ln.index < anchor and ln.label is None]
    for line in reversed(above[-2:]):
        n = len(line.text.split())
        if 4 <= n <= 25 and not line.text.endswith((".", ":", ",")) and not find_dates(line.text):
            return line
    return None


_TITLE_NOISE = re.compile(r"^(?:Foto|Sumber|Photo|Video|Baca|Lihat)\s*:|https?://|^/|%[0-9A-F]{2}|\((?:Sumber|Foto)\s*:")


def _not_a_title(text: str, agencies: frozenset[str]) -> bool:
    """Credits, captions with their credit, bylines with an outlet and URL fragments are not headlines."""
    return bool(
        _TITLE_NOISE.search(text)
        or is_credit(text, agencies)
        or split_caption_credit(text, agencies)
        or BYLINE_WITH_OUTLET.fullmatch(text)
    )


def _glued_section(page: Page, header: list[Line], chosen: Line) -> None:
    # kompas.id shows "NusantaraLumbung Pangan Desa di..." - the rubric glued to a shortened title.
    head = chosen.text[:16]
    for line in header:
        if line.index >= chosen.index:
            break
        if line.label is None and line.text.endswith(("...", "…")):
            pos = line.text.find(head)
            if 2 <= pos <= 30:
                page.section = page.section or line.text[:pos].strip()
                line.mark("section", "title", "rubric glued to a shortened copy of the headline")


def _section_from_header(page: Page, header: list[Line]) -> None:
    lex = sites.lexicon(page.profile)
    profile = page.profile
    for line in header:
        if line.label is not None:
            continue
        for pattern in profile.section_patterns if profile else ():
            m = pattern.fullmatch(line.text)
            if m:
                page.section = page.section or m.group("section").strip()
                line.mark("section", "title", "breadcrumb naming the rubric")
                break
    if page.section is not None or page.title_index is None:
        return
    # A short label right above the headline is its rubric ("Berita Jayapura", "News").
    above = [ln for ln in page.lines[: page.title_index] if ln.text]
    if above and above[-1].label is None:
        label = above[-1].text
        if is_credit(label, lex.credit_agencies):
            return
        if len(label) <= 30 and 1 <= len(label.split()) <= 4 and not any(c.isdigit() for c in label[:1]):
            if lex.chrome.match(label) is None and not label.endswith((".", ":")):
                page.section = label
                above[-1].mark("section", "title", "rubric label above the headline")


# ---------------------------------------------------------------------------------------------------
# byline

_LABELLED = re.compile(
    r"(?:Penulis|Reporter|Pewarta|Wartawan|Kontributor|Ditulis oleh|Oleh|Laporan\s+(?:wartawan|reporter|koresponden)"
    r"\s+[^,:]{2,60}?,)\s*:?\s*(?P<authors>[^|]+?)"
    r"(?:\s*\|\s*(?:Editor|Penyunting|Redaktur)\s*:?\s*(?P<editors>.+))?",
    re.I,
)
_EDITOR = re.compile(r"(?:Editor|Penyunting|Redaktur|Penyelaras)\s*:\s*(?P<editors>.+)", re.I)
_LABEL_ALONE = {
    "oleh": "authors", "penulis": "authors", "penulis:": "authors", "reporter": "authors", "reporter:": "authors",
    "editor": "editors", "editor:": "editors", "penyunting:": "editors",
}
# kompas.com prints the names first and the role below them.
_LABEL_AFTER = {"penulis": "authors", "editor": "editors", "tim redaksi": "author_then_editors"}


def byline(page: Page) -> None:
    """Authors, editors and rubric from the header's byline forms (site patterns, then generic ones)."""
    lex = sites.lexicon(page.profile)
    header = _header_lines(page)
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
                names = clean_names(groups["authors"])
                if not names:
                    continue
                take(names, authors)
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
    # "Arief Wibisono" on its own line right above or below the timestamp line.
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
        ):
            take(clean_names(lines[j].text), authors)
            lines[j].mark("byline", "byline", "name beside the timestamp")
            return


# ---------------------------------------------------------------------------------------------------
# lead image


def _caption_like(text: str) -> bool:
    n = len(words(text))
    return 3 <= n <= 70 and not is_lead(text) and len(text) <= 400


def lead_image(page: Page) -> None:
    """Credit and caption of the lead photo, found next to the header and before the story."""
    agencies = sites.lexicon(page.profile).credit_agencies
    anchors = [i for i in (page.title_index, page.published_index) if i is not None]
    anchors += [ln.index for ln in page.lines[: find_header_end(page)] if ln.label == "byline"]
    start = max(anchors) + 1 if anchors else 0
    window = [ln for ln in page.lines[start:] if ln.label is None and ln.text][:6]
    if not _scan_for_image(page, window, agencies):
        # Some sites put the photo above the headline (metrotvnews, medcom).
        top = [ln for ln in page.lines[: find_header_end(page)] if ln.label is None and ln.text][:8]
        _scan_for_image(page, top, agencies)
    if page.image_caption is None and page.image_credit is None:
        # HTML pages hand figure captions over as metadata rather than lines.
        page.image_caption = page.hints.image_caption or None
        page.image_credit = page.hints.image_credit or None
    # Photo captions inside the story carry their credit in parentheses: they are not body text.
    end = page.tail_start if page.tail_start is not None else len(page.lines)
    for line in page.lines[:end]:
        text = line.text
        if line.label is None and text and len(text) <= 300 and (")" in text or ":" in text or len(text) <= 60):
            if is_lead(text):
                continue
            if split_caption_credit(line.text, agencies) or is_credit(line.text, agencies):
                line.mark("inline_caption", "lead_image", "photo caption or credit inside the story")


def _scan_for_image(page: Page, window: list[Line], agencies: frozenset[str]) -> bool:
    for k, line in enumerate(window):
        if is_lead(line.text) and k > 0:
            break
        credit = is_credit(line.text, agencies)
        if credit is not None:
            page.image_credit = credit.strip("()")
            line.mark("credit", "lead_image", "credit of the lead photo")
            nxt = window[k + 1] if k + 1 < len(window) else None
            prev = window[k - 1] if k > 0 else None
            if nxt is not None and _caption_like(nxt.text) and not is_credit(nxt.text, agencies):
                _set_caption(page, nxt, nxt.text)
            elif prev is not None and prev.label is None and _caption_like(prev.text):
                _set_caption(page, prev, prev.text)
            return True
        pair = split_caption_credit(line.text, agencies)
        if pair is not None:
            caption, credit = pair
            page.image_credit = credit
            _set_caption(page, line, caption, credit_inside=True)
            for other in window:
                if other is not line and other.label is None and same_text(strip_foto_prefix(other.text), caption):
                    other.mark("caption", "lead_image", "lead photo caption, repeated")
            return True
    return False


def _set_caption(page: Page, line: Line, caption: str, *, credit_inside: bool = False) -> None:
    page.image_caption = strip_foto_prefix(caption) or None
    line.mark("caption", "lead_image", "lead photo caption" + (" with its credit" if credit_inside else ""))
