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
"""

from __future__ import annotations

import os
import re
import sys
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping, NamedTuple, Optional
from urllib.parse import urlsplit

from ..errors import ProfileError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = [
    "LineMatcher",
    "SiteProfile",
    "Lexicon",
    "register_site",
    "load_profiles",
    "get_profile",
    "profiles",
    "identify",
    "lexicon",
]

_FLAGS = re.IGNORECASE


class LineMatcher:
    """Matches a whole line against exact phrases, prefixes and full-line patterns (case-insensitive).

    All phrases of one kind are folded into a single compiled alternation, so a line costs one
    set lookup and at most two regex calls however many phrases the lexicon and profile hold.
    """

    __slots__ = ("exact", "_prefix", "_pattern", "size")

    def __init__(self, exact: Iterable[str] = (), prefix: Iterable[str] = (), pattern: Iterable[str] = ()) -> None:
        self.exact = frozenset(p.casefold() for p in exact if p)
        prefixes = sorted({p for p in prefix if p}, key=len, reverse=True)
        patterns = [p for p in pattern if p]
        for p in patterns:
            try:
                re.compile(p, _FLAGS)
            except re.error as exc:
                raise ProfileError(f"invalid pattern {p!r}: {exc}") from None
        self._prefix = re.compile("|".join(map(re.escape, prefixes)), _FLAGS) if prefixes else None
        self._pattern = (
            re.compile("(?:(?:" + ")|(?:".join(patterns) + r"))\Z", _FLAGS) if patterns else None
        )
        self.size = len(self.exact) + len(prefixes) + len(patterns)

    def match(self, line: str) -> Optional[str]:
        """The phrase or pattern text that matched, or None."""
        if not line:
            return None
        if line.casefold() in self.exact:
            return line
        if self._prefix is not None:
            m = self._prefix.match(line)
            if m is not None:
                return m.group(0)
        if self._pattern is not None:
            m = self._pattern.match(line)
            if m is not None:
                return "pattern"
        return None

    def __bool__(self) -> bool:
        return self.size > 0


class PhraseSet(NamedTuple):
    """Validated chrome-style phrases of one kind (whole line, line start, full-line regex)."""

    exact: tuple[str, ...] = ()
    prefix: tuple[str, ...] = ()
    pattern: tuple[str, ...] = ()

    def __add__(self, other: object) -> "PhraseSet":  # type: ignore[override]
        if not isinstance(other, PhraseSet):
            return NotImplemented
        return PhraseSet(self.exact + other.exact, self.prefix + other.prefix, self.pattern + other.pattern)

    def matcher(self) -> LineMatcher:
        return LineMatcher(self.exact, self.prefix, self.pattern)

    @classmethod
    def from_table(cls, table: Any, where: str) -> "PhraseSet":
        if not isinstance(table, Mapping):
            raise ProfileError(f"{where} must be a table")
        bad = set(table) - _MATCHER_KEYS
        if bad:
            raise ProfileError(f"{where} has unknown keys {sorted(bad)}")
        patterns = tuple(_strings(table, "pattern", where))
        _compile_all(list(patterns), where)  # reject a bad regex when the profile is read, not mid-parse
        return cls(tuple(_strings(table, "exact", where)), tuple(_strings(table, "prefix", where)), patterns)


def _strings(table: Mapping[str, Any], key: str, where: str) -> list[str]:
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProfileError(f"{where}.{key} must be a list of strings")
    return value


def _compile_all(patterns: list[str], where: str) -> tuple[re.Pattern[str], ...]:
    out = []
    for p in patterns:
        try:
            out.append(re.compile(p, _FLAGS))
        except re.error as exc:
            raise ProfileError(f"{where}: invalid pattern {p!r}: {exc}") from None
    return tuple(out)


_PROFILE_KEYS = {
    "name", "domains", "fingerprints", "chrome", "tail", "related", "byline", "credit", "dateline",
    "closing_code", "title", "description", "section", "listing", "dates",
}
_MATCHER_KEYS = {"exact", "prefix", "pattern"}


@dataclass(frozen=True)
class SiteProfile:
    """One site's dump habits, compiled. Build it with `SiteProfile.from_mapping` or from TOML."""

    name: str
    domains: tuple[str, ...] = ()
    fingerprints: tuple[str, ...] = ()
    chrome: PhraseSet = PhraseSet()
    tail: PhraseSet = PhraseSet()
    listing: PhraseSet = PhraseSet()
    related_prefixes: tuple[str, ...] = ()
    related_bullets: bool = False  # bulleted headline lines inside the story are links (tribun)
    meta_z_is_wib: bool = False  # the site's metadata marks WIB wall time with "Z" (detik)
    byline_patterns: tuple[re.Pattern[str], ...] = ()
    credit_patterns: tuple[re.Pattern[str], ...] = ()
    dateline_patterns: tuple[re.Pattern[str], ...] = ()
    closing_code_patterns: tuple[re.Pattern[str], ...] = ()
    title_suffixes: tuple[str, ...] = ()
    section_patterns: tuple[re.Pattern[str], ...] = ()
    description: str = ""
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, source: str = "<profile>") -> "SiteProfile":
        """Validate and compile a profile given as a mapping (the parsed TOML)."""
        if not isinstance(data, Mapping):
            raise ProfileError(f"{source}: a profile must be a table/mapping")
        unknown = set(data) - _PROFILE_KEYS
        if unknown:
            raise ProfileError(f"{source}: unknown keys {sorted(unknown)}; allowed: {sorted(_PROFILE_KEYS)}")
        name = data.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ProfileError(f"{source}: 'name' (a non-empty string) is required")

        def table(key: str) -> Mapping[str, Any]:
            value = data.get(key, {})
            if not isinstance(value, Mapping):
                raise ProfileError(f"{source}: [{key}] must be a table")
            return value

        related = table("related")
        unknown_related = set(related) - {"prefixes", "bullet_titles"}
        if unknown_related:
            raise ProfileError(f"{source}: [related] has unknown keys {sorted(unknown_related)}")
        if not isinstance(related.get("bullet_titles", False), bool):
            raise ProfileError(f"{source}: [related] bullet_titles must be true or false")

        dates = table("dates")
        if set(dates) - {"meta_z_is_wib"} or not isinstance(dates.get("meta_z_is_wib", False), bool):
            raise ProfileError(f"{source}: [dates] takes only meta_z_is_wib = true/false")

        domains = tuple(d.lower().lstrip(".") for d in _strings(data, "domains", "profile"))
        return cls(
            name=name.strip(),
            domains=domains or (name.strip().lower(),),
            fingerprints=tuple(_strings(data, "fingerprints", "profile")),
            chrome=PhraseSet.from_table(table("chrome"), f"{source}: [chrome]"),
            tail=PhraseSet.from_table(table("tail"), f"{source}: [tail]"),
            listing=PhraseSet.from_table(table("listing"), f"{source}: [listing]"),
            related_prefixes=tuple(_strings(related, "prefixes", "related")),
            related_bullets=bool(related.get("bullet_titles", False)),
            meta_z_is_wib=bool(dates.get("meta_z_is_wib", False)),
            byline_patterns=_compile_all(_strings(table("byline"), "patterns", "byline"), f"{source} [byline]"),
            credit_patterns=_compile_all(_strings(table("credit"), "patterns", "credit"), f"{source} [credit]"),
            dateline_patterns=_compile_all(
                _strings(table("dateline"), "patterns", "dateline"), f"{source} [dateline]"
            ),
            closing_code_patterns=_compile_all(
                _strings(table("closing_code"), "patterns", "closing_code"), f"{source} [closing_code]"
            ),
            title_suffixes=tuple(_strings(table("title"), "suffixes", "title")),
            section_patterns=_compile_all(_strings(table("section"), "patterns", "section"), f"{source} [section]"),
            description=str(data.get("description", "")),
            raw=dict(data),
        )

    @classmethod
    def from_toml(cls, path: str | Path) -> "SiteProfile":
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ProfileError(f"{path}: cannot read profile: {exc}") from None
        return cls.from_mapping(data, source=str(path))


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
    byline_patterns: tuple[re.Pattern[str], ...]
    credit_patterns: tuple[re.Pattern[str], ...]
    dateline_patterns: tuple[re.Pattern[str], ...]
    closing_code_patterns: tuple[re.Pattern[str], ...]
    title_suffixes: tuple[str, ...]


