"""Metadata hints from the page head: <title>, <meta> (og:*, article:*, Dublin Core), JSON-LD articles.

Each hint is one reader of the parsed tree feeding `collect_hints`; a new field reads its value in one
more place here and sets it on `Hints`.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable, Iterator, Optional

from lxml import etree

from ..page import Hints
from ._dom import clean, text_content, text_prefix
from .tags import tag_list

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

_META_IMAGE = ("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src", "thumbnailurl")
# Keyword metadata from most to least editorial; "<site>:keywords" (detik's dtk:keywords) come last.
_META_KEYWORDS = ("news_keywords", "keywords")

_MAX_JSONLD = 200_000  # a JSON-LD block larger than this is a data dump, not article metadata


def _meta_hints(root: Any, hints: Hints) -> dict[str, str]:
    metas: dict[str, str] = {}
    for el in root.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv") or "").strip().lower()
        content = el.get("content")
        if not key or content is None:
            continue
        content = clean(content)
        if content and key not in metas:
            metas[key] = content
        if key in ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author") and content:
            _add_authors(hints, [content])
        if key == "article:tag" and content:  # one <meta> per tag
            hints.tags.append(content)
    return metas


_ORG_AUTHOR = re.compile(
    r"\b(?:media|cyber|news|redaksi|tim|team|pt|tbk|group|grup|network|online|portal|staff|admin|desk)\b"
    r"|\.(?:com|co\.id|id|net|tv)\b|https?://|www\.",
    re.IGNORECASE,
)


def _add_authors(hints: Hints, names: Iterable[str]) -> None:
    for name in names:
        name = clean(name)
        # Sites put their company in the author meta ("Kompas Cyber Media"); only people are authors.
        # A placeholder ("-", "...") fills the slot when the CMS has no name.
        if not any(ch.isalpha() for ch in name) or len(name) > 120 or _ORG_AUTHOR.search(name) or name in hints.authors:
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
        except (ValueError, RecursionError):
            continue  # broken or absurdly nested (10 KB can nest 5,000 levels): metadata never costs the article
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


# How far a JSON-LD value is unwrapped ([{"name": ...}], [[...]]): real metadata nests two or three levels.
_LD_DEPTH = 8


def _ld_text(value: Any) -> Optional[str]:
    for _ in range(_LD_DEPTH):
        if isinstance(value, list) and value:
            value = value[0]
        elif isinstance(value, dict):
            value = value.get("name") or value.get("@value")
        else:
            break
    if isinstance(value, str):
        return clean(value) or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def _ld_names(value: Any, depth: int = 0) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        n = value.get("name")
        return [n] if isinstance(n, str) else []
    if isinstance(value, list) and depth < _LD_DEPTH:
        out: list[str] = []
        for v in value[:20]:
            out.extend(_ld_names(v, depth + 1))
        return out
    return []


def _ld_image_url(value: Any) -> Optional[str]:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl")
    return clean(value) or None if isinstance(value, str) else None


def _jsonld_hints(root: Any, hints: Hints) -> dict[str, Optional[str]]:
    found: dict[str, Optional[str]] = {}
    for item in _iter_jsonld(root):
        for key in ("headline", "datePublished", "dateModified", "articleSection", "url", "description", "inLanguage"):
            if key not in found or not found[key]:
                found[key] = _ld_text(item.get(key))
        if not found.get("keywords"):
            found["keywords"] = ", ".join(k for k in _ld_names(item.get("keywords")) if isinstance(k, str)) or None
        if not found.get("image"):
            found["image"] = _ld_image_url(item.get("image"))
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


def collect_hints(root: Any, itemprops: list[Any]) -> Hints:
    """The head's metadata; `itemprops`: the page's microdata candidates (`is_microdata_candidate`)."""
    hints = Hints()
    metas = _meta_hints(root, hints)
    ld = _jsonld_hints(root, hints)

    lang = (
        root.get("lang") or root.get("xml:lang") or metas.get("content-language") or metas.get("og:locale")
        or ld.get("inLanguage")
    )
    hints.language = clean(lang) or None

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
        doc_title = clean(text_content(t))
    title = ld.get("headline") or metas.get("og:title") or metas.get("twitter:title") or doc_title
    hints.title = _strip_site_suffix(title, hints.site_name, hints.url) if title else None

    published = next((metas[k] for k in _META_PUBLISHED if metas.get(k)), None) or ld.get("datePublished")
    # Microdata only fills what <meta> and JSON-LD left open (most pages state both there).
    micro = _microdata_hints(itemprops, hints) if published is None or not hints.authors else {}
    if published is None:
        published = micro.get("datepublished")
    if published is None:
        for el in root.iter("time"):
            if el.get("pubdate") is not None:
                published = clean(el.get("datetime") or text_content(el)) or None
                break
    hints.published = published
    hints.modified = (
        next((metas[k] for k in _META_MODIFIED if metas.get(k)), None) or ld.get("dateModified")
        or micro.get("datemodified")
    )
    hints.section = metas.get("article:section") or ld.get("articleSection")
    hints.description = metas.get("og:description") or metas.get("description") or ld.get("description")
    hints.image_url = next((metas[k] for k in _META_IMAGE if metas.get(k)), None) or ld.get("image")
    # The stated tags; the tag list the page shows is weighed against them once the body is scanned.
    hints.tags = tag_list(hints.tags) or tag_list(_keywords(metas, ld))
    return hints


_MICRODATA = ("datepublished", "datemodified", "author")
# A byline element marked up as the author often carries its label and several names: "Oleh : X", "X dan Y".
_BYLINE_LABEL = re.compile(r"^\s*(?:oleh|by|penulis|pewarta|reporter|author)\s*:?\s*", re.IGNORECASE)
_NAME_JOINS = re.compile(r"\s*(?:&|\bdan\b|\band\b)\s*", re.IGNORECASE)
_MAX_ITEMPROPS = 500
_CANDIDATE_WORDS = ("date", "Date", "author", "Author")


def is_microdata_candidate(tag: str, itemprop: str) -> bool:
    """An element whose itemprop may be one of those (the body's scan asks each element with an itemprop)."""
    return tag != "meta" and any(word in itemprop for word in _CANDIDATE_WORDS)


# The same test in XPath, for the elements outside the body (the head).
MICRODATA_SEARCH = etree.XPath(
    "descendant-or-self::*[@itemprop and not(self::meta) and (contains(@itemprop, 'date')"
    " or contains(@itemprop, 'Date') or contains(@itemprop, 'author') or contains(@itemprop, 'Author'))]"
)


def _microdata_hints(candidates: list[Any], hints: Hints) -> dict[str, str]:
    """schema.org microdata on the page's elements (Blogger, many WordPress themes): the first
    datePublished/dateModified value, and the names of itemprop="author" people (added to `hints`).
    `candidates`: the elements `is_microdata_candidate` accepts, in page order."""
    found: dict[str, str] = {}
    for el in candidates[:_MAX_ITEMPROPS]:
        if el.tag == "meta":
            continue  # read with the other <meta> tags
        props = el.get("itemprop").lower().split()
        for prop in props:
            if prop == "author":
                if not _in_comment(el):  # readers' comments carry their own itemprop="author"
                    _add_authors(hints, _NAME_JOINS.split(_BYLINE_LABEL.sub("", _microdata_name(el))))
            elif prop in _MICRODATA and prop not in found:
                value = clean(el.get("content") or el.get("datetime") or el.get("title") or text_prefix(el, 200))
                if value:
                    found[prop] = value
    return found


def _in_comment(el: Any) -> bool:
    for k, node in enumerate(el.iterancestors()):
        if k >= 20:
            return False
        marks = f"{node.get('itemtype') or ''} {node.get('class') or ''} {node.get('id') or ''}".lower()
        if "comment" in marks or "komentar" in marks:
            return True
    return False


def _microdata_name(person: Any) -> str:
    """A Person's name: its itemprop="name" part, else its own text."""
    for k, node in enumerate(person.iter()):
        if k > 50:
            break
        if node is not person and "name" in (node.get("itemprop") or "").lower().split():
            return clean(node.get("content") or text_prefix(node, 200))
    return clean(person.get("content") or text_prefix(person, 200))


def _keywords(metas: dict[str, str], ld: dict[str, Optional[str]]) -> list[str]:
    """The first keyword list the page states: JSON-LD keywords, news_keywords, keywords, "<site>:keywords"."""
    site_keys = sorted(k for k in metas if k.endswith(":keywords"))
    for value in (ld.get("keywords"), *(metas.get(k) for k in (*_META_KEYWORDS, *site_keys))):
        if value:
            return [value]
    return []

