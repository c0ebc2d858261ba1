"""Step: credit and caption of the lead photo; photo captions inside the story are set aside."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple, Optional

from .. import sites
from ..page import Line, Page
from ..sites.literals import might_contain, required_literals
from ..text import looks_like_headline, same_text, words
from ._shapes import (
    find_header_end,
    is_credit,
    is_lead,
    search_last_bracket,
    split_caption_credit,
    strip_foto_prefix,
)

if TYPE_CHECKING:
    from ..sites.patterns import ProfilePattern


class _PhotoShapes:
    """Credit and lead shapes for one page: the shared ones plus the site profile's own forms."""

    def __init__(self, lex: sites.Lexicon) -> None:
        self.agencies = lex.credit_agencies
        self.credit_patterns = _credit_patterns(lex.credit_patterns)
        self.dateline_patterns = lex.dateline_patterns
        # The scans ask the same lines the same questions (a line of the window is looked at again by
        # the caption search below the header): each answer is worked out once per page.
        self._leads: dict[str, bool] = {}
        self._pairs: dict[str, tuple[str, str] | None] = {}
        self._credits: dict[str, Optional[str]] = {}

    def lead(self, text: str) -> bool:
        """The story's first paragraph (its dateline, generic or the site's own)."""
        found = self._leads.get(text)
        if found is None:
            found = is_lead(text)
            for pattern in self.dateline_patterns if not found else ():
                if pattern.match(text, 0, 80):
                    found = True
                    break
            self._leads[text] = found
        return found

    def credit(self, text: str) -> Optional[str]:
        """The line's text as a bare photo credit (see `is_credit`), or None."""
        if text not in self._credits:
            self._credits[text] = is_credit(text, self.agencies)
        return self._credits[text]

    def caption_like(self, text: str) -> bool:
        n = len(words(text))
        return 3 <= n <= 70 and not self.lead(text) and len(text) <= 400

    def caption_credit(self, text: str) -> tuple[str, str] | None:
        """(caption, credit) of a caption line carrying its credit: generic forms, then the site's."""
        if text not in self._pairs:
            self._pairs[text] = self._caption_credit(text)
        return self._pairs[text]

    def _caption_credit(self, text: str) -> tuple[str, str] | None:
        pair = split_caption_credit(text, self.agencies)
        if pair is not None or len(text) > 400:
            return pair
        lowered = text.lower() if self.credit_patterns else text
        for pattern, needed, opens_with_any in self.credit_patterns:
            if needed is not None and not might_contain(text, lowered, needed):
                continue
            m = pattern.match(text) if opens_with_any and "\n" not in text else pattern.search(text)
            if m is None:
                continue
            if "credit" in pattern.groupindex and m.group("credit"):
                start, end = m.span("credit")
                credit = m.group("credit")
            else:
                start, end = m.span()
                credit = m.group(0)
            caption = strip_foto_prefix(f"{text[:start].rstrip(' (')} {text[end:].lstrip(') .')}".strip())
            if caption and credit.strip():
                return caption, credit.strip(" ()")
        return None


class _CreditPattern(NamedTuple):
    """A profile's credit pattern, with what spares searching a line with it (a failing search walks the
    whole line, and one that opens with ".*" walks it again from every position)."""

    pattern: ProfilePattern
    needed: Optional[frozenset[str]]  # words a line must hold for the pattern to match (None: no such test)
    # The package's pattern opens with ".*": wherever in a line it matches, it matches from the line's
    # start too, so trying that start alone finds the same (leftmost) match. (A user's pattern is run as
    # written: its time limit applies to the search.)
    opens_with_any: bool


@lru_cache(maxsize=256)  # (keyed on a profile's patterns, never on a page's text)
def _credit_patterns(patterns: tuple[ProfilePattern, ...]) -> tuple[_CreditPattern, ...]:
    return tuple(
        _CreditPattern(p, required_literals(p.pattern, p.flags), p.pattern.startswith(".*"))
        if isinstance(p, re.Pattern)
        else _CreditPattern(p, None, False)
        for p in patterns
    )


