"""The one walk over the body everything else reads: class/id names, paragraph weight, link-list counts.

`scan_body` visits every element once, in C-level document order, and sums its counts bottom-up; the
container choice (`container`), the render pass and the metadata readers then look things up instead of
walking the tree again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Optional

from ..errors import InputTooLarge
from ._dom import BLOCK_TAGS, DROP_TAGS, clean, text_content
from .metadata import is_microdata_candidate

# Names sites give the element that holds the article's text (class/id substrings, lowercased).
_CONTENT_NAMES = re.compile(
    r"articlebody|article[_-]?body|article[_-]?content|article[_-]?text|detail[_-]?text|text[_-]?detail"
    r"|read[_-]{0,2}content|read[_-]?text|entry[_-]?content|post[_-]?content|post[_-]?body|content[_-]?detail"
    r"|detail[_-]?content|txt[_-]?article|txt[_-]?detail|side[_-]?article|story[_-]?body|news[_-]?content"
    r"|content[_-]?news|isi[_-]?berita|detail[_-]?berita|berita[_-]?detail|artikel|itp[_-]?body|body[_-]?text"
    r"|text[_-]?gal|detailnews|detail[_-]?news|news[_-]?detail|content[_-]?text|main[_-]?text|article__content"
    r"|div[_-]?read|kcm[_-]?read[_-]?text|ctn[_-]?desc|content[_-]?article"
)


# Every form of the pattern holds one of these words, letter for letter. For each word, the forms that hold
# it: a name is searched only with the forms of the words it holds (a handful, where the whole pattern tries
# its ~40 alternatives at each position), and a name with none of the words (most: "row", "col-md-8") with
# none. Same answers: a name the whole pattern matches holds the matching form's word, whose forms match it.
_CONTENT_WORDS = ("article", "artikel", "detail", "content", "read", "body", "berita", "gal", "main", "desc")
_FORMS_BY_WORD = tuple(
    (word, re.compile("|".join(form for form in _CONTENT_NAMES.pattern.split("|") if word in form)))
    for word in _CONTENT_WORDS
)


@lru_cache(maxsize=4096)
def _is_content_name(raw: str) -> bool:
    for word, forms in _FORMS_BY_WORD:
        if word in raw and forms.search(raw) is not None:
            return True
    return False


def _may_name_tags(raw: str) -> bool:
    """A substring pre-test for the names of tag lists (`tags.shown_tag_lists` splits only these into words)."""
    return "tag" in raw or "topi" in raw or "keyword" in raw


# Blocks that can be link lists (menus, headline lists); `render` confirms each one it reaches.
# Elements that may carry itemprop="articleBody" (asked only of these: the lookup costs on every element).
_BODY_TAGS = frozenset({"div", "article", "section", "main", "td", "span"})
_LIST_CANDIDATES = frozenset({"ul", "ol", "div", "section", "table", "dl", "tbody", "p", "span", "li"})
# Children that make a <div> more than one paragraph of inline markup (`_div_runs`).
_ENDS_INLINE = BLOCK_TAGS | DROP_TAGS | {"br"}
# Tags the walk does something special at (paragraph credit, captions, the headline).
_MARKED_TAGS = frozenset({"div", "p", "br", "figcaption", "h1"})


@dataclass(slots=True)
class Scan:
    """What one walk over the body learns, for container detection, link lists and the render pass."""

    names: dict[Any, str]  # element → lowercased "class id", for elements that have either
    named: list[Any]  # elements named like an article-text container, in document order
    para_len: dict[Any, int]  # paragraph text credited to each paragraph parent (and half to its parent)
    lists: set[Any]  # blocks whose counts read as link lists (`_is_link_list` has the final word)
    figcaptions: list[Any]  # every <figcaption>, in document order (photo stories tell the text in them)
    weights: dict[Any, tuple[int, int]]  # named element → (prose outside links, all text), see `scan_body`
    sizes: dict[Any, int]  # element with a class/id, and <figcaption> → characters of text under it
    # Found on the way for the readers of the whole page (`document.whole_page` adds what lies outside the body):
    headline: Optional[Any]  # the first <h1>
    rel_tags: list[Any]  # <a rel="tag"> links (WordPress's tag list)
    itemprops: list[Any]  # elements whose microdata may date the story or name its author
    tag_named: list[Any]  # elements whose class/id has "tag", "topi" or "keyword" in it (`tags` reads them)


def scan_body(body: Any, max_elements: Optional[int] = None) -> Scan:
    """One bottom-up walk: class/id names, named containers, paragraph weight and link-list statistics.

    Weights: under each named element, the text outside links in pieces of 40+ characters (prose) and
    all text, both summed bottom-up so that nested containers cost nothing extra. Sizes likewise (text
    pieces counted stripped): later checks of an element's length never walk its subtree again.

    Link lists: for every element its text length, link-text length, anchor count and whether it holds an
    <h1>; text renderers show such lists, but they are never part of the header a reader needs (title,
    date, byline) and their headline-like lines drown the text steps' prose heuristics.

    More than `max_elements` elements: `InputTooLarge` (real pages hold a few thousand; a page of
    hundreds of thousands of tiny elements would cost seconds for nothing).
    """
    names: dict[Any, str] = {}
    named: list[Any] = []
    para_len: dict[Any, int] = {}
    lists: set[Any] = set()
    figcaptions: list[Any] = []
    weights: dict[Any, tuple[int, int]] = {}
    sizes: dict[Any, int] = {}
    headline: Optional[Any] = None
    rel_tags: list[Any] = []
    itemprops: list[Any] = []
    tag_named: list[Any] = []
    # Running sums over the text seen so far, in document order: an element's counts are how much each grew
    # between its start and its end, so nothing is handed up from child to parent (a leaf only adds its text).
    # total: stripped text pieces; link: those inside <a>; weighed: all but a script's or style's own text;
    # prose: pieces of 40+ characters outside links; anchors: <a> elements; h1s: <h1> elements.
    total_seen = link_seen = weighed_seen = prose_seen = anchors_seen = h1s_seen = 0
    # stack frames: [total, link, anchors, h1s (the sums at the element's start), element_children,
    # linked_children, weighed, prose (sums at its start), kind, paragraph, run, run_in_links,
    # separates_with_br, run_has_inline_markup, holds_a_block, element, children_to_come, tag]
    # (the run: see `_close_run`; kind: 0 plain, 1 with a class/id or a <figcaption>: its size is kept,
    # 2 also named as a text container)
    stack: list[list[Any]] = []
    link_depth = 0
    para_depth = 0  # open paragraphs: one the parser left inside another is that paragraph's text, credited once
    elements = 0
    too_many = max_elements + 1 if max_elements is not None else 0
    pop = stack.pop
    push = stack.append
    # Pages repeat their class names: each distinct class (or class and id) is lowercased and matched once.
    seen_names: dict[Any, tuple[str, bool, bool]] = {}
    # A pre-order `iter()` (a third cheaper than `iterwalk`'s start and end events): each frame counts the
    # children still to come, and an element ends once its last child has (a leaf at once).
    for el in body.iter():
        tag = el.tag
        if isinstance(tag, str):
            elements += 1
            if elements == too_many:
                raise InputTooLarge(sum(1 for _ in body.iter()), too_many - 1, unit="HTML elements")
            # (bytes attribute names: lxml then skips encoding the name on each of these calls)
            cls = el.get(b"class")
            ident = el.get(b"id")
            itemprop = el.get(b"itemprop")
            if itemprop and is_microdata_candidate(tag, itemprop):
                itemprops.append(el)
            kind = 0
            if cls or ident:
                key = cls if ident is None else (cls, ident)  # (ids are often unique: most keys are classes)
                known = seen_names.get(key)
                if known is None:
                    raw = f"{cls or ''} {ident or ''}".lower()
                    known = seen_names[key] = (raw, _is_content_name(raw), _may_name_tags(raw))
                names[el] = known[0]
                if known[2]:
                    tag_named.append(el)
                kind = 1
                if known[1] or (tag in _BODY_TAGS and itemprop == "articleBody"):
                    named.append(el)
                    kind = 2
            elif tag in _BODY_TAGS and itemprop == "articleBody":
                named.append(el)
                kind = 2
            remaining = len(el)
            paragraph = 0  # 1: a <p>; 2: a <div> paragraph, credited at its end; 3: one inside another paragraph
            # Paragraph text credits its container: a <p>, or a <div> holding only inline markup (Blogger and
            # older themes write every paragraph as one, often split into <span>s; its credit waits for its
            # end, where its link share is known: a teaser card's title is a link). <br>-separated runs (and
            # other runs of text straight in other <div>s, e.g. after an <img>) credit the element holding them.
            if tag in _MARKED_TAGS:  # (one set lookup settles the common tags: a, li, span, img ...)
                if tag == "div":
                    runs = _div_runs(el) if remaining else None  # (no children: nothing but inline text)
                    if runs is None:
                        para_depth += 1
                        paragraph = 2 if para_depth == 1 else 3
                    elif runs >= 40:
                        _credit(para_len, el, runs)
                elif tag == "p":
                    para_depth += 1
                    paragraph = 1
                    if para_depth == 1:
                        k = len(clean(text_content(el) if remaining else el.text))
                        if k >= 40:
                            _credit(para_len, el.getparent(), k)
                elif tag == "br":
                    k = len(clean(el.tail))
                    if k >= 40:
                        _credit(para_len, el.getparent(), k)
                elif tag == "figcaption":
                    figcaptions.append(el)
                    kind = kind or 1
                elif tag == "h1":
                    h1s_seen += 1
                    if headline is None:
                        headline = el
            text = el.text
            n = len(text.strip()) if text else 0
            w = 0 if tag in DROP_TAGS else n  # (a script's or style's own text is no page text)
            if tag == "a":
                anchors = 1
                link = n
                if el.get(b"rel") == "tag":
                    rel_tags.append(el)
            else:
                anchors = 0
                link = n if link_depth else 0
            if remaining:
                push([
                    total_seen, link_seen, anchors_seen, h1s_seen - (tag == "h1"), remaining, 0, weighed_seen,
                    prose_seen, kind, paragraph, n, link, False, False, False, el, remaining, tag,
                ])
                total_seen += n
                weighed_seen += w
                if anchors:
                    link_depth += 1
                    anchors_seen += 1
                    link_seen += n
                elif link:
                    link_seen += n
                elif w >= 40:
                    prose_seen += w
                continue
            # A leaf ends at once: its counts are its own text's.
            total = n
            weighed = w
            prose = w if w >= 40 and not link else 0  # (link: n, or 0 outside links; n >= w)
            total_seen += n
            weighed_seen += w
            link_seen += link
            prose_seen += prose
            anchors_seen += anchors
            if paragraph:
                para_depth -= 1
                if paragraph == 2 and total >= 40 and link <= 0.3 * total:
                    _credit(para_len, el.getparent(), total)
            if kind:
                sizes[el] = total
                if kind == 2:
                    weights[el] = (prose, weighed)
            holds_block = False
            tail = el.tail
        else:  # a comment or processing instruction a caller's tree kept: no text of the page, ends at once
            if not stack:
                continue
            stack[-1][4] -= 1  # (not one of the element's children the counts speak of)
            link = weighed = anchors = 0
            holds_block = False
            tail = None
        while stack:  # `el` has ended (`weighed`, `link`, `anchors` hold its counts): tell its parent, which may end too
            parent = stack[-1]
            n = 0
            if tail:
                n = len(tail.strip())
                if n:
                    total_seen += n
                    weighed_seen += n
                    if link_depth:
                        link_seen += n
                    elif n >= 40:
                        prose_seen += n
            # The parent's current run of inline text (see `_close_run`): a <br> or a block ends it (so does
            # an inline element that holds a block: "<span><div>...</div></span>"). `weighed`: a script's or
            # style's code is no run of text.
            if tag in BLOCK_TAGS or holds_block or tag == "br":
                if tag == "br":
                    parent[12] = True
                else:
                    parent[14] = True
                if parent[12] and parent[17] != "p":
                    _close_run(parent, para_len, parent[15])
                parent[10] = n
                parent[11] = n if link_depth else 0
                parent[13] = False
            else:
                parent[10] += weighed + n
                if link or link_depth:
                    parent[11] += link + (n if link_depth else 0)
                if weighed:
                    parent[13] = True
            if anchors:
                parent[5] += 1
            parent[16] -= 1
            if parent[16]:
                break
            # The parent's last child has ended: so has the parent; its counts are what the sums gained since.
            frame = pop()
            el = frame[15]
            tag = frame[17]  # (each `el.tag` builds a new string)
            total = total_seen - frame[0]
            link = link_seen - frame[1]
            if frame[12] and tag != "p":
                _close_run(frame, para_len, el)
            if tag == "a":
                link_depth -= 1
            elif frame[9]:
                para_depth -= 1
                if frame[9] == 2 and total >= 40 and link <= 0.3 * total:
                    _credit(para_len, el.getparent(), total)
            weighed = weighed_seen - frame[6]
            if frame[8]:
                sizes[el] = total
                if frame[8] == 2:
                    weights[el] = (prose_seen - frame[7], weighed)
            anchors = anchors_seen - frame[2]
            if anchors >= 2 and tag in _LIST_CANDIDATES and h1s_seen == frame[3] and total > 0:
                if _reads_as_list(tag, total, link, anchors, frame[4], frame[5]):
                    lists.add(el)
            holds_block = frame[14]
            tail = el.tail
    return Scan(names, named, para_len, lists, figcaptions, weights, sizes, headline, rel_tags, itemprops, tag_named)


def _close_run(frame: list[Any], para_len: dict[Any, int], holder: Any) -> None:
    """Credit `holder` with its current run of inline text when the run is a paragraph the plain <br>-tail
    credit misses: the holder separates paragraphs with <br> (frame[12]) and the run holds inline markup
    (frame[13]: "<br><br><span>text</span>"). frame[10] counts the run's characters, frame[11] those in links."""
    run, in_links = frame[10], frame[11]
    if frame[13] and run >= 40 and in_links <= 0.3 * run:
        _credit(para_len, holder, run)
    frame[10] = frame[11] = 0
    frame[13] = False


