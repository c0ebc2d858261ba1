"""The pipeline's state: the page as a list of labelled lines, plus what the steps have found so far."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from . import text as text_shapes

if TYPE_CHECKING:
    from .sites import SiteProfile

__all__ = ["Line", "Hints", "Page"]

#: Labels a line can carry. `None` means "not decided yet"; only `body` lines reach Article.body.
LABELS = frozenset(
    {
        "body", "chrome", "title", "date", "byline", "section", "caption", "credit",
        "related", "dateline", "closing_code", "tail", "blank", "duplicate", "inline_caption", "standfirst",
        "wrapped",
    }
)


@dataclass(slots=True, eq=False)  # lines are compared by identity: two equal texts are two lines
class Line:
    """One line of the page. Steps label lines; they never delete them.

    `index` is the line's place in `Page.lines`; `number` is its line number in the input, which is
    larger once a long run of blank lines has been shortened, and shared by the pieces of a line too
    long to read whole (each piece after the first has `continues` set).
    """

    index: int
    text: str  # normalised: NFC, odd spaces collapsed, bullets and indentation removed
    original: str  # exactly as it came in
    number: int = -1  # the input line number; defaults to `index`
    continues: bool = False  # the rest of the previous line, split off because the line is so long
    label: Optional[str] = None
    step: Optional[str] = None
    reason: Optional[str] = None
    tag: Optional[str] = None  # HTML input: the block element the line came from ("p", "h1", "li", ...)
    in_content: bool = False  # HTML input: inside the element the page marks as the article's text
    bullet: bool = False  # the renderer drew a bullet before it
    _prose: Optional[bool] = field(default=None, repr=False, compare=False)
    _headline: Optional[bool] = field(default=None, repr=False, compare=False)
    _key: Optional[str] = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.number < 0:
            self.number = self.index

    # Shape tests are asked of the same line by several steps: compute each once per line.
    @property
    def is_prose(self) -> bool:
        if self._prose is None:
            self._prose = bool(self.text) and text_shapes.is_prose(self.text)
        return self._prose

    @property
    def is_headline(self) -> bool:
        if self._headline is None:
            self._headline = text_shapes.looks_like_headline(self.text)
        return self._headline

    @property
    def key(self) -> str:
        """Comparison key: casefolded words only (see `text.fold`)."""
        if self._key is None:
            self._key = text_shapes.fold(self.text)
        return self._key

    def mark(self, label: str, step: str, reason: str) -> None:
        """Give the line a label, remembering which step decided and why."""
        self.label = label
        self.step = step
        self.reason = reason

    @property
    def undecided(self) -> bool:
        return self.label is None

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass(slots=True)
class Hints:
    """Metadata read from an HTML page's head (all optional; visible text wins where both exist)."""

    title: Optional[str] = None
    site_name: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None  # raw strings, parsed by the date engine
    modified: Optional[str] = None
    authors: list[str] = field(default_factory=list)
    section: Optional[str] = None
    description: Optional[str] = None
    image_caption: Optional[str] = None
    image_credit: Optional[str] = None
    image_url: Optional[str] = None  # og:image, twitter:image or JSON-LD image
    link_urls: dict[str, str] = field(default_factory=dict)  # anchor text -> href, for related links
    language: Optional[str] = None  # as declared: <html lang>, Content-Language, og:locale, JSON-LD inLanguage
    tags: list[str] = field(default_factory=list)  # the page's visible tag list, else its tag/keyword metadata


@dataclass(slots=True)
class Page:
    """Everything the steps share. Data flows one way: load fills `lines`, steps label and fill fields."""

    lines: list[Line]
    source_kind: str = "text"  # "text" or "html"
    hints: Hints = field(default_factory=Hints)
    url: Optional[str] = None
    fetched_at: Optional[dt.datetime] = None
    profile: Optional["SiteProfile"] = None
    # fields the steps fill
    title: Optional[str] = None
    title_index: Optional[int] = None
    published: Optional[dt.datetime | dt.date] = None
    published_index: Optional[int] = None
    updated: Optional[dt.datetime] = None
    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    section: Optional[str] = None
    image_caption: Optional[str] = None
    image_credit: Optional[str] = None
    related: list[tuple[str, Optional[str]]] = field(default_factory=list)
    closing_code: Optional[str] = None
    image_url: Optional[str] = None
    description: Optional[str] = None
    tags: list[str] = field(default_factory=list)
    language: Optional[str] = None
    tail_start: Optional[int] = None  # first line of trailing chrome
    header_end: Optional[int] = None  # where the story's text starts (see find_header_end); the header lies before it
    date_rest: dict[int, str] = field(default_factory=dict)  # date lines' text left once the date is cut out
    body_end: Optional[int] = None  # exclusive
    body: list[str] = field(default_factory=list)

    @property
    def site(self) -> Optional[str]:
        return self.profile.name if self.profile is not None else None

    def undecided(self, start: int = 0, end: Optional[int] = None) -> list[Line]:
        """Unlabelled, non-blank lines in [start, end)."""
        stop = len(self.lines) if end is None else end
        return [ln for ln in self.lines[start:stop] if ln.label is None and ln.text]
