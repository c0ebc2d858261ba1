"""Step: the headline (HTML hint, h1, or the best headline-shaped header line) and the rubric above it."""

from __future__ import annotations

import re
from typing import Optional

from .. import sites
from ..dates import find_dates
from ..page import Line, Page
from ..text import same_text, words
from ._document_title import document_title_heads, without_site_suffix
from ._not_title import breadcrumb_section, not_a_title
from ._shapes import find_header_end, header_lines, is_credit, previous_printed
from ._slug import SLUG_MATCH, slug_coverage, slug_words

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
        chosen = _slug_headline(page, header)
    if chosen is None:
        chosen = _best_headline(page, header, end)
    if chosen is not None:
        chosen, page.title = without_site_suffix(page, chosen, end)
        page.title = _LEADING_DASH.sub("", page.title)
        page.title_index = chosen.index
        size = len(chosen.text)
        shortest, longest = 0.8 * size, 1.25 * size  # (a copy's length bounds, worked out once, not per line)
        for line in page.lines[:end]:
            if line is not chosen and (line.label is not None or not shortest <= len(line.text) <= longest):
                continue
            if line is chosen or line.key == chosen.key:
                line.mark("title", "title", "the headline" if line is chosen else "the headline, repeated")
        _glued_section(page, header, chosen)
    elif hint:
        page.title = _SUFFIX.sub("", hint) if len(hint) > 60 else hint
    _section_from_header(page, header)


# "- <headline>": a renderer's list dash left before a headline.
_LEADING_DASH = re.compile(r"^[-–—]\s+(?=\S)")
_MAX_TITLE_WORDS = 30
_MAX_BARE_TITLE_WORDS = 16


def _slug_headline(page: Page, header: list[Line]) -> Optional[Line]:
    """The header line the URL's slug was made from ("/kasus-ferienjob-jerman-..."), if one clearly is."""
    slug = slug_words(page.url or page.hints.url)
    if not slug:
        return None
    best: Optional[Line] = None
    best_cover = SLUG_MATCH
    for line in header:
        text = line.text
        if text.endswith("."):
            continue  # a lead paragraph repeats the headline's words, but in a long sentence
        # (Each word the line contains is in its text: too few there, too few words. Asked first, as
        # most lines hold few of the slug's words; the count runs in C.)
        if sum(map(text.casefold().__contains__, slug)) <= best_cover * len(slug):
            continue
        n = len(text.split())
        if n > _MAX_TITLE_WORDS or n > 3 * len(slug):
            continue  # (a lead, however unpunctuated)
        cover = slug_coverage(slug, text)
        if cover > best_cover:
            best, best_cover = line, cover
    return best


def _anchor_indexes(page: Page) -> list[int]:
    found = [i for i in [page.published_index] if i is not None]
    found += list(page.date_rest)
    return found


_WHOLE_PAGE_LINES = 40  # printed lines above the story's text: the dump holds the page's menus
_NEAR_STORY = 12  # header lines counted as near the story
_RECURRING_GAPS = 2  # copies of a line with paragraphs between them, twice: a recurring heading
_ALT_AND_CAPTION = 3  # printed lines between the copies of an image's alt text and caption, at most


def _near_story(header: list[Line]) -> dict[int, float]:
    """Bonus by line index for the header lines closest above the article's text: the nearest gets 2,
    the farthest counted about 1."""
    zone = header[-_NEAR_STORY:]
    return {ln.index: 1.0 + (k + 1) / len(zone) for k, ln in enumerate(zone)}


def _best_headline(page: Page, header: list[Line], end: int) -> Optional[Line]:
    anchors = _anchor_indexes(page)
    # Only a line of four words or more that closes with no full stop or ellipsis can be scored (the
    # tests below ask for the rest): most pages that get here have none, and skip the page-wide counts.
    n_words = {ln.index: n for ln in header if not ln.text.endswith((".", "…")) and (n := _word_count(ln.text)) >= 4}
    best = _scored_headline(page, header, end, anchors, n_words) if n_words else None
    if best is None and anchors:
        best = _sentence_case_headline(header, min(anchors))
    elif best is None and header and header[0] is _first_printed(page):
        # No timestamp or byline to anchor on: a short unpunctuated first line right above the story
        # is its sentence-case headline ("Enam emiten agendakan pembagian dividen").
        bare = _sentence_case_headline(header[-1:], find_header_end(page))
        agencies = sites.lexicon(page.profile).credit_agencies
        if bare is not None and len(bare.text.split()) <= _MAX_BARE_TITLE_WORDS and not not_a_title(bare.text, agencies):
            best = bare
    return best


