"""Document titles: "<headline> - <site name>" lines a whole-page dump prints, and the plain headline they hold."""

from __future__ import annotations

import re

from ..page import Line, Page
from ..text import fold
from ..urls import url_host

__all__ = ["document_title_heads", "without_site_suffix"]

_MIN_COPY_WORDS = 4

# "<headline> - ANTARA News", "<headline> : Okezone Celebrity", "<headline> | Republika Online": the
# document title a full-page text dump starts with.
# (`\s\s*` is `\s+` written so that the regex engine skips ahead to the next space instead of trying
# every position of the line: the same matches, searched in two thirds of the time.)
_SITE_SUFFIX = re.compile(r"\s\s*(?:[-|–—:»]|::)\s+(?P<site>[^|–—:»]{2,60})$")
_BRAND = re.compile(
    r"\b(?:news|online|berita|portal|media|tv|com|co\.id|id|okezone|kompas|detik\w*|tempo|republika|antara|"
    r"liputan6|kapanlagi|viva|tribun\w*|suara|sindonews|merdeka|jpnn|kumparan|tirto|cnn|cnbc|metrotv\w*|medcom)\b",
    re.I,
)


def document_title_heads(page: Page) -> set[str]:
    """Keys of '<headline>' for the '<headline> - <Site>' lines near the top of the page."""
    printed = [ln for ln in page.lines if ln.text][:80]
    # The printed lines' keys and the site's names are built only once a line has such a suffix: most
    # pages have none, and folding 80 lines is most of this function's cost.
    keys: set[str] | None = None
    names: set[str] | None = None
    heads = set()
    for line in printed:
        m = _site_suffix(line.text) if len(line.text) <= 250 else None
        if m is not None:
            head = fold(line.text[: m.start()])
            if names is None:
                names = _site_names(page)
            if _is_site_name(m.group("site"), names):
                heads.add(head)
                continue
            if keys is None:
                keys = {ln.key for ln in printed}
            if head in keys:
                heads.add(head)
    return heads


def _site_suffix(text: str) -> re.Match[str] | None:
    """`_SITE_SUFFIX.search(text)`, searched only where a match can start (each try of the pattern is costly)."""
    if not _has_separator(text):
        return None  # (most lines: no separator anywhere, so no window to work out)
    start = 0
    if text.isprintable() and "  " not in text:
        # Single spaces: the match (a space, the separator, a space, at most 60 characters) lies in the last 64
        # characters, and after the line's last "|", "–", "—", ":" or "»" but the "::" it may end.
        start = max(0, len(text) - 64, max(map(text.rfind, "|–—:»")) - 2)
    return _SITE_SUFFIX.search(text, start) if _has_separator(text[start:]) else None


def _has_separator(text: str) -> bool:
    # (Most lines hold none of the separators `_SITE_SUFFIX` needs: a few substring tests spare its search.)
    return "-" in text or "|" in text or ":" in text or "–" in text or "—" in text or "»" in text


def _site_names(page: Page) -> set[str]:
    """The site's own name as its domains spell it ("espos" for www.espos.id), to spot it in a title suffix."""
    hosts = list(page.profile.domains) if page.profile is not None else []
    url = page.url or page.hints.url
    if url:
        hosts.append(url_host(url))
    return {label for host in hosts for label in host.split(".") if len(label) >= 4 and label not in _HOST_WORDS}


_HOST_WORDS = frozenset({"www", "news", "mobile", "berita"})


def _is_site_name(suffix: str, names: set[str]) -> bool:
    folded = suffix.casefold()
    return _BRAND.search(suffix) is not None or any(name in folded for name in names)


def without_site_suffix(page: Page, chosen: Line, end: int) -> tuple[Line, str]:
    """The headline without a site-name suffix: its plain copy on the page, or the text cut before it.

    "<headline> - Health :: Okezone Lifestyle" loses both the site and the rubric before it; so does
    "<headline> - <the site's motto>" when the page also prints the headline alone.
    """
    text = chosen.text
    m = _site_suffix(text)
    if m is None:
        return chosen, text  # (the common case: no suffix, and no need to fold every line of the page)
    names = _site_names(page)
    printed = {ln.key for ln in page.lines[:end] if ln.text and ln is not chosen}
    for cut in range(2):
        if cut > 0:
            m = _site_suffix(text)
            if m is None:
                break
        site = m.group("site")
        head = text[: m.start()].strip()
        # A second, short suffix left after the site's name is the rubric ("- Health").
        if not (_is_site_name(site, names) or fold(head) in printed or (cut > 0 and len(site.split()) <= 3)):
            break
        text = head
    if text == chosen.text:
        return chosen, text
    key = fold(text)
    for line in page.lines[chosen.index + 1 : end]:
        if line.label is not None or not line.text:
            continue
        # The plain copy, maybe without a brand word the document title puts first ("Okezone <headline>").
        if line.key == key or (len(line.key.split()) >= _MIN_COPY_WORDS and key.endswith(" " + line.key)):
            chosen.mark("chrome", "title", "the document title: headline plus site name")
            return line, line.text
    return chosen, text
