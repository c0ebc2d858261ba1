"""The entry point: HTML markup → rendered lines plus metadata hints.

lxml is used directly (no BeautifulSoup): its C-level `iterwalk` keeps a 1 MB page well under a second
and never recurses in Python, and libxml2 caps nesting depth, so hostile markup cannot blow the stack.
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import InputError
from ._dom import HtmlDocument
from .captions import photo_story
from .container import find_content, scan_body
from .metadata import collect_hints
from .render import render
from .tags import choose_tags, shown_tag_lists

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)


def _parse(markup: str) -> Any:
    from lxml import etree

    # lxml refuses str input that carries an XML encoding declaration; the text is already decoded.
    markup = _XML_DECL.sub("", markup, count=1)
    if not markup.strip():
        raise InputError("empty HTML document")
    # Plain etree elements, not lxml.html's HtmlElement: its per-element class lookup costs ~15% of a parse.
    parser = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True)
    try:
        root = etree.fromstring(markup, parser=parser)
    except (etree.LxmlError, ValueError, TypeError) as exc:
        raise InputError(f"HTML could not be parsed: {exc}") from None
    if root is None:
        raise InputError("HTML could not be parsed: no document element")
    return root


def html_to_document(markup: str) -> HtmlDocument:
    """Render an HTML page into text lines (with tag, in-content and bullet flags) and metadata hints.

    Raises `InputError` when the markup cannot be parsed at all.
    """
    if not isinstance(markup, str):
        raise InputError(f"html_to_document expects str, got {type(markup).__name__}")
    root = _parse(markup)
    try:
        hints = collect_hints(root)
        body = root.find("body")
        if body is None:
            body = root
        scan = scan_body(body)
        containers = find_content(scan)
        hints.tags = choose_tags(shown_tag_lists(scan.names, root), hints.tags)
        base = hints.url
        story = photo_story(scan.figcaptions, containers, scan.names)
        lines = render(body, scan, containers, base, hints, story)
    except RecursionError:
        raise InputError("HTML is nested too deeply to render") from None
    return HtmlDocument(lines=lines, hints=hints)
