"""Step: decide which site profile applies (URL, then fingerprints, then HTML site name)."""

from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from .. import sites
from ..page import Line, Page

# An address in lynx's list of the page's links ("  12. https://www.situs.example/read/...").
_LINK_HOST = re.compile(r"https?://([^/\s:?#]+)", re.IGNORECASE)
# The page's own site owns most of its links: this share of the addresses, and this many at least.
_OWN_LINK_SHARE = 0.25
_OWN_LINKS = 5


def identify_site(page: Page) -> None:
    """Set `page.profile` unless the caller forced one; unknown sites keep `None` (generic path)."""
    if page.profile is not None:
        return
    url = page.url or page.hints.url
    if url:  # (a known site's address settles it without reading the page)
        page.profile = sites.profile_for_url(url)
        if page.profile is not None:
            return
    # Fingerprints are looked for in the head and foot of the page, where site chrome lives.
    lines = page.lines
    # (the foot is the page's, not lynx's list of link addresses that `reflow` set aside after it)
    end = len(lines)
    while end > 0 and (not lines[end - 1].text or lines[end - 1].step == "reflow"):
        end -= 1
    sample = [ln.text for ln in lines[:60]] + [ln.text for ln in lines[max(60, end - 80) : end]]
    page.profile = sites.identify(sample, site_name=page.hints.site_name)
    if page.profile is None and end < len(lines):
        page.profile = _owner_of_links(lines[end:])


def _owner_of_links(references: list[Line]) -> Optional[sites.SiteProfile]:
    """The known site that most of the page's link addresses point to (a page links mostly to its own site)."""
    hosts = Counter(m.group(1).lower() for ln in references if ln.text for m in _LINK_HOST.finditer(ln.text[:200]))
    owners: Counter[str] = Counter()
    found: dict[str, sites.SiteProfile] = {}
    for host, count in hosts.items():
        profile = sites.profile_for_url("//" + host)
        if profile is not None:
            owners[profile.name] += count
            found[profile.name] = profile
    if not owners:
        return None
    name, count = owners.most_common(1)[0]
    return found[name] if count >= _OWN_LINKS and count >= _OWN_LINK_SHARE * sum(hosts.values()) else None
