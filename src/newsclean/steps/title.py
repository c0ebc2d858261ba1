"""Step: the headline (HTML hint, h1, or the best headline-shaped header line) and the rubric above it."""

from __future__ import annotations

import re
from typing import Optional

from .. import sites
from ..dates import find_dates
from ..page import Line, Page
from ..text import fold, same_text, words
from ._shapes import (
    BYLINE_WITH_OUTLET,
    find_header_end,
    header_lines,
    is_credit,
    split_caption_credit,
)

# Any " - Something" ending of an HTML title hint (the hint is only compared, or used when no line shows it).
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
    header = header_lines(page)
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
        chosen, page.title = _without_site_suffix(page, chosen, end)
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


# "<headline> - ANTARA News", "<headline> : Okezone Celebrity", "<headline> | Republika Online": the
# document title a full-page text dump starts with.
_SITE_SUFFIX = re.compile(r"\s+(?:[-|–—:»]|::)\s+(?P<site>[^|–—:»]{2,60})$")
_BRAND = re.compile(
    r"\b(?:news|online|berita|portal|media|tv|com|co\.id|id|okezone|kompas|detik\w*|tempo|republika|antara|"
    r"liputan6|kapanlagi|viva|tribun\w*|suara|sindonews|merdeka|jpnn|kumparan|tirto|cnn|cnbc|metrotv\w*|medcom)\b",
    re.I,
)


def _document_title_heads(page: Page) -> set[str]:
    """Keys of '<headline>' for the '<headline> - <Site>' lines near the top of the page."""
    heads = set()
    for line in [ln for ln in page.lines if ln.text][:80]:
        m = _SITE_SUFFIX.search(line.text) if len(line.text) <= 250 else None
        if m is not None and _BRAND.search(m.group("site")):
            heads.add(fold(line.text[: m.start()]))
    return heads


def _without_site_suffix(page: Page, chosen: Line, end: int) -> tuple[Line, str]:
    """The headline without a site-name suffix: its plain copy on the page, or the text cut before it.

    "<headline> - Health :: Okezone Lifestyle" loses both the site and the rubric before it.
    """
    names = page.profile.domains if page.profile is not None else ()
    text = chosen.text
    for cut in range(2):
        m = _SITE_SUFFIX.search(text)
        if m is None:
            break
        site = m.group("site")
        is_site = _BRAND.search(site) is not None or any(d.split(".")[0] in site.casefold() for d in names)
        # A second, short suffix left after the site's name is the rubric ("- Health").
        if not is_site and not (cut > 0 and len(site.split()) <= 3):
            break
        text = text[: m.start()].strip()
    if text == chosen.text:
        return chosen, text
    key = fold(text)
    for line in page.lines[chosen.index + 1 : end]:
        if line.label is None and line.text and len(line.text) == len(text) and line.key == key:
            chosen.mark("chrome", "title", "the document title: headline plus site name")
            return line, line.text
    return chosen, text


def _anchor_indexes(page: Page) -> list[int]:
    found = [i for i in [page.published_index] if i is not None]
    found += list(page.date_rest)
    return found


def _best_headline(page: Page, header: list[Line], end: int) -> Optional[Line]:
    anchors = _anchor_indexes(page)
    counts: dict[str, int] = {}
    for line in page.lines[: min(end, (find_header_end(page) + 40))]:
        if line.text and len(line.text) <= 250:  # only short lines can repeat a headline
            key = line.text.casefold()
            counts[key] = counts.get(key, 0) + 1
    agencies = sites.lexicon(page.profile).credit_agencies
    titled = _document_title_heads(page)
    first_seen: Optional[Line] = None
    best: Optional[Line] = None
    best_score = 0.0
    positions = {ln.index: k for k, ln in enumerate(header)}
    for k, line in enumerate(header):
        text = line.text
        repeated = counts.get(text.casefold(), 0) >= 2
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
        if any(line.key == head or line.key.endswith(" " + head) for head in titled):
            # The page's document title is this line plus the site's name (the page may print a
            # label in front of it: "In Picture: <headline>").
            score += 3.0
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
    """Credits, captions with their credit, bylines with an outlet, hashtags and URL fragments are not headlines."""
    return bool(
        text.startswith(("#", "@"))
        or _TITLE_NOISE.search(text)
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
            if m:  # (the group may sit in an optional part of a user's pattern and match nothing)
                page.section = page.section or (m.group("section") or "").strip() or None
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