def lead_image(page: Page) -> None:
    """Credit and caption of the lead photo, found next to the header and before the story."""
    shapes = _PhotoShapes(sites.lexicon(page.profile))
    agencies = shapes.agencies
    anchors = [i for i in (page.title_index, page.published_index) if i is not None]
    anchors += [ln.index for ln in page.lines[: find_header_end(page)] if ln.label == "byline"]
    start = max(anchors) + 1 if anchors else 0
    window = _first_undecided(page.lines[start:], 6)
    end = page.tail_start if page.tail_start is not None else len(page.lines)
    printed = [ln for ln in page.lines[:end] if ln.text]
    _labelled_credits(page, printed, shapes)
    if page.image_credit is None and not _scan_for_image(page, window, shapes):
        # Some sites put the photo above the headline (metrotvnews, medcom). Up there a lone word such
        # as "Bisnis" is a breadcrumb, not a credit: only credits with a slash or in brackets count.
        top = _first_undecided(page.lines[: find_header_end(page)], 8)
        _scan_for_image(page, top, shapes, bare_credits=False)
    _keyword_caption_below_photo(page)
    if page.image_caption is None and page.image_credit is None:
        # HTML pages hand figure captions over as metadata rather than lines.
        page.image_caption = page.hints.image_caption or None
        page.image_credit = page.hints.image_credit or None
    # Photo captions inside the story carry their credit in parentheses: they are not body text.
    # The story's last paragraph may close with its writer's code ("... silam.(Nama/situs)"): that is
    # a sign-off for closing_code, not a caption, however much the code looks like a credit.
    last_prose = None
    for line in reversed(printed):
        if line.label is None and line.is_prose:
            last_prose = line
            break
    for k, line in enumerate(printed):
        if line.label is not None:
            continue
        text = line.text
        if ")" in text and "/" in text and len(text) <= _MAX_CARD and _gallery_card(text, agencies):
            line.mark("inline_caption", "lead_image", "a photo's caption, credit and story headline (a gallery card)")
            continue
        if len(text) > 300 or line is last_prose:
            continue
        # Only lines that can hold a credit are examined: a slash, brackets, a colon or a credit word.
        if ")" in text or ":" in text or "/" in text or _credit_word(text, agencies):
            if _FOTO_LINE.match(text):
                line.mark("inline_caption", "lead_image", "photo caption or source signed 'Foto:'/'Sumber:'")
                continue
            if shapes.lead(text) or _story_paragraph(text):
                continue
            pair = shapes.caption_credit(text)
            bare = pair is None and shapes.credit(text) is not None
            if pair or bare or (len(text) <= 200 and _FOTO_SIGN_OFF.search(text) is not None):
                line.mark("inline_caption", "lead_image", "photo caption or credit inside the story")
                if pair is not None:
                    _mark_caption_copies(printed, k, pair[0])
                elif bare and k > 0 and _caption_above_credit(printed[k - 1]):
                    printed[k - 1].mark("inline_caption", "lead_image", "photo caption above its credit")


def _first_undecided(lines: list[Line], count: int) -> list[Line]:
    """The first `count` undecided, non-blank lines. (A loop: a generator that islice or next() leaves
    unfinished is closed with an exception, which costs more than the search.)"""
    found: list[Line] = []
    for line in lines:
        if line.label is None and line.text:
            found.append(line)
            if len(found) == count:
                break
    return found


# "<caption> (Antara/Nama Fotografer) <headline>": a photo gallery's card, the picture's caption and credit
# followed by the headline of the story it opens (a renderer prints the card's link text as one line).
_MAX_CARD = 450
_CARD_CREDIT = re.compile(r"\((?P<credit>[^()/]{2,30}/[^()]{2,40})\)\s*(?P<headline>[^()]{15,160})$")


def _gallery_card(text: str, agencies: frozenset[str]) -> bool:
    m = _CARD_CREDIT.search(text)
    if m is None or m.start() < 30 or is_credit(m.group("credit"), agencies) is None:
        return False
    headline = _VIEWS.sub("", m.group("headline")).strip()
    return looks_like_headline(headline)


