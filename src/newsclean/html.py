"""HTML page → the visible text lines a good text renderer would produce, plus metadata hints.

The text steps that label text dumps do the rest (chrome, title, date, byline, body); this module only
renders: one line per block element or `<br>`-separated run, whitespace collapsed, in document order,
with invisible and widget markup dropped and lines inside the article's text container flagged.
lxml is used directly (no BeautifulSoup): its C-level `iterwalk` keeps a 1 MB page well under a second
and never recurses in Python, and libxml2 caps nesting depth, so hostile markup cannot blow the stack.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator, Optional
from urllib.parse import urljoin

from .errors import InputError
from .page import Hints

__all__ = ["HtmlDocument", "HtmlLine", "html_to_document"]


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
_DROP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "iframe", "form", "button", "nav", "select",
        "option", "textarea", "input", "object", "embed", "canvas", "video", "audio", "map", "head",
        "title", "meta", "link", "base", "dialog", "math", "frameset", "frame", "label",
    }
)
# Elements that end a line before and after themselves.
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "aside", "h1", "h2", "h3", "h4", "h5",
        "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "caption",
        "blockquote", "pre", "figure", "figcaption", "address", "hr", "center", "details", "summary",
        "fieldset", "legend", "hgroup", "body", "html", "menu", "dir",
    }
)
_CELL_TAGS = frozenset({"td", "th"})

_WS = re.compile(r"\s+")
_COLON_CELL = re.compile(r"\s*\|\s*:\s*(?:\|\s*)?")
_TOKEN_SPLIT = re.compile(r"[\s_\-]+")

# class/id tokens (split on space, "-", "_") of widgets that are never article text, wherever they sit.
_JUNK_TOKENS = frozenset(
    {
        "share", "shares", "sharing", "sharebar", "social", "sosmed", "socmed", "comment", "comments",
        "komentar", "disqus", "fb", "facebook", "twitter", "whatsapp", "advert", "advertisement", "ads",
        "ad", "adsense", "iklan", "banner", "popup", "modal", "newsletter", "subscribe", "cookie", "cookies",
        "gdpr", "rating", "vote", "polling", "print", "fontsize", "textsize", "dfp", "gpt", "taboola",
        "outbrain", "mgid", "sponsor", "sponsored", "toolbar", "copylink", "clipboard", "emoji", "reaction",
        "reactions", "login", "signin", "tag", "tags",
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
_CAPTION_TOKENS = frozenset(
    {
        "caption", "captions", "wp-caption", "keterangan", "figcaption", "photo-caption", "pic_caption",
        "photodesc", "deskripsi", "caption-img", "imgcaption",
    }
)
# A small image block with a line of text in it is a photo with its caption ("div.pic_artikel > img + span").
_PHOTO_TOKENS = frozenset({"photo", "foto", "pic", "picture", "img", "image", "gambar", "thumb", "media"})
_CREDIT_TOKENS = frozenset({"author", "credit", "copyright", "photographer", "fotografer", "source", "sumber"})
_PAREN_TAIL = re.compile(r"\s*\(\s*(?:Foto\s*:\s*)?(?P<credit>[^()]{1,40})\)\s*\.?$")
_FOTO_TAIL = re.compile(r"\.?\s*(?:Foto|Photo)\s*:\s*(?P<credit>[^:]{1,60})$", re.IGNORECASE)
# An in-text photo caption rendered as its own block: short, ends with the photo credit.
_CREDIT_TAIL = re.compile(r"(?:\bFoto|\bPhoto|\bIlustrasi|\bSumber foto)\s*:\s*[^:]{1,60}$", re.IGNORECASE)
# Names sites give the element that holds the article's text (class/id substrings, lowercased).
_CONTENT_NAMES = re.compile(
    r"articlebody|article[_-]?body|article[_-]?content|article[_-]?text|detail[_-]?text|text[_-]?detail"
    r"|read[_-]{0,2}content|read[_-]?text|entry[_-]?content|post[_-]?content|post[_-]?body|content[_-]?detail"
    r"|detail[_-]?content|txt[_-]?article|txt[_-]?detail|side[_-]?article|story[_-]?body|news[_-]?content"
    r"|content[_-]?news|isi[_-]?berita|detail[_-]?berita|berita[_-]?detail|artikel|itp[_-]?body|body[_-]?text"
    r"|text[_-]?gal|detailnews|detail[_-]?news|news[_-]?detail|content[_-]?text|main[_-]?text|article__content"
    r"|div[_-]?read|kcm[_-]?read[_-]?text|ctn[_-]?desc|content[_-]?article"
)
_RELATED_MARKER = re.compile(
    r"^\s*(?:baca\s+juga|lihat\s+juga|jangan\s+lewatkan|baca\s+pula|simak\s+juga|artikel\s+terkait)\b\s*[:\-–—]?\s*",
    re.IGNORECASE,
)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_SITE_SEPARATORS = re.compile(r"\s+[|\-–—:•»]\s+")

_ARTICLE_TYPES = frozenset(
    {
        "newsarticle", "article", "reportagenews", "blogposting", "analysisnewsarticle", "opinionnewsarticle",
        "reviewnewsarticle", "backgroundnewsarticle", "socialmediaposting", "liveblogposting", "report",
        "scholarlyarticle", "techarticle",
    }
)
_META_PUBLISHED = (
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
    "publish_date", "content_publisheddate", "dc.date.issued", "dc.date", "dcterms.created", "date",
    "sailthru.date", "parsely-pub-date", "dtk:publishdate", "article.published", "published_time",
    "originalpublicationdate", "datecreated",
)
_META_MODIFIED = (
    "article:modified_time", "og:updated_time", "datemodified", "lastmod", "last-modified",
    "dcterms.modified", "modified_time", "article.updated", "content_lastmodifieddate",
)

_MAX_JSONLD = 200_000  # a JSON-LD block larger than this is a data dump, not article metadata


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


def _text_content(el: Any) -> str:
    return "".join(el.itertext())


def _text_prefix(el: Any, limit: int) -> str:
    """The first `limit` characters of `_text_content(el)`, without joining the rest of a large subtree."""
    parts: list[str] = []
    size = 0
    for piece in el.itertext():
        parts.append(piece)
        size += len(piece)
        if size >= limit:
            break
    return "".join(parts)[:limit]


def _clean(text: Optional[str]) -> str:
    # str.split() and re's \s agree on what whitespace is; the split/join is ~5x faster than a regex sub.
    return " ".join(text.split()) if text else ""


def _raw_names(el: Any) -> Optional[str]:
    """Lowercased "class id" of an element, or None when it has neither."""
    cls = el.get("class")
    ident = el.get("id")
    if not cls and not ident:
        return None
    return f"{cls or ''} {ident or ''}".lower()


@lru_cache(maxsize=4096)
def _name_tokens(raw: str) -> frozenset[str]:
    out = set(raw.split())
    out.update(t for t in _TOKEN_SPLIT.split(raw) if t)
    return frozenset(out)


@lru_cache(maxsize=4096)
def _name_flags(raw: str) -> tuple[bool, bool, bool, bool]:
    """(hidden, junk, related, outside) verdicts of a class/id string; pages repeat the same few names."""
    toks = set(_TOKEN_SPLIT.split(raw))
    return (
        bool(_HIDDEN_WORDS.intersection(raw.split())),
        bool(toks & _JUNK_TOKENS),
        bool(toks & _RELATED_TOKENS),
        bool(toks & _OUTSIDE_TOKENS),
    )


@lru_cache(maxsize=4096)
def _is_content_name(raw: str) -> bool:
    return _CONTENT_NAMES.search(raw) is not None


def _tokens(el: Any) -> frozenset[str]:
    """Lowercased class and id tokens, plus the whole class/id words (for multi-part names)."""
    raw = _raw_names(el)
    return _name_tokens(raw) if raw is not None else frozenset()


def _is_hidden(el: Any) -> bool:
    if el.get("hidden") is not None:
        return True
    if (el.get("aria-hidden") or "").lower() == "true":
        return True
    style = el.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


# ---------------------------------------------------------------- content container detection


@dataclass(slots=True)
class _Scan:
    """What one walk over the body learns, for container detection, link lists and the render pass."""

    names: dict[Any, str]  # element → lowercased "class id", for elements that have either
    named: list[Any]  # elements named like an article-text container, in document order
    para_len: dict[Any, int]  # paragraph text credited to each paragraph parent (and half to its parent)
    lists: set[Any]  # blocks whose counts read as link lists (`_is_link_list` has the final word)


def _scan(body: Any) -> _Scan:
    """One bottom-up walk: class/id names, named containers, paragraph weight and link-list statistics.

    Link lists: for every element its text length, link-text length, anchor count and whether it holds an
    <h1>; text renderers show such lists, but they are never part of the header a reader needs (title,
    date, byline) and their headline-like lines drown the text steps' prose heuristics.
    """
    from lxml import etree

    names: dict[Any, str] = {}
    named: list[Any] = []
    para_len: dict[Any, int] = {}
    lists: set[Any] = set()
    # stack frames: [total, link, anchors, has_h1, children, linked_children]
    stack: list[list[Any]] = []
    link_depth = 0
    for event, el in etree.iterwalk(body, events=("start", "end")):
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if event == "start":
            cls = el.get("class")
            ident = el.get("id")
            if cls or ident:
                raw = f"{cls or ''} {ident or ''}".lower()
                names[el] = raw
                if el.get("itemprop") == "articleBody" or _is_content_name(raw):
                    named.append(el)
            elif el.get("itemprop") == "articleBody":
                named.append(el)
            if tag == "p" or tag == "br" or tag == "div":
                # Paragraph text credits its container; <br>-separated runs (and other runs of text straight
                # in a <div>, e.g. after an <img>) credit the element holding them.
                if tag == "p":
                    n = len(_clean(_text_content(el) if len(el) else el.text))
                elif tag == "br":
                    n = len(_clean(el.tail))
                else:
                    n = _direct_runs(el)
                if n >= 40:
                    holder = el if tag == "div" else el.getparent()
                    if holder is not None:
                        para_len[holder] = para_len.get(holder, 0) + n
                        grand = holder.getparent()
                        # Paragraphs of an <article> are that post's: a list of post cards is no text.
                        if grand is not None and holder.tag != "article":
                            para_len[grand] = para_len.get(grand, 0) + n // 2
            if tag == "a":
                link_depth += 1
                text = el.text
                n = len(text.strip()) if text else 0
                stack.append([n, n, 1, False, 0, 0])
            else:
                text = el.text
                n = len(text.strip()) if text else 0
                stack.append([n, n if link_depth else 0, 0, tag == "h1", 0, 0])
            continue
        total, link, anchors, has_h1, children, linked = stack.pop()
        if tag == "a":
            link_depth -= 1
        if (
            anchors >= 2
            and tag in _LIST_CANDIDATES
            and not has_h1
            and total > 0
            and (
                # mostly link text
                (anchors >= 3 and link >= 0.7 * total and total - link <= 200)
                # or a small menu: every item a link, nothing else but separators
                or (tag in ("ul", "ol") and children >= 2 and linked == children and total - link <= 3 * children)
                # or items that each carry a link plus a short label (timestamp, counter)
                or (
                    children >= 2
                    and linked >= 0.8 * children
                    and link >= 25 * children  # headline-length link text per item
                    and link >= 0.5 * total
                    and total - link <= 60 * children
                )
            )
        ):
            lists.add(el)
        if stack:
            parent = stack[-1]
            tail = el.tail
            if tail:
                n = len(tail.strip())
                total += n
                if link_depth:
                    link += n
            parent[0] += total
            parent[1] += link
            parent[2] += anchors
            if has_h1:
                parent[3] = True
            parent[4] += 1
            if anchors:
                parent[5] += 1
    return _Scan(names, named, para_len, lists)


def _direct_runs(el: Any) -> int:
    """Characters in the 40+ character runs of text straight inside `el` (not after a <br>: those count apart)."""
    n = 0
    text = el.text
    if text and len(text) >= 40:
        k = len(_clean(text))
        if k >= 40:
            n += k
    for child in el:
        tail = child.tail
        if tail and len(tail) >= 40 and child.tag != "br":
            k = len(_clean(tail))
            if k >= 40:
                n += k
    return n


def _find_content(scan: _Scan) -> list[Any]:
    """The element(s) holding the article text: named containers first, else the densest paragraph parent."""
    # Reader comments are never the article, however much prose a thread holds.
    in_comments = _comment_sections(scan)
    named = [el for el in scan.named if not in_comments(el)]
    para_len = {el: n for el, n in scan.para_len.items() if not in_comments(el)}
    if named:
        scored: list[tuple[float, int, Any]] = []
        for el in named:
            if el.tag in ("body", "html"):
                continue
            prose, total = _text_weight(el)
            if prose >= 80:
                # Prose weighted by its share of all text: outer wrappers also hold link lists and widgets.
                scored.append((prose * prose / max(total, 1), prose, el))
        if scored:
            _, best_prose, best = max(scored, key=lambda s: s[0])
            # A named element inside the winner that holds most of its prose is the text itself; the
            # rest of the wrapper is pull quotes, captions and boxes.
            inner = [
                (prose, el)
                for _, prose, el in scored
                if el is not best and prose >= 0.6 * best_prose and best in set(el.iterancestors())
            ]
            if inner:
                best = min(inner, key=lambda pe: pe[0])[1]
            if not para_len or max(para_len.values()) <= 2 * best_prose:
                return _with_siblings(best, para_len)
            # A named element with a fraction of the page's paragraph text is a header or teaser box.
    if para_len:
        holder = max(para_len, key=lambda e: para_len[e])
        if para_len[holder] >= 200 and holder.tag not in ("body", "html"):
            return _with_siblings(holder, para_len)
    return []


_COMMENT_TOKENS = frozenset({"comment", "comments", "komentar", "disqus"})


def _comment_sections(scan: _Scan) -> Callable[[Any], bool]:
    """A test: is the element (or one of its ancestors) named as a comment thread? Answers are memoised."""
    names = scan.names
    memo: dict[Any, bool] = {}

    def in_comments(el: Any) -> bool:
        chain: list[Any] = []
        verdict = False
        node = el
        while node is not None:
            known = memo.get(node)
            if known is not None:
                verdict = known
                break
            chain.append(node)
            raw = names.get(node)
            if raw is not None and _name_tokens(raw) & _COMMENT_TOKENS:
                verdict = True
                break
            node = node.getparent()
        for node in chain:
            memo[node] = verdict
        return verdict

    return in_comments


def _text_weight(el: Any) -> tuple[int, int]:
    """(prose-like text outside links, all text) under `el`; prose = runs of 40+ characters."""
    from lxml import etree

    prose = 0
    total = 0
    link_depth = 0
    for event, node in etree.iterwalk(el, events=("start", "end")):
        tag = node.tag
        if not isinstance(tag, str):
            continue
        if event == "start":
            if tag in _DROP_TAGS:
                continue
            if tag == "a":
                link_depth += 1
            text = node.text
        else:
            if tag == "a":
                link_depth -= 1
            text = node.tail if node is not el else None
        if text:
            n = len(text.strip())
            total += n
            if n >= 40 and link_depth == 0:
                prose += n
    return prose, total


def _with_siblings(el: Any, para_len: dict[Any, int]) -> list[Any]:
    """Multi-page articles repeat the container (page-1, page-2 ...) as siblings with the same class.

    Some layouts cut the text into several containers with the same class between ad rails (each in
    its own grid row): those cousins with paragraphs of their own belong to the text as well.
    """
    cls = el.get("class")
    parent = el.getparent()
    if not cls or parent is None:
        return [el]
    found = [s for s in parent if s is el or (s.tag == el.tag and s.get("class") == cls)]
    for other, n in para_len.items():
        if n < 200 or other.tag != el.tag or other in found or other.get("class") != cls:
            continue
        lineage = set(other.iterancestors())
        if any(f in lineage for f in found) or any(other in set(f.iterancestors()) for f in found):
            continue
        found.append(other)
    return found


# ---------------------------------------------------------------- related ("Baca juga") boxes


def _has_anchor(el: Any) -> bool:
    return next(el.iter("a"), None) is not None


_RUN_TAGS = frozenset({"a", "br", "ul", "ol", "li", "span", "strong", "b", "em", "i", "small"})
_RUN_BOX_TAGS = frozenset({"div", "ul", "ol", "section", "aside", "nav"})
_SEPARATOR_TEXT = re.compile(r"^[\s|•·,;\-–—]*$")


def _sibling_run(marker: Any) -> list[Any]:
    """Link elements that follow a "Baca juga" heading at the same level (heading, then <a>/<br> runs)."""
    run: list[Any] = []
    if marker.tail and not _SEPARATOR_TEXT.match(marker.tail):
        return run
    for sib in marker.itersiblings():
        if not isinstance(sib.tag, str):
            break
        if not run and sib.tag in _RUN_BOX_TAGS and _mostly_links(sib):
            return [sib]  # "<p>Baca Juga</p><div class=list>links</div>"
        if sib.tag not in _RUN_TAGS:
            break
        if sib.tag != "br":
            if not _has_anchor(sib):
                break
            if len(_clean(_text_content(sib))) > 250:
                break
        run.append(sib)
        if sib.tail and not _SEPARATOR_TEXT.match(sib.tail):
            break
        if sum(1 for r in run if r.tag != "br") > 12:
            return []
    return run if any(r.tag != "br" for r in run) else []


def _mostly_links(el: Any) -> bool:
    text = len(_clean(_text_content(el)))
    links = sum(len(_clean(_text_content(a))) for a in el.iter("a"))
    return 0 < text <= 3000 and links >= 0.6 * text


def _related_boxes(containers: list[Any]) -> tuple[dict[Any, list[Any]], set[Any]]:
    """The "Baca juga" link boxes inside the article text.

    Returns {element where the box starts: [elements holding its links]} and the set of further elements
    the box consumes (links that follow a marker heading as its siblings).
    """
    # Sets hold the element proxies themselves: lxml reuses a proxy only while a reference to it lives,
    # so id() of a dropped proxy is meaningless.
    container_set = set(containers)
    boxes: dict[Any, list[Any]] = {}
    consumed: set[Any] = set()
    for container in containers:
        for el in container.iter():
            text = el.text
            if not isinstance(el.tag, str) or not text or not _RELATED_MARKER.match(text):
                continue
            if el in consumed or any(a in boxes or a in consumed for a in el.iterancestors()):
                continue
            box = el.getparent() if el.tag == "a" else el
            for _ in range(4):
                if box is None or box in container_set or _has_anchor(box):
                    break
                box = box.getparent()
            if box is not None and box not in container_set and _has_anchor(box):
                anchors = sum(1 for a in box.iter("a") if _clean(_text_content(a)))
                # Too many links or too much text: the marker sits in a paragraph or in the page wrapper.
                if 0 < anchors <= 12 and len(_clean(_text_content(box))) <= 250 * anchors + 60:
                    boxes[box] = [box]
                    continue
            # The marker is a heading or paragraph of its own; its links follow as siblings.
            run = _sibling_run(el)
            if run:
                boxes[el] = run
                consumed.update(run)
    return boxes, consumed


def _render_related(parts: list[Any], tag: str, base: Optional[str], hints: Hints) -> list[HtmlLine]:
    lines: list[HtmlLine] = []
    for part in parts:
        for a in part.iter("a"):
            title = _RELATED_MARKER.sub("", _clean(_text_content(a))).strip()
            if not title:
                continue
            href = (a.get("href") or "").strip()
            if href and not href.lower().startswith(("javascript:", "#", "mailto:")):
                hints.link_urls.setdefault(title, urljoin(base, href) if base else href)
            lines.append(HtmlLine(f"Baca juga: {title}", tag, True))
    return lines


# ---------------------------------------------------------------- photo captions


def _is_caption(el: Any, tag: str, raw: Optional[str]) -> bool:
    """A photo caption block: <figcaption>, a caption-named element, or a small image block with text."""
    if tag == "figcaption":
        return True
    if raw is None or tag not in ("div", "span", "p", "figure", "td", "table"):
        return False
    toks = _name_tokens(raw)
    if not toks:
        return False
    if toks & _CAPTION_TOKENS or _has_caption_word(raw):
        return len(_clean(_text_content(el))) <= 600
    if toks & _PHOTO_TOKENS and len(el) <= 8 and el.find(".//img") is not None:
        if el.find(".//p") is not None or el.find(".//h1") is not None or el.find(".//h2") is not None:
            return False
        return 0 < len(_clean(_text_content(el))) <= 400
    return False


@lru_cache(maxsize=4096)
def _has_caption_word(raw: str) -> bool:
    """Caption names glued to another word ("newsCaption", "articleImageCaption")."""
    return "caption" in raw and any(w.endswith("caption") for w in _TOKEN_SPLIT.split(raw))


def _caption_parts(el: Any) -> tuple[str, Optional[str]]:
    """(caption, credit) of a caption block; the credit from a credit-named child or a trailing "(…)"."""
    credit: Optional[str] = None
    for child in el.iter():
        if child is not el and isinstance(child.tag, str) and _tokens(child) & _CREDIT_TOKENS:
            credit = _clean(_text_content(child)) or None
            if credit:
                break
    text = _clean(_text_content(el))
    if credit:
        caption = _clean(text.replace(credit, " ", 1))
        return caption, credit
    for pattern in (_PAREN_TAIL, _FOTO_TAIL):
        m = pattern.search(text)
        if m and m.start() > 0:
            return text[: m.start()].strip(), m.group("credit").strip()
    return text, None


def _record_caption(hints: Hints, el: Any) -> None:
    if hints.image_caption is not None and hints.image_credit is not None:
        return
    caption, credit = _caption_parts(el)
    if hints.image_caption is None and caption:
        hints.image_caption = caption
        if hints.image_credit is None:
            hints.image_credit = credit


# ---------------------------------------------------------------- link lists outside the text

# Link lists that carry these are bylines ("Penulis: <a>Nama</a>"), which the text steps need.
_BYLINE_WORDS = re.compile(r"\b(?:Penulis|Editor|Reporter|Pewarta|Redaktur|Oleh|Fotografer|Kontributor)\b\s*:?", re.IGNORECASE)
_LIST_CANDIDATES = frozenset({"ul", "ol", "div", "section", "table", "dl", "tbody", "p", "span", "li"})


# ---------------------------------------------------------------- rendering


class _Renderer:
    """Accumulates inline text into lines; block boundaries and `<br>` end a line."""

    __slots__ = ("lines", "parts", "tag", "in_content", "bullet", "captions")

    def __init__(self) -> None:
        self.lines: list[HtmlLine] = []
        self.captions: list[str] = []
        self.parts: list[str] = []
        self.tag = "div"
        self.in_content = False
        self.bullet = False

    def add(self, text: Optional[str], tag: str, in_content: bool, bullet: bool) -> None:
        if not text:
            return
        if not self.parts:
            if text.isspace():
                return
            self.tag, self.in_content, self.bullet = tag, in_content, bullet
        self.parts.append(text)

    def flush(self) -> None:
        if self.parts:
            text = _clean("".join(self.parts))
            self.parts = []
            if " | " in text:
                # Label/value tables ("Penulis | : | Nama") read as "Penulis : Nama", like a text renderer.
                text = _COLON_CELL.sub(" : ", text)
            if text:
                if self.in_content and len(text) < 300 and _CREDIT_TAIL.search(text):
                    self.captions.append(text)  # an in-text photo caption ("... Foto: Grammy")
                else:
                    self.lines.append(HtmlLine(text, self.tag, self.in_content, self.bullet))

    def cell_break(self) -> None:
        if self.parts and not "".join(self.parts).isspace():
            self.parts.append(" | ")


def _render(body: Any, scan: _Scan, containers: list[Any], base: Optional[str], hints: Hints) -> list[HtmlLine]:
    container_set = set(containers)
    # Widgets are dropped by class/id, except the content container and its ancestors (some sites nest the
    # article text inside a "share"-named wrapper).
    protected: set[Any] = set(containers)
    for c in containers:
        protected.update(c.iterancestors())

    # Link lists outside the article: menus, headline lists, tickers.
    link_lists = {el for el in scan.lists if el not in protected}
    lines = _render_pass(body, scan.names, container_set, protected, link_lists, base, hints)
    if not containers and sum(len(ln.text) for ln in lines) < 200:
        # Nothing but link lists (an index or home page): show them, so the text steps can call it a listing.
        lines = _render_pass(body, scan.names, container_set, protected, set(), base, hints)
    return lines


def _render_pass(
    body: Any,
    names: dict[Any, str],
    container_set: set[Any],
    protected: set[Any],
    link_lists: set[Any],
    base: Optional[str],
    hints: Hints,
) -> list[HtmlLine]:
    from lxml import etree

    boxes, consumed = _related_boxes(list(container_set))
    out = _Renderer()
    block_stack: list[str] = []  # tags of open block elements, innermost last
    content_depth = 0
    li_depth = 0
    skipped: set[Any] = set()  # elements whose subtree was skipped: at their end only the tail counts

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
                # A marker heading must not make its link lines look like subheadings.
                box_tag = "div" if tag in ("h1", "h2", "h3", "h4", "h5", "h6") else tag
                out.lines.extend(_render_related(boxes[el], box_tag, base, hints))
                skipped.add(el)
                walker.skip_subtree()
                continue
            if el in consumed:
                skipped.add(el)
                walker.skip_subtree()
                continue
            if (tag in _DROP_TAGS and not (tag == "form" and el in protected)) or (
                el not in protected
                and (
                    _is_hidden(el)
                    or _is_junk(el, tag, content_depth > 0, names.get(el))
                    or (content_depth == 0 and el in link_lists and _is_link_list(el))
                )
            ):
                if tag in _BLOCK_TAGS or tag in ("nav", "form", "iframe"):
                    out.flush()
                skipped.add(el)
                walker.skip_subtree()
                continue
            if el not in protected and _is_caption(el, tag, names.get(el)):
                # Captions are not text a reader follows; the first one is the lead photo's.
                out.flush()
                _record_caption(hints, el)
                skipped.add(el)
                walker.skip_subtree()
                continue
            if el in container_set:
                out.flush()
                content_depth += 1
            if tag == "li":
                li_depth += 1
            if tag in _BLOCK_TAGS:
                out.flush()
                block_stack.append(tag)
            elif tag in _CELL_TAGS:
                out.cell_break()
            elif tag == "br":
                out.flush()
            elif tag == "a" and _in_breadcrumb(el):
                out.flush()  # one line per crumb: the last is the article's rubric
            cur = block_stack[-1] if block_stack else "div"
            out.add(el.text, cur, content_depth > 0, li_depth > 0)
        else:  # end
            if el in skipped:
                skipped.discard(el)
            else:
                if tag in _BLOCK_TAGS:
                    out.flush()
                    if block_stack:
                        block_stack.pop()
                if tag == "li":
                    li_depth -= 1
                if tag == "a" and _in_breadcrumb(el):
                    out.flush()
                if el in container_set:
                    out.flush()
                    content_depth -= 1
            if el.tail:
                cur = block_stack[-1] if block_stack else "div"
                out.add(el.tail, cur, content_depth > 0, li_depth > 0)
    out.flush()
    return out.lines


def _in_breadcrumb(anchor: Any) -> bool:
    parent = anchor.getparent()
    return parent is not None and "crumb" in ((parent.get("class") or "") + (parent.get("id") or "")).lower()


def _is_link_list(el: Any) -> bool:
    """The checks on a link-list candidate that read its text: asked only of the blocks the render reaches."""
    return "breadcrumb" not in (el.get("class") or "").lower() and not _BYLINE_WORDS.search(_text_prefix(el, 300))


def _is_junk(el: Any, tag: str, in_content: bool, raw: Optional[str]) -> bool:
    """A widget by its tag or class/id words (`raw`: the element's lowercased "class id", None if neither)."""
    if tag == "footer" and not in_content:
        # The page footer goes; an <article>'s own footer may hold the byline or editor line.
        return next(el.iterancestors("article"), None) is None
    if tag == "aside" and not in_content:
        return True
    if raw is None:
        return False
    hidden, junk, related, outside = _name_flags(raw)
    if hidden:
        return True
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
        cls = child.get("class")
        if cls and _TIMESTAMP_TOKENS.intersection(_TOKEN_SPLIT.split(cls.lower())):
            return True
    return False


# ---------------------------------------------------------------- hints


def _meta_hints(root: Any, hints: Hints) -> dict[str, str]:
    metas: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").strip().lower()
        content = el.get("content")
        if not key or content is None:
            continue
        content = _clean(content)
        if content and key not in metas:
            metas[key] = content
        if key in ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author") and content:
            _add_authors(hints, [content])
    return metas


_ORG_AUTHOR = re.compile(
    r"\b(?:media|cyber|news|redaksi|tim|team|pt|tbk|group|grup|network|online|portal|staff|admin|desk)\b"
    r"|\.(?:com|co\.id|id|net|tv)\b|https?://|www\.",
    re.IGNORECASE,
)


def _add_authors(hints: Hints, names: Iterable[str]) -> None:
    for name in names:
        name = _clean(name)
        # Sites put their company in the author meta ("Kompas Cyber Media"); only people are authors.
        if not name or len(name) > 120 or _ORG_AUTHOR.search(name) or name in hints.authors:
            continue
        hints.authors.append(name)


def _iter_jsonld(root: Any) -> Iterator[dict[str, Any]]:
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = script.text or ""
        if not raw.strip() or len(raw) > _MAX_JSONLD:
            continue
        try:
            data = json.loads(raw.strip().rstrip(";"), strict=False)
        except ValueError:
            continue
        stack: list[Any] = [data]
        seen = 0
        while stack and seen < 500:
            seen += 1
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.append(item["@graph"])
                types = item.get("@type")
                names = [types] if isinstance(types, str) else types if isinstance(types, list) else []
                if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in names):
                    yield item
                elif isinstance(item.get("mainEntity"), (dict, list)):
                    stack.append(item["mainEntity"])


