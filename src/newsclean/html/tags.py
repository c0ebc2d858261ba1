"""Tags: the page's own tag list ("Tag: banjir jakarta, pompa mobile") and tag/keyword metadata.

A tag list is a block named for tags or topics, below the headline (the "trending tags" bar above it is
the site's, not the story's), that is nearly all short links; or WordPress's `rel="tag"` links. A
wrapper that merely carries a "tag-..." class (WordPress puts one on the whole <article>) holds prose
and is passed over. Keyword metadata is split on commas; entries that only say "berita terkini" or
carry a "Label:" are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any, Optional

from ._dom import clean, is_within, name_tokens, text_content

_TAG_BLOCK_TOKENS = frozenset({"tag", "tags", "tagging", "topik", "topic", "topics", "keyword", "keywords"})
MAX_TAGS = 30
_MAX_TAG_CHARS = 60
_MAX_TAG_WORDS = 5  # longer link texts are headlines: a block of those is a list of stories
_MAX_LABEL_CHARS = 30  # text in a tag block that is not a link: "Tag:", "Topik Terkait", commas
_MAX_READ = 200  # tag-named blocks read per page (real pages have a few dozen; keeps hostile ones linear)
_SPLIT = re.compile(r"\s*[,;]\s*")
# Site-wide search-engine keywords say nothing about the story: a keyword made only of these words.
_GENERIC_WORDS = frozenset(
    {
        "berita", "kabar", "info", "informasi", "news", "portal", "situs", "terkini", "terbaru", "terpopuler",
        "populer", "terupdate", "update", "hari", "ini", "harian", "online", "indonesia", "viral", "today",
        "latest", "breaking", "tag", "tags", "topik", "indeks", "index", "lihat", "selengkapnya", "semua",
        "more", "see", "all", "video", "foto",
    }
)


def _generic(tag: str) -> bool:
    words = tag.casefold().split()
    return all(word in _GENERIC_WORDS for word in words) and (len(words) > 1 or words[0] in ("berita", "news", "tag", "tags", "topik"))


def tag_list(values: Iterable[str], *, split: bool = True) -> list[str]:
    """Clean tags (split on commas/semicolons when `split`), dropping blanks, labels, generic keywords,
    overlong entries and repeats (case-insensitive)."""
    out: list[str] = []
    seen: set[str] = set()
    for value in values:
        for part in _SPLIT.split(value) if split else (value,):
            tag = clean(part.replace("#", " "))
            key = tag.casefold()
            if not tag or len(tag) > _MAX_TAG_CHARS or ":" in tag or key in seen or _generic(tag):
                continue
            seen.add(key)
            out.append(tag)
            if len(out) >= MAX_TAGS:
                return out
    return out


def _is_tag_block(el: Any) -> bool:
    """A handful of short links and little else (read with early exits: the element may be the whole page)."""
    links: list[str] = []
    for anchor in el.iter("a"):
        if len(links) == MAX_TAGS:
            return False
        links.append(clean(text_content(anchor)))
    if not links or sum(len(text.split()) <= _MAX_TAG_WORDS for text in links) < 0.8 * len(links):
        return False
    allowed = sum(len(text) for text in links) + _MAX_LABEL_CHARS + 2 * len(links)
    seen = 0
    for piece in el.itertext():
        seen += len(clean(piece))
        if seen > allowed:
            return False
    return True


def _below(root: Any, headline: Any, candidates: list[Any]) -> set[Any]:
    """The candidates that come after the headline in the page: by source line where the lines differ,
    else in document order, found in one walk however many there are (asking XPath's preceding:: axis
    per element was quadratic on one-line pages)."""
    line = headline.sourceline
    below: set[Any] = set()
    same_line: set[Any] = set()
    for el in candidates:
        if line and el.sourceline and el.sourceline != line:
            if el.sourceline > line:
                below.add(el)
        else:
            same_line.add(el)
    if same_line:
        seen_headline = False
        for el in root.iter():
            if el is headline:
                seen_headline = True
            elif seen_headline and el in same_line:
                below.add(el)
    return below


def shown_tag_lists(
    names: Mapping[Any, str], tag_named: list[Any], root: Any, headline: Optional[Any], rel_tags: list[Any]
) -> list[list[str]]:
    """Every tag list the page shows below its headline, in page order (WordPress rel="tag" links last).

    `names` maps the body's elements that have a class or id to it; `tag_named` lists, in document order,
    those whose name has "tag", "topi" or "keyword" in it (the container scan's walk): only those can be
    tag blocks, so the tree is not walked again. Sibling blocks of one
    tag each (`<li class="tag-item">`) form one list. `headline`: the page's first <h1>; `rel_tags`:
    its `<a rel="tag">` links, in page order.
    """
    blocks: dict[Any, list[str]] = {}  # the block's parent -> the links of its tag blocks, in order
    candidates = [el for el in tag_named if name_tokens(names[el]) & _TAG_BLOCK_TOKENS]
    below = _below(root, headline, candidates) if candidates and headline is not None else set(candidates)
    taken: Any = None
    read = 0
    for el in candidates:
        if taken is not None and is_within(el, taken):
            continue  # inside a block already read
        if el not in below:
            continue  # above the headline: the site's trending topics
        read += 1
        if read > _MAX_READ:
            break
        if not _is_tag_block(el):
            continue  # prose
        taken = el
        blocks.setdefault(el.getparent(), []).extend(clean(text_content(a)) for a in el.iter("a"))
    found = [tags for tags in (tag_list(links, split=False) for links in blocks.values()) if tags]
    # WordPress's tag links: rel="tag" alone ("category tag" is the category link).
    wordpress = tag_list((clean(text_content(a)) for a in rel_tags), split=False)
    if wordpress:
        found.append(wordpress)
    return found


def choose_tags(shown: list[list[str]], stated: list[str]) -> list[str]:
    """The story's tags: a shown list that shares a tag with the metadata's (visible wins), else the
    metadata's; a shown list alone only when the page states none (a bar of trending topics below the
    headline looks like a tag list, and the metadata is what tells them apart)."""
    if not stated:
        return shown[0] if shown else []
    keys = {tag.casefold() for tag in stated}
    for tags in shown:
        if any(tag.casefold() in keys for tag in tags):
            return tags
    return stated
