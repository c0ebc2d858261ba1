"""Input to `Page`: decode bytes, tell HTML from text, split into lines, attach metadata hints."""

from __future__ import annotations

import datetime as dt
from typing import Optional, Union

from .errors import InputError, InputTooLarge
from .page import Hints, Line, Page

Raw = Union[str, bytes, bytearray, memoryview]

#: Default upper bound on input size (characters after decoding). Real article pages are far below it.
DEFAULT_MAX_CHARS = 5_000_000
# A single rendered line longer than this is not prose a reader sees; cutting it keeps every step linear.
_MAX_LINE_CHARS = 20_000


def to_text(raw: Raw, *, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """Decode and check the input; raise `InputError` for anything that is not a page."""
    if isinstance(max_chars, bool) or not isinstance(max_chars, int):
        raise InputError(f"max_chars must be an int, not {type(max_chars).__name__}")
    if isinstance(raw, (bytes, bytearray, memoryview)):
        data = bytes(raw)
        if len(data) > 4 * max_chars:
            raise InputTooLarge(len(data), max_chars)
        from .decode import decode_bytes

        text = decode_bytes(data)
    elif isinstance(raw, str):
        text = raw
    else:
        raise InputError(f"parse() takes str or bytes, not {type(raw).__name__}")
    if len(text) > max_chars:
        raise InputTooLarge(len(text), max_chars)
    if "\x00" in text:
        if text.count("\x00") > len(text) // 100:
            raise InputError("input looks binary: it is full of NUL characters")
        text = text.replace("\x00", "")
    if not text.strip():
        raise InputError("input is empty or whitespace only")
    return text


def load(
    raw: Raw,
    *,
    url: Optional[str] = None,
    fetched_at: Optional[dt.datetime] = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Page:
    """Build the pipeline's `Page` from a text dump or an HTML page (detected automatically)."""
    if url is not None and not isinstance(url, str):
        raise InputError(f"url must be a str or None, not {type(url).__name__}")
    text = to_text(raw, max_chars=max_chars)
    from .decode import looks_like_html

    if looks_like_html(text):
        from .html import html_to_document

        doc = html_to_document(text)
        lines = [
            Line(index=i, text=hl.text[:_MAX_LINE_CHARS], original=hl.text, tag=hl.tag, in_content=hl.in_content,
                 bullet=hl.bullet)
            for i, hl in enumerate(doc.lines)
        ]
        hints = doc.hints
        kind = "html"
    else:
        lines = [
            Line(index=i, text=chunk[:_MAX_LINE_CHARS], original=chunk)
            for i, chunk in enumerate(text.splitlines())
        ]
        hints = Hints()
        kind = "text"
    if not lines:
        raise InputError("input has no visible text")
    return Page(lines=lines, source_kind=kind, hints=hints, url=url, fetched_at=fetched_at)