def _ld_text(value: Any) -> Optional[str]:
    if isinstance(value, str):
        return _clean(value) or None
    if isinstance(value, list) and value:
        return _ld_text(value[0])
    if isinstance(value, dict):
        return _ld_text(value.get("name") or value.get("@value"))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _ld_names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        n = value.get("name")
        return [n] if isinstance(n, str) else []
    if isinstance(value, list):
        out: list[str] = []
        for v in value[:20]:
            out.extend(_ld_names(v))
        return out
    return []


def _jsonld_hints(root: Any, hints: Hints) -> dict[str, Optional[str]]:
    found: dict[str, Optional[str]] = {}
    for item in _iter_jsonld(root):
        for key in ("headline", "datePublished", "dateModified", "articleSection", "url", "description"):
            if key not in found or not found[key]:
                found[key] = _ld_text(item.get(key))
        _add_authors(hints, _ld_names(item.get("author")))
        if hints.image_caption is None:
            img = item.get("image")
            if isinstance(img, list) and img:
                img = img[0]
            if isinstance(img, dict):
                cap = _ld_text(img.get("caption") or img.get("description"))
                if cap:
                    hints.image_caption = cap
        break_after = bool(found.get("headline"))
        if break_after and found.get("datePublished"):
            break
    return found


def _strip_site_suffix(title: str, site_name: Optional[str], url: Optional[str]) -> str:
    """Drop a trailing " | Site" / " - Site" from a <title> when the tail names the site."""
    parts = _SITE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    tail = parts[-1].lower()
    brand_words = set()
    if site_name:
        brand_words.add(site_name.lower())
    if url:
        m = re.match(r"https?://(?:www\.)?([^/]+)", url, re.IGNORECASE)
        if m:
            host = m.group(1).lower()
            brand_words.add(host)
            brand_words.add(host.split(".")[0])
            if len(host.split(".")) > 2:
                brand_words.add(host.split(".")[1])
    if any(b and (b in tail.replace(" ", "") or tail in b) for b in brand_words):
        cut = title.rfind(parts[-1])
        head = _SITE_SEPARATORS.sub(" | ", title[:cut]).rstrip(" |-–—:•»")
        # Keep inner separators as they were: cut the original string instead of re-joining parts.
        separators = list(_SITE_SEPARATORS.finditer(title))
        return title[: separators[-1].start()].strip() if separators else head
    return title