def _word_count(text: str) -> int:
    """`len(words(text))`; a line of ASCII letters, digits and spaces alone (most headlines) is counted without the pattern."""
    return len(text.split()) if text.isascii() and text.replace(" ", "").isalnum() else len(words(text))


def _scored_headline(
    page: Page, header: list[Line], end: int, anchors: list[int], n_words: dict[int, int]
) -> Optional[Line]:
    """The header line scoring best as the headline; `n_words` holds the word counts of the lines that may be it."""
    header_end = find_header_end(page)
    # The printed lines down to 40 lines into the story, casefolded ("" for a line too long to repeat a
    # headline): a candidate's copies are counted there.
    copies = [t.casefold() if len(t) <= 250 else "" for t in [ln.text for ln in page.lines[: min(end, header_end + 40)]] if t]
    agencies = sites.lexicon(page.profile).credit_agencies
    titled: Optional[set[str]] = None  # (built for the first line scored: most pages score none)
    first_seen: Optional[Line] = None
    best: Optional[Line] = None
    best_score = 0.0
    positions = {ln.index: k for k, ln in enumerate(header)} if anchors else {}
    first_anchor = min(anchors) if anchors else None
    # A dump of the whole page prints the site's menus before the article: there the headline is the
    # one nearest the story, not the first of the page. (Fewer lines than that above the story: no need to count.)
    whole_page = header_end >= _WHOLE_PAGE_LINES and sum(1 for ln in page.lines[:header_end] if ln.text) >= _WHOLE_PAGE_LINES
    near = _near_story(header) if whole_page else {}
    # The line right above the timestamp or byline is the headline's place, whatever its case.
    above_anchor = {_previous_text_line(page, a) for a in anchors}
    # (The page-wide tests below are built when a candidate first needs them.)
    listed: Optional[set[int]] = None
    recurring: Optional[set[str]] = None
    for k, line in enumerate(header):
        text = line.text
        if line.index not in n_words:
            continue
        if line.bullet or _DASH_ITEM.match(text):
            listed = _dashed_list_items(header) if listed is None else listed
            if line.index in listed:
                continue  # an item of a list of other stories ("- Headline A", "- Headline B", ...)
        folded = text.casefold()
        if first_anchor is None or line.index >= first_anchor:
            # A heading printed again and again between paragraphs (an interview's question). A copy
            # above the timestamp is the headline itself, repeated as each gallery photo's alt text.
            # (Asked of the page's recurring headings directly: casefolding the page's whole text to count
            # each candidate in it first costs more than working them out, once per page.)
            recurring = _recurring_headings(page, end) if recurring is None else recurring
            if folded in recurring:
                continue
        repeated = copies.count(folded) >= 2
        if whole_page and repeated:
            # Copies a few lines apart are an image's alt text and its caption, not a headline shown twice.
            first, last = copies.index(folded), len(copies) - 1 - copies[::-1].index(folded)
            repeated = last - first > _ALT_AND_CAPTION
        shaped = line.is_headline or (line.index in above_anchor and _sentence_case_shape(text))
        if not shaped and (not repeated or text.endswith(".")):
            continue
        # (n_words holds no line ending in an ellipsis: a shortened copy, e.g. in a breadcrumb)
        if find_dates(text) or not_a_title(text, agencies):
            continue
        score = 1.0 + min(n_words[line.index], 14) / 14
        if first_seen is None:
            first_seen = line
            if not whole_page:
                score += 1.0  # the headline is normally the first headline-shaped line of the page
        score += near.get(line.index, 0.0)
        if first_anchor is not None and line.index < first_anchor:
            score += 1.0
        if repeated:
            # (on a whole page other stories' headlines repeat too, one widget after another)
            score += 1.0 if whole_page else 2.0
        if anchors:
            gap = min(abs(positions.get(a, k) - k) if a in positions else abs(a - line.index) for a in anchors)
            if gap <= 3:
                score += 2.0 - 0.3 * gap
        if titled is None:
            titled = document_title_heads(page)
        if titled and any(line.key == head or line.key.endswith(" " + head) for head in titled):
            # The page's document title is this line plus the site's name (the page may print a
            # label in front of it: "In Picture: <headline>").
            score += 3.0
        if score > best_score:
            best, best_score = line, score
    return best


