"""The entry point: HTML markup → rendered lines plus metadata hints.

lxml is used directly (no BeautifulSoup): its C-level `iterwalk` keeps a 1 MB page well under a second
and never recurses in Python, and libxml2 caps nesting depth, so hostile markup cannot blow the stack.
"""

from __future__ import annotations

import re
from itertools import islice
from typing import Any, Callable, Optional

from ..errors import InputError
from ._dom import HtmlDocument
from .captions import photo_story
from .container import find_content
from .scan import scan_body
from .metadata import MICRODATA_SEARCH, collect_hints, is_microdata_candidate
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
    # The text is decoded already: an XML declaration naming an encoding has nothing left to say.
    markup = _XML_DECL.sub("", markup, count=1)
    if not markup.strip():
        raise InputError("empty HTML document")
    root, too_deep = _parse_tree(_utf8(markup))
    if too_deep:
        # Thousands of unclosed <span>/<div> (broken templates, hostile pages): read the page again
        # without its wrapper tags rather than lose everything after the 2,048th level.
        root, too_deep = _parse_tree(_utf8(_BLOCK_WRAPPERS.sub("<br>", _INLINE_WRAPPERS.sub("", markup))))
        if too_deep:
            raise InputError(f"HTML nests elements more than {_MAX_DEPTH} levels deep; the page cannot be read")
    return root


def _utf8(markup: str) -> bytes:
    """The page as UTF-8: libxml2 reads that natively, where a str is handed over in its internal form
    (Latin-1, UTF-16 or UCS-4) and converted; encoding it here also finds a lone surrogate (a broken
    escape upstream), which would make libxml2 stop reading at that point."""
    try:
        return markup.encode("utf-8")
    except UnicodeEncodeError:
        return _LONE_SURROGATE.sub("\ufffd", markup).encode("utf-8")


def _parse_tree(markup: bytes) -> tuple[Any, bool]:
    """The parsed tree, and whether libxml2 stopped at its depth limit (and dropped the rest)."""
    from lxml import etree

    # Plain etree elements, not lxml.html's HtmlElement: its per-element class lookup costs ~15% of a parse.
    # `huge_tree` lifts libxml2's default depth limit of 256, which real pages with unclosed tags reach.
    # `collect_ids=False`: no table of id attributes (~7% of the parse), nothing here looks elements up by id.
    parser = etree.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, recover=True, huge_tree=True, collect_ids=False,
        encoding="utf-8",  # (whatever charset the page declares: it was decoded already)
    )
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
        body = root.find("body")
        if body is None:
            body = root
        scan = scan_body(body, max_elements)
        root_prop = root.get("itemprop")
        at_root = [root] if root_prop and is_microdata_candidate(root.tag, root_prop) else []
        hints = collect_hints(root, whole_page(root, body, scan.itemprops, MICRODATA_SEARCH, at_root))
        containers = find_content(scan)
        # (the root is <html>, never an <h1> or an <a>)
        h1s = whole_page(root, body, [scan.headline] if scan.headline is not None else [], _first_h1)
        rel_tags = whole_page(root, body, scan.rel_tags, _rel_tags)
        hints.tags = choose_tags(shown_tag_lists(scan.names, scan.tag_named, root, h1s[0] if h1s else None, rel_tags), hints.tags)
        base = hints.url
        story = photo_story(scan.figcaptions, containers, scan.names, scan.sizes)
        lines = render(body, scan, containers, base, hints, story, max_lines)
    except RecursionError:
        raise InputError("HTML is nested too deeply to render") from None
    return HtmlDocument(lines=lines, hints=hints)


def whole_page(
    root: Any, body: Any, in_body: list[Any], search: Callable[[Any], list[Any]], at_root: Optional[list[Any]] = None
) -> list[Any]:
    """What `search` finds in the whole page, in page order, with the body's part (`in_body`) taken from its
    scan: only the root's other children (the head) are searched. `search(el)` looks at `el` and below it;
    `at_root`: the <html> root itself when it is one of the finds (the scan saw it when it was the body)."""
    if body is root:
        return list(in_body)
    found = list(at_root or ())
    for child in root:
        if child is body:
            found.extend(in_body)
        elif isinstance(child.tag, str):
            found.extend(search(child))
    return found


def _first_h1(el: Any) -> list[Any]:
    return list(islice(el.iter("h1"), 1))


def _rel_tags(el: Any) -> list[Any]:
    return [a for a in el.iter("a") if a.get("rel") == "tag"]
