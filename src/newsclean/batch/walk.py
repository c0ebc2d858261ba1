"""Walking folders and glob patterns for dump files, following no links and opening nothing.

A walk lists each real file once. Symbolic links are reported, not followed (a link loop can neither
repeat files nor hang), FIFOs, sockets and devices are reported without being opened, and a folder
that cannot be read is reported as an error: `expand` returns all three kinds of finding, in path order.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Optional

__all__ = ["DUMP_SUFFIXES", "GLOB_MAGIC", "Found", "expand", "find_dumps", "is_dump_name", "safe_name"]

#: File name endings a directory walk picks up (each also with ".gz").
DUMP_SUFFIXES: tuple[str, ...] = (".txt", ".html", ".htm")
#: Characters that make a path a glob pattern.
GLOB_MAGIC = frozenset("*?[")


def safe_name(name: str) -> str:
    """A file name as valid Unicode text: bytes that are not UTF-8 (kept by the OS as lone surrogates,
    e.g. b"caf\\xe9.txt") are shown as backslash escapes ("caf\\\\xe9.txt"), so ids can be written anywhere."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return name


def is_dump_name(name: str) -> bool:
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return lower.endswith(DUMP_SUFFIXES)


# What a walk finds: ("file", path), ("skip", path, why) for links and non-regular files, or
# ("error", path, why) for a directory it could not read.
Found = tuple[str, str, str]


def _classify(path: str) -> Optional[Found]:
    try:
        mode = os.lstat(path).st_mode
    except OSError as exc:
        return ("error", path, f"cannot read {safe_name(path)}: {exc.strerror or exc}")
    if stat.S_ISLNK(mode):
        return ("skip", path, f"symbolic link not followed: {safe_name(path)}")
    if stat.S_ISREG(mode):
        return ("file", path, "")
    if stat.S_ISDIR(mode):
        return None
    return ("skip", path, f"not a regular file (FIFO, socket or device): {safe_name(path)}")


def _walk(directory: str, keep: Callable[[str], bool] = is_dump_name) -> list[Found]:
    """Every dump under `directory` once: links are reported, not followed; unreadable folders are errors."""
    found: list[Found] = []

    def unreadable(exc: OSError) -> None:
        name = exc.filename if isinstance(exc.filename, str) else directory
        found.append(("error", name, f"cannot read directory {safe_name(name)}: {exc.strerror or exc}"))

    for root, dirs, files in os.walk(directory, onerror=unreadable, followlinks=False):
        visible = sorted(d for d in dirs if not d.startswith("."))
        dirs[:] = []
        for d in visible:
            path = os.path.join(root, d)
            if os.path.islink(path):
                found.append(("skip", path, f"symbolic link not followed: {safe_name(path)}"))
            else:
                dirs.append(d)
        for f in files:
            if f.startswith(".") or not keep(f):
                continue
            entry = _classify(os.path.join(root, f))
            if entry is not None:
                found.append(entry)
    # Sorted as paths (a/x before b.txt), the order `find | sort` users expect, whatever the walk order.
    found.sort(key=lambda entry: Path(entry[1]).parts)
    return found


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    """A glob pattern as a regex over '/'-joined paths: `*` and `?` stay within one name, `**/` spans folders."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:[^/]+/)*")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        if ch == "*":
            out.append("[^/]*")
        elif ch == "?":
            out.append("[^/]")
        elif ch == "[":
            end = pattern.find("]", i + 2)
            if end == -1:
                out.append(re.escape(ch))
            else:
                body = pattern[i + 1 : end]
                out.append("[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]")
                i = end
        else:
            out.append(re.escape(ch))
        i += 1
    return re.compile("".join(out) + r"\Z")


def _glob(pattern: str) -> list[Found]:
    """Expand a glob pattern without following links: walk from its literal head, match each path once."""
    parts = pattern.split(os.sep)
    head: list[str] = []
    for part in parts:
        if GLOB_MAGIC.intersection(part):
            break
        head.append(part)
    base = os.sep.join(head) if head else "."
    rest = parts[len(head):]
    depth = None if any("**" in part for part in rest) else len(rest)
    regex = _pattern_regex("/".join(rest))
    found: list[Found] = []

    def unreadable(exc: OSError) -> None:
        name = exc.filename if isinstance(exc.filename, str) else base
        found.append(("error", name, f"cannot read directory {safe_name(name)}: {exc.strerror or exc}"))

    if not os.path.isdir(base):
        return []
    for root, dirs, files in os.walk(base, onerror=unreadable, followlinks=False):
        rel_root = os.path.relpath(root, base)
        level = 0 if rel_root == "." else rel_root.count(os.sep) + 1
        names = sorted(dirs + files)
        keep_dirs = []
        for name in names:
            if name.startswith("."):
                continue
            path = os.path.join(root, name)
            if not head and path.startswith("." + os.sep):
                path = path[2:]  # "*.txt" lists "a.txt", as glob does, not "./a.txt"
            rel = name if rel_root == "." else f"{rel_root}{os.sep}{name}".replace(os.sep, "/")
            is_dir = name in dirs and not os.path.islink(path)
            if regex.match(rel):
                if is_dir:
                    found.extend(_walk(path))
                    continue  # its dumps are all listed; don't also match inside it
                entry = _classify(path)
                if entry is not None:
                    found.append(entry)
            elif is_dir:
                keep_dirs.append(name)
            elif name in dirs and (depth is None or level + 1 < depth):
                # A linked folder the pattern would have searched: say so rather than skip it silently.
                found.append(("skip", path, f"symbolic link not followed: {safe_name(path)}"))
        dirs[:] = keep_dirs if depth is None or level + 1 < depth else []
    found.sort(key=lambda entry: Path(entry[1]).parts)
    return found


def expand(name: str) -> list[Found]:
    """What a path, folder or pattern stands for: ("file", path, ""), ("skip", path, why) or ("error", path, why)."""
    if os.path.isdir(name):
        return _walk(name)
    if os.path.lexists(name):
        return [("file", name, "")]  # named by the user: read it (read_dump refuses what is not a file)
    if GLOB_MAGIC.intersection(name):
        return _glob(name)
    return []


def find_dumps(target: str | os.PathLike[str]) -> list[Path]:
    """The dump files a path, directory or glob pattern stands for, in sorted order ([] if none).

    Links, FIFOs and unreadable folders met on the way are left out here; `parse_many` reports them.
    """
    return [Path(entry[1]) for entry in expand(os.fspath(target)) if entry[0] == "file"]
