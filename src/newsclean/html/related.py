"""The "Baca juga" boxes inside the article text: found before rendering, rendered as related-link lines."""

from __future__ import annotations

import re
from typing import Any, Optional
from urllib.parse import urljoin

from ..page import Hints
from ._dom import HtmlLine, clean, text_content, text_prefix

# "Baca juga:", "Lihat juga -", "Baca:" (a bare "Baca" only with its colon: it is a verb in a sentence too).
_RELATED_MARKER = re.compile(
    r"^\s*(?:baca\s+juga|lihat\s+juga|jangan\s+lewatkan|baca\s+pula|simak\s+juga|artikel\s+terkait|baca(?=\s*:))"
    r"\b\s*[:\-–—]?\s*",
    re.IGNORECASE,
)


def _has_anchor(el: Any) -> bool:
    return next(el.iter("a"), None) is not None


_RUN_TAGS = frozenset({"a", "br", "ul", "ol", "li", "span", "strong", "b", "em", "i", "small"})
_RUN_BOX_TAGS = frozenset({"div", "ul", "ol", "section", "aside", "nav"})
_SEPARATOR_TEXT = re.compile(r"^[\s|•·,;\-–—]*$")


_MAX_RUN_LINKS = 12


def _sibling_run(marker: Any) -> list[Any]:
    """Link elements that follow a "Baca juga" heading at the same level (heading, then <a>/<br> runs)."""
    run: list[Any] = []
    if marker.tail and not _SEPARATOR_TEXT.match(marker.tail):
        return run
    links = breaks = 0  # counted as the run grows: a page of 40,000 <br> must not be recounted per sibling
    for sib in marker.itersiblings():
        if not isinstance(sib.tag, str):
            break
        if not run and sib.tag in _RUN_BOX_TAGS and _mostly_links(sib):
            return [sib]  # "<p>Baca Juga</p><div class=list>links</div>"
        if sib.tag not in _RUN_TAGS:
            break
        if sib.tag == "br":
            breaks += 1
            if breaks > 2 * _MAX_RUN_LINKS:
                break  # spacing, not a list of links
        else:
            if not _has_anchor(sib) or len(clean(text_prefix(sib, 1000))) > 250:
                break
            links += 1
            if links > _MAX_RUN_LINKS:
                return []
        run.append(sib)
        if sib.tail and not _SEPARATOR_TEXT.match(sib.tail):
            break
    return run if links else []


def _mostly_links(el: Any) -> bool:
    text = len(clean(text_content(el)))
    links = sum(len(clean(text_content(a))) for a in el.iter("a"))
    return 0 < text <= 3000 and links >= 0.6 * text


def related_boxes(containers: list[Any]) -> tuple[dict[Any, list[Any]], set[Any]]:
    """The "Baca juga" link boxes inside the article text.

    Returns {element where the box starts: [elements holding its links]} and the set of further elements
    the box consumes (links that follow a marker heading as its siblings).
    """
    # Sets hold the element proxies themselves: lxml reuses a proxy only while a reference to it lives,
    # so id() of a dropped proxy is meaningless.
    container_set = set(containers)
    boxes: dict[Any, list[Any]] = {}
    consumed: set[Any] = set()
    for container in containers:
        for el in container.iter():
            text = el.text
            if not isinstance(el.tag, str) or not text or not _RELATED_MARKER.match(text):
                continue
            if el in consumed or any(a in boxes or a in consumed for a in el.iterancestors()):
                continue
            box = el.getparent() if el.tag == "a" else el
            for _ in range(4):
                if box is None or box in container_set or _has_anchor(box):
                    break
                box = box.getparent()
            if box is not None and box not in container_set and _has_anchor(box):
                anchors = sum(1 for a in box.iter("a") if clean(text_content(a)))
                # Too many links or too much text: the marker sits in a paragraph or in the page wrapper.
                if 0 < anchors <= 12 and len(clean(text_content(box))) <= 250 * anchors + 60:
                    boxes[box] = [box]
                    continue
            # The marker is a heading or paragraph of its own; its links follow as siblings.
            run = _sibling_run(el)
            if run:
                boxes[el] = run
                consumed.update(run)
    return boxes, consumed


def box_holders(boxes: dict[Any, list[Any]], containers: list[Any]) -> dict[Any, list[Any]]:
    """{element inside the text: the boxes under it}, for wrappers the render drops (a hidden or
    "related"-named <span>/<p> around a "Baca juga" line): their boxes are still the article's links."""
    container_set = set(containers)
    holders: dict[Any, list[Any]] = {}
    for box in boxes:
        for ancestor in box.iterancestors():
            if ancestor in container_set:
                break
            holders.setdefault(ancestor, []).append(box)
    return holders


def render_related(parts: list[Any], tag: str, base: Optional[str], hints: Hints) -> list[HtmlLine]:
    lines: list[HtmlLine] = []
    for part in parts:
        for a in part.iter("a"):
            title = _RELATED_MARKER.sub("", clean(text_content(a))).strip()
            if not title:
                continue
            href = (a.get("href") or "").strip()
            if href and not href.lower().startswith(("javascript:", "#", "mailto:")):
                hints.link_urls.setdefault(title, urljoin(base, href) if base else href)
            lines.append(HtmlLine(f"Baca juga: {title}", tag, True))
    return lines

