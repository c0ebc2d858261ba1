"""Regex construction helpers for the date grammar: word lists as prefix trees, cheap optional groups."""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["alternation", "branch_optionals"]


def alternation(words: Iterable[str]) -> str:
    """A prefix tree of ``words`` as a regex: ``se(?:nin|lasa)``, not ``senin|selasa``.

    A flat alternation of 40 words is tried word by word at every position of the text; the tree
    fails after one or two characters. Longer words are tried first (the optional tails are greedy),
    so "september" wins over "sep" unless the caller's own lookahead rejects it.
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word.lower():
            node = node.setdefault(char, {})
        node[""] = {}
    return _tree_regex(tree)


def _tree_regex(node: dict[str, dict]) -> str:
    ends_here = "" in node
    branches = [re.escape(char) + _tree_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        return "(?:" + body + ")?"
    return body


def branch_optionals(pattern: str) -> str:
    """``pattern`` with every optional group ``(?:X)?`` / ``(?P<n>X)?`` written as ``(?:X|)`` / ``(?:(?P<n>X)|)``.

    Both try X first and the empty string second, so they match the same text with the same groups.
    But ``re`` compiles an optional group that is more than one character into a REPEAT, which saves
    and restores every capture mark on each attempt; with ~40 groups that cost was most of the time of
    a match. An alternation with an empty branch is a plain BRANCH, several times cheaper. Escapes,
    character classes and verbose-mode comments are copied untouched; ``??``/``?+`` and lookarounds are
    left alone.
    """
    out: list[str] = []
    stack: list[tuple[int, str]] = []  # (index in out where an open group starts, its kind)
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        elif c == "#":  # a verbose-mode comment, to the end of the line
            j = pattern.find("\n", i)
            j = n if j < 0 else j
            out.append(pattern[i:j])
            i = j
        elif c == "[":
            j = i + 1
            if pattern.startswith("^", j):
                j += 1
            if pattern.startswith("]", j):
                j += 1
            while pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            out.append(pattern[i : j + 1])
            i = j + 1
        elif c == "(":
            if pattern.startswith("(?:", i):
                kind, head = "plain", "(?:"
            elif pattern.startswith("(?P<", i):
                kind, head = "group", pattern[i : pattern.index(">", i) + 1]
            elif pattern.startswith("(?", i):
                kind, head = "other", "(?"
            else:
                kind, head = "group", "("
            stack.append((len(out), kind))
            out.append(head)
            i += len(head)
        elif c == ")":
            start, kind = stack.pop()
            if kind != "other" and pattern.startswith(")?", i) and not pattern.startswith(("??", "?+"), i + 1):
                body = "".join(out[start:])
                del out[start:]
                out.append(body + "|)" if kind == "plain" else "(?:" + body + ")|)")
                i += 2
            else:
                out.append(")")
                i += 1
        else:
            out.append(c)
            i += 1
    if stack:
        raise ValueError("unbalanced parentheses")
    return "".join(out)
