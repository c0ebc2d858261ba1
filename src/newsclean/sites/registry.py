"""The registry of site profiles: the bundled ones, ``NEWSCLEAN_PROFILES``, and users' `register_site`.

Copy-on-write: the registry is one immutable snapshot that a parse reads without locks, and
registering builds a new snapshot and swaps it in whole, so profiles can be registered while other
threads parse (they see the old set or the new one, never half of either).
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterable, Mapping, Optional

from ..errors import ProfileError
from ..urls import url_host
from .lexicon import lexicon
from .profile import SiteProfile, tomllib

__all__ = [
    "PROFILES_ENV", "register_site", "load_profiles", "profiles", "get_profile", "profile_for_url", "identify",
    "registered", "adopt",
]

#: Environment variable naming directories (os.pathsep-separated) of extra profiles, loaded with the
#: built-in ones in every process - batch workers and Dask workers included. A name that is not a
#: directory, or a profile in it that does not load, makes every parse raise `ProfileError`.
PROFILES_ENV = "NEWSCLEAN_PROFILES"

Fingerprints = Mapping[str, tuple[tuple[str, SiteProfile], ...]]


@dataclass(frozen=True)
class _Registry:
    """One consistent set of profiles with its lookup tables; never changed once built."""

    by_name: Mapping[str, SiteProfile]
    by_domain: Mapping[str, SiteProfile]
    fingerprints: Fingerprints  # bucketed by their first three characters: a line costs one lookup
    # The fingerprints again, grouped by a piece of their longest word ("- detiknews" under "deti"): a
    # text without the piece holds none of its group, so the search anywhere in the text asks ~40 pieces
    # instead of every fingerprint.
    by_piece: tuple[tuple[str, frozenset[str]], ...] = ()

    @classmethod
    def of(cls, profiles: Iterable[SiteProfile]) -> "_Registry":
        by_name: dict[str, SiteProfile] = {}
        for profile in profiles:
            by_name[profile.name] = profile  # a later profile of the same name replaces the earlier
        by_domain: dict[str, SiteProfile] = {}
        buckets: dict[str, list[tuple[str, SiteProfile]]] = {}
        for profile in by_name.values():
            for domain in profile.domains:
                by_domain[domain] = profile
            for fp in profile.fingerprints:
                folded = fp.casefold().strip()
                buckets.setdefault(folded[:3], []).append((folded, profile))
        pieces: dict[str, set[str]] = {}
        for bucket in buckets.values():
            for folded, _ in bucket:
                pieces.setdefault(_piece(folded), set()).add(folded)
        return cls(
            MappingProxyType(by_name),
            MappingProxyType(by_domain),
            MappingProxyType({k: tuple(v) for k, v in buckets.items()}),
            tuple((piece, frozenset(fps)) for piece, fps in pieces.items()),
        )

    def adding(self, profiles: Iterable[SiteProfile]) -> "_Registry":
        return _Registry.of([*self.by_name.values(), *profiles])


_WORD_RUN = re.compile(r"[^\W_]+")
_PIECE = 4


def _piece(fingerprint: str) -> str:
    """The first characters of the fingerprint's longest word (the whole fingerprint when it has none)."""
    runs = _WORD_RUN.findall(fingerprint)
    return max(runs, key=len)[:_PIECE] if runs else fingerprint


_state: Optional[_Registry] = None
_lock = threading.Lock()  # serialises writers only; readers take `_state` as it is
_adopted: tuple[SiteProfile, ...] = ()  # a batch worker's copy of its parent's registered profiles


