"""Inputs: what `parse_many` accepts and how each input becomes numbered units of work.

How an input is understood (the rule is fixed so a typo never silently turns into "raw text"):

* `pathlib.Path` (any `os.PathLike`): a file, a directory, or a glob pattern.
* `str` containing a newline, or longer than 4096 characters: raw page text.
* any other `str`: a path, directory or glob pattern, exactly like a `Path`. A one-line string that
  names nothing gives an `InputError` result ("no such file"); to clean one-line raw text pass
  `(id, text)` or bytes.
* `bytes` / `bytearray` / `memoryview`: raw page content.
* `(id, raw)` pair: raw content (str or bytes) — or a `Path` — reported under the given id.

Directories are walked recursively in sorted order for `*.txt`, `*.html`, `*.htm` and the same with
`.gz` (hidden files and directories are skipped); glob patterns are expanded in sorted order
(`**` allowed). A directory or pattern that matches nothing yields one `InputError` result, so every
input is accounted for.
"""

from __future__ import annotations

import glob
import gzip
import os
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Union

from ..errors import InputError

__all__ = ["DUMP_SUFFIXES", "MAX_FILE_BYTES", "RAW_TEXT_MIN_CHARS", "Item", "RawInput", "find_dumps", "iter_items", "read_dump"]

#: File name endings a directory walk picks up (each also with ".gz").
DUMP_SUFFIXES: tuple[str, ...] = (".txt", ".html", ".htm")
#: A str longer than this is raw text, never a path.
RAW_TEXT_MIN_CHARS = 4096
#: Files (after gunzip) larger than this are refused with an InputError instead of being read whole.
MAX_FILE_BYTES = 64 * 1024 * 1024

RawInput = Union[str, bytes, bytearray, memoryview, "os.PathLike[str]", tuple[Any, Any]]
#: A unit of work: (index, id, kind, payload). kind "path" → payload is a file name read in the worker;
#: "raw" → str/bytes; "error" → (error_type, message) decided in the parent.
Item = tuple[int, str, str, Any]
_GLOB_MAGIC = frozenset("*?[")


def read_dump(path: str | os.PathLike[str]) -> bytes:
    """Read one dump file as bytes (gunzipped when it ends in .gz). Raises `InputError`."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as fh:
            if name.lower().endswith(".gz"):
                with gzip.GzipFile(fileobj=fh) as gz:
                    data = gz.read(MAX_FILE_BYTES + 1)
            else:
                data = fh.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise InputError(f"no such file: {name}") from None
    except IsADirectoryError:
        raise InputError(f"is a directory: {name}") from None
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"cannot read {name}: {exc}") from None
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"{name} is larger than {MAX_FILE_BYTES:,} bytes")
    if not data.strip():
        raise InputError(f"{name} is empty")
    return data


def _is_dump_name(name: str) -> bool:
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    return lower.endswith(DUMP_SUFFIXES)


def _walk(directory: str) -> list[str]:
    found: list[str] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(os.path.join(root, f) for f in files if not f.startswith(".") and _is_dump_name(f))
    # Sorted as paths (a/x before b.txt), the order `find | sort` users expect, whatever the walk order.
    found.sort(key=lambda p: Path(p).parts)
    return found


def find_dumps(target: str | os.PathLike[str]) -> list[Path]:
    """The dump files a path, directory or glob pattern stands for, in sorted order ([] if none)."""
    name = os.fspath(target)
    if os.path.isdir(name):
        return [Path(p) for p in _walk(name)]
    if os.path.exists(name):
        return [Path(name)]
    if _GLOB_MAGIC.intersection(name):
        out: list[Path] = []
        for match in sorted(glob.glob(name, recursive=True)):
            out.extend([Path(p) for p in _walk(match)] if os.path.isdir(match) else [Path(match)])
        return out
    return []


def iter_items(
    inputs: Iterable[Any], read_in_worker: bool, on_expand: Callable[[int], None]
) -> Iterator[Item]:
    """Number the inputs' documents and turn each into an `Item` (see the module docstring).

    Files are read here unless `read_in_worker`; `on_expand(extra)` is told how many more documents
    than inputs a directory or pattern stood for (the progress bar's total grows by that much).
    """
    index = 0

    def item(id_: str, kind: str, payload: Any) -> Item:
        nonlocal index
        if kind == "path" and not read_in_worker:
            try:
                kind, payload = "raw", read_dump(payload)
            except InputError as exc:
                kind, payload = "error", ("InputError", str(exc))
        out = (index, id_, kind, payload)
        index += 1
        return out

    for position, raw in enumerate(inputs):
        if isinstance(raw, tuple) and len(raw) == 2:
            id_, content = str(raw[0]), raw[1]
            if isinstance(content, os.PathLike):
                yield item(id_, "path", os.fspath(content))
            elif isinstance(content, (str, bytes, bytearray, memoryview)):
                yield item(id_, "raw", bytes(content) if not isinstance(content, (str, bytes)) else content)
            else:
                yield item(id_, "error", ("InputError", f"unsupported raw content: {type(content).__name__}"))
        elif isinstance(raw, (bytes, bytearray, memoryview)):
            yield item(f"#{position}", "raw", bytes(raw))
        elif isinstance(raw, str) and ("\n" in raw or "\r" in raw or len(raw) > RAW_TEXT_MIN_CHARS):
            yield item(f"#{position}", "raw", raw)
        elif isinstance(raw, (str, os.PathLike)):
            name = os.fspath(raw)
            if os.path.isfile(name):
                yield item(name, "path", name)
                continue
            files = find_dumps(name)
            if not files:
                what = "directory holds no .txt/.html/.htm(.gz) dumps" if os.path.isdir(name) else (
                    "pattern matched no files" if _GLOB_MAGIC.intersection(name) else "no such file"
                )
                yield item(name, "error", ("InputError", f"{what}: {name}"))
                continue
            on_expand(len(files) - 1)
            for path in files:
                yield item(str(path), "path", str(path))
        else:
            yield item(f"#{position}", "error", ("InputError", f"unsupported input type: {type(raw).__name__}"))
