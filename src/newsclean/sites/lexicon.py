"""The shared Indonesian lexicon (``data/lexicon.toml``) and its merge with one site's profile."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Mapping, Optional

from .patterns import LineMatcher, ProfilePattern
from .profile import SiteProfile, tomllib

__all__ = ["Lexicon", "lexicon", "lexicon_table"]


@dataclass(frozen=True)
class Lexicon:
    """The shared chrome knowledge every page gets, plus a profile's additions merged in."""

    chrome: LineMatcher
    tail: LineMatcher
    site_tail: LineMatcher  # the profile's own tail markers: reliable enough to trust anywhere
    listing: LineMatcher
    related_re: re.Pattern[str]
    related_bullets: bool
    credit_agencies: frozenset[str]
    byline_patterns: tuple[ProfilePattern, ...]
    credit_patterns: tuple[ProfilePattern, ...]
    dateline_patterns: tuple[ProfilePattern, ...]
    closing_code_patterns: tuple[ProfilePattern, ...]
    title_suffixes: tuple[str, ...]


def _read_lexicon_toml() -> dict[str, Any]:
    text = resources.files("newsclean").joinpath("data/lexicon.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _related_regex(prefixes: Iterable[str]) -> re.Pattern[str]:
    # "Baca juga: <title>", "Baca juga : <title>", "Baca juga <title>", "BACA: <title> |".
    # A prefix written with a colon ("Baca:", "Terkait:") needs it: without one it is an ordinary word.
    # (Prefixes are literal text, escaped here, so users' prefixes need no time limit.)
    unique = sorted(set(prefixes), key=len, reverse=True)
    loose = [re.escape(p.strip()) for p in unique if not p.rstrip().endswith(":")]
    strict = [re.escape(p.rstrip(" :")) for p in unique if p.rstrip().endswith(":")]
    branches = []
    if loose:
        branches.append(rf"(?:{'|'.join(loose)})\s*[:：\-–]?")
    if strict:
        branches.append(rf"(?:{'|'.join(strict)})\s*[:：]")
    # The title is the rest of the line; `related` trims its spaces and a trailing " |" in Python.
    return re.compile(rf"(?:{'|'.join(branches)})\s*(?P<title>.*)", re.IGNORECASE | re.DOTALL)


@lru_cache(maxsize=None)
def _base_lexicon() -> SiteProfile:
    # The shared lexicon has the shape of a profile (chrome, tail, listing, related) plus the agencies.
    data = _read_lexicon_toml()
    shared = {k: v for k, v in data.items() if k in ("chrome", "tail", "listing", "related")}
    return SiteProfile.from_mapping(
        {"name": "shared lexicon", **shared}, source="newsclean/data/lexicon.toml", trusted=True
    )


@lru_cache(maxsize=None)
def lexicon_table(name: str) -> Mapping[str, Any]:
    """One table of the shared lexicon (data/lexicon.toml) as read, for steps that compile their own matchers."""
    table = _read_lexicon_toml().get(name, {})
    return table if isinstance(table, Mapping) else {}


@lru_cache(maxsize=None)
def _credit_agencies() -> frozenset[str]:
    return frozenset(a.casefold() for a in _read_lexicon_toml().get("credit", {}).get("agencies", []))


# Profile name -> (the profile it was built for, its lexicon). Parses only read it; a stale entry
# (the profile was replaced) is noticed by identity and rebuilt.
_cache: dict[Optional[str], tuple[Optional[SiteProfile], Lexicon]] = {}
_cache_lock = threading.Lock()


def lexicon(profile: Optional[SiteProfile] = None) -> Lexicon:
    """The shared lexicon, merged with `profile`'s additions (compiled once per profile)."""
    key = profile.name if profile is not None else None
    cached = _cache.get(key)
    if cached is not None and cached[0] is profile:
        return cached[1]
    base = _base_lexicon()
    site = profile if profile is not None else SiteProfile(name="")
    built = Lexicon(
        chrome=(base.chrome + site.chrome).matcher(),
        tail=(base.tail + site.tail).matcher(),
        site_tail=site.tail.matcher(),
        listing=(base.listing + site.listing).matcher(),
        related_re=_related_regex(base.related_prefixes + site.related_prefixes),
        related_bullets=site.related_bullets,
        credit_agencies=_credit_agencies(),
        byline_patterns=site.byline_patterns,
        credit_patterns=site.credit_patterns,
        dateline_patterns=site.dateline_patterns,
        closing_code_patterns=site.closing_code_patterns,
        title_suffixes=site.title_suffixes,
    )
    with _cache_lock:
        _cache[key] = (profile, built)
    return built
