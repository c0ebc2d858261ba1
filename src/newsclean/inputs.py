"""What `parse()` accepts besides text and bytes: a file path, a BeautifulSoup tree, an lxml element.

A `str` is always page text (never a path: a one-line dump must not be read as a file name); a
`pathlib.Path` or other `os.PathLike` is a file to read. Trees a scraper already holds are turned back
into HTML text, so they take exactly the path a downloaded page takes. When the tree is one element of a
larger document (the story's `<div>` a user selected), the document's `<head>` goes with it: the
selection decides the visible text, the head still supplies the date, URL and image metadata.
"""

from __future__ import annotations

import os
from typing import Any, Union

from .errors import InputError
from .load import Raw

#: What `parse()` takes: raw content, a path, or a bs4 / lxml tree (typed loosely: both are optional types).
Source = Union[Raw, "os.PathLike[str]", Any]

__all__ = ["Source", "to_raw"]


def to_raw(source: Source) -> Raw:
    """Turn what a caller holds into raw page content; `str` and bytes pass through unchanged."""
    if isinstance(source, (str, bytes, bytearray, memoryview)):
        return source
    if isinstance(source, os.PathLike):
        from .batch.sources import read_dump

        return read_dump(source)
    module = type(source).__module__ or ""
    if module.startswith("bs4"):
        return _soup_html(source)
    if module.startswith("lxml"):
        return _lxml_html(source)
    raise InputError(
        "parse() takes str or bytes (or a Path, a BeautifulSoup document or Tag, an lxml element), "
        f"not {type(source).__name__}"
    )


def _soup_html(node: Any) -> str:
    import bs4

    if not isinstance(node, bs4.Tag):  # a NavigableString is a str and never gets here; a Comment etc. is
        raise InputError(f"parse() takes a BeautifulSoup document or Tag, not {type(node).__name__}")
    if isinstance(node, bs4.BeautifulSoup):
        return node.decode()
    root = node
    while root.parent is not None:
        root = root.parent
    head = root.find("head") if root is not node else None
    if head is None or node.find_parent("head") is not None:
        return node.decode()
    return _wrap(head.decode(), node.decode())


def _lxml_html(node: Any) -> str:
    from lxml import etree

    if isinstance(node, etree._ElementTree):
        node = node.getroot()
    if not isinstance(node, etree._Element) or not isinstance(node.tag, str):
        raise InputError(f"parse() takes an lxml element or tree, not {type(node).__name__}")

    def html(element: Any) -> str:
        # with_tail=False: the text after an element belongs to its parent, not to the selection.
        return str(etree.tostring(element, encoding="unicode", method="html", with_tail=False))

    root = node.getroottree().getroot()
    head = root.find("head") if root is not node else None
    if head is None or any(ancestor is head for ancestor in node.iterancestors()):
        return html(node)
    return _wrap(html(head), html(node))


def _wrap(head: str, body: str) -> str:
    return f"<!DOCTYPE html>\n<html>{head}<body>{body}</body></html>"
