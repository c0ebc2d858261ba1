"""The words a regular expression cannot match without: a substring test that skips it on most lines.

`LineMatcher` tries the package's chrome patterns on every line of every page. Most fail on a line's
first characters, but a pattern that opens with a long scan (`.{0,200}\\b(klik|kunjungi)...`) walks
most of the line, backtracking, before it fails: three such patterns cost more than all the others
together. Each names words the line must contain; `required_literals` reads them out of the parsed
pattern, and a line whose lower-cased text contains none of them is not given to the pattern.

The test is exact, never a guess: every match contains one of the words, and `might_contain` only
answers False when the line contains none of them in any spelling `re.IGNORECASE` accepts (see
`UNSAFE_CHARS`). Patterns it cannot read (or whose words are too short to help) get no test.
"""

from __future__ import annotations

import importlib
import itertools
from typing import Any, Optional

__all__ = ["UNSAFE_CHARS", "opens_with_scan", "required_literals", "might_contain", "prefix_heads", "might_start"]

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
_LONG_SCAN = 20  # a leading repeat that may take this many characters makes a failing match slow

Items = list[tuple[Any, Any]]


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


def opens_with_scan(pattern: str, flags: int = 0) -> bool:
    """The pattern starts with a long repeat of any character or of a negated class (`.{0,200}`, `[^|]*`),
    which runs on over words and spaces and then backtracks over all it took when the rest fails."""
    try:
        items = list(_sre_parse.parse(pattern, flags))
    except Exception:  # noqa: BLE001
        return False
    if not items or str(items[0][0]) not in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        return False
    _, high, sub = items[0][1]
    repeated = list(sub)
    if high < _LONG_SCAN or len(repeated) != 1:
        return False
    op, av = repeated[0]
    if str(op) == "IN":
        return any(str(o) == "NEGATE" for o, _ in av)
    return str(op) in ("ANY", "NOT_LITERAL")


def might_contain(line: str, lowered: str, words: frozenset[str]) -> bool:
    """False only when `line` (with `lowered` = `line.lower()`) cannot hold any of `words`."""
    if not line.isascii() and any(c in line for c in UNSAFE_CHARS):
        return True
    return any(map(lowered.__contains__, words))


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


def prefix_heads(prefixes: list[str]) -> Optional[frozenset[str]]:
    """The lower-cased first two characters of each literal prefix (one for a prefix of one character),
    for `might_start`; None when one holds a character `re.IGNORECASE` matches to ASCII (see `UNSAFE_CHARS`)."""
    if any(c in p[:2] for p in prefixes for c in UNSAFE_CHARS):
        return None
    return frozenset(p[:2].lower() for p in prefixes)


def might_start(line: str, heads: frozenset[str]) -> bool:
    """False only when `line` cannot start with any prefix whose `prefix_heads` are `heads`."""
    head = line[:2]
    if not head.isascii():
        return True  # (a non-ASCII head is compared by the regex itself)
    head = head.lower()
    return head in heads or head[:1] in heads