@lru_cache(maxsize=1)
def _bundled() -> tuple[SiteProfile, ...]:
    found = []
    for entry in sorted(resources.files(__package__).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
            found.append(SiteProfile.from_mapping(data, source=f"newsclean/sites/{entry.name}", trusted=True))
    return tuple(found)


def _from_environment() -> list[SiteProfile]:
    value = os.environ.get(PROFILES_ENV, "")
    found = []
    for folder in filter(None, value.split(os.pathsep)):
        if not Path(folder).is_dir():
            raise ProfileError(f"{PROFILES_ENV} names {folder!r}, which is not a directory of profiles")
        for path in sorted(Path(folder).glob("*.toml")):
            try:
                found.append(_checked(SiteProfile.from_toml(path)))
            except ProfileError as exc:
                raise ProfileError(f"{PROFILES_ENV}: {exc}") from None
    return found


def _current() -> _Registry:
    """The registry, loaded on first use. While ``NEWSCLEAN_PROFILES`` cannot be loaded every call
    raises (nothing is half-loaded), and a later call after the folder is fixed succeeds."""
    global _state
    state = _state
    if state is not None:
        return state
    with _lock:
        if _state is None:
            _state = _Registry.of([*_bundled(), *_from_environment(), *_adopted])
        return _state


def registered() -> tuple[SiteProfile, ...]:
    """The profiles registered in this process beyond the bundled ones (for worker processes).

    Empty when the registry cannot load: the workers then meet the same `ProfileError` in each parse.
    """
    try:
        state = _current()
    except ProfileError:
        return ()
    bundled = {id(p) for p in _bundled()}
    return tuple(p for p in state.by_name.values() if id(p) not in bundled)


def adopt(profiles: Iterable[SiteProfile]) -> None:
    """Start this (worker) process's registry over with `profiles` on top of the bundled and
    ``NEWSCLEAN_PROFILES`` ones; loaded on first use, so a broken folder fails parses, not this call."""
    global _state, _adopted
    with _lock:
        _adopted = tuple(profiles)
        _state = None


def _checked(profile: SiteProfile) -> SiteProfile:
    # Build its lexicon now: anything that would fail there fails at registration, not in a parse.
    try:
        lexicon(profile)
    except ProfileError:
        raise
    except Exception as exc:  # noqa: BLE001 - reported as the profile's fault, with its name
        raise ProfileError(f"profile {profile.name!r} cannot be used: {type(exc).__name__}: {exc}") from None
    return profile


def register_site(profile: SiteProfile | Mapping[str, Any] | str | Path) -> SiteProfile:
    """Add (or replace) a site profile: a `SiteProfile`, a mapping shaped like the TOML, or a TOML path.

    Returns the compiled profile. Raises `ProfileError` (naming the key) when it is malformed. Safe to
    call while other threads parse. Worker processes of `parse_many` receive the profiles registered
    before it starts.
    """
    global _state
    if isinstance(profile, SiteProfile):
        compiled = profile
    elif isinstance(profile, (str, Path)):
        compiled = SiteProfile.from_toml(profile)
    else:
        compiled = SiteProfile.from_mapping(profile)
    _checked(compiled)
    _current()
    with _lock:
        assert _state is not None
        _state = _state.adding([compiled])
    return compiled


def load_profiles(directory: str | Path) -> list[SiteProfile]:
    """Register every ``*.toml`` profile in `directory`; returns them in file-name order.

    All or nothing: when one file is malformed, none of them is registered.
    """
    global _state
    folder = Path(directory)
    if not folder.is_dir():
        raise ProfileError(f"{folder} is not a directory of profiles")
    loaded = [_checked(SiteProfile.from_toml(path)) for path in sorted(folder.glob("*.toml"))]
    _current()
    with _lock:
        assert _state is not None
        _state = _state.adding(loaded)
    return loaded


def profiles() -> dict[str, SiteProfile]:
    """All registered profiles by name."""
    return dict(_current().by_name)


def get_profile(name_or_domain: str) -> Optional[SiteProfile]:
    """A profile by its name or any of its domains (subdomains resolve to their parent)."""
    state = _current()
    key = name_or_domain.strip()
    found = state.by_name.get(key) or state.by_name.get(key.lower())
    return found if found is not None else _profile_for_host(state, key.lower())


def _profile_for_host(state: _Registry, host: str) -> Optional[SiteProfile]:
    host = host.lower().split(":")[0].rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    parts = host.split(".")
    for i in range(len(parts) - 1):
        found = state.by_domain.get(".".join(parts[i:]))
        if found is not None:
            return found
    return None


def profile_for_url(url: str) -> Optional[SiteProfile]:
    """The profile whose domain the URL's host belongs to."""
    state = _current()
    host = url_host(url)
    return _profile_for_host(state, host) if host else None


def identify(
    text: str | Iterable[str], *, url: Optional[str] = None, site_name: Optional[str] = None
) -> Optional[SiteProfile]:
    """Which site a page comes from: its URL first, then fingerprints, then og:site_name.

    `text` is the page (or an iterable of its lines). A fingerprint is found where a line starts with
    it; failing that, anywhere in the text (slower, so fingerprints are best written as line starts).
    """
    state = _current()
    if url:
        found = profile_for_url(url)
        if found is not None:
            return found
    buckets = state.fingerprints
    lines = text.splitlines() if isinstance(text, str) else list(text)
    votes: dict[str, int] = {}
    stripped = [ln.strip() for ln in lines if ln and len(ln) <= 300]
    for line in stripped:
        # (case folding never shortens a text: the first three characters of the folded line are
        # those of its first three characters folded, so most lines are never folded whole)
        bucket = buckets.get(line[:3].casefold()[:3])
        if bucket:
            folded = line.casefold()
            for fp, owner in bucket:
                if folded.startswith(fp):
                    votes[owner.name] = votes.get(owner.name, 0) + 1
    if not votes:
        # Substring fingerprints sit near the start of a line: bylines and datelines ("Kompas.com -
        # 27/03/2024", "Jakarta, CNBC Indonesia - ..."), so only line heads are searched.
        ends = stripped[:30] + stripped[-30:] if len(stripped) > 60 else stripped
        joined = "\n".join(ln[:100].casefold()[:100] for ln in ends)
        present = {fp for piece, fps in state.by_piece if piece in joined for fp in fps if fp in joined}
        if present:  # (votes counted in the buckets' order, which settles a tie)
            for bucket in buckets.values():
                for fp, owner in bucket:
                    if fp in present:
                        votes[owner.name] = votes.get(owner.name, 0) + 1
    if votes:
        return state.by_name[max(votes, key=lambda k: votes[k])]
    if site_name:
        return get_profile(site_name) or _by_site_name(state, site_name)
    return None


def _by_site_name(state: _Registry, site_name: str) -> Optional[SiteProfile]:
    folded = site_name.casefold().replace(" ", "")
    for profile in state.by_name.values():
        if any(folded == d.split(".")[0] or folded == d.replace(".", "") for d in profile.domains):
            return profile
    return None
