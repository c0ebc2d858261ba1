"""What the HTML modules share: the rendered-line types, tag and class-name vocabularies, text helpers."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Optional

from lxml import etree  # (this package is imported only for HTML input)

from ..page import Hints


@dataclass(slots=True)
class HtmlLine:
    """One rendered line: its text, the block element it came from, and whether it sits in the article text."""

    text: str
    tag: str
    in_content: bool
    bullet: bool = False


@dataclass
class HtmlDocument:
    """What `html_to_document` returns: the rendered lines and the head's metadata."""

    lines: list[HtmlLine] = field(default_factory=list)
    hints: Hints = field(default_factory=Hints)


# Elements whose content is never visible text (or is interactive chrome).
DROP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "iframe", "form", "button", "nav", "select",
        "option", "textarea", "input", "object", "embed", "canvas", "video", "audio", "map", "head",
        "title", "meta", "link", "base", "dialog", "math", "frameset", "frame", "label",
    }
)
# Elements that end a line before and after themselves.
BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "h1", "h2", "h3", "h4", "h5",
        "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "caption",
        "blockquote", "pre", "figure", "figcaption", "address", "hr", "center", "details", "summary",
        "fieldset", "legend", "hgroup", "body", "html", "menu", "dir",
    }
)
CELL_TAGS = frozenset({"td", "th"})

TOKEN_SPLIT = re.compile(r"[\s_\-]+")

# class/id tokens (split on space, "-", "_") of widgets that are never article text, wherever they sit.
_JUNK_TOKENS = frozenset(
    {
        "share", "shares", "sharing", "sharebar", "social", "sosmed", "socmed", "comment", "comments",
        "komentar", "disqus", "fb", "facebook", "twitter", "whatsapp", "advert", "advertisement", "ads",
        "ad", "adsense", "iklan", "banner", "popup", "modal", "newsletter", "subscribe", "cookie", "cookies",
        "gdpr", "rating", "vote", "polling", "print", "fontsize", "textsize", "dfp", "gpt", "taboola",
        "outbrain", "mgid", "sponsor", "sponsored", "toolbar", "copylink", "clipboard", "emoji", "reaction",
        "reactions", "login", "signin", "tag", "tags", "loadmore", "promosi", "promotion",
    }
)
# Page furniture: dropped outside the article text only (inside it these words name harmless wrappers,
# e.g. Elementor's "elementor-widget-theme-post-content").
_OUTSIDE_TOKENS = frozenset(
    {
        "sidebar", "widget", "breaking", "ticker", "marquee", "skip", "register", "search", "pagination",
        "pager", "paging", "bookmark", "trending", "terpopuler", "populer", "popular", "mostpopular",
        "terkini", "latest", "recommended", "rekomendasi", "footer", "menu", "navbar", "navigation",
        "topbar", "masthead", "promo", "lainnya", "more", "readmore",
    }
)
# Whole class words that hide an element (split tokens would also hit responsive "hidden-xs").
_HIDDEN_WORDS = frozenset(
    {"hidden", "hide", "sr-only", "visually-hidden", "screen-reader-text", "invisible", "d-none", "visuallyhidden"}
)
# Recommendation lists; inside the text the "Baca juga" boxes among them were taken out beforehand.
_RELATED_TOKENS = frozenset({"related", "terkait", "baca", "bacajuga"})

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def text_content(el: Any) -> str:
    return "".join(el.itertext())


def text_prefix(el: Any, limit: int, max_nodes: int = 200) -> str:
    """The first `limit` characters of `text_content(el)`, without joining the rest of a large subtree.

    The walk also stops after `max_nodes` elements: the text of a chain of empty wrappers nested
    thousands deep lies at its bottom, and asking each wrapper for its first words must not walk the
    whole chain (a full length comes from `Scan.sizes` instead).
    """
    parts: list[str] = []
    size = 0
    for k, (event, node) in enumerate(etree.iterwalk(el, events=("start", "end"))):
        text = node.text if event == "start" else (node.tail if node is not el else None)
        if text:
            parts.append(text)
            size += len(text)
            if size >= limit:
                break
        if k >= 2 * max_nodes:
            break
    return "".join(parts)[:limit]


def clean(text: Optional[str]) -> str:
    # str.split() and re's \s agree on what whitespace is; the split/join is ~5x faster than a regex sub.
    return " ".join(text.split()) if text else ""


def raw_names(el: Any) -> Optional[str]:
    """Lowercased "class id" of an element, or None when it has neither."""
    cls = el.get(b"class")  # (bytes names: lxml skips encoding the name on each lookup)
    ident = el.get(b"id")
    if not cls and not ident:
        return None
    return f"{cls or ''} {ident or ''}".lower()


@lru_cache(maxsize=4096)
def name_tokens(raw: str) -> frozenset[str]:
    out = set(raw.split())
    out.update(t for t in TOKEN_SPLIT.split(raw) if t)
    return frozenset(out)


@lru_cache(maxsize=4096)
def name_flags(raw: str) -> tuple[bool, bool, bool, bool]:
    """(hidden, junk, related, outside) verdicts of a class/id string; pages repeat the same few names."""
    toks = set(TOKEN_SPLIT.split(raw))
    return (
        bool(_HIDDEN_WORDS.intersection(raw.split())),
        bool(toks & _JUNK_TOKENS),
        bool(toks & _RELATED_TOKENS),
        bool(toks & _OUTSIDE_TOKENS),
    )


def tokens(el: Any) -> frozenset[str]:
    """Lowercased class and id tokens, plus the whole class/id words (for multi-part names)."""
    raw = raw_names(el)
    return name_tokens(raw) if raw is not None else frozenset()


def is_hidden(el: Any) -> bool:
    # (bytes names: lxml skips encoding the name on each lookup)
    if el.get(b"hidden") is not None:
        return True
    if (el.get(b"aria-hidden") or "").lower() == "true":
        return True
    style = el.get(b"style")
    return bool(style and _HIDDEN_STYLE.search(style))


_MAX_CLIMB = 64  # how far up `is_within` looks: real pages nest a text a few levels inside its wrapper


def is_within(el: Any, ancestor: Any, limit: int = _MAX_CLIMB) -> bool:
    """`ancestor` is above `el`, at most `limit` levels up (bounded: hostile pages nest thousands deep)."""
    node = el.getparent()
    for _ in range(limit):
        if node is None:
            return False
        if node is ancestor:
            return True
        node = node.getparent()
    return False
