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


# The first word of every marker: a text without any of them holds no box.
_MARKER_WORD = re.compile(r"baca|lihat|jangan|simak|artikel", re.IGNORECASE)
_MARKER_WORDS = ("baca", "lihat", "jangan", "simak", "artikel")
# Letters the pattern's case-insensitive match takes for "i" or "s" that str.lower() does not turn into them.
_ODD_CASES = ("\u0130", "\u0131", "\u017f")


def _may_hold_marker(text: str) -> bool:
    """`_MARKER_WORD.search(text)`, answered by substring tests on the lowered text (the pattern is tried
    at every position of a whole article's text, several times slower)."""
    if any(ch in text for ch in _ODD_CASES):
        return _MARKER_WORD.search(text) is not None
    lowered = text.lower()
    return any(word in lowered for word in _MARKER_WORDS)


_RUN_TAGS = frozenset({"a", "br", "ul", "ol", "li", "span", "strong", "b", "em", "i", "small"})
_RUN_BOX_TAGS = frozenset({"div", "ul", "ol", "section", "aside", "nav"})
_SEPARATOR_TEXT = re.compile(r"^[\s|•·,;\-–—]*$")
_MAX_LINKS = 12  # a box or run with more links than this is a list of headlines, not in-text related links
# Elements a box may hold (its links with their <li>, <span>, icons): a larger element is never a box, and
# the scans below stop there.
_MAX_BOX_NODES = 200
# Elements all those scans may visit on one page. Real pages use a few thousand; a hostile one (a marker
# in each of thousands of nested wrappers) stops here, its later markers left as plain text lines.
_PAGE_BUDGET = 100_000
_MAX_BOX_TEXT = 250 * _MAX_LINKS + 60
_MAX_WRAPPER_DEPTH = 6  # wrappers around a box ("span.hidden > strong > box") sit right above it


class _Budget:
    __slots__ = ("left",)

    def __init__(self, left: int) -> None:
        self.left = left


def _links_in(el: Any, budget: _Budget) -> Optional[tuple[int, int]]:
    """(anchors, anchors with text) in a small element; None when it is too large to be a link box."""
    anchors = titled = 0
    for k, node in enumerate(el.iter()):
        budget.left -= 1
        if k >= _MAX_BOX_NODES or budget.left < 0:
            return None
        if node.tag == "a":
            anchors += 1
            if clean(text_prefix(node, 300)):
                titled += 1
                if titled > _MAX_LINKS:
                    break  # more links than any box holds: counting on changes nothing
    return anchors, titled


def _sibling_run(marker: Any, budget: _Budget) -> list[Any]:
    """Link elements that follow a "Baca juga" heading at the same level (heading, then <a>/<br> runs)."""
    run: list[Any] = []
    if marker.tail and not _SEPARATOR_TEXT.match(marker.tail):
        return run
    links = breaks = 0  # counted as the run grows: a page of 40,000 <br> must not be recounted per sibling
    for sib in marker.itersiblings():
        if not isinstance(sib.tag, str):
            break
        if not run and sib.tag in _RUN_BOX_TAGS and _mostly_links(sib, budget):
            return [sib]  # "<p>Baca Juga</p><div class=list>links</div>"
        if sib.tag not in _RUN_TAGS:
            break
        if sib.tag == "br":
            breaks += 1
            if breaks > 2 * _MAX_LINKS:
                break  # spacing, not a list of links
        else:
            found = _links_in(sib, budget)
            if not found or not found[0] or len(clean(text_prefix(sib, 1000, _MAX_BOX_NODES))) > 250:
                break
            links += 1
            if links > _MAX_LINKS:
                return []
        run.append(sib)
        if sib.tail and not _SEPARATOR_TEXT.match(sib.tail):
            break
    return run if links else []


def _mostly_links(el: Any, budget: _Budget) -> bool:
    if _links_in(el, budget) is None:
        return False
    text = len(clean(text_content(el)))
    links = sum(len(clean(text_content(a))) for a in el.iter("a"))
    return 0 < text <= 3000 and links >= 0.6 * text


