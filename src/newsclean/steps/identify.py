"""Step: decide which site profile applies (URL, then fingerprints, then HTML site name)."""

from __future__ import annotations

from .. import sites
from ..page import Page


def identify_site(page: Page) -> None:
    """Set `page.profile` unless the caller forced one; unknown sites keep `None` (generic path)."""
    if page.profile is not None:
        return
    # Fingerprints are looked for in the head and foot of the page, where site chrome lives.
    lines = page.lines
    sample = [ln.text for ln in lines[:60]] + [ln.text for ln in lines[max(60, len(lines) - 80):]]
    page.profile = sites.identify(sample, url=page.url or page.hints.url, site_name=page.hints.site_name)
