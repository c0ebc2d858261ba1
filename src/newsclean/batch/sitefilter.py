"""Which documents to clean, by the host of their URL — decided before anything is parsed.

    >>> SiteFilter.from_spec(sites="known")             # hosts some site profile covers
    >>> SiteFilter.from_spec(sites="kompas.com,tempo.co") # these domains and their subdomains
    >>> SiteFilter.from_spec(domain=".id")              # hosts under a suffix

A document is kept when any of the given rules keeps it. Documents without a URL (plain files,
raw strings) are not judged and always kept: their site is only known once they are parsed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Optional

from ..urls import url_host

__all__ = ["SiteFilter", "host_of"]


def host_of(url: str) -> str:
    """The URL's host, lower-case, without port, trailing dot or "www." ("" when there is none)."""
    host = url_host(url).rstrip(".")
    return host[4:] if host.startswith("www.") else host


def _under(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


@dataclass(frozen=True)
class SiteFilter:
    """Keep URLs whose host is one of `domains` (or a subdomain), ends with one of `suffixes`, or — with
    `known` — belongs to a site that has a profile (built-in or registered)."""

    domains: tuple[str, ...] = ()
    suffixes: tuple[str, ...] = ()
    known: bool = False

    @classmethod
    def from_spec(cls, sites: Optional[str] = None, domain: Optional[Iterable[str] | str] = None) -> SiteFilter:
        """From the CLI's `--sites known|a.com,b.id` and `--domain SUFFIX` (repeatable). Raises ValueError."""
        names = [part.strip().lower() for part in (sites or "").split(",") if part.strip()]
        known = "known" in names
        domains = tuple(name.lstrip(".") for name in names if name != "known")
        if isinstance(domain, str):
            domain = [domain]
        suffixes = tuple(s.strip().lower() for s in (domain or ()) if s.strip())
        if not (known or domains or suffixes):
            raise ValueError("a site filter needs --sites known, --sites DOMAIN[,DOMAIN...] or --domain SUFFIX")
        bad = [d for d in domains if "." not in d or "/" in d]
        if bad:
            raise ValueError(f"not a domain: {', '.join(bad)} (use e.g. kompas.com)")
        return cls(domains=domains, suffixes=suffixes, known=known)

    def keeps(self, url: str) -> bool:
        """True when the URL's host passes the filter."""
        host = host_of(url)
        if not host:
            return False
        if any(_under(host, d) for d in self.domains):
            return True
        if any(host.endswith(s) if s.startswith(".") else _under(host, s) for s in self.suffixes):
            return True
        if self.known:
            from ..sites import profile_for_url

            return profile_for_url(host) is not None
        return False