def _reads_as_list(tag: str, total: int, link: int, anchors: int, children: int, linked: int) -> bool:
    """Counts of a block with 2+ links that read as a link list (menu, headline list, ticker)."""
    return (
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


def _credit(para_len: dict[Any, int], holder: Any, n: int) -> None:
    """Paragraph text `n` to the element holding it, and half of it to that element's parent."""
    if holder is None:
        return
    para_len[holder] = para_len.get(holder, 0) + n
    grand = holder.getparent()
    # Paragraphs of an <article> are that post's: a list of post cards is no text.
    if grand is not None and holder.tag != "article":
        para_len[grand] = para_len.get(grand, 0) + n // 2


def _div_runs(el: Any) -> Optional[int]:
    """None for a <div> whose children are all inline markup (no blocks, no <br>, no script or style):
    its text is one paragraph. Otherwise the characters in the 40+ character runs of text straight inside
    it (not after a <br>: those count apart). One pass over the children."""
    inline_only = True
    n = 0
    for child in el:
        # (a child's tag is read until the first that is no inline markup; after that only for a long tail)
        if inline_only and child.tag in _ENDS_INLINE:  # (a comment's tag is a function: never in the set)
            inline_only = False
        tail = child.tail
        if tail and len(tail) >= 40 and child.tag != "br":
            k = len(clean(tail))
            if k >= 40:
                n += k
    if inline_only:
        return None
    text = el.text
    if text and len(text) >= 40:
        k = len(clean(text))
        if k >= 40:
            n += k
    return n
