"""Page addresses as callers and pages give them: often without a scheme ("kompas.com/read/..."),
sometimes broken. One lenient reading for every module that asks a URL for its host or path."""

from __future__ import annotations

from typing import Optional
from urllib.parse import SplitResult, urlsplit

__all__ = ["split_url", "url_host"]


def split_url(url: str) -> Optional[SplitResult]:
    """`urlsplit`, reading an address without a scheme as host and path ("www.site.id/a/b" has the host
    www.site.id, where `urlsplit` alone would call it all a path); None when the address cannot be split
    at all (an unclosed "[" of an IPv6 host, for one)."""
    try:
        return urlsplit(url if "//" in url else "//" + url)
    except ValueError:
        return None


def url_host(url: str) -> str:
    """The address's host, lower-cased ("" when it has none or cannot be read)."""
    parts = split_url(url)
    return (parts.hostname or "") if parts is not None else ""