def _read_lexicon_toml() -> dict[str, Any]:
    text = resources.files("newsclean").joinpath("data/lexicon.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _related_regex(prefixes: Iterable[str]) -> re.Pattern[str]:
    # "Baca juga: <title>", "Baca juga : <title>", "Baca juga <title>", "BACA: <title> |".
    # A prefix written with a colon ("Baca:", "Terkait:") needs it: without one it is an ordinary word.
    unique = sorted(set(prefixes), key=len, reverse=True)
    loose = [re.escape(p.strip()) for p in unique if not p.rstrip().endswith(":")]
    strict = [re.escape(p.rstrip(" :")) for p in unique if p.rstrip().endswith(":")]
    branches = []
    if loose:
        branches.append(rf"(?:{'|'.join(loose)})\s*[:：\-–]?")
    if strict:
        branches.append(rf"(?:{'|'.join(strict)})\s*[:：]")
    # The title is the rest of the line; `related` trims its spaces and a trailing " |" in Python.
    return re.compile(rf"(?:{'|'.join(branches)})\s*(?P<title>.*)", _FLAGS | re.DOTALL)


@lru_cache(maxsize=None)
def _base_lexicon() -> SiteProfile:
    # The shared lexicon has the shape of a profile (chrome, tail, listing, related) plus the agencies.
    data = _read_lexicon_toml()
    shared = {k: v for k, v in data.items() if k in ("chrome", "tail", "listing", "related")}
    return SiteProfile.from_mapping({"name": "shared lexicon", **shared}, source="newsclean/data/lexicon.toml")


@lru_cache(maxsize=None)
def lexicon_table(name: str) -> Mapping[str, Any]:
    """One table of the shared lexicon (data/lexicon.toml) as read, for steps that compile their own matchers."""
    table = _read_lexicon_toml().get(name, {})
    return table if isinstance(table, Mapping) else {}


@lru_cache(maxsize=None)
def _credit_agencies() -> frozenset[str]:
    return frozenset(a.casefold() for a in _read_lexicon_toml().get("credit", {}).get("agencies", []))


_lexicon_cache: dict[Optional[str], tuple[Optional[SiteProfile], Lexicon]] = {}
_lock = threading.RLock()


def lexicon(profile: Optional[SiteProfile] = None) -> Lexicon:
    """The shared lexicon, merged with `profile`'s additions (compiled once per profile)."""
    key = profile.name if profile is not None else None
    cached = _lexicon_cache.get(key)
    if cached is not None and cached[0] is profile:
        return cached[1]
    base = _base_lexicon()
    site = profile if profile is not None else SiteProfile(name="")
    related = base.related_prefixes + site.related_prefixes
    built = Lexicon(
        chrome=(base.chrome + site.chrome).matcher(),
        tail=(base.tail + site.tail).matcher(),
        site_tail=site.tail.matcher(),
        listing=(base.listing + site.listing).matcher(),
        related_re=_related_regex(related),
        related_bullets=site.related_bullets,
        credit_agencies=_credit_agencies(),
        byline_patterns=site.byline_patterns,
        credit_patterns=site.credit_patterns,
        dateline_patterns=site.dateline_patterns,
        closing_code_patterns=site.closing_code_patterns,
        title_suffixes=site.title_suffixes,
    )
    with _lock:
        _lexicon_cache[key] = (profile, built)
    return built


# ---------------------------------------------------------------------------------------------------
# The registry
#: Environment variable naming directories (os.pathsep-separated) of extra profiles, loaded with the
#: built-in ones in every process - batch workers and Dask workers included.
PROFILES_ENV = "NEWSCLEAN_PROFILES"

_registry: dict[str, SiteProfile] = {}
_by_domain: dict[str, SiteProfile] = {}
_builtins_loaded = False


def _index(profile: SiteProfile) -> None:
    _registry[profile.name] = profile
    for domain in profile.domains:
        _by_domain[domain] = profile
    _lexicon_cache.pop(profile.name, None)
    _fingerprint_index.cache_clear()


def _ensure_builtins() -> None:
    global _builtins_loaded
    if _builtins_loaded:
        return
    with _lock:
        if _builtins_loaded:
            return
        for entry in sorted(resources.files(__name__).iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".toml"):
                data = tomllib.loads(entry.read_text(encoding="utf-8"))
                _index(SiteProfile.from_mapping(data, source=f"newsclean/sites/{entry.name}"))
        _builtins_loaded = True
        # Users' own profiles, named by the environment so that worker processes load them too.
        for folder in filter(None, os.environ.get(PROFILES_ENV, "").split(os.pathsep)):
            for path in sorted(Path(folder).glob("*.toml")):
                _index(SiteProfile.from_toml(path))


def register_site(profile: SiteProfile | Mapping[str, Any] | str | Path) -> SiteProfile:
    """Add (or replace) a site profile: a `SiteProfile`, a mapping shaped like the TOML, or a TOML path.

    Returns the compiled profile. Raises `ProfileError` when it is malformed.
    """
    _ensure_builtins()
    if isinstance(profile, SiteProfile):
        compiled = profile
    elif isinstance(profile, (str, Path)):
        compiled = SiteProfile.from_toml(profile)
    else:
        compiled = SiteProfile.from_mapping(profile)
    with _lock:
        _index(compiled)
    return compiled


def load_profiles(directory: str | Path) -> list[SiteProfile]:
    """Register every ``*.toml`` profile in `directory`; returns them in file-name order."""
    folder = Path(directory)
    if not folder.is_dir():
        raise ProfileError(f"{folder} is not a directory of profiles")
    return [register_site(path) for path in sorted(folder.glob("*.toml"))]


def profiles() -> dict[str, SiteProfile]:
    """All registered profiles by name."""
    _ensure_builtins()
    return dict(_registry)


def get_profile(name_or_domain: str) -> Optional[SiteProfile]:
    """A profile by its name or any of its domains (subdomains resolve to their parent)."""
    _ensure_builtins()
    key = name_or_domain.strip().lower()
    if key in _registry:
        return _registry[key]
    return _profile_for_host(key)


def _profile_for_host(host: str) -> Optional[SiteProfile]:
    host = host.lower().split(":")[0].rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    parts = host.split(".")
    for i in range(len(parts) - 1):
        found = _by_domain.get(".".join(parts[i:]))
        if found is not None:
            return found
    return None


def profile_for_url(url: str) -> Optional[SiteProfile]:
    """The profile whose domain the URL's host belongs to."""
    _ensure_builtins()
    try:
        host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    except ValueError:
        return None
    return _profile_for_host(host) if host else None


@lru_cache(maxsize=1)
def _fingerprint_index() -> dict[str, list[tuple[str, SiteProfile]]]:
    # Fingerprints bucketed by their first three characters: a line costs one dict lookup.
    buckets: dict[str, list[tuple[str, SiteProfile]]] = {}
    for profile in _registry.values():
        for fp in profile.fingerprints:
            folded = fp.casefold().strip()
            if folded:
                buckets.setdefault(folded[:3], []).append((folded, profile))
    return buckets


def identify(
    text: str | Iterable[str], *, url: Optional[str] = None, site_name: Optional[str] = None
) -> Optional[SiteProfile]:
    """Which site a page comes from: its URL first, then fingerprints, then og:site_name.

    `text` is the page (or an iterable of its lines). A fingerprint is found where a line starts with
    it; failing that, anywhere in the text (slower, so fingerprints are best written as line starts).
    """
    _ensure_builtins()
    if url:
        found = profile_for_url(url)
        if found is not None:
            return found
    buckets = _fingerprint_index()
    lines = text.splitlines() if isinstance(text, str) else list(text)
    votes: dict[str, int] = {}
    folded_lines = [ln.strip().casefold() for ln in lines if ln and len(ln) <= 300]
    for line in folded_lines:
        for fp, owner in buckets.get(line[:3], ()):
            if line.startswith(fp):
                votes[owner.name] = votes.get(owner.name, 0) + 1
    if not votes:
        # Substring fingerprints sit near the start of a line: bylines and datelines ("Kompas.com -
        # 27/03/2024", "Jakarta, CNBC Indonesia - ..."), so only line heads are searched.
        heads = [ln[:100] for ln in folded_lines]
        joined = "\n".join(heads[:30] + heads[-30:] if len(heads) > 60 else heads)
        for bucket in buckets.values():
            for fp, owner in bucket:
                if fp in joined:
                    votes[owner.name] = votes.get(owner.name, 0) + 1
    if votes:
        return _registry[max(votes, key=lambda k: votes[k])]
    if site_name:
        return get_profile(site_name) or _by_site_name(site_name)
    return None


def _by_site_name(site_name: str) -> Optional[SiteProfile]:
    folded = site_name.casefold().replace(" ", "")
    for profile in _registry.values():
        if any(folded == d.split(".")[0] or folded == d.replace(".", "") for d in profile.domains):
            return profile
    return None
