"""Record files — scraper output and lake tables — as a stream of `Doc`s.

    >>> results = newsclean.parse_many(newsclean.records("scraped.jsonl", text="content", url="link"))

JSONL (also `.jsonl.gz`), CSV and Parquet, read row by row (Parquet in record batches of only the
columns used), so a file of any size streams. Column names, when not given:

* content: the first of `html`, `content`, `text` that a row has (non-empty);
* `url`, `id` (else "<file>#<row number>", counted from 1) and `fetched_at` (ISO 8601 text, a
  datetime, or seconds since the epoch; a time without offset is taken as UTC).

A row that cannot be read (bad JSON, no content) becomes an `InputError` result of its own; the
rest of the file goes on.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import json
import os
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Optional

from ..errors import InputError
from .sources import MAX_FILE_BYTES, Doc, safe_name

__all__ = ["DEFAULT_CONTENT_FIELDS", "RecordFields", "Records", "iter_records", "records"]

DEFAULT_CONTENT_FIELDS: tuple[str, ...] = ("html", "content", "text")

_Wanted = Callable[[str, Optional[str]], bool]


@dataclass(frozen=True)
class RecordFields:
    """Which columns of a record file hold what (None: the defaults in the module docstring)."""

    text: Optional[str] = None
    html: Optional[str] = None
    url: Optional[str] = "url"
    id: Optional[str] = "id"
    fetched_at: Optional[str] = "fetched_at"

    def content_fields(self) -> tuple[str, ...]:
        given = tuple(name for name in (self.html, self.text) if name)
        return given or DEFAULT_CONTENT_FIELDS

    def columns(self) -> list[str]:
        names = [*self.content_fields(), self.url, self.id, self.fetched_at]
        return list(dict.fromkeys(name for name in names if name))


def _absent(value: Any) -> bool:
    """None, "", and the missing values of pandas and Arrow (NaN, NaT, NA)."""
    if value is None or (isinstance(value, str) and value == ""):
        return True
    if type(value).__name__ in ("NAType", "NaTType"):
        return True
    return isinstance(value, float) and value != value


def to_fetched_at(value: Any) -> Optional[dt.datetime]:
    """A record's fetch time as a tz-aware datetime (naive → UTC); None when absent. Raises `InputError`."""
    if _absent(value):
        return None
    if isinstance(value, dt.datetime):
        when = value
    elif hasattr(value, "to_pydatetime"):  # a pandas Timestamp
        when = value.to_pydatetime()
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        when = dt.datetime.fromtimestamp(value, dt.timezone.utc)
    elif isinstance(value, str):
        try:
            when = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise InputError(f"fetched_at is not an ISO 8601 time: {value[:40]!r}") from None
    else:
        raise InputError(f"fetched_at must be a time, not {type(value).__name__}")
    return when if when.utcoffset() is not None else when.replace(tzinfo=dt.timezone.utc)


def row_to_doc(row: Mapping[str, Any], fallback_id: str, fields: RecordFields, wanted: _Wanted) -> Optional[Doc]:
    """One record as a `Doc` (None when `wanted` drops it)."""
    raw_id = row.get(fields.id) if fields.id else None
    id_ = fallback_id if _absent(raw_id) else str(raw_id)
    url_value = row.get(fields.url) if fields.url else None
    url = None if _absent(url_value) else str(url_value)
    if not wanted(id_, url):
        return None
    content = next((row[name] for name in fields.content_fields() if not _absent(row.get(name))), None)
    if content is None:
        names = "/".join(fields.content_fields())
        return Doc(id_, None, url, error=f"record has no {names} field")
    if not isinstance(content, (str, bytes)):
        return Doc(id_, None, url, error=f"record content is {type(content).__name__}, not text")
    try:
        when = to_fetched_at(row.get(fields.fetched_at)) if fields.fetched_at else None
    except InputError as exc:
        return Doc(id_, None, url, error=str(exc))
    return Doc(id_, content, url, when)


def _jsonl_rows(path: str) -> Iterator[tuple[Optional[dict[str, Any]], Optional[str]]]:
    opener = gzip.open if path.lower().endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield None, f"not a JSON object ({exc.msg})"
                continue
            yield (row, None) if isinstance(row, dict) else (None, "not a JSON object")


def _csv_rows(path: str) -> Iterator[tuple[Optional[dict[str, Any]], Optional[str]]]:
    # A page's HTML in one cell easily passes csv's 128 KiB default cell limit.
    csv.field_size_limit(min(sys.maxsize, MAX_FILE_BYTES))
    with open(path, encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.DictReader(fh):
            yield row, None


def _parquet_rows(path: str, columns: list[str]) -> Iterator[tuple[Optional[dict[str, Any]], Optional[str]]]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        raise InputError("reading Parquet needs pyarrow: pip install newsclean[pandas]") from None
    table = pq.ParquetFile(path)
    present = [name for name in columns if name in table.schema_arrow.names]
    for batch in table.iter_batches(batch_size=256, columns=present):
        for row in batch.to_pylist():
            yield row, None


def iter_records(path: str, fields: Optional[RecordFields] = None, wanted: _Wanted = lambda id_, url: True) -> Iterator[Doc]:
    """The documents of one record file (JSONL, CSV or Parquet, by its extension), in file order."""
    fields = fields or RecordFields()
    lower = path.lower()
    shown = safe_name(path)
    if lower.endswith((".parquet", ".pq")):
        rows = _parquet_rows(path, fields.columns())
    elif lower.endswith(".csv"):
        rows = _csv_rows(path)
    else:
        rows = _jsonl_rows(path)
    number = 0
    try:
        for number, (row, problem) in enumerate(rows, start=1):
            fallback = f"{shown}#{number}"
            if row is None:
                if wanted(fallback, None):
                    yield Doc(fallback, None, error=f"{fallback}: {problem}")
                continue
            doc = row_to_doc(row, fallback, fields, wanted)
            if doc is not None:
                yield doc
    except (OSError, EOFError, ValueError, csv.Error) as exc:
        # pyarrow's errors derive from these; a truncated gzip raises EOFError.
        where = f"after row {number}" if number else "at the start"
        raise InputError(f"cannot read {shown} {where}: {exc}") from None


class Records:
    """A record file as an iterable of `Doc`s for `parse_many` (iterable more than once)."""

    def __init__(self, path: str | os.PathLike[str], fields: RecordFields) -> None:
        self.path = os.fspath(path)
        self.fields = fields

    def __iter__(self) -> Iterator[Doc]:
        return iter_records(self.path, self.fields)

    def __repr__(self) -> str:
        return f"Records({self.path!r}, {self.fields})"


def records(
    path: str | os.PathLike[str],
    *,
    text: Optional[str] = None,
    html: Optional[str] = None,
    url: Optional[str] = "url",
    id: Optional[str] = "id",
    fetched_at: Optional[str] = "fetched_at",
) -> Records:
    """The rows of a JSONL/CSV/Parquet file as documents for `parse_many`, naming the columns to use.

    `text`/`html`: the column holding the dump (default: the first of html, content, text present);
    `url`, `id`, `fetched_at`: those columns (None: not read). See the module docstring.
    """
    name = os.fspath(path)
    if not name.lower().endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".csv", ".parquet", ".pq")):
        raise InputError(f"not a record file (.jsonl, .jsonl.gz, .csv, .parquet): {safe_name(name)}")
    return Records(name, RecordFields(text=text, html=html, url=url, id=id, fetched_at=fetched_at))

