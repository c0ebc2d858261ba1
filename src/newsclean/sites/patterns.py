"""Profile patterns: how a profile's phrases and regular expressions are compiled and matched.

The package's own data (the shared lexicon, the bundled profiles) is vetted by the test suite and
compiled with `re`, its phrases folded into one alternation per kind for speed. Patterns from anywhere
else (`register_site`, `load_profiles`, ``NEWSCLEAN_PROFILES``, a `SiteProfile` built by a user) are
compiled one by one with the `regex` package and every match runs under `PATTERN_TIMEOUT`: a pattern
that backtracks catastrophically on some line then fails that one document with `PatternTimeout`
(a `ProfileError` naming the profile, the key and the pattern) instead of holding a batch for ever.
Each user pattern stands alone, so its inline flags (``(?x)``) and group names touch no other pattern.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache, partial
from typing import Any, Callable, Iterable, Mapping, NamedTuple, Optional, Union

from ..errors import PatternTimeout, ProfileError
from .literals import UNSAFE_CHARS, first_chars, might_contain, page_keys, refers_back, required_literals

__all__ = ["PATTERN_TIMEOUT", "GuardedPattern", "ProfilePattern", "LineMatcher", "PhraseSet", "compile_patterns"]

#: Seconds one user pattern may spend on one line. Sane patterns take microseconds even on a
#: 20,000-character line; only catastrophic backtracking gets near this.
PATTERN_TIMEOUT = 0.1

_FLAGS = re.IGNORECASE
# Lines mostly start with a letter: a pattern that may start with any letter is not kept off a line by
# its first character, only by the words it needs.
_LETTERS = frozenset(string.ascii_letters)
_MATCHER_KEYS = {"exact", "prefix", "pattern"}


class GuardedPattern:
    """A user's pattern: compiled with `regex` (case-insensitive), each match under `PATTERN_TIMEOUT`.

    Offers the part of `re.Pattern` the steps use: `match`, `fullmatch`, `search`, `groupindex`, `pattern`.
    """

    __slots__ = ("pattern", "where", "groupindex", "_compiled")

    def __init__(self, source: str, where: str) -> None:
        import regex  # only users' profiles need it

        try:
            self._compiled = regex.compile(source, regex.IGNORECASE)
        except (regex.error, ValueError, OverflowError, RecursionError) as exc:
            raise ProfileError(f"{where}: invalid pattern {source!r}: {exc}") from None
        self.pattern = source
        self.where = where
        self.groupindex: Mapping[str, int] = dict(self._compiled.groupindex)

    def match(self, string: str, pos: int = 0, endpos: Optional[int] = None) -> Any:
        return self._guarded(self._compiled.match, string, pos, endpos)

    def fullmatch(self, string: str, pos: int = 0, endpos: Optional[int] = None) -> Any:
        return self._guarded(self._compiled.fullmatch, string, pos, endpos)

    def search(self, string: str, pos: int = 0, endpos: Optional[int] = None) -> Any:
        return self._guarded(self._compiled.search, string, pos, endpos)

    def _guarded(self, method: Any, string: str, pos: int, endpos: Optional[int]) -> Any:
        try:
            return method(string, pos, len(string) if endpos is None else endpos, timeout=PATTERN_TIMEOUT)
        except TimeoutError:
            raise PatternTimeout(self.where, self.pattern, PATTERN_TIMEOUT) from None

    def __repr__(self) -> str:
        return f"GuardedPattern({self.pattern!r})"


#: What a profile's pattern fields hold: `re` patterns for the package's data, guarded ones for users'.
ProfilePattern = Union["re.Pattern[str]", GuardedPattern]


def compile_patterns(sources: Iterable[str], where: str, *, trusted: bool) -> tuple[ProfilePattern, ...]:
    """Compile each pattern (`re` for the package's own data, `GuardedPattern` otherwise)."""
    if not trusted:
        return tuple(GuardedPattern(p, where) for p in sources)
    out: list[ProfilePattern] = []
    for p in sources:
        try:
            out.append(re.compile(p, _FLAGS))
        except re.error as exc:
            raise ProfileError(f"{where}: invalid pattern {p!r}: {exc}") from None
    return tuple(out)


class LineMatcher:
    """Matches a whole line against exact phrases, prefixes and full-line patterns (case-insensitive).

    Phrases of one kind and the package's own patterns are folded into compiled alternations, so a
    line costs one set lookup and a few regex calls however many the lexicon holds; a user's patterns
    (`GuardedPattern`) are tried one by one after them. The cheap tests of `literals` keep most of the
    regex work off most lines: a line starting with an ASCII character is given only the prefixes and
    patterns that can start with it (one alternation of each per character), and a package pattern that
    may start anywhere but names words every match contains runs alone, only on lines holding one of
    them (see `on_page` for a whole page).
    """

    __slots__ = ("exact", "_longest", "_by_head", "_anywhere", "_worded", "_words", "_page_keys", "_guarded", "size")

    def __init__(
        self,
        exact: Iterable[str] = (),
        prefix: Iterable[str] = (),
        pattern: Iterable[str] = (),
        guarded: Iterable[GuardedPattern] = (),
    ) -> None:
        self.exact = frozenset(p.casefold() for p in exact if p)
        # Case folding never shortens a text, so a line longer than the longest phrase is none of them
        # (and the paragraphs of a story are not case-folded just to find that out).
        self._longest = max(map(len, self.exact), default=0)
        prefixes = sorted({p for p in prefix if p}, key=len, reverse=True)
        patterns = [p for p in pattern if p]
        plain: list[str] = []
        worded: list[tuple[frozenset[str], re.Pattern[str]]] = []
        for source in patterns:
            heads = first_chars(source, _FLAGS)
            words = required_literals(source, _FLAGS) if heads is None or _LETTERS <= heads else None
            if words is None:
                plain.append(source)
            else:
                worded.append((words, re.compile(rf"(?:{source})\Z", _FLAGS)))
        self._anywhere = (_prefixes_re(tuple(prefixes)), _patterns_re(tuple(plain)))
        self._by_head = _by_head(prefixes, plain, self._anywhere)
        self._worded = tuple(worded)
        self._words = frozenset(word for words, _ in worded for word in words)
        self._page_keys = tuple(key.encode("ascii") for key in page_keys(words for words, _ in worded))
        self._guarded = tuple(guarded)
        self.size = len(self.exact) + len(prefixes) + len(patterns) + len(self._guarded)

    def match(self, line: str) -> Optional[str]:
        """The phrase or pattern text that matched, or None."""
        return self._match(self._worded, line)

    def on_page(self, lines: Iterable[str]) -> Callable[[str], Optional[str]]:
        """`match` for the lines of one page (every line it will be given must be among `lines`).

        The words the worded patterns need are looked for once in the whole page: on a page holding
        none of them, those patterns are skipped on every line.
        """
        if not self._worded:
            return partial(self._match, ())
        page = "\n".join(lines)
        if not page.isascii() and any(map(page.__contains__, UNSAFE_CHARS)):
            return partial(self._match, self._worded)
        # The words are ASCII: the page's ASCII characters, lower-cased, hold them if the page does
        # (dropping the others can only join text, and costs much less than `str.lower` on them).
        ascii_text = page.encode("ascii", "ignore").lower()
        if any(map(ascii_text.__contains__, self._page_keys)):
            return partial(self._match, self._worded)
        return partial(self._match, ())

    def _match(self, worded: tuple[tuple[frozenset[str], re.Pattern[str]], ...], line: str) -> Optional[str]:
        if not line:
            return None
        if len(line) <= self._longest and line.casefold() in self.exact:
            return line
        prefix, plain = self._by_head.get(line[0], self._anywhere)
        if prefix is not None:
            m = prefix.match(line)
            if m is not None:
                return m.group(0)
        if plain is not None and plain.match(line) is not None:
            return "pattern"
        if worded:
            lowered = line.lower()
            if might_contain(line, lowered, self._words):  # (one test rules most lines out for them all)
                for words, compiled in worded:
                    if might_contain(line, lowered, words) and compiled.match(line) is not None:
                        return "pattern"
        for guarded in self._guarded:
            if guarded.fullmatch(line) is not None:
                return "pattern"
        return None

    def __bool__(self) -> bool:
        return self.size > 0


_Pair = tuple[Optional["re.Pattern[str]"], Optional["re.Pattern[str]"]]


# (Both are asked for the same alternations by every profile's matchers: each is compiled once.)
@lru_cache(maxsize=1024)
def _prefixes_re(prefixes: tuple[str, ...]) -> Optional[re.Pattern[str]]:
    """One alternation of the literal prefixes (longest first, so the longest that fits is the match)."""
    return re.compile("|".join(map(re.escape, prefixes)), _FLAGS) if prefixes else None


@lru_cache(maxsize=1024)
def _patterns_re(sources: tuple[str, ...]) -> Optional[re.Pattern[str]]:
    """One alternation of full-line patterns."""
    return re.compile("(?:(?:" + ")|(?:".join(sources) + r"))\Z", _FLAGS) if sources else None


def _by_head(prefixes: list[str], plain: list[str], anywhere: _Pair) -> dict[str, _Pair]:
    """For each ASCII character, the alternations of the prefixes and patterns a line starting with it
    can match (the same alternation is compiled once for all the characters that share it)."""
    prefix_heads = [(p, first_chars(re.escape(p[0]), _FLAGS)) for p in prefixes]
    # A back-reference is numbered within the whole alternation: such patterns are never split up.
    split = not any(map(refers_back, plain))
    plain_heads = [(source, first_chars(source, _FLAGS) if split else None) for source in plain]
    compiled: dict[tuple[tuple[str, ...], tuple[str, ...]], _Pair] = {}
    by_head: dict[str, _Pair] = {}
    for char in map(chr, range(128)):
        some_prefixes = tuple(p for p, heads in prefix_heads if heads is None or char in heads)
        some_plain = tuple(source for source, heads in plain_heads if heads is None or char in heads)
        key = (some_prefixes, some_plain)
        if key not in compiled:
            compiled[key] = (
                anywhere[0] if len(some_prefixes) == len(prefixes) else _prefixes_re(some_prefixes),
                anywhere[1] if len(some_plain) == len(plain) else _patterns_re(some_plain),
            )
        by_head[char] = compiled[key]
    return by_head


class PhraseSet(NamedTuple):
    """Validated chrome-style phrases of one kind (whole line, line start, full-line regex)."""

    exact: tuple[str, ...] = ()
    prefix: tuple[str, ...] = ()
    pattern: tuple[str, ...] = ()  # the package's own, folded into one `re` alternation
    guarded: tuple[GuardedPattern, ...] = ()  # a user's, each matched alone under a time limit

    def __add__(self, other: object) -> "PhraseSet":  # type: ignore[override]
        if not isinstance(other, PhraseSet):
            return NotImplemented
        return PhraseSet(
            self.exact + other.exact, self.prefix + other.prefix, self.pattern + other.pattern,
            self.guarded + other.guarded,
        )

    def matcher(self) -> LineMatcher:
        return LineMatcher(self.exact, self.prefix, self.pattern, self.guarded)

    @classmethod
    def from_table(cls, table: Any, where: str, *, trusted: bool) -> "PhraseSet":
        if not isinstance(table, Mapping):
            raise ProfileError(f"{where} must be a table")
        bad = set(table) - _MATCHER_KEYS
        if bad:
            raise ProfileError(f"{where} has unknown keys {sorted(bad)}")
        patterns = strings(table, "pattern", where)
        # Reject a bad pattern when the profile is read, not mid-parse.
        compiled = compile_patterns(patterns, f"{where} pattern", trusted=trusted)
        exact, prefix = strings(table, "exact", where), strings(table, "prefix", where)
        if trusted:
            return cls(exact, prefix, patterns)
        return cls(exact, prefix, guarded=tuple(p for p in compiled if isinstance(p, GuardedPattern)))


def strings(table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    """`table[key]` as a tuple of non-blank strings (a single string is a list of one)."""
    value = table.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProfileError(f"{where} {key} must be a list of strings")
    if any(not v.strip() for v in value):
        raise ProfileError(f"{where} {key} has an empty entry, which would match every line or nothing")
    return tuple(value)
