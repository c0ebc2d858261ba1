"""Inputs: what `parse_many` accepts and how each input becomes numbered units of work.

How an input is understood (the rule is fixed so a typo never silently turns into "raw text"):

* `pathlib.Path` (any `os.PathLike`): a file, a directory, or a glob pattern.
* `str` containing a newline, or longer than 4096 characters: raw page text.
* any other `str`: a path, directory or glob pattern, exactly like a `Path`. A one-line string that
  names nothing gives an `InputError` result ("no such file"); to clean one-line raw text pass
  `(id, text)` or bytes.
* `bytes` / `bytearray` / `memoryview`: raw page content.
* `(id, raw)` pair: raw content (str or bytes) — or a `Path` — reported under the given id.
* a `Doc` (what `newsclean.records()` yields): one document with its own id, url and fetched_at.

A file is a container of many documents when its name says so: WARC/WET (`.warc`, `.wet`, with
`.gz`), record files (`.jsonl`, `.ndjson`, `.csv`, `.parquet`, JSONL also gzipped) and archives
(`.zip`, `.tar`, `.tar.gz`, `.tgz`). Any other file is one dump.

Directories are walked recursively in sorted order for `*.txt`, `*.html`, `*.htm` and the same with
`.gz` (hidden files and directories are skipped); glob patterns are expanded in sorted order
(`**` allowed). Walks and patterns follow no symbolic links and open no FIFOs or devices: each is
reported as a skipped input, and a directory that cannot be read as an error, so nothing is lost
silently. A directory or pattern that matches nothing yields one `InputError` result.
"""

from __future__ import annotations

import datetime as dt
import gzip
import os
import stat
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional, Union

from ..errors import InputError
from .walk import DUMP_SUFFIXES, GLOB_MAGIC, expand, find_dumps, is_dump_name, safe_name

if TYPE_CHECKING:  # pragma: no cover
    from .record_files import RecordFields
    from .sitefilter import SiteFilter

__all__ = [
    "DUMP_SUFFIXES",
    "MAX_FILE_BYTES",
    "RAW_TEXT_MIN_CHARS",
    "Doc",
    "InputOptions",
    "Item",
    "RawInput",
    "container_kind",
    "find_dumps",
    "is_dump_name",
    "iter_items",
    "read_dump",
    "safe_name",
]

#: A str longer than this is raw text, never a path.
RAW_TEXT_MIN_CHARS = 4096
#: Files (after gunzip) larger than this are refused with an InputError instead of being read whole.
MAX_FILE_BYTES = 64 * 1024 * 1024

RawInput = Union[str, bytes, bytearray, memoryview, "os.PathLike[str]", tuple[Any, Any], "Doc"]
#: A unit of work: (index, id, kind, payload, meta). kind "path" → payload is a file name read in the
#: worker; "raw" → str/bytes; "error" and "skip" → (error_type, message) decided in the parent.
#: meta: per-document parse arguments (url, fetched_at) or None.
Item = tuple[int, str, str, Any, Optional[dict[str, Any]]]

# Container kinds by file name ending (lower-cased, longest first where endings overlap).
_CONTAINERS: tuple[tuple[str, str], ...] = (
    (".warc.gz", "warc"), (".warc", "warc"), (".wet.gz", "warc"), (".wet", "warc"),
    (".jsonl.gz", "records"), (".ndjson.gz", "records"), (".jsonl", "records"), (".ndjson", "records"),
    (".csv", "records"), (".parquet", "records"), (".pq", "records"),
    (".zip", "archive"), (".tar.gz", "archive"), (".tgz", "archive"), (".tar", "archive"),
)


@dataclass(frozen=True, slots=True)
class Doc:
    """One document from a container (a WARC record, a row of a record file, an archive member).

    `raw` is the page (str or bytes); `skipped` says why a document is not cleaned at all (a WARC
    response that is not HTML, or not HTTP 200): it is reported as a "Skipped" result, not an error;
    `error` why it could not be read (an `InputError` result).
    """

    id: str
    raw: Union[str, bytes, None]
    url: Optional[str] = None
    fetched_at: Optional[dt.datetime] = None
    skipped: Optional[str] = None
    error: Optional[str] = None

    def meta(self) -> Optional[dict[str, Any]]:
        """The per-document arguments for `parse` (only those the container gave)."""
        meta: dict[str, Any] = {}
        if self.url:
            meta["url"] = self.url
        if self.fetched_at is not None:
            meta["fetched_at"] = self.fetched_at
        return meta or None


@dataclass
class InputOptions:
    """How `iter_items` treats the inputs (set by `parse_many`)."""

    read_in_worker: bool = True
    fields: Optional[RecordFields] = None  # column names for record files (None: the defaults)
    site_filter: Optional[SiteFilter] = None  # documents with a URL outside it are dropped, counted
    exclude_ids: Collection[str] = ()  # ids already done (--resume): dropped, counted
    filtered: int = 0
    excluded: int = 0


