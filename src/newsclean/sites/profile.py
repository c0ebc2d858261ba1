"""`SiteProfile`: one site's dump habits, validated and compiled from a TOML table or a mapping.

Everything a profile could get wrong is refused here, when it is read, with a `ProfileError` naming
the source and the key: a parse never meets a profile it cannot use.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from ..errors import ProfileError
from .patterns import PhraseSet, ProfilePattern, compile_patterns, strings

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["SiteProfile"]

_PROFILE_KEYS = {
    "name", "domains", "fingerprints", "chrome", "tail", "related", "byline", "credit", "dateline",
    "closing_code", "title", "description", "section", "listing", "dates",
}
# The named groups each kind of pattern may use (the steps read exactly these); `required` must be there.
_GROUPS = {
    "byline": ({"authors", "editors", "section", "date"}, set()),
    "credit": ({"credit"}, set()),
    "dateline": (set(), set()),
    "closing_code": (set(), set()),
    "section": ({"section"}, {"section"}),
}


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
    byline_patterns: tuple[ProfilePattern, ...] = ()
    credit_patterns: tuple[ProfilePattern, ...] = ()
    dateline_patterns: tuple[ProfilePattern, ...] = ()
    closing_code_patterns: tuple[ProfilePattern, ...] = ()
    title_suffixes: tuple[str, ...] = ()
    section_patterns: tuple[ProfilePattern, ...] = ()
    description: str = ""
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, source: str = "<profile>", trusted: bool = False) -> "SiteProfile":
        """Validate and compile a profile given as a mapping (the parsed TOML).

        `trusted` is for the package's own profiles only (compiled with `re`, no time limit); any
        other profile's patterns are compiled with `regex` and matched under a time limit.
        """
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

        def patterns(key: str) -> tuple[ProfilePattern, ...]:
            where = f"{source}: [{key}]"
            if set(table(key)) - {"patterns"}:
                raise ProfileError(f"{where} has unknown keys {sorted(set(table(key)) - {'patterns'})}")
            compiled = compile_patterns(strings(table(key), "patterns", where), f"{where} patterns", trusted=trusted)
            allowed, required = _GROUPS[key]
            for pattern in compiled:
                groups = set(pattern.groupindex)
                if groups - allowed or required - groups:
                    named = ", ".join(f"(?P<{g}>...)" for g in sorted(allowed)) or "no named groups"
                    raise ProfileError(
                        f"{where} patterns: {pattern.pattern!r} has groups {sorted(groups)}; "
                        f"a {key} pattern takes {named}" + (f" and needs (?P<{min(required)}>...)" if required else "")
                    )
            return compiled

        def phrases(key: str) -> PhraseSet:
            return PhraseSet.from_table(table(key), f"{source}: [{key}]", trusted=trusted)

        related = table("related")
        unknown_related = set(related) - {"prefixes", "bullet_titles"}
        if unknown_related:
            raise ProfileError(f"{source}: [related] has unknown keys {sorted(unknown_related)}")
        if not isinstance(related.get("bullet_titles", False), bool):
            raise ProfileError(f"{source}: [related] bullet_titles must be true or false")
        related_prefixes = strings(related, "prefixes", f"{source}: [related]")
        if any(not p.strip(" :：-–") for p in related_prefixes):
            raise ProfileError(f"{source}: [related] prefixes: a prefix of only punctuation would make every line a link")

        dates = table("dates")
        if set(dates) - {"meta_z_is_wib"} or not isinstance(dates.get("meta_z_is_wib", False), bool):
            raise ProfileError(f"{source}: [dates] takes only meta_z_is_wib = true/false")
        title = table("title")
        if set(title) - {"suffixes"}:
            raise ProfileError(f"{source}: [title] takes only suffixes")

        domains = tuple(d.strip().lower().lstrip(".") for d in strings(data, "domains", f"{source}:"))
        return cls(
            name=name.strip(),
            domains=domains or (name.strip().lower(),),
            fingerprints=strings(data, "fingerprints", f"{source}:"),
            chrome=phrases("chrome"),
            tail=phrases("tail"),
            listing=phrases("listing"),
            related_prefixes=related_prefixes,
            related_bullets=bool(related.get("bullet_titles", False)),
            meta_z_is_wib=bool(dates.get("meta_z_is_wib", False)),
            byline_patterns=patterns("byline"),
            credit_patterns=patterns("credit"),
            dateline_patterns=patterns("dateline"),
            closing_code_patterns=patterns("closing_code"),
            title_suffixes=strings(title, "suffixes", f"{source}: [title]"),
            section_patterns=patterns("section"),
            description=str(data.get("description", "")),
            raw=dict(data),
        )

    @classmethod
    def from_toml(cls, path: str | Path, *, trusted: bool = False) -> "SiteProfile":
        """Read and compile a profile file (see `from_mapping` for `trusted`)."""
        path = Path(path)
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ProfileError(f"{path}: cannot read profile: {exc}") from None
        return cls.from_mapping(data, source=str(path), trusted=trusted)