def related_boxes(containers: list[Any]) -> tuple[dict[Any, list[Any]], set[Any], set[Any]]:
    """The "Baca juga" link boxes inside the article text.

    Returns {element where the box starts: [elements holding its links]}, the set of further elements
    the boxes consume (links that follow a marker heading as its siblings), and the boxes that come
    after the text's last paragraph (the render keeps those only when the page shows them as part of
    the text, not as a hidden or related-named widget closing the article).
    """
    from lxml import etree

    # Sets hold the element proxies themselves: lxml reuses a proxy only while a reference to it lives,
    # so id() of a dropped proxy is meaningless.
    container_set = set(containers)
    boxes: dict[Any, list[Any]] = {}
    consumed: set[Any] = set()
    trailing: set[Any] = set()
    links: dict[Any, Optional[tuple[int, int]]] = {}  # memo: many markers climb to the same ancestor
    budget = _Budget(_PAGE_BUDGET)
    for container in containers:
        if not _may_hold_marker(text_content(container)):
            continue  # no marker anywhere in the text: nothing to walk for (one C-level pass instead)
        inside = 0  # open boxes around the walk's position: markers in them are the box's own
        position = last_prose = 0  # elements started so far; where the last run of prose was seen
        found_here: list[tuple[int, Any]] = []
        walker = etree.iterwalk(container, events=("start", "end"))
        for event, el in walker:
            if event == "end":
                if el in boxes and el is not container:
                    inside -= 1
                if not inside and el is not container and _is_prose_run(el.tail):
                    last_prose = position
                continue
            position += 1
            if el in consumed:
                walker.skip_subtree()
                continue
            text = el.text
            if inside or not isinstance(el.tag, str) or not text:
                continue
            if not _RELATED_MARKER.match(text):
                if _is_prose_run(text):
                    last_prose = position
                continue
            if budget.left <= 0:
                break  # a hostile page: its remaining markers stay plain text
            start = _box_at(el, container_set, links, budget)
            if start is None:
                continue
            boxes[start[0]] = start[1]
            consumed.update(start[2])
            found_here.append((position, start[0]))
            inside += 1  # the box is the marker or one of its open ancestors: its end comes later
        trailing.update(box for at, box in found_here if at > last_prose)
    return boxes, consumed, trailing


def _is_prose_run(text: Optional[str]) -> bool:
    return text is not None and len(text) >= 40 and len(text.strip()) >= 40


def _box_at(
    marker: Any, container_set: set[Any], links: dict[Any, Optional[tuple[int, int]]], budget: _Budget
) -> Optional[tuple[Any, list[Any], list[Any]]]:
    """(where the box starts, the elements holding its links, further elements it consumes) for a marker."""
    box = marker.getparent() if marker.tag == "a" else marker
    found: Optional[tuple[int, int]] = None
    for _ in range(4):
        if box is None or box in container_set:
            break
        if box not in links:
            links[box] = _links_in(box, budget)
        found = links[box]
        if found is None or found[0]:
            break  # too large to be a box, or the element holding the marker's links
        box = box.getparent()
    if box is not None and box not in container_set and found:
        titled = found[1]
        # Too many links or too much text: the marker sits in a paragraph or in the page wrapper.
        text = clean(text_prefix(box, _MAX_BOX_TEXT + 500, _MAX_BOX_NODES))
        if 0 < titled <= _MAX_LINKS and len(text) <= 250 * titled + 60:
            return box, [box], []
    # The marker is a heading or paragraph of its own; its links follow as siblings.
    run = _sibling_run(marker, budget)
    return (marker, run, run) if run else None


def box_holders(boxes: dict[Any, list[Any]], containers: list[Any]) -> dict[Any, list[Any]]:
    """{element inside the text: the boxes under it}, for wrappers the render drops (a hidden or
    "related"-named <span>/<p> around a "Baca juga" line): their boxes are still the article's links."""
    container_set = set(containers)
    holders: dict[Any, list[Any]] = {}
    for box in boxes:
        for depth, ancestor in enumerate(box.iterancestors()):
            if ancestor in container_set or depth >= _MAX_WRAPPER_DEPTH:
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