def container_kind(name: str) -> Optional[str]:
    """"warc", "records" or "archive" when the file name says it holds many documents, else None."""
    lower = name.lower()
    for suffix, kind in _CONTAINERS:
        if lower.endswith(suffix):
            return kind
    return None


def read_dump(path: str | os.PathLike[str]) -> bytes:
    """Read one dump file as bytes (gunzipped when it ends in .gz). Raises `InputError`.

    Only regular files are read: a FIFO, socket or device is refused without blocking on it.
    """
    name = os.fspath(path)
    shown = safe_name(name)
    try:
        # O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever.
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise InputError(f"no such file: {shown}") from None
    except IsADirectoryError:
        raise InputError(f"is a directory: {shown}") from None
    except OSError as exc:
        raise InputError(f"cannot read {shown}: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError(f"is a directory: {shown}")
        if not stat.S_ISREG(mode):
            raise InputError(f"not a regular file (FIFO, socket or device): {shown}")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        with open(fd, "rb", closefd=False) as fh:
            if name.lower().endswith(".gz"):
                with gzip.GzipFile(fileobj=fh) as gz:
                    data = gz.read(MAX_FILE_BYTES + 1)
            else:
                data = fh.read(MAX_FILE_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"cannot read {shown}: {exc}") from None
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES:
        raise InputError(f"{shown} is larger than {MAX_FILE_BYTES:,} bytes")
    if not data.strip():
        raise InputError(f"{shown} is empty")
    return data


def iter_items(inputs: Iterable[Any], options: InputOptions) -> Iterator[Item]:
    """Number the inputs' documents and turn each into an `Item` (see the module docstring).

    Plain files are read here unless `options.read_in_worker`; containers always are, one record at a
    time. Documents outside `options.site_filter` or among `options.exclude_ids` are dropped and counted.
    """
    index = 0

    def item(id_: str, kind: str, payload: Any, meta: Optional[dict[str, Any]] = None) -> Item:
        nonlocal index
        if kind == "path" and not options.read_in_worker:
            try:
                kind, payload = "raw", read_dump(payload)
            except InputError as exc:
                kind, payload = "error", ("InputError", str(exc))
        out = (index, safe_name(id_), kind, payload, meta)
        index += 1
        return out

    def wanted(id_: str, url: Optional[str]) -> bool:
        nonlocal index
        if options.exclude_ids and safe_name(id_) in options.exclude_ids:
            # Done by an earlier run: it keeps its place, so a resumed run numbers results as the first did.
            options.excluded += 1
            index += 1
            return False
        if options.site_filter is not None and url and not options.site_filter.keeps(url):
            options.filtered += 1
            return False
        return True

    def from_doc(doc: Doc) -> Item:
        if doc.skipped is not None:
            return item(doc.id, "skip", ("Skipped", doc.skipped))
        if doc.error is not None or doc.raw is None:
            return item(doc.id, "error", ("InputError", doc.error or "record has no content"))
        return item(doc.id, "raw", doc.raw, doc.meta())

    def from_file(name: str) -> Iterator[Item]:
        kind = container_kind(name)
        if kind is None:
            if wanted(name, None):
                yield item(name, "path", name)
            return
        try:
            # The container asks `wanted` before reading each document's content.
            for doc in _open_container(kind, name, options, wanted):
                yield from_doc(doc)
        except InputError as exc:
            # A broken container ends there: one error record for the rest of it, then the next input.
            yield item(name, "error", ("InputError", str(exc)))

    for position, raw in enumerate(inputs):
        if isinstance(raw, Doc):
            if wanted(raw.id, raw.url):
                yield from_doc(raw)
        elif isinstance(raw, tuple) and len(raw) == 2:
            id_, content = str(raw[0]), raw[1]
            if not wanted(id_, None):
                continue
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
                yield from from_file(name)
                continue
            found = expand(name)
            if not found:
                what = "directory holds no .txt/.html/.htm(.gz) dumps" if os.path.isdir(name) else (
                    "pattern matched no files" if GLOB_MAGIC.intersection(name) else "no such file"
                )
                yield item(name, "error", ("InputError", f"{what}: {safe_name(name)}"))
                continue
            for kind, path, why in found:
                if kind == "file":
                    yield from from_file(path)
                elif wanted(path, None):
                    yield item(path, kind, ("Skipped" if kind == "skip" else "InputError", why))
        else:
            yield item(f"#{position}", "error", ("InputError", f"unsupported input type: {type(raw).__name__}"))


def _open_container(
    kind: str, name: str, options: InputOptions, wanted: Callable[[str, Optional[str]], bool]
) -> Iterator[Doc]:
    # Imported here: each reader pulls in its own library (fastwarc, pyarrow, ...) only when needed.
    if kind == "warc":
        from .warc import iter_warc

        return iter_warc(name, wanted)
    if kind == "records":
        from .record_files import iter_records

        return iter_records(name, options.fields, wanted)
    from .archives import iter_archive

    return iter_archive(name, wanted)