_DASH_ITEM = re.compile(r"^[-–•]\s+\S")
_LIST_RUN = 3  # dashed lines in a row that make a list, not a headline with a renderer's dash


def _dashed_list_items(header: list[Line]) -> set[int]:
    """Indexes of the header lines in runs of three or more lines that each open with a list dash."""
    items: set[int] = set()
    run: list[int] = []
    for line in [*header, None]:
        if line is not None and (line.bullet or _DASH_ITEM.match(line.text)):
            run.append(line.index)
            continue
        if len(run) >= _LIST_RUN:
            items.update(run)
        run = []
    return items


def _recurring_headings(page: Page, end: int) -> set[str]:
    """Short lines printed three times or more with paragraphs between the copies: a recurring heading
    of the story (a question put to each interviewee), never its headline."""
    prose_gaps: dict[str, int] = {}
    last_seen: dict[str, int] = {}  # a short line's text -> the prose lines counted when it was last printed
    prose = 0
    for line in page.lines[:end]:
        if not line.text:
            continue
        if line.is_prose:
            prose += 1
        if len(line.text) > 250:
            continue
        key = line.text.casefold()
        if prose > last_seen.get(key, prose):  # a paragraph since its previous copy
            prose_gaps[key] = prose_gaps.get(key, 0) + 1
        last_seen[key] = prose
    return {key for key, gaps in prose_gaps.items() if gaps >= _RECURRING_GAPS}


def _previous_text_line(page: Page, index: int) -> int:
    j = index - 1
    while j >= 0 and (not page.lines[j].text or page.lines[j].label == "chrome"):
        j -= 1
    return j


def _sentence_case_shape(text: str) -> bool:
    n = len(text.split())
    return 4 <= n <= 25 and not text.endswith((".", ":", ",")) and not find_dates(text)


def _first_printed(page: Page) -> Optional[Line]:
    return next((ln for ln in page.lines if ln.text and ln.label != "chrome"), None)


def _sentence_case_headline(header: list[Line], anchor: int) -> Optional[Line]:
    # Some sites (antaranews) write headlines in sentence case: then the line right above the
    # timestamp or byline is the headline when it is short and has no closing full stop.
    above = [ln for ln in header if ln.index < anchor and ln.label is None]
    for line in reversed(above[-2:]):
        if _sentence_case_shape(line.text):
            return line
    return None


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


_PROMPT_WORDS = frozenset(
    "download unduh connect follow ikuti gabung subscribe langganan login masuk daftar install".split()
)


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
    above = previous_printed(page.lines, page.title_index)
    if above is not None and above.label is None:
        label = above.text
        crumb = breadcrumb_section(label)
        if crumb is not None:
            page.section = crumb
            above.mark("section", "title", "breadcrumb above the headline")
            return
        if is_credit(label, lex.credit_agencies):
            return
        if len(label) <= 30 and 1 <= len(label.split()) <= 4 and not any(c.isdigit() for c in label[:1]):
            # (not the site's clock, "Kamis, 28 November 2024", nor a prompt: "Download Apps X", "Connect With Us")
            prompt = label.split()[0].casefold() in _PROMPT_WORDS
            if lex.chrome.match(label) is None and not label.endswith((".", ":")) and not prompt and not find_dates(label):
                page.section = label
                above.mark("section", "title", "rubric label above the headline")


