"""Step: credit and caption of the lead photo; photo captions inside the story are set aside."""

from __future__ import annotations

import re

from .. import sites
from ..page import Line, Page
from ..text import same_text, words
from ._shapes import (
    find_header_end,
    is_credit,
    is_lead,
    split_caption_credit,
    strip_foto_prefix,
)


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
        if line.label is not None or not text or len(text) > 300:
            continue
        # Only lines that can hold a credit are examined: a slash, brackets, a colon or a credit word.
        if ")" in text or ":" in text or "/" in text or _credit_word(text, agencies):
            if is_lead(text):
                continue
            if (
                split_caption_credit(line.text, agencies)
                or is_credit(line.text, agencies)
                or (len(text) <= 200 and _FOTO_SIGN_OFF.search(text) is not None)
            ):
                line.mark("inline_caption", "lead_image", "photo caption or credit inside the story")


# "... di Grammy Awards. Foto: Grammy": a short caption signed with its source, whatever the source is.
_FOTO_SIGN_OFF = re.compile(r"[.!?)]\s*(?:Foto|Photo)\s*:\s*[A-Z][\w.&'/ -]{1,40}$")


def _credit_word(text: str, agencies: frozenset[str]) -> bool:
    head = text.split(None, 1)[0].casefold() if text else ""
    return text.casefold() in agencies or head.startswith(("dok", "ilustrasi", "tangkapan", "istimewa"))


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
