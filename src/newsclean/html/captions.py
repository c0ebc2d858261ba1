"""Photo captions: which blocks are captions, and the lead photo's caption and credit they give."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Optional

from ..page import Hints
from ._dom import TOKEN_SPLIT, clean, is_within, name_tokens, text_content, tokens

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
CREDIT_TAIL = re.compile(r"(?:\bFoto|\bPhoto|\bIlustrasi|\bSumber foto)\s*:\s*[^:]{1,60}$", re.IGNORECASE)


def is_caption(el: Any, tag: str, raw: Optional[str], size: int) -> bool:
    """A photo caption block: <figcaption>, a caption-named element, or a small image block with text.

    `size`: the characters of text under the element (`Scan.sizes`).
    """
    if tag == "figcaption":
        return True
    if raw is None or tag not in ("div", "span", "p", "figure", "td", "table"):
        return False
    toks = name_tokens(raw)
    if not toks:
        return False
    if toks & _CAPTION_TOKENS or _has_caption_word(raw):
        return size <= 600
    if toks & _PHOTO_TOKENS and 0 < size <= 400 and len(el) <= 8:
        return _small_photo_block(el)
    return False


def _small_photo_block(el: Any) -> bool:
    """An image with a line of text: an <img>, no paragraph or headline, and few elements (scan bounded)."""
    has_image = False
    for k, node in enumerate(el.iter()):
        if k >= 200:
            return False
        tag = node.tag
        if tag == "img":
            has_image = True
        elif tag in ("p", "h1", "h2"):
            return False
    return has_image


@lru_cache(maxsize=4096)
def _has_caption_word(raw: str) -> bool:
    """Caption names glued to another word ("newsCaption", "articleImageCaption")."""
    return "caption" in raw and any(w.endswith("caption") for w in TOKEN_SPLIT.split(raw))


def _caption_parts(el: Any) -> tuple[str, Optional[str]]:
    """(caption, credit) of a caption block; the credit from a credit-named child or a trailing "(…)"."""
    credit: Optional[str] = None
    for child in el.iter():
        if child is not el and isinstance(child.tag, str) and tokens(child) & _CREDIT_TOKENS:
            credit = clean(text_content(child)) or None
            if credit:
                break
    text = clean(text_content(el))
    if credit:
        caption = clean(text.replace(credit, " ", 1))
        return caption, credit
    for pattern in (_PAREN_TAIL, _FOTO_TAIL):
        m = pattern.search(text)
        if m and m.start() > 0:
            return text[: m.start()].strip(), m.group("credit").strip()
    return text, None


def record_caption(hints: Hints, el: Any) -> None:
    if hints.image_caption is not None and hints.image_credit is not None:
        return
    caption, credit = _caption_parts(el)
    if hints.image_caption is None and caption:
        hints.image_caption = caption
        if hints.image_credit is None:
            hints.image_credit = credit



# Slider plugins copy the first and last slides for their endless loop: the copies are not more photos.
_CLONE_WORDS = frozenset({"slick-cloned", "swiper-slide-duplicate", "cloned", "clone"})
_STORY_CAPTION_CHARS = 60  # a caption that tells part of the story is a sentence or more
_STORY_PHOTOS = 3


@dataclass(slots=True)
class PhotoStory:
    """A photo story: its captioned photos carry more of the story than the text container does."""

    galleries: list[Any] = field(default_factory=list)  # elements holding the photos: article text too
    photos: set[Any] = field(default_factory=set)  # every photo shown, hidden slides of a slider included
    captions: set[Any] = field(default_factory=set)  # captions rendered as article text, not as a label


def photo_story(
    figcaptions: list[Any], containers: list[Any], names: dict[Any, str], sizes: dict[Any, int]
) -> Optional[PhotoStory]:
    """The gallery of a photo story next to the text container, if the page is one.

    Photo pages (detik's "Foto" rubrics and the like) print a lead paragraph, then a slider of photos
    whose captions tell the rest; the slider shows one photo at a time and hides the others. A gallery
    counts when it holds at least three captions of a sentence or more, sits in the container or beside
    it (under the container's parent or grandparent), and its captions outweigh the container's text.
    """
    if not containers or len(figcaptions) < _STORY_PHOTOS:
        return None
    groups: dict[Any, list[tuple[Any, Any, int]]] = {}
    for caption in figcaptions:
        photo = caption.getparent()
        holder = photo.getparent() if photo is not None else None
        if holder is None or _CLONE_WORDS.intersection((names.get(photo) or "").split()):
            continue
        groups.setdefault(holder, []).append((photo, caption, sizes.get(caption, 0)))
    text_chars = sum(len(clean(text_content(c))) for c in containers)
    near = _near_ancestors(containers[0])
    best: Optional[tuple[int, Any, list[tuple[Any, Any, int]]]] = None
    for holder, items in groups.items():
        told = [n for _, _, n in items if n >= _STORY_CAPTION_CHARS]
        if len(told) < _STORY_PHOTOS or sum(told) <= text_chars:
            continue
        if holder not in near and not any(is_within(holder, a, 12) for a in near):
            continue
        if best is None or sum(told) > best[0]:
            best = (sum(told), holder, items)
    if best is None:
        return None
    _, holder, items = best
    return PhotoStory([holder], {photo for photo, _, _ in items}, {caption for _, caption, _ in items})


def _near_ancestors(container: Any) -> set[Any]:
    """The container and the two elements above it (never the page's <body> or <html>)."""
    near = {container}
    node = container.getparent()
    for _ in range(2):
        if node is None or node.tag in ("body", "html"):
            break
        near.add(node)
        node = node.getparent()
    return near
