"""Cheap tests that tell `LineMatcher` a pattern cannot match a line, without running it.

`LineMatcher` tries the package's chrome patterns on every line of every page, and most lines are
none of them. Two facts read out of a parsed pattern rule it out on most lines:

- `first_chars`: the ASCII characters a match can start with. Most patterns can only start with a
  few (``halaman\\s+\\d+`` with an h or H, ``[\\d\\s.,:]+`` with a digit or a space), so a line is only
  given the patterns that can start with its first character.
- `required_literals`: the words every match contains. A pattern that may start with any character
  (`.{0,200}\\b(klik|kunjungi)...`, `(\\S+\\s+)?scroll to ...`) walks much of a line, backtracking,
  before it fails; it only runs on lines whose lower-cased text holds one of its words.

Both tests are exact, never a guess: they only rule out lines the pattern cannot match under
`re.IGNORECASE` (see `UNSAFE_CHARS` for the characters outside ASCII that it matches to ASCII
letters). A pattern they cannot read gets no test.
"""

from __future__ import annotations

import importlib
import itertools
import os
import re
from functools import lru_cache
from typing import Any, Iterable, Optional

__all__ = ["UNSAFE_CHARS", "first_chars", "refers_back", "required_literals", "might_contain", "page_keys"]

# The parser behind `re.compile` (a private module, so any surprise in it means "no test", see below).
try:
    _sre_parse: Any = importlib.import_module("re._parser")  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.10
    _sre_parse = importlib.import_module("sre_parse")

#: The only characters outside ASCII that `re.IGNORECASE` matches to ASCII letters: KELVIN SIGN (k),
#: LATIN CAPITAL I WITH DOT (i; its lower case is two characters), DOTLESS I (i), LONG S (s).
#: A line holding one is matched without the substring test. (tests/test_literals.py checks the list.)
UNSAFE_CHARS = ("\u212a", "\u0130", "\u0131", "\u017f")

_MAX_SET = 64  # alternatives a set of words may grow to ("(a|b)(c|d)" is four words)
_MIN_LENGTH = 3  # shorter words are in too many lines to be worth the test
_MAX_OPTIONAL = 2  # "s?" and "x{0,2}" are spelled out; longer repeats end a run of literal text

Items = list[tuple[Any, Any]]


@lru_cache(maxsize=4096)
def required_literals(pattern: str, flags: int = 0) -> Optional[frozenset[str]]:
    """Lower-cased ASCII words one of which every match of `pattern` contains; None when none is known."""
    try:
        items = list(_sre_parse.parse(pattern, flags))
        # A back-reference is numbered within the alternation the pattern would otherwise join: such a
        # pattern stays there, matched exactly as before.
        words = None if _refers_back(items) else _required(items)
    except Exception:  # noqa: BLE001 - an unreadable pattern simply runs on every line
        return None
    if words is None or min(map(len, words)) < _MIN_LENGTH:
        return None
    return frozenset(word.lower() for word in words)


def might_contain(line: str, lowered: str, words: frozenset[str]) -> bool:
    """False only when `line` (with `lowered` = `line.lower()`) cannot hold any of `words`."""
    if not line.isascii() and any(c in line for c in UNSAFE_CHARS):
        return True
    return any(map(lowered.__contains__, words))


def page_keys(word_sets: Iterable[frozenset[str]]) -> frozenset[str]:
    """Fewer, shorter strings to look for in a whole page: a page holding any word of the sets holds one
    of them (a set's shared start when it is long enough to help, else its words)."""
    keys: set[str] = set()
    for words in word_sets:
        shared = os.path.commonprefix(sorted(words))
        keys |= {shared} if len(shared) >= _MIN_LENGTH else set(words)
    return frozenset(keys)


def _required(items: Items) -> Optional[frozenset[str]]:
    """The best set of words one of which every match of the sequence `items` contains."""
    best: Optional[frozenset[str]] = None

    def consider(words: Optional[set[str] | frozenset[str]]) -> None:
        nonlocal best
        if words and all(w and w.isascii() for w in words) and (best is None or _score(words) > _score(best)):
            best = frozenset(words)

    run: Items = []  # consecutive items of exactly known text, matched as one piece of the line
    for op, av in items:
        if _exact_item(op, av) is not None:
            run.append((op, av))
            continue
        consider(_exact(run))
        run = []
        consider(_required_item(op, av))
    consider(_exact(run))
    return best


def _refers_back(items: Any) -> bool:
    return any(str(op).startswith("GROUPREF") or any(map(_refers_back, _nested(av))) for op, av in items)


def _nested(av: Any) -> list[Any]:
    """The sub-patterns inside an item's argument (a group's, a repeat's, an alternation's branches)."""
    parts = av if isinstance(av, (tuple, list)) else (av,)
    found = [part for part in parts if hasattr(part, "data")]
    for part in parts:
        if isinstance(part, list):
            found += [branch for branch in part if hasattr(branch, "data")]
    return found


def _score(words: set[str] | frozenset[str]) -> tuple[int, int]:
    return min(map(len, words)), -len(words)  # longer words first, then fewer of them


def _required_item(op: Any, av: Any) -> Optional[frozenset[str]]:
    name = str(op)
    if name == "SUBPATTERN":
        return _required(list(av[-1]))
    if name == "ATOMIC_GROUP":
        return _required(list(av))
    if name == "BRANCH":
        found: set[str] = set()
        for branch in av[1]:
            words = _required(list(branch))
            if words is None:
                return None  # one branch without a known word: the alternation has none
            found |= words
        return frozenset(found)
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, _, sub = av
        return _required(list(sub)) if low >= 1 else None
    return None  # anything else (classes, any character, look-arounds, back-references): no word


