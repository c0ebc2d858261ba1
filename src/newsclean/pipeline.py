"""`parse()`: raw dump in, validated `Article` out, through the ordered steps in `newsclean.steps`."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Optional, Union

from pydantic import TypeAdapter, ValidationError

from . import sites
from .errors import ArticleValidationError, InputError, NewscleanError
from .inputs import Source, to_raw
from .load import DEFAULT_MAX_CHARS, DEFAULT_MAX_LINES, load
from .models import Article, LeadImage, RelatedLink, RemovedLine
from .page import Page
from .urls import url_host
from .steps import STEPS

__all__ = ["parse", "run_steps", "assemble"]


def parse(
    raw: Source,
    *,
    url: Optional[str] = None,
    fetched_at: Optional[dt.datetime] = None,
    site: Optional[Union[str, "sites.SiteProfile"]] = None,
    explain: bool = False,
    max_chars: int = DEFAULT_MAX_CHARS,
    max_lines: int = DEFAULT_MAX_LINES,
) -> Article:
    """Clean one page dump (text rendering or HTML) into an `Article`.

    `raw` is the page as `str` (always text, never a file name) or `bytes` (decoded here), a
    `pathlib.Path` to read, or a tree a scraper holds: a `bs4.BeautifulSoup` / `bs4.Tag` or an lxml
    element. A selected element keeps its document's `<head>` metadata.

    - `url`: the page's address; picks the site profile and fills `Article.url`.
    - `fetched_at`: when the page was saved (tz-aware); resolves relative dates such as "2 jam lalu".
    - `site`: force a profile by name/domain (or pass a `SiteProfile`) instead of detecting it.
    - `explain`: attach every non-body line with the step and reason that set it aside.
    - `max_chars`, `max_lines`: refuse larger inputs with `InputTooLarge` (a run of blank lines
      counts as at most 16 lines; a line over 20,000 characters is read in pieces, none of it lost).

    Raises `InputError` (empty, binary, undecodable), `NotAnArticle` (listing, tag page, no prose)
    or `ArticleValidationError`; nothing else escapes.
    """
    _check_fetched_at(fetched_at)
    profile = _resolve_site(site)
    try:
        page = load(to_raw(raw), url=url, fetched_at=fetched_at, max_chars=max_chars, max_lines=max_lines)
        page.profile = profile
        run_steps(page)
        return assemble(page, explain=explain)
    except NewscleanError:
        raise
    except RecursionError as exc:
        raise InputError(f"input is nested too deeply to read: {exc}") from None
    except Exception as exc:  # a bug must still surface as a typed, reportable error
        raise NewscleanError(f"internal error while parsing ({type(exc).__name__}: {exc})") from exc


def _check_fetched_at(fetched_at: object) -> None:
    if fetched_at is None:
        return
    try:
        # A user's tzinfo can fail in any way; each one is the caller's input error.
        aware = isinstance(fetched_at, dt.datetime) and fetched_at.utcoffset() is not None
    except Exception as exc:  # noqa: BLE001
        raise InputError(f"fetched_at's timezone cannot give its UTC offset ({type(exc).__name__}: {exc})") from None
    if not aware:
        raise InputError("fetched_at must be a timezone-aware datetime")


def _resolve_site(site: Optional[Union[str, "sites.SiteProfile"]]) -> Optional["sites.SiteProfile"]:
    if site is None or isinstance(site, sites.SiteProfile):
        return site
    if not isinstance(site, str):
        raise InputError(f"site must be a site name, a domain or a SiteProfile, not {type(site).__name__}")
    found = sites.get_profile(site)
    if found is None:
        raise InputError(f"unknown site {site!r}; known: {', '.join(sorted(sites.profiles()))}")
    return found


def run_steps(page: Page) -> Page:
    """Run every step in order on `page` (exposed for debugging and for custom pipelines)."""
    for step in STEPS:
        step(page)
    return page


def assemble(page: Page, *, explain: bool = False) -> Article:
    """Turn a fully labelled page into a validated `Article`."""
    published = page.published
    published_at = published if isinstance(published, dt.datetime) else None
    published_date = published.date() if isinstance(published, dt.datetime) else published
    lead_image = (
        LeadImage(caption=page.image_caption, credit=page.image_credit, url=page.image_url)
        if (page.image_caption or page.image_credit or page.image_url)
        else None
    )
    seen: set[str] = set()
    related = []
    for title, link in page.related:
        if title and title not in seen:
            seen.add(title)
            related.append(RelatedLink(title=title, url=link))
    removed = None
    if explain:
        # Validated as one list: a single call into pydantic's core instead of one per line (a page
        # may have up to `max_lines` of them).
        removed = _removed_lines().validate_python([
            {"index": ln.number, "text": ln.original, "label": ln.label or "outside", "step": ln.step or "select_body",
             "reason": ln.reason or "not part of the article's main block"}
            for ln in page.lines
            if ln.label != "body" and ln.label != "blank"
        ])
    try:
        return Article(
            title=page.title,
            body=page.body,
            published_at=published_at,
            published_date=published_date,
            updated_at=page.updated,
            authors=page.authors,
            editors=page.editors,
            section=page.section,
            site=page.site or _site_from_url(page.url or page.hints.url),
            url=page.url or page.hints.url,
            fetched_at=page.fetched_at,
            lead_image=lead_image,
            related=related,
            closing_code=page.closing_code,
            description=page.description,
            tags=page.tags,
            language=page.language,
            removed=removed,
        )
    except ValidationError as exc:
        raise ArticleValidationError(f"the extracted fields do not form a valid Article: {exc}") from None


@lru_cache(maxsize=1)
def _removed_lines() -> TypeAdapter[list[RemovedLine]]:
    return TypeAdapter(list[RemovedLine])


def _site_from_url(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    host = url_host(url)
    return host[4:] if host.startswith("www.") else (host or None)