def _collect_hints(root: Any) -> Hints:
    hints = Hints()
    metas = _meta_hints(root, hints)
    ld = _jsonld_hints(root, hints)

    lang = root.get("lang") or root.get("xml:lang") or metas.get("content-language") or metas.get("og:locale")
    hints.language = _clean(lang) or None

    canonical = None
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            canonical = link.get("href").strip()
            break
    hints.url = metas.get("og:url") or canonical or ld.get("url")
    hints.site_name = metas.get("og:site_name") or metas.get("application-name")

    doc_title = None
    head = root.find("head")
    t = head.find("title") if head is not None else None
    if t is None:
        t = next(root.iter("title"), None)
    if t is not None:
        doc_title = _clean(_text_content(t))
    title = ld.get("headline") or metas.get("og:title") or metas.get("twitter:title") or doc_title
    hints.title = _strip_site_suffix(title, hints.site_name, hints.url) if title else None

    published = next((metas[k] for k in _META_PUBLISHED if metas.get(k)), None)
    if published is None:
        published = ld.get("datePublished")
    if published is None:
        for el in root.iter("time"):
            if el.get("itemprop") == "datePublished" or el.get("pubdate") is not None:
                published = _clean(el.get("datetime") or _text_content(el)) or None
                break
    hints.published = published
    hints.modified = next((metas[k] for k in _META_MODIFIED if metas.get(k)), None) or ld.get("dateModified")
    hints.section = metas.get("article:section") or ld.get("articleSection")
    hints.description = metas.get("og:description") or metas.get("description") or ld.get("description")
    return hints


# ---------------------------------------------------------------- entry point


def html_to_document(markup: str) -> HtmlDocument:
    """Render an HTML page into text lines (with tag, in-content and bullet flags) and metadata hints.

    Raises `InputError` when the markup cannot be parsed at all.
    """
    if not isinstance(markup, str):
        raise InputError(f"html_to_document expects str, got {type(markup).__name__}")
    root = _parse(markup)
    try:
        hints = _collect_hints(root)
        body = root.find("body")
        if body is None:
            body = root
        scan = _scan(body)
        containers = _find_content(scan)
        base = hints.url
        lines = _render(body, scan, containers, base, hints)
    except RecursionError:
        raise InputError("HTML is nested too deeply to render") from None
    return HtmlDocument(lines=lines, hints=hints)