# "2.129 views", "1.5K dilihat": a card's counter.
_VIEWS = re.compile(r"\s+[\d.,]+[KkRrb]*\s+(?:views|kali dilihat|dilihat)$")

# "Foto: Bupati meninjau lokasi longsor ...", "Sumber: Kementerian Kesehatan": a caption or a source line.
_FOTO_LINE = re.compile(r"(?:foto|photo|sumber|sumber foto)\s*:\s*\S", re.I)
# A quote attributed with a speech verb: a paragraph of the story, even if it ends with a bracketed code.
_SPEECH = re.compile(
    r"[\"“”]\S.*[\"“”].{0,40}\b(?:kata|ujar|ucap|tutur|jelas|imbuh|tegas|ungkap|sebut|terang|tambah)\w*\b"
)


# The full caption some sites print under the photo's short one: a keyword in capitals, a dash or colon,
# one descriptive sentence and the day the picture was taken ("BANJIR - Warga menunggu bantuan di posko,
# Senin (3/2/2025)."). Without that date the shape is a lead's ("JAKARTA - Presiden ..."), not a caption's.
_KEYWORD_CAPTION = re.compile(r"[A-Z]{3,}(?: [A-Z]{2,}){0,2}\s*[-–—:]\s+[^\"“”]{20,250}\(\d{1,2}/\d{1,2}(?:/\d{2,4})?\)\.?")


def _keyword_caption_below_photo(page: Page) -> None:
    """Right under the lead photo's caption or credit, a caption in the keyword form is the photo's too."""
    if page.image_credit is None:
        return  # (every scan that marks the lead photo's caption or credit sets its credit)
    photo = [ln.index for ln in page.lines if ln.label in ("caption", "credit") and ln.step == "lead_image"]
    if not photo:
        return
    below = next((ln for ln in page.lines[max(photo) + 1 :] if ln.text), None)
    if (
        below is not None
        and below.label is None
        and _KEYWORD_CAPTION.fullmatch(below.text)
        and not _SENTENCE_BREAK.search(below.text)
    ):
        below.mark("caption", "lead_image", "the lead photo's caption in full, under its short one")


def _story_paragraph(text: str) -> bool:
    """A paragraph of the story ('"...," kata Wali Kota. (Abc/De/Site)'), not a caption with its credit."""
    if _has_quotes(text) and _SPEECH.search(text) is not None:
        return True
    brackets = search_last_bracket(_TRAILING_BRACKETS, text)
    before_credit = text if brackets is None else text[: brackets.start()]
    # (Two sentence breaks need two stops: most captions have fewer, and are not searched.)
    stops = before_credit.count(".") + before_credit.count("!") + before_credit.count("?")
    return stops >= 2 and len(_SENTENCE_BREAK.findall(before_credit)) >= 2


def _has_quotes(text: str) -> bool:
    return '"' in text or "“" in text or "”" in text


_TRAILING_BRACKETS = re.compile(r"\s*\([^()]*\)[\s.|]*$")
_SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s+[A-Z\"“]")


# A credit printed under its own label: "Photo :" / "• Tangkapan Layar", "Sumber :" / "• Dok: Toyota".
_CREDIT_LABEL = re.compile(r"(?:foto|photo|sumber|sumber foto|kredit foto|credit|image|gambar)\s*:", re.I)
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s")