def _exact(items: Items) -> Optional[set[str]]:
    """Every text the sequence `items` can match, when that is a short list of literal texts."""
    texts = {""}
    for op, av in items:
        one = _exact_item(op, av)
        if one is None:
            return None
        texts = {a + b for a in texts for b in one}
        if len(texts) > _MAX_SET:
            return None
    return texts


def _exact_item(op: Any, av: Any) -> Optional[set[str]]:
    name = str(op)
    if name == "LITERAL":
        return {chr(av)}
    if name == "AT":
        return {""}  # an anchor or word boundary matches no text
    if name == "IN":
        return {chr(code) for _, code in av} if all(str(o) == "LITERAL" for o, _ in av) else None
    if name == "SUBPATTERN":
        return _exact(list(av[-1]))
    if name == "BRANCH":
        texts: set[str] = set()
        for branch in av[1]:
            one = _exact(list(branch))
            if one is None:
                return None
            texts |= one
        return texts if len(texts) <= _MAX_SET else None
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, high, sub = av
        one = _exact(list(sub)) if high <= _MAX_OPTIONAL else None
        if one is None:
            return None
        texts = {"".join(parts) for n in range(low, high + 1) for parts in itertools.product(one, repeat=n)}
        return texts if len(texts) <= _MAX_SET else None
    return None


_ASCII = tuple(map(chr, range(128)))
# How `sre_parse` writes the categories a character class may hold.
_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d", "CATEGORY_NOT_DIGIT": r"\D", "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S", "CATEGORY_WORD": r"\w", "CATEGORY_NOT_WORD": r"\W",
}
_Firsts = Optional[frozenset[str]]  # None: any character


@lru_cache(maxsize=4096)  # (profiles share most patterns: each is read once)
def first_chars(pattern: str, flags: int = 0) -> Optional[frozenset[str]]:
    """The ASCII characters a match of `pattern` can start with; None when it may start with any.

    Characters outside ASCII are not described: a line starting with one is given every pattern.
    """
    try:
        parsed = _sre_parse.parse(pattern, flags)
        found, _ = _firsts(list(parsed), bool(parsed.state.flags & re.IGNORECASE))
    except Exception:  # noqa: BLE001 - an unreadable pattern may start anywhere
        return None
    return found


@lru_cache(maxsize=4096)
def refers_back(pattern: str, flags: int = 0) -> bool:
    """The pattern holds a back-reference or a conditional group (numbered within its alternation);
    True too when it cannot be read."""
    try:
        return _refers_back(list(_sre_parse.parse(pattern, flags)))
    except Exception:  # noqa: BLE001
        return True


def _firsts(items: Items, ignore_case: bool) -> tuple[_Firsts, bool]:
    """(the first characters of the sequence `items`, whether it can match the empty string)."""
    found: set[str] = set()
    for op, av in items:
        one, empty = _firsts_item(op, av, ignore_case)
        if one is None:
            return None, False
        found |= one
        if not empty:
            return frozenset(found), False
    return frozenset(found), True


def _firsts_item(op: Any, av: Any, ignore_case: bool) -> tuple[_Firsts, bool]:
    name = str(op)
    if name == "LITERAL":
        return _accepted(re.escape(chr(av)), ignore_case), False
    if name == "IN":
        members = [written for written in (_member(o, a) for o, a in av) if written is not None]
        if len(members) < len(av):
            return None, False  # a negated class (or one not understood) may start anywhere
        return _accepted("[" + "".join(members) + "]", ignore_case), False
    if name in ("AT", "ASSERT", "ASSERT_NOT"):
        return frozenset(), True  # takes no character: the next item's first one is the match's
    if name == "SUBPATTERN":  # (group, flags it turns on, flags it turns off, contents)
        _, on, off, sub = av
        return _firsts(list(sub), (ignore_case or bool(on & re.IGNORECASE)) and not off & re.IGNORECASE)
    if name == "ATOMIC_GROUP":
        return _firsts(list(av), ignore_case)
    if name == "BRANCH":
        found: set[str] = set()
        empty = False
        for branch in av[1]:
            one, branch_empty = _firsts(list(branch), ignore_case)
            if one is None:
                return None, False
            found |= one
            empty = empty or branch_empty
        return frozenset(found), empty
    if name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        low, _, sub = av
        one, empty = _firsts(list(sub), ignore_case)
        return one, empty or low == 0
    return None, False  # any character, a negated literal, a back-reference: may start anywhere


def _member(op: Any, av: Any) -> Optional[str]:
    """One member of a character class, written back as pattern text."""
    name = str(op)
    if name == "LITERAL":
        return re.escape(chr(av))
    if name == "RANGE":
        return re.escape(chr(av[0])) + "-" + re.escape(chr(av[1]))
    if name == "CATEGORY":
        return _CATEGORIES.get(str(av))
    return None


@lru_cache(maxsize=4096)
def _accepted(source: str, ignore_case: bool) -> frozenset[str]:
    """The ASCII characters one character's pattern matches (asked of `re` itself)."""
    compiled = re.compile(source, re.IGNORECASE if ignore_case else 0)
    return frozenset(c for c in _ASCII if compiled.fullmatch(c))
