"""Input to `Page`: decode bytes, tell HTML from text, split into lines, attach metadata hints."""

from __future__ import annotations

import datetime as dt
from itertools import compress
from typing import Iterator, Optional, Union

from .decode import decode_bytes, looks_like_html
from .errors import InputError, InputTooLarge
from .page import Hints, Line, Page

Raw = Union[str, bytes, bytearray, memoryview]

#: Default upper bound on input size (characters after decoding). Real article pages are far below it.
DEFAULT_MAX_CHARS = 5_000_000
#: Default upper bound on the lines a page may hold (blank runs count as at most `_MAX_BLANK_RUN`).
#: Every step costs a little per line; real pages, whole portal pages included, have a few hundred.
DEFAULT_MAX_LINES = 30_000
# A single rendered line longer than this is split into pieces at spaces: keeping every line this short
# keeps the line-level patterns of the steps linear, and the pieces together hold the whole line.
_MAX_LINE_CHARS = 20_000
# No step compares line distances beyond a dozen lines, so a longer run of blank lines reads the same
# shortened to this many; a dump padded with millions of newlines then costs what the page costs.
_MAX_BLANK_RUN = 16
_SPACES = (" ", "\t", "\xa0")
# Real pages spend a hundred characters or more per HTML element; a page of tiny elements reaching this
# ratio would take seconds to walk, so `max_chars` also bounds the elements (100,000 by default).
_CHARS_PER_ELEMENT = 50


def to_text(raw: Raw, *, max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """Decode and check the input; raise `InputError` for anything that is not a page."""
    _check_limit("max_chars", max_chars)
    if isinstance(raw, (bytes, bytearray, memoryview)):
        data = bytes(raw)
        if len(data) > 4 * max_chars:
            raise InputTooLarge(len(data), max_chars)
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
    if not text or text.isspace():
        raise InputError("input is empty or whitespace only")
    return text


def load(
    raw: Raw,
    *,
    url: Optional[str] = None,
    fetched_at: Optional[dt.datetime] = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    max_lines: int = DEFAULT_MAX_LINES,
) -> Page:
    """Build the pipeline's `Page` from a text dump or an HTML page (detected automatically)."""
    if url is not None and not isinstance(url, str):
        raise InputError(f"url must be a str or None, not {type(url).__name__}")
    _check_limit("max_lines", max_lines)
    text = to_text(raw, max_chars=max_chars)
    if looks_like_html(text):
        from .html import html_to_document

        doc = html_to_document(text, max_elements=max_chars // _CHARS_PER_ELEMENT, max_lines=max_lines)
        rendered = doc.lines
        lines = _lines([hl.text for hl in rendered], max_lines)
        for line in lines:
            source = rendered[line.number]
            line.tag, line.in_content = source.tag, source.in_content
            line.bullet = source.bullet and not line.continues
        hints = doc.hints
        kind = "html"
    else:
        lines = _lines(text.splitlines(), max_lines)
        hints = Hints()
        kind = "text"
    if not lines:
        raise InputError("input has no visible text")
    return Page(lines=lines, source_kind=kind, hints=hints, url=url, fetched_at=fetched_at)


def _check_limit(name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"{name} must be an int, not {type(value).__name__}")


def _lines(texts: list[str], max_lines: int) -> list[Line]:
    """The page's `Line`s: every input line with text, runs of blank lines shortened, long lines in pieces."""
    numbers = _numbers_to_keep(texts, max_lines)
    if max(map(len, texts), default=0) <= _MAX_LINE_CHARS:  # (every real page: one `Line` per line kept)
        kept = texts if len(numbers) == len(texts) else list(map(texts.__getitem__, numbers))
        # Built by C-level `map` with positional arguments (Line's first four fields: index, text, original,
        # number): 40 % fewer instructions per line than a comprehension passing keywords.
        return list(map(Line, range(len(numbers)), kept, kept, numbers))
    lines: list[Line] = []
    for number in numbers:
        chunk = texts[number]
        if len(chunk) <= _MAX_LINE_CHARS:
            lines.append(Line(index=len(lines), number=number, text=chunk, original=chunk))
            continue
        for k, piece in enumerate(_pieces(chunk)):
            lines.append(Line(index=len(lines), number=number, text=piece, original=piece, continues=k > 0))
    return lines


def _numbers_to_keep(texts: list[str], max_lines: int) -> list[int]:
    # Found with C-level passes (`map`, `compress`): a Python loop over five million blank lines would
    # itself cost seconds.
    filled = list(compress(range(len(texts)), map(str.strip, texts)))
    if len(filled) > max_lines:
        raise InputTooLarge(len(filled), max_lines, unit="lines")
    if len(texts) - len(filled) <= _MAX_BLANK_RUN:  # (most pages: no run of blank lines to shorten)
        kept = list(range(len(texts)))
    else:
        kept = _shorten_blank_runs(texts, filled)
    if len(kept) > max_lines:
        raise InputTooLarge(len(kept), max_lines, unit="lines")
    return kept


def _shorten_blank_runs(texts: list[str], filled: list[int]) -> list[int]:
    """The line numbers kept when each run of blank lines (around the `filled` ones) keeps its first few."""
    kept: list[int] = []
    after = 0  # first number after the previous line with text
    for number in filled:
        kept.extend(range(after, min(number, after + _MAX_BLANK_RUN)))
        kept.append(number)
        after = number + 1
    kept.extend(range(after, min(len(texts), after + _MAX_BLANK_RUN)))
    return kept


def _pieces(line: str) -> Iterator[str]:
    """`line` in pieces of at most `_MAX_LINE_CHARS`, each ending just after a space when there is one
    in its second half (so no word is cut); joined back together they give the line exactly."""
    start = 0
    while len(line) - start > _MAX_LINE_CHARS:
        end = start + _MAX_LINE_CHARS
        space = max(line.rfind(s, end - _MAX_LINE_CHARS // 2, end) for s in _SPACES)
        end = space + 1 if space >= 0 else end
        yield line[start:end]
        start = end
    yield line[start:]