def _labelled_credits(page: Page, printed: list[Line], shapes: _PhotoShapes) -> None:
    """Caption, credit label and credit on three lines (of the page's `printed` ones): the first such group
    above the story is the lead photo's; the others are photos inside the story."""
    header_end = find_header_end(page)
    for k, label in enumerate(printed[:-1]):
        if label.label is not None or not label.text.endswith(":") or not _CREDIT_LABEL.fullmatch(label.text):
            continue
        credit = printed[k + 1]
        if credit.label is not None or len(credit.text) > 80 or credit.is_prose:
            continue
        caption = printed[k - 1] if k > 0 else None
        if caption is not None and (caption.label is not None or not _caption_above_credit(caption)):
            caption = None
        if page.image_credit is None and label.index < header_end:
            page.image_credit = credit.text.strip("()").strip()
            label.mark("credit", "lead_image", "label of the lead photo's credit")
            credit.mark("credit", "lead_image", "credit of the lead photo")
            if caption is not None:
                _set_caption(page, caption, caption.text)
            continue
        for line in (caption, label, credit):
            if line is not None:
                line.mark("inline_caption", "lead_image", "photo caption or credit inside the story")


def _caption_above_credit(line: Line) -> bool:
    # A short descriptive line; not a sentence of the story, not a numbered item's heading.
    return (
        line.label is None
        and not line.is_prose
        and len(line.text.split()) <= 20
        and _NUMBERED.match(line.text) is None
        and not line.text.endswith(":")
    )


def _mark_caption_copies(printed: list[Line], k: int, caption: str) -> None:
    # The same caption printed once more without its credit, right above or below it.
    for other in printed[max(0, k - 2) : k + 3]:
        if other.label is None and same_text(other.text, caption):
            other.mark("inline_caption", "lead_image", "photo caption inside the story, printed twice")


# "... di Grammy Awards. Foto: Grammy": a short caption signed with its source, whatever the source is.
_FOTO_SIGN_OFF = re.compile(r"[.!?)]\s*(?:Foto|Photo)\s*:\s*[A-Z][\w.&'/ -]{1,40}$")


_CREDIT_WORDS = ("dok", "ilustrasi", "tangkapan", "istimewa")
_CREDIT_WORD_CHARS = max(map(len, _CREDIT_WORDS))


def _credit_word(text: str, agencies: frozenset[str]) -> bool:
    core = text.lstrip("-–—•* ")  # "- antara": a credit the page drew a dash before
    # (a line opening with one of the words has a first word that does.) Casefolding never shortens a
    # text, so a line longer than every agency's name is none of them, and the words are looked for in
    # the head alone: most lines are paragraphs, and are not folded whole.
    if len(core) <= _longest(agencies) and core.casefold() in agencies:
        return True
    return core.lstrip()[:_CREDIT_WORD_CHARS].casefold().startswith(_CREDIT_WORDS)


@lru_cache(maxsize=16)  # (keyed on the lexicon's agency set, never on a page's text)
def _longest(agencies: frozenset[str]) -> int:
    return max(map(len, agencies), default=0)


def _scan_for_image(page: Page, window: list[Line], shapes: _PhotoShapes, *, bare_credits: bool = True) -> bool:
    prose_seen = 0
    for k, line in enumerate(window):
        # (Asked of the first line too: a user's dateline pattern that hangs on it fails the page.)
        if shapes.lead(line.text) and k > 0:
            break
        if line.is_prose and shapes.caption_credit(line.text) is None:
            prose_seen += 1
            if prose_seen > 1:
                break  # past a caption and into the story: a photo further down is not the lead photo
        # (A credit is a piece of its line: where only credits with a slash count, a line without one
        # is not asked for its credit.)
        may_hold = bare_credits or "/" in line.text or line.text.startswith("(")
        credit = shapes.credit(line.text) if may_hold else None
        if credit is not None and not bare_credits and "/" not in credit and not line.text.startswith("("):
            credit = None
        if credit is not None:
            page.image_credit = credit.strip("()")
            line.mark("credit", "lead_image", "credit of the lead photo")
            nxt = window[k + 1] if k + 1 < len(window) else None
            prev = window[k - 1] if k > 0 else None
            if nxt is not None and shapes.caption_like(nxt.text) and not shapes.credit(nxt.text):
                _set_caption(page, nxt, nxt.text)
            elif prev is not None and prev.label is None and shapes.caption_like(prev.text):
                _set_caption(page, prev, prev.text)
            return True
        pair = shapes.caption_credit(line.text)
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
