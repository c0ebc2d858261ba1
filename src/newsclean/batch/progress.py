"""The progress bar's total, known before the bar starts, so it never jumps.

A list of inputs says how many results are coming once its folders and glob patterns are expanded,
so they are expanded here, up front, into the entries the walk would have given one at a time (files,
and the links, FIFOs and unreadable folders it reports). Raw documents and `(id, raw)` pairs count
one each. When the count cannot be known without reading (a WARC file, a record file, an archive, or
a lazy iterable of inputs), the bar counts without a total instead of guessing one.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable
from typing import Any, Optional

from .sources import RAW_TEXT_MIN_CHARS, Doc, container_kind, safe_name
from .walk import GLOB_MAGIC, expand

__all__ = ["planned"]


def _names_a_path(raw: Any) -> bool:
    # The rule of `sources.iter_items`: a short one-line str is a name, a longer or multi-line one is text.
    if isinstance(raw, os.PathLike):
        return True
    return isinstance(raw, str) and "\n" not in raw and "\r" not in raw and len(raw) <= RAW_TEXT_MIN_CHARS


def planned(inputs: Iterable[Any], exclude_ids: Collection[str] = ()) -> tuple[Iterable[Any], Optional[int]]:
    """The inputs with folders and patterns expanded, and how many results they give (None: unknown).

    Only lists and tuples are expanded (a lazy iterable is never drawn ahead); the inputs come back
    unchanged with None when any of them is a container of many documents.
    """
    if not isinstance(inputs, (list, tuple)):
        return inputs, None
    flat: list[Any] = []
    for position, raw in enumerate(inputs):
        if isinstance(raw, Doc) or (isinstance(raw, tuple) and len(raw) == 2):
            flat.append(raw)
            continue
        if not _names_a_path(raw):
            # Anything else is named by its place in the inputs: keep that name once the list is flattened.
            if isinstance(raw, (str, bytes, bytearray, memoryview)):
                flat.append((f"#{position}", raw))
            else:
                flat.append(Doc(id=f"#{position}", raw=None, error=f"unsupported input type: {type(raw).__name__}"))
            continue
        name = os.fspath(raw)
        found = expand(name) if os.path.isdir(name) or GLOB_MAGIC.intersection(name) else []
        if not found:  # one file, or a name that matches nothing: one result either way
            if container_kind(name) is not None:
                return inputs, None
            flat.append(raw)
            continue
        for kind, path, why in found:
            if kind == "file":
                if container_kind(path) is not None:
                    return inputs, None
                flat.append(path)
            else:
                flat.append(Doc(id=path, raw=None, skipped=why) if kind == "skip" else Doc(id=path, raw=None, error=why))
    if not exclude_ids:
        return flat, len(flat)
    return flat, sum(_id(entry) not in exclude_ids for entry in flat)


def _id(entry: Any) -> str:
    if isinstance(entry, Doc):
        return safe_name(entry.id)
    if isinstance(entry, tuple):
        return safe_name(str(entry[0]))
    return safe_name(os.fspath(entry))
