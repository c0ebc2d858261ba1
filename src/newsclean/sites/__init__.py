"""Site knowledge as data: profiles read from TOML, compiled once, looked up by URL or fingerprint.

A profile says what one site's dumps look like: its domains, strings that identify a dump without a
URL, chrome lines, where the trailing chrome starts, its byline and credit forms. The shared
Indonesian lexicon (``data/lexicon.toml``) applies to every page; a profile only adds to it.

Users add sites without touching the package::

    newsclean.register_site({"name": "example.id", "domains": ["example.id"],
                             "chrome": {"exact": ["Baca Versi Cetak"]}})
    newsclean.load_profiles("my_profiles/")      # every *.toml in the folder

For batches on process pools or Dask, set ``NEWSCLEAN_PROFILES=my_profiles/`` in the environment
instead (or ``newsclean clean --profiles my_profiles/``): every worker process then loads them.

Modules: `profile` (validation), `patterns` (matching, users' patterns under a time limit),
`lexicon` (the shared lexicon merged with a profile), `registry` (lookup, safe to change while parsing).
"""

from __future__ import annotations

from .lexicon import Lexicon, lexicon, lexicon_table
from .patterns import PATTERN_TIMEOUT, GuardedPattern, LineMatcher, PhraseSet
from .profile import SiteProfile
from .registry import PROFILES_ENV, get_profile, identify, load_profiles, profile_for_url, profiles, register_site

__all__ = [
    "PATTERN_TIMEOUT",
    "PROFILES_ENV",
    "GuardedPattern",
    "Lexicon",
    "LineMatcher",
    "PhraseSet",
    "SiteProfile",
    "get_profile",
    "identify",
    "lexicon",
    "lexicon_table",
    "load_profiles",
    "profile_for_url",
    "profiles",
    "register_site",
]
