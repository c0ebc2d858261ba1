"""Streaming writers: articles go to disk as they come, and the file is valid whenever the run stops.

    >>> with open_writer("out.parquet") as out, ErrorWriter("errors.jsonl") as errors:
    ...     for result in newsclean.iter_parse_many(["dumps/"]):
    ...         out.write_result(result) if result.ok else errors.write(result)

Formats, chosen by the output's extension, all with the same columns (`batch.columns.COLUMNS`) and
the same nulls:

* `.jsonl` / `.ndjson` (or "-" for stdout), also gzipped (`.jsonl.gz`): one flat JSON object per
  article, keys in column order; times as UTC ISO 8601. Each line is written whole and flushed, so an
  interrupted run leaves only complete lines (a killed one at most a partial last line, which
  `--resume` cuts off).
* `.parquet` / `.pq`: row groups of `row_group_size` records; closing — also on Ctrl-C, via `with` —
  writes the buffered rows and the footer.
* `.csv`: a header, then one row per article; list columns as JSON arrays, nulls as empty cells;
  flushed per record.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional, TextIO, cast

from ..models import Article
from .columns import CSV_COLUMNS, article_row, csv_cells, json_record, parquet_schema

if TYPE_CHECKING:  # pragma: no cover
    from .results import Result

__all__ = ["ArticleWriter", "CsvWriter", "ErrorWriter", "JsonlWriter", "ParquetWriter", "open_writer"]

FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet", ".csv": "csv"}


def output_format(path: str) -> Optional[str]:
    """"jsonl", "parquet" or "csv" from an output name ("-" is JSONL; ".jsonl.gz" is gzipped JSONL)."""
    if path == "-":
        return "jsonl"
    lower = path.lower()
    if lower.endswith((".jsonl.gz", ".ndjson.gz")):
        return "jsonl"
    return FORMATS.get(Path(lower).suffix)


class ArticleWriter:
    """Base of the streaming writers: `write(article, id)`, `close()`, usable with `with`."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        self.count = 0

    def write(self, article: Article, id: Optional[str] = None) -> None:
        raise NotImplementedError

    def write_result(self, result: Result) -> None:
        """Write the result's article (results without one are ignored: see `ErrorWriter`)."""
        if result.article is not None:
            self.write(result.article, result.id)

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> ArticleWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        # Also on KeyboardInterrupt: closing is what makes the file complete.
        self.close()


def _open_text(path: str, append: bool = False) -> tuple[TextIO, bool]:
    if path == "-":
        return sys.stdout, False
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    mode = "a" if append else "w"
    if path.lower().endswith(".gz"):
        # Appending adds a gzip member; readers see one stream. Flushes end a deflate block, so a
        # killed run leaves every flushed line readable.
        return cast(TextIO, gzip.open(path, mode + "t", encoding="utf-8", newline="")), True
    return cast(TextIO, open(path, mode, encoding="utf-8", newline="")), True


class _TextFileWriter(ArticleWriter):
    """A writer over one text file (or stdout for "-"), flushed and closed once. With `append`, a
    resumed run adds to what an earlier run wrote."""

    def __init__(self, path: str | os.PathLike[str], *, append: bool = False) -> None:
        super().__init__(path)
        self._fh, self._owns = _open_text(self.path, append)
        self._append = append and self._owns and os.path.getsize(self.path) > 0

    def close(self) -> None:
        if self._fh.closed:
            return
        self._fh.flush()
        if self._owns:
            self._fh.close()


class JsonlWriter(_TextFileWriter):
    """One flat JSON record per line (the column set), with the input's `id` first."""

    def write(self, article: Article, id: Optional[str] = None) -> None:
        # One write call per complete line: an interrupt lands before or after it, never inside a line.
        self._fh.write(json.dumps(json_record(article, id), ensure_ascii=False) + "\n")
        self._fh.flush()
        self.count += 1


class CsvWriter(_TextFileWriter):
    """CSV with a header: the column set, lists as JSON arrays, times as UTC ISO 8601."""

    def __init__(self, path: str | os.PathLike[str], *, append: bool = False) -> None:
        super().__init__(path, append=append)
        if not self._append:  # a resumed file has its header already
            csv.writer(self._fh).writerow(CSV_COLUMNS)
            self._fh.flush()

    def write(self, article: Article, id: Optional[str] = None) -> None:
        # Format the whole record first so the file only ever receives complete rows.
        buffer = io.StringIO()
        csv.writer(buffer).writerow(csv_cells(json_record(article, id)))
        self._fh.write(buffer.getvalue())
        self._fh.flush()
        self.count += 1


class ParquetWriter(ArticleWriter):
    """Parquet via pyarrow, one row group per `row_group_size` articles (the column set, Arrow types)."""

    def __init__(self, path: str | os.PathLike[str], *, row_group_size: int = 1000) -> None:
        super().__init__(path)
        try:
            import pyarrow.parquet as pq
        except ImportError:
            raise ImportError("Parquet output needs pyarrow: pip install newsclean[pandas]") from None
        Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self._schema = parquet_schema()
        self._writer: Any = pq.ParquetWriter(self.path, self._schema)
        self._rows: list[dict[str, Any]] = []
        self._row_group_size = max(1, row_group_size)

    def write(self, article: Article, id: Optional[str] = None) -> None:
        self._rows.append(article_row(article, id))
        self.count += 1
        if len(self._rows) >= self._row_group_size:
            self._flush()

    def _flush(self) -> None:
        if not self._rows:
            return
        import pyarrow as pa

        table = pa.Table.from_pylist(self._rows, schema=self._schema)
        self._rows = []
        self._writer.write_table(table)

    def close(self) -> None:
        if self._writer is None:
            return
        try:
            self._flush()
        finally:
            self._writer.close()
            self._writer = None


def open_writer(
    path: str | os.PathLike[str], *, format: Optional[str] = None, row_group_size: int = 1000, append: bool = False
) -> ArticleWriter:
    """A writer for `path`, its format taken from the extension unless `format` is given ("-" is JSONL
    on stdout). `append` continues a JSONL or CSV file (Parquet files cannot be appended to)."""
    name = os.fspath(path)
    kind = format or output_format(name)
    if kind == "jsonl":
        return JsonlWriter(name, append=append)
    if kind == "csv":
        return CsvWriter(name, append=append)
    if kind == "parquet":
        if append:
            raise ValueError("a Parquet file cannot be continued: resume into .jsonl, .jsonl.gz or .csv output")
        return ParquetWriter(name, row_group_size=row_group_size)
    raise ValueError(f"cannot tell the output format of {name!r}: use .jsonl, .jsonl.gz, .parquet or .csv")


class ErrorWriter:
    """Error results as JSONL: {"id", "index", "error_type", "message"} per line, flushed per record."""

    def __init__(self, path: str | os.PathLike[str], *, append: bool = False) -> None:
        self.path = os.fspath(path)
        self.count = 0
        self._fh, self._owns = _open_text(self.path, append)

    def write(self, result: Result) -> None:
        if result.error is None:
            return
        record = {
            "id": result.id,
            "index": result.index,
            "error_type": result.error.error_type,
            "message": result.error.message,
        }
        if result.error.duplicate_of is not None:
            record["duplicate_of"] = result.error.duplicate_of
        self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        self._fh.flush()
        self.count += 1

    def close(self) -> None:
        if not self._fh.closed and self._owns:
            self._fh.close()

    def __enter__(self) -> ErrorWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
