"""Batch cleaning: many dumps in, exactly one `Result` per input out, in input order, in bounded memory.

One module per concern: `sources` (inputs → numbered items: paths, folders, globs, raw content),
`warc`, `record_files` and `archives` (containers of many documents), `sitefilter` (which URLs to clean),
`pool` (`iter_parse_many`, the stream of results in input order; `runner`: sending its tasks and
getting their outcomes back through broken and stuck workers; `worker`: the side that runs in each
worker; `watch`: which worker is on which document since when; `executors`: settled futures, failing
inputs, killing workers), `resultset` (`parse_many` and the `Results` it collects), `progress` (the
bar's total, counted up front), `frames` (`clean_frame` for pandas, Dask and Spark), `results` (`Result`,
`ErrorRecord`, `BatchStats`, DataFrames), `columns` (the one column set of DataFrames, Parquet, CSV and
JSONL), `dedupe` (content fingerprints, near-duplicates) and `writers` (streaming JSONL/Parquet/CSV/errors).
"""

from .columns import COLUMNS, CSV_COLUMNS, DATAFRAME_COLUMNS, Column, article_row, parquet_schema
from .dedupe import Deduper, fingerprint
from .frames import FRAME_COLUMNS, clean_frame, frame_meta, frame_schema, frame_spark_schema
from .pool import OnError, ResultStream, iter_parse_many
from .record_files import RecordFields, Records, records
from .results import (
    DUPLICATE,
    SKIPPED,
    BatchStats,
    ErrorRecord,
    NoArticleWarning,
    Result,
    errors_dataframe,
    to_dataframe,
)
from .resultset import Results, parse_many
from .sitefilter import SiteFilter
from .sources import DUMP_SUFFIXES, MAX_FILE_BYTES, RAW_TEXT_MIN_CHARS, Doc, RawInput, find_dumps, read_dump
from .writers import ArticleWriter, CsvWriter, ErrorWriter, JsonlWriter, ParquetWriter, open_writer

__all__ = [
    "COLUMNS",
    "CSV_COLUMNS",
    "Column",
    "DUPLICATE",
    "SKIPPED",
    "FRAME_COLUMNS",
    "Deduper",
    "Doc",
    "RecordFields",
    "Records",
    "SiteFilter",
    "clean_frame",
    "fingerprint",
    "frame_meta",
    "frame_schema",
    "frame_spark_schema",
    "records",
    "DATAFRAME_COLUMNS",
    "DUMP_SUFFIXES",
    "MAX_FILE_BYTES",
    "RAW_TEXT_MIN_CHARS",
    "ArticleWriter",
    "BatchStats",
    "CsvWriter",
    "ErrorRecord",
    "ErrorWriter",
    "JsonlWriter",
    "NoArticleWarning",
    "OnError",
    "ParquetWriter",
    "RawInput",
    "Result",
    "Results",
    "ResultStream",
    "article_row",
    "errors_dataframe",
    "find_dumps",
    "open_writer",
    "parquet_schema",
    "iter_parse_many",
    "parse_many",
    "read_dump",
    "to_dataframe",
]
