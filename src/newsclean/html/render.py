"""The render pass: the body's visible text as lines, one per block element or `<br>`-separated run.

Whitespace is collapsed and text kept in document order; invisible markup, widgets, captions and link
lists outside the article text are dropped, "Baca juga" boxes become related-link lines, and lines inside
the article's text container are flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Optional

from ..errors import InputTooLarge
from ..page import Hints
from ..text import looks_like_headline
from ._dom import (
    BLOCK_TAGS, CELL_TAGS, DROP_TAGS, TOKEN_SPLIT, HtmlLine, clean, is_hidden, name_flags, text_prefix,
)
from .captions import CREDIT_TAIL, PhotoStory, is_caption, record_caption
from .scan import Scan
from .related import box_holders, related_boxes, render_related

_COLON_CELL = re.compile(r"\s*\|\s*:\s*(?:\|\s*)?")
_SENTENCE_ENDS = frozenset('.!?:;"”’)…')
_MIN_WRAPPED = 25  # a hard-wrapped line is at least this long
# A promoted link printed as a line of the text: the label, then a headline.
_PROMO_LABEL = re.compile(r"(?:promosi|advertorial|sponsored|konten sponsor)\s*:?\s+", re.IGNORECASE)
_MAX_REVEALS = 50  # hidden pages shown per page (a multi-page story has a few dozen at most)
# Link lists that carry these are bylines ("Penulis: <a>Nama</a>"), which the text steps need.
_BYLINE_WORDS = re.compile(r"\b(?:Penulis|Editor|Reporter|Pewarta|Redaktur|Oleh|Fotografer|Kontributor)\b\s*:?", re.IGNORECASE)


class _Renderer:
    """Accumulates inline text into lines; block boundaries and `<br>` end a line."""

    __slots__ = ("lines", "parts", "size", "tag", "in_content", "bullet", "captions", "max_lines", "wrap")

    def __init__(self, max_lines: Optional[int]) -> None:
        self.max_lines = max_lines
        self.lines: list[HtmlLine] = []
        self.captions: list[str] = []
        self.parts: list[str] = []
        self.size = 0  # characters in `parts`
        self.tag = "div"
        self.in_content = False
        self.bullet = False
        self.wrap = False  # a single <br> inside the text: a line end or a hard wrap, told by what follows

    def add(self, text: Optional[str], tag: str, in_content: bool, bullet: bool) -> None:
        if not text:
            return
        if self.wrap:
            if text.isspace():
                return
            self.wrap = False
            if self._wraps_into(text):
                self.parts.append(" ")
            else:
                self.flush()
        if not self.parts:
            if text.isspace():
                return
            self.tag, self.in_content, self.bullet = tag, in_content, bullet
        self.parts.append(text)
        self.size += len(text)

    def line_break(self) -> None:
        """A <br>. Pages that put a <br> at the end of every line of a paragraph (pasted from a document,
        Blogger posts) hard-wrap it: inside the article text a single <br> between a line that stops
        mid-sentence and one that goes on in lower case joins them. Two <br>s, or any other, end the line."""
        if self.wrap or not self.parts or not self.in_content or self.size < _MIN_WRAPPED:
            self.flush()
        else:
            self.wrap = True

    def _wraps_into(self, text: str) -> bool:
        last = next((part for part in reversed(self.parts) if not part.isspace()), "")
        start = text.lstrip()
        return start[:1].islower() and not start.startswith(("http", "www.")) and last.rstrip()[-1:] not in _SENTENCE_ENDS

    def flush(self) -> None:
        self.wrap = False
        if self.parts:
            self.size = 0
            text = clean("".join(self.parts))
            self.parts = []
            if " | " in text:
                # Label/value tables ("Penulis | : | Nama") read as "Penulis : Nama", like a text renderer.
                text = _COLON_CELL.sub(" : ", text)
            if text:
                # (the credit's colon first: the pattern alone is tried at every position of every line)
                if self.in_content and len(text) < 300 and ":" in text and CREDIT_TAIL.search(text):
                    self.captions.append(text)  # an in-text photo caption ("... Foto: Grammy")
                elif self.in_content and _is_promo(text):
                    pass  # "Promosi <headline>": an ad for another page set in the text
                else:
                    self.lines.append(HtmlLine(text, self.tag, self.in_content, self.bullet))
                    if self.max_lines is not None and len(self.lines) > self.max_lines:
                        # Stop here: the rest of a page this long would cost time for nothing.
                        raise InputTooLarge(len(self.lines), self.max_lines, unit="lines")

    def cell_break(self) -> None:
        if self.parts:  # (a line never starts with a whitespace-only part: `add` skips those)
            self.parts.append(" | ")


@dataclass(slots=True)
class _Plan:
    """What the render pass is told about the page before it walks it."""

    names: dict[Any, str]  # element → lowercased "class id"
    sizes: dict[Any, int]  # element → characters of text under it (`Scan.sizes`)
    containers: set[Any]  # elements holding the article text: their lines are flagged in_content
    protected: set[Any]  # containers and their ancestors: never dropped by class or list shape
    link_lists: set[Any]  # link-list candidates outside the text
    shown: set[Any] = field(default_factory=set)  # elements rendered although hidden (slides of a photo story)
    text_captions: set[Any] = field(default_factory=set)  # captions that are article text
    max_lines: Optional[int] = None  # more lines than this: `InputTooLarge`


def render(
    body: Any,
    scan: Scan,
    containers: list[Any],
    base: Optional[str],
    hints: Hints,
    story: Optional[PhotoStory] = None,
    max_lines: Optional[int] = None,
) -> list[HtmlLine]:
    container_set = set(containers)
    if story is not None:
        container_set.update(story.galleries)
    # Widgets are dropped by class/id, except the content container and its ancestors (some sites nest the
    # article text inside a "share"-named wrapper).
    protected: set[Any] = set(container_set)
    for c in container_set:
        protected.update(c.iterancestors())

    # Link lists outside the article: menus, headline lists, tickers.
    link_lists = {el for el in scan.lists if el not in protected}
    plan = _Plan(scan.names, scan.sizes, container_set, protected, link_lists, max_lines=max_lines)
    if story is not None:
        plan.shown, plan.text_captions = story.photos, story.captions
    lines = _render_pass(body, plan, base, hints)
    if not containers and sum(len(ln.text) for ln in lines) < 200:
        # Nothing but link lists (an index or home page): show them, so the text steps can call it a listing.
        plan.link_lists = set()
        lines = _render_pass(body, plan, base, hints)
    return lines


def _render_pass(body: Any, plan: _Plan, base: Optional[str], hints: Hints) -> list[HtmlLine]:
    from lxml import etree

    names, sizes, container_set, protected = plan.names, plan.sizes, plan.containers, plan.protected
    link_lists, shown, text_captions = plan.link_lists, plan.shown, plan.text_captions
    boxes, consumed, trailing = related_boxes(list(container_set))
    holders = box_holders(boxes, list(container_set))
    out = _Renderer(plan.max_lines)
    block_stack: list[str] = []  # tags of open block elements, innermost last
    content_depth = 0
    li_depth = 0
    article_depth = 0  # open <article> elements (counted, not looked up: pages can nest thousands deep)
    skipped: set[Any] = set()  # elements whose subtree was skipped: at their end only the tail counts
    revealed: dict[Any, int] = {}  # hidden pages shown anyway → the first of their lines
    pages: list[tuple[int, int]] = []  # their lines, [start, end)

    # Elements named as breadcrumbs: each link straight inside one is a line of its own. (Found once: most
    # pages have none, and then no link asks for its parent.)
    crumbs = {el for el, raw in names.items() if "crumb" in raw}
    walker = etree.iterwalk(body, events=("start", "end"))
    for event, el in walker:
        tag = el.tag
        if not isinstance(tag, str):  # comments/PIs (normally removed by the parser) still carry tails
            if event == "end" and el.tail:
                cur = block_stack[-1] if block_stack else "div"
                out.add(el.tail, cur, content_depth > 0, li_depth > 0)
            continue
        tag = tag.lower()
        if event == "start":
            if el in boxes:
                out.flush()
                if el not in trailing or not _widget(el, names.get(el)):
                    # A marker heading must not make its link lines look like subheadings.
                    box_tag = "div" if tag in ("h1", "h2", "h3", "h4", "h5", "h6") else tag
                    out.lines.extend(render_related(boxes[el], box_tag, base, hints))
                skipped.add(el)
                walker.skip_subtree()
                continue
            if el in consumed:
                skipped.add(el)
                walker.skip_subtree()
                continue
            raw = names.get(el)
            if tag in DROP_TAGS:
                drop = not (tag == "form" and el in protected)
            elif el in protected or el in shown:
                drop = False
            else:
                hidden = (raw is not None and name_flags(raw)[0]) or _hidden_by_attributes(el)
                if hidden and content_depth > 0 and len(revealed) < _MAX_REVEALS and _holds_a_page(el):
                    # A later page of the article (or its folded rest), hidden until the reader asks for it.
                    hidden = False
                    out.flush()
                    revealed[el] = len(out.lines)
                drop = (
                    hidden
                    or (
                        (raw is not None or tag in ("footer", "aside"))
                        and _is_junk(el, tag, content_depth > 0, article_depth > 0, raw)
                        and not _in_sentence(el, tag)
                    )
                    or (content_depth == 0 and el in link_lists and _is_link_list(el))
                )
            if drop:
                if tag in BLOCK_TAGS or tag in ("nav", "form", "iframe"):
                    out.flush()
                if el in holders:
                    out.flush()
                    for box in holders[el]:
                        if box not in trailing:  # (a hidden box after the text is a closing widget)
                            out.lines.extend(render_related(boxes[box], "div", base, hints))
                skipped.add(el)
                walker.skip_subtree()
                continue
            if (
                (raw is not None or tag == "figcaption")
                and el not in protected
                and el not in shown
                and el not in text_captions
                and is_caption(el, tag, raw, sizes.get(el, 0))
            ):
                # Captions are not text a reader follows; the first one is the lead photo's.
                out.flush()
                record_caption(hints, el)
                skipped.add(el)
                walker.skip_subtree()
                continue
            if el in container_set:
                out.flush()
                content_depth += 1
            if tag == "li":
                li_depth += 1
            elif tag == "article":
                article_depth += 1
            if tag in BLOCK_TAGS:
                out.flush()
                block_stack.append(tag)
            elif tag in CELL_TAGS:
                out.cell_break()
            elif tag == "br":
                out.line_break()
            elif tag == "a" and crumbs and el.getparent() in crumbs:
                out.flush()  # one line per crumb: the last is the article's rubric
            elif tag == "time":
                out.add(" ", "div", False, False)  # two stamps side by side must not glue ("WIBDiterbitkan")
            cur = block_stack[-1] if block_stack else "div"
            out.add(el.text, cur, content_depth > 0, li_depth > 0)
        else:  # end
            if el in skipped:
                skipped.discard(el)
            else:
                if tag in BLOCK_TAGS:
                    out.flush()
                    if block_stack:
                        block_stack.pop()
                if tag == "li":
                    li_depth -= 1
                elif tag == "article":
                    article_depth -= 1
                if tag == "a" and crumbs and el.getparent() in crumbs:
                    out.flush()
                if tag == "time":
                    out.add(" ", "div", False, False)
                if el in container_set:
                    out.flush()
                    content_depth -= 1
                if el in revealed:
                    out.flush()
                    pages.append((revealed[el], len(out.lines)))
            if el.tail:
                cur = block_stack[-1] if block_stack else "div"
                out.add(el.tail, cur, content_depth > 0, li_depth > 0)
    out.flush()
    return _without_repeats(out.lines, pages) if pages else out.lines


def _is_promo(text: str) -> bool:
    m = _PROMO_LABEL.match(text)
    return m is not None and looks_like_headline(text[m.end():])


def _holds_a_page(el: Any) -> bool:
    """A hidden element inside the article text that holds a page of prose, not a widget or a label."""
    return len(clean(text_prefix(el, 400))) >= 150


def _without_repeats(lines: list[HtmlLine], pages: list[tuple[int, int]]) -> list[HtmlLine]:
    """Drop the lines of revealed hidden pages that repeat a visible line or an earlier revealed one (a
    hidden copy of the text for another screen size is no later page)."""
    in_page = [False] * len(lines)
    for start, end in pages:
        for k in range(start, end):
            in_page[k] = True
    seen = {ln.text for ln, hidden in zip(lines, in_page, strict=True) if not hidden}
    kept: list[HtmlLine] = []
    for line, hidden in zip(lines, in_page, strict=True):
        if hidden:
            if line.text in seen:
                continue
            seen.add(line.text)
        kept.append(line)
    return kept


# Phrasing elements: a class word on one of them names a link style, not a widget, when it sits in a sentence.
_INLINE_TAGS = frozenset({"a", "span", "b", "strong", "em", "i", "u", "mark", "small", "abbr", "cite", "q", "font"})


def _in_sentence(el: Any, tag: str) -> bool:
    """An inline element inside running text ("harga <a class="inner-link-tag">tiket pesawat</a> masih
    mahal"), whatever its class says: words follow it, or a word (or comma) ends the text before it.
    Separators and labels ("Tags: ", ", ", " | ") do not count, so a bar of share or tag links stays a widget."""
    if tag not in _INLINE_TAGS:
        return False
    tail = el.tail
    if tail is not None and any(ch.isalnum() for ch in tail):
        return True
    previous = el.getprevious()
    before = previous.tail if previous is not None else el.getparent().text
    if not before:
        return False
    last = before.rstrip()[-1:]
    return last.isalnum() and len(before.strip()) > 1


def _hidden_by_attributes(el: Any) -> bool:
    """`is_hidden(el)`, its three attribute lookups asked only of elements that have one of those
    attributes: one `keys()` call costs about what one lookup does, and most elements have none of them."""
    keys = el.keys()
    return bool(keys) and ("style" in keys or "hidden" in keys or "aria-hidden" in keys) and is_hidden(el)


def _widget(el: Any, raw: Optional[str]) -> bool:
    """Hidden, or named as a widget ("baca-juga", "related-posts", "share")."""
    return _hidden_by_attributes(el) or (raw is not None and any(name_flags(raw)[:3]))


def _is_link_list(el: Any) -> bool:
    """The checks on a link-list candidate that read its text: asked only of the blocks the render reaches."""
    return "breadcrumb" not in (el.get("class") or "").lower() and not _BYLINE_WORDS.search(text_prefix(el, 300))


def _is_junk(el: Any, tag: str, in_content: bool, in_article: bool, raw: Optional[str]) -> bool:
    """A widget by its tag or class/id words (`raw`: the element's lowercased "class id", None if neither)."""
    if tag == "footer" and not in_content:
        # The page footer goes; an <article>'s own footer may hold the byline or editor line.
        return not in_article
    if tag == "aside" and not in_content:
        return True
    if raw is None:
        return False
    _, junk, related, outside = name_flags(raw)  # (hidden class words are judged with the other hiding)
    if junk or related:
        # Some sites put the timestamp inside their share bar ("social > kcm-date"): keep that bar.
        return not (junk and not related and _holds_timestamp(el))
    return not in_content and outside


_TIMESTAMP_TOKENS = frozenset({"date", "time", "tanggal", "waktu", "timestamp", "pubdate", "published", "datetime"})


def _holds_timestamp(el: Any) -> bool:
    for k, child in enumerate(el.iterdescendants()):
        if k > 200:
            return False
        if child.tag == "time":
            return True
        cls = child.get(b"class")
        if cls and _TIMESTAMP_TOKENS.intersection(TOKEN_SPLIT.split(cls.lower())):
            return True
    return False

