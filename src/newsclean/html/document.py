"""The entry point: HTML markup → rendered lines plus metadata hints.

lxml is used directly (no BeautifulSoup): its C-level `iterwalk` keeps a 1 MB page well under a second
and never recurses in Python, and libxml2 caps nesting depth, so hostile markup cannot blow the stack.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from ..errors import InputError
from ._dom import HtmlDocument
from .captions import photo_story
from .container import find_content, scan_body
from .metadata import collect_hints
from .render import render
from .tags import choose_tags, shown_tag_lists

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# libxml2 stops building the tree at this depth (with `huge_tree`; 256 without) and drops the rest.
_MAX_DEPTH = 2048
# Tags a too-deep page is read again without: wrappers whose nesting carries no text. Inline ones simply
# go; a run of block ones leaves one line break. `[^<>]*` stops at the next "<", so even a run of
# unclosed "<span" stays linear.
_INLINE_WRAPPERS = re.compile(
    r"</?(?:span|font|b|i|u|em|strong|small|big|a|abbr|cite|mark|s|strike|sub|sup|q|label|time)\b[^<>]*>",
    re.IGNORECASE,
)
_BLOCK_WRAPPERS = re.compile(
    r"(?:</?(?:div|section|article|main|center|header|footer|aside|nav|blockquote|figure|ul|ol|li|dl|dt|dd"
    r"|table|thead|tbody|tfoot|tr|td|th)\b[^<>]*>\s*)+",
    re.IGNORECASE,
)


def _parse(markup: str) -> Any:
    # lxml refuses str input that carries an XML encoding declaration; the text is already decoded.
    markup = _XML_DECL.sub("", markup, count=1)
    if not markup.strip():
        raise InputError("empty HTML document")
    if not markup.isascii():
        try:
            markup.encode("utf-8")
        except UnicodeEncodeError:
            # A lone surrogate (a broken escape upstream) makes libxml2 stop reading at that point.
            markup = _LONE_SURROGATE.sub("\ufffd", markup)
    root, too_deep = _parse_tree(markup)
    if too_deep:
        # Thousands of unclosed <span>/<div> (broken templates, hostile pages): read the page again
        # without its wrapper tags rather than lose everything after the 2,048th level.
        root, too_deep = _parse_tree(_BLOCK_WRAPPERS.sub("<br>", _INLINE_WRAPPERS.sub("", markup)))
        if too_deep:
            raise InputError(f"HTML nests elements more than {_MAX_DEPTH} levels deep; the page cannot be read")
    return root


def _parse_tree(markup: str) -> tuple[Any, bool]:
    """The parsed tree, and whether libxml2 stopped at its depth limit (and dropped the rest)."""
    from lxml import etree

    # Plain etree elements, not lxml.html's HtmlElement: its per-element class lookup costs ~15% of a parse.
    # `huge_tree` lifts libxml2's default depth limit of 256, which real pages with unclosed tags reach.
    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True, huge_tree=True)
    try:
        root = etree.fromstring(markup, parser=parser)
    except (etree.LxmlError, ValueError, TypeError) as exc:
        raise InputError(f"HTML could not be parsed: {exc}") from None
    if root is None:
        raise InputError("HTML could not be parsed: no document element")
    too_deep = any(e.type_name == "ERR_RESOURCE_LIMIT" and "depth" in e.message for e in parser.error_log)
    return root, too_deep


def html_to_document(
    markup: str, *, max_elements: Optional[int] = None, max_lines: Optional[int] = None
) -> HtmlDocument:
    """Render an HTML page into text lines (with tag, in-content and bullet flags) and metadata hints.

    Raises `InputError` when the markup cannot be parsed at all, `InputTooLarge` when the body holds
    more than `max_elements` elements or renders to more than `max_lines` lines (no limit by default).
    """
    if not isinstance(markup, str):
        raise InputError(f"html_to_document expects str, got {type(markup).__name__}")
    root = _parse(markup)
    try:
        hints = collect_hints(root)
        body = root.find("body")
        if body is None:
            body = root
        scan = scan_body(body, max_elements)
        containers = find_content(scan)
        hints.tags = choose_tags(shown_tag_lists(scan.names, root), hints.tags)
        base = hints.url
        story = photo_story(scan.figcaptions, containers, scan.names, scan.sizes)
        lines = render(body, scan, containers, base, hints, story, max_lines)
    except RecursionError:
        raise InputError("HTML is nested too deeply to render") from None
    return HtmlDocument(lines=lines, hints=hints)
